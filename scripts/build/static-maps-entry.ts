/**
 * Server-side entry for the static map pages (loaded through Vite by static-maps.ts): each
 * region's default map (its first official statistic at the latest period, as the map
 * view opens), rendered by the same EmbedMap and MapView the embed uses, with the same
 * view-model and the same static SVG drawing. Regions come from the data (mapRegionCodes),
 * so a combined authority added to areas.csv gets its page with no change here.
 */
import { JSDOM } from 'jsdom';
import { staticMarkup as bodyMarkup } from './ssr.ts';
import { render } from 'svelte/server';
import EmbedMap from '../../src/components/embed/EmbedMap.svelte';
import MapPicture from '../../src/components/map/MapPicture.svelte';
import { mapPicture } from '../../src/lib/export/map-files.ts';
import { prerenderedReader, type PrerenderedTexts } from '../../src/lib/app/prerendered.ts';
import { loadIndicators } from '../../src/lib/data/indicators/load.ts';
import { loadDatasets, type ReadText } from '../../src/lib/data/load.ts';
import { MAP_EMBED_ID } from '../../src/lib/export/embed-params.ts';
import { parseBoundaries } from '../../src/lib/map/boundaries.ts';
import { seedMapInputs } from '../../src/lib/map/map-inputs.svelte.ts';
import { STATIC_MAP_WIDTHS, staticMapAttributes } from '../../src/lib/map/static-map.ts';
import { mapRegionCodes, mapViewModel, withLoadedIndicators, type OfficialInput } from '../../src/lib/map/view-model.ts';

export interface StaticMap {
  region: string;
  title: string;
  /** data-* attributes for the page's root: the parameters the live map takes over with. */
  attributes: Record<string, string>;
  /** The embed's markup with the map drawn, made to work without a script (see staticMarkup). */
  body: string;
  /** Rules for what were style="…" attributes (blocked by the page's CSP). */
  css: string;
  /** Data files that were missing or broken at build time. */
  broken: string[];
}

/**
 * The embed's markup as a page without JavaScript shows it: the pickers disabled (they
 * need a script), the downloads and "Explore the map" left to the script (hidden until it
 * runs), the table's "show on the map" buttons as plain names, and each style="…" as a class.
 */
export function staticMarkup(body: string, narrow: string | null = null): { html: string; css: string } {
  const dom = new JSDOM(`<!doctype html><html><body>${body}</body></html>`);
  const root = dom.window.document.body;
  // The still drawing at two widths (the page's CSS shows one): `narrow` is the phone's, as the server rendered it.
  const still = root.querySelector('.map-stage .still');
  if (still && narrow !== null) {
    const wide = dom.window.document.createElement('div');
    wide.className = 'static-wide';
    wide.append(...still.childNodes);
    const parsed = new JSDOM(`<!doctype html><html><body><div class="static-narrow">${narrow}</div></body></html>`).window.document.body.firstElementChild;
    still.append(wide, ...(parsed ? [dom.window.document.importNode(parsed, true)] : []));
  }
  for (const select of root.querySelectorAll('.controls select')) select.setAttribute('disabled', '');
  for (const element of root.querySelectorAll('.map-actions')) element.remove();
  for (const element of root.querySelectorAll('.map-stage .explore')) {
    element.setAttribute('hidden', '');
    element.setAttribute('data-needs-script', '');
  }
  for (const button of root.querySelectorAll('button.show')) {
    button.querySelector('.visually-hidden')?.remove();
    button.replaceWith(...button.childNodes);
  }
  // No hydration happens (the live map mounts afresh), so Svelte's markers and the SVG children's
  // redundant xmlns (the HTML parser puts them in the SVG namespace anyway) only add weight.
  const walker = dom.window.document.createTreeWalker(root, dom.window.NodeFilter.SHOW_COMMENT);
  const comments: Node[] = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  for (const comment of comments) comment.parentNode?.removeChild(comment);
  for (const element of root.querySelectorAll('svg [xmlns]')) element.removeAttribute('xmlns');
  return bodyMarkup(dom, 'static-style');
}

/** Every region's static map; `read` reads a file under public/data (indicators and the boundaries). */
export async function renderMaps(texts: PrerenderedTexts, read: ReadText, boundariesFile: string): Promise<StaticMap[]> {
  const result = await loadDatasets(prerenderedReader(texts));
  const broken = result.reports.filter((report) => report.status !== 'ok').map((report) => report.file);
  let boundaries;
  try {
    boundaries = parseBoundaries(JSON.parse(await read(boundariesFile)));
  } catch {
    boundaries = { ok: false, reason: 'the boundaries file is missing from this copy of the dashboard' } as const;
  }
  const nothing: OfficialInput = { metadata: null, store: new Map(), problems: {} };
  const metadataOnly = withLoadedIndicators(nothing, await loadIndicators(read, { ids: [] }), []);
  const pages: StaticMap[] = [];
  for (const region of mapRegionCodes(result.data)) {
    // What the view would load next for this region's default: the chosen indicator's file.
    const first = mapViewModel(result.data, { region, indicator: null, period: null }, boundaries, metadataOnly);
    const ids = first.status === 'ok' && first.needsIndicator ? [first.needsIndicator] : [];
    const official = ids.length > 0 ? withLoadedIndicators(metadataOnly, await loadIndicators(read, { ids }), ids) : metadataOnly;
    const view = mapViewModel(result.data, { region, indicator: null, period: null }, boundaries, official);
    if (view.status !== 'ok') continue;
    seedMapInputs({ boundaries, official });
    const { body } = render(EmbedMap, { props: { chartId: MAP_EMBED_ID, params: { region }, preloaded: result, explore: 'still' } });
    const narrow = view.map.status === 'ready' ? mapPicture(view.map.drawing, STATIC_MAP_WIDTHS.narrow, 560) : null;
    const markup = staticMarkup(body, narrow ? render(MapPicture, { props: { picture: narrow, label: view.map.status === 'ready' ? view.map.label : '', keyClass: 'number-key' } }).body : null);
    pages.push({ region, title: view.embedTitle, attributes: staticMapAttributes(view.params), body: markup.html, css: markup.css, broken });
  }
  return pages;
}
