/**
 * Build-only Vite plugin: one static page per region the map offers,
 * dist/embed/map-<region>.html (staticMapPath), showing that region's default map as an
 * SVG drawn at build time, with its key, district table, summary, caveat and sources, and
 * working with JavaScript off. Its one script before interaction is the static pages' inline
 * starter (public/start-chart.js), which reports the page's height to a host page and, when
 * the reader reaches for the map, loads src/static-map.ts and through it Leaflet and the live
 * embed. No script file is requested before the first paint. Its CSS and starter are inline,
 * allowed by hash in its Content-Security-Policy.
 *
 * Reads public/data with the app's own loader at build time, like the headline prerender.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { bundleCss, escapeHtml, staticHtml, staticPagesPlugin, withSsrEntry, publicText } from './ssr.ts';
import type { OutputBundle } from 'rolldown';
import { BOUNDARIES_FILE } from '../../src/lib/map/boundaries.ts';
import { staticMapPath } from '../../src/lib/map/static-map.ts';
import { contentSecurityPolicy, styleHash } from './csp.ts';
import { listOnEmbedPage, NARROW_BELOW_PX, START_CHART_SCRIPT, STATIC_PAGE_LISTS, starterScript } from './static-charts.ts';
import { MAP_EMBED_ID } from '../../src/lib/export/embed-params.ts';
import { readDataTexts } from './prerender.ts';

type Entry = typeof import('./static-maps-entry.ts');

const ENTRY = fileURLToPath(new URL('./static-maps-entry.ts', import.meta.url));
/** The loader's entry name in vite.config.ts's rolldownOptions.input. */
export const STATIC_MAP_SCRIPT = 'static-map';
/** Stylesheets the map's markup needs: the site's base CSS, the map view's and the embed footer's. */
const MAP_CSS = /^assets\/(shared|MapView|EmbedFooter)-[\w-]+\.css$/;
/**
 * The embed page's frame (EmbedApp's rules), for the same layout without its script; and which
 * of the two still drawings shows (the narrow one on phones, at the static chart pages' breakpoint).
 */
const PAGE_CSS = [
  '.static-map{padding:.25rem .75rem .75rem;overflow:hidden}.static-map>main{max-width:72rem;margin:0 auto}',
  `.static-map .still .static-narrow{display:none}@media (max-width:${NARROW_BELOW_PX - 0.02}px){.static-map .still .static-wide{display:none}.static-map .still .static-narrow{display:block}}`,
].join('');


/**
 * The loader's chunk and the chunks it imports, dependencies first: what the starter
 * fetches side by side and runs when the reader reaches for the map (paths from the site root).
 */
export function loaderScripts(bundle: OutputBundle): string[] {
  const chunks = new Map(Object.values(bundle).flatMap((output) => (output.type === 'chunk' ? [[output.fileName, output] as const] : [])));
  const entry = [...chunks.values()].find((chunk) => chunk.isEntry && chunk.name === STATIC_MAP_SCRIPT);
  if (!entry) throw new Error(`The build has no "${STATIC_MAP_SCRIPT}" entry chunk for the static map pages (vite.config.ts input).`);
  const order: string[] = [];
  const visit = (fileName: string) => {
    if (order.includes(fileName)) return;
    for (const imported of chunks.get(fileName)?.imports ?? []) visit(imported);
    order.push(fileName);
  };
  visit(entry.fileName);
  return order;
}

export function staticMapPage(page: { region: string; title: string; attributes: Record<string, string>; body: string; css: string; broken: string[] }, siteCss: string, starter: string, scripts: readonly string[]): string {
  const css = `${siteCss}\n${PAGE_CSS}\n${page.css}`;
  const script = starterScript(starter, scripts);
  const policy = contentSecurityPolicy({ styleHashes: [styleHash(css)], scriptHashes: [script.hash] });
  const attributes = Object.entries(page.attributes)
    .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
    .join('');
  const note = page.broken.length > 0 ? `\n        <p class="note" role="note">Some data files could not be used (${escapeHtml(page.broken.join(', '))}); the full dashboard’s data page says why.</p>` : '';
  // <base>: the page lives in embed/, but the live map fetches data/ and assets/ from the site root, as embed.html does.
  return staticHtml({
    policy,
    title: page.title,
    head: ['<meta name="robots" content="noindex" />', '<base href="../" />', '<link rel="icon" href="favicon.svg" type="image/svg+xml" />', `<style>${css}</style>`, script.element],
    body: `    <div class="embed static-map" data-static-map data-report-height="${MAP_EMBED_ID}"${attributes}>
      <main>${note}
        ${page.body}
      </main>
    </div>`,
  });
}

export function staticMaps(): Plugin {
  return staticPagesPlugin('city-region:static-maps', async (emit, { root, dataDir, publicDir }, bundle) => {
    const texts = await readDataTexts(dataDir);
    const maps = await withSsrEntry<Entry, Awaited<ReturnType<Entry['renderMaps']>>>(root, ENTRY, (entry) => entry.renderMaps(texts, (file) => readFile(path.join(dataDir, file), 'utf8'), BOUNDARIES_FILE));
    const css = bundleCss(bundle, MAP_CSS);
    const starter = await publicText(publicDir, START_CHART_SCRIPT);
    const scripts = loaderScripts(bundle);
    for (const map of maps) emit(staticMapPath(map.region), staticMapPage(map, css, starter, scripts));
    // embed.html?chart=map&region=<code> forwards to its page (only the default view: see embed.html).
    listOnEmbedPage(bundle, Object.fromEntries(maps.map((map) => [map.region, staticMapPath(map.region)])), STATIC_PAGE_LISTS.maps);
  });
}
