/**
 * Build-only Vite plugin: one static page per registry chart, dist/embed/<id>.html, that
 * shows the chart's default view (its SVG drawn at build time, title, caption, legend,
 * summary, notes, table and sources) with no JavaScript at all. An embed in a council page,
 * an RSS reader or a print shows the chart even where scripts do not run, and the page costs
 * one request: its CSS is inline, allowed by hash in its Content-Security-Policy.
 * The interactive embed (embed.html?chart=<id>) is one click away, for the chart's controls
 * and downloads.
 *
 * Reads public/data with the app's own loader at build time, like the headline prerender.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer, type Plugin } from 'vite';
import type { OutputBundle } from 'rolldown';
import { contentSecurityPolicy, styleHash } from './csp.ts';
import { readDataTexts } from './prerender.ts';

type Entry = typeof import('./static-charts-entry.ts');

const ENTRY = fileURLToPath(new URL('./static-charts-entry.ts', import.meta.url));
/** Width the SVG is drawn at; it scales down with its container (max-width: 100%). */
export const STATIC_CHART_WIDTH = 640;
/** Stylesheets the chart's markup needs: the site's base CSS and the chart components'. */
const CHART_CSS = /^assets\/(shared|ChartFigure|EmbedChart|EmbedFooter)-[\w-]+\.css$/;

/** The static page for a chart: `embed/<id>.html`. */
export const staticChartPath = (id: string) => `embed/${id}.html`;

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cssFrom(bundle: OutputBundle): string {
  const parts: string[] = [];
  for (const [file, output] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
    if (output.type !== 'asset' || !CHART_CSS.test(file)) continue;
    const text = typeof output.source === 'string' ? output.source : new TextDecoder().decode(output.source);
    if (/url\(\s*['"]?(?!data:|#)/.test(text) || /<\/style/i.test(text)) throw new Error(`${file} cannot be inlined into the static chart pages.`);
    // shared first: the base styles the components' rules refine.
    if (file.startsWith('assets/shared-')) parts.unshift(text.trim());
    else parts.push(text.trim());
  }
  return parts.join('\n');
}

export function staticPage(options: { id: string; title: string; body: string; broken: string[]; css: string }, siteCss: string): string {
  const { id, title, body, broken } = options;
  const css = `${siteCss}\n${options.css}`;
  const policy = contentSecurityPolicy({ styleHashes: [styleHash(css)] });
  const interactive = `../embed.html?chart=${encodeURIComponent(id)}`;
  const note = broken.length > 0 ? `\n      <p class="note" role="note">Some data files could not be used (${escapeHtml(broken.join(', '))}); the full dashboard’s data page says why.</p>` : '';
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${policy}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="robots" content="noindex" />
    <link rel="icon" href="../favicon.svg" type="image/svg+xml" />
    <title>${escapeHtml(title)} – City region skills dashboard</title>
    <style>${css}</style>
  </head>
  <body>
    <div class="embed static-chart" data-static-chart="${escapeHtml(id)}">
      <main>${note}
      ${body}
      <p class="embed-footer">From the <a href="../#/compare" target="_blank" rel="noopener">City region skills dashboard<span class="visually-hidden"> (opens in a new tab)</span></a>, where every figure links to its source. <a href="${escapeHtml(interactive)}">Interactive version</a> (controls and downloads).</p>
      </main>
    </div>
  </body>
</html>
`;
}

export function staticCharts(): Plugin {
  let root = process.cwd();
  let dataDir = '';
  return {
    name: 'city-region:static-charts',
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      root = config.root;
      dataDir = path.join(config.publicDir, 'data');
    },
    async generateBundle(_options, bundle) {
      const texts = await readDataTexts(dataDir);
      const server = await createServer({ root, configFile: false, logLevel: 'error', appType: 'custom', plugins: [svelte()], server: { middlewareMode: true, hmr: false, ws: false } });
      let charts: Awaited<ReturnType<Entry['renderCharts']>>;
      try {
        const entry = (await server.ssrLoadModule(ENTRY)) as Entry;
        // Files under public/data by their path there, as the page would fetch them (official statistics).
        charts = await entry.renderCharts(texts, STATIC_CHART_WIDTH, (file) => readFile(path.join(dataDir, file), 'utf8'));
      } finally {
        await server.close();
      }
      const css = cssFrom(bundle);
      for (const chart of charts) this.emitFile({ type: 'asset', fileName: staticChartPath(chart.id), source: staticPage(chart, css) });
    },
  };
}
