/**
 * Build-only Vite plugin: the charts as static pages that paint with no JavaScript.
 * - dist/embed/<id>.html, one per registry chart: its default view (the SVG drawn at build
 *   time, title, caption, legend, summary, notes, table and sources), for an iframe.
 * - dist/compare.html: every chart, with its own controls, for the default pair of regions:
 *   the compare view at an address that works without scripts (#/compare still works).
 * Each page's CSS is inline (allowed by hash in its Content-Security-Policy), so it paints
 * after one request. Its one script, public/start-chart.js (about 1 KB, inline), loads the embed
 * script when the reader first reaches for a chart, which takes the drawing over in place
 * (src/lib/app/take-over.ts). Without scripts, a <noscript> style hides the buttons that
 * need one and opens the tables. embed.html?chart=<id> forwards to the chart's page.
 *
 * Reads public/data with the app's own loader at build time, like the headline prerender.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { assetText, bundleCss as cssFrom, escapeHtml, staticHtml, staticPagesPlugin, withSsrEntry, publicText } from './ssr.ts';
import type { OutputBundle } from 'rolldown';
import { RESIZE_MESSAGE_TYPE } from '../../src/lib/export/embed-snippet.ts';
import { STATIC_MAP_WIDTHS } from '../../src/lib/map/static-map.ts';
import { contentSecurityPolicy, styleHash } from './csp.ts';
import { readDataTexts } from './prerender.ts';
import type { StaticChart, StaticCompare } from './static-charts-entry.ts';

type Entry = typeof import('./static-charts-entry.ts');

const ENTRY = fileURLToPath(new URL('./static-charts-entry.ts', import.meta.url));
/**
 * Widths each chart is drawn at, the static maps' own: a page shows the one that suits its
 * width (NARROW_CSS), which scales down with its container (max-width: 100%). One drawing at
 * 640 px would shrink its text to about half on a phone; the interactive chart then takes over
 * at the width that is shown.
 */
export const STATIC_CHART_WIDTHS = STATIC_MAP_WIDTHS;
/** Below this page width the narrow drawing shows (the wide one would shrink below about 85%). */
export const NARROW_BELOW_PX = 560;
// Three classes: more specific than the drawing's own `.chart-plot svg { display: block }`.
const NARROW_CSS = `.chart-island .chart-plot .static-narrow{display:none}@media (max-width:${NARROW_BELOW_PX - 0.02}px){.chart-island .chart-plot .static-wide{display:none}.chart-island .chart-plot .static-narrow{display:block}}`;
/** Stylesheets the charts' markup needs: the site's base CSS and the chart components'. */
const CHART_CSS = /^assets\/(shared|ChartFigure|EmbedChart|EmbedFooter)-[\w-]+\.css$/;
/** The compare page adds the dashboard's own (site header and navigation). */
const PAGE_CSS = /^assets\/app-[\w-]+\.css$/;
/** The file (under public/) whose text, inlined in each page, starts the charts. */
export const START_CHART_SCRIPT = 'start-chart.js';
/** The embed page's frame, as EmbedApp lays it out (its scoped rule does not reach this markup). */
const FRAME_CSS = '.static-chart{padding:0.25rem 0.75rem 0.75rem}.static-chart>main{max-width:72rem;margin:0 auto}';
/** Without scripts: no buttons that need one, and every table open. */
export const NO_SCRIPT_CSS = '.chart-table-toggle,.chart-actions,.chart-controls{display:none}.chart-table[hidden]{display:block}';

/** The static page for a chart: `embed/<id>.html`. */
export const staticChartPath = (id: string) => `embed/${id}.html`;
/** The compare view without scripts. */
export const STATIC_COMPARE_PATH = 'compare.html';


/** The scripts embed.html runs, in page order, which the static pages load to take their charts over. */
function embedScripts(bundle: OutputBundle): string[] {
  const embed = bundle['embed.html'];
  const scripts = embed?.type === 'asset' ? [...assetText(embed).matchAll(/<script type="module"[^>]*\ssrc="\.\/([^"]+)"/g)].map((match) => match[1] ?? '') : [];
  if (scripts.length === 0) throw new Error('embed.html has no module script for the static chart pages to load.');
  return scripts;
}

interface PageParts {
  title: string;
  /** From the page to the site root: "../" for embed/<id>.html, "./" for compare.html. */
  root: string;
  css: string;
  scripts: readonly string[];
  /** The text of public/start-chart.js: inline, so the page paints after one request. */
  starter: string;
  body: string;
}

/**
 * A static page's one script: the text of public/start-chart.js inline (so the page paints
 * after one request), told which scripts to load (URLs from the page's base) and allowed by
 * the returned hash in the page's policy. Shared by the chart and map pages.
 */
export function starterScript(starter: string, scripts: readonly string[]): { element: string; hash: string } {
  if (/<\/script/i.test(starter)) throw new Error(`${START_CHART_SCRIPT} cannot be inlined: it contains "</script".`);
  return {
    element: `<script type="module" data-embed-scripts="${escapeHtml(scripts.join(' '))}" data-resize-message="${RESIZE_MESSAGE_TYPE}">${starter}</script>`,
    hash: styleHash(starter),
  };
}

function page({ title, root, css, scripts, starter, body }: PageParts): string {
  const script = starterScript(
    starter,
    scripts.map((src) => root + src),
  );
  const policy = contentSecurityPolicy({ styleHashes: [styleHash(`${css}\n${NARROW_CSS}`), styleHash(NO_SCRIPT_CSS)], scriptHashes: [script.hash] });
  return staticHtml({
    policy,
    title,
    head: [`<link rel="icon" href="${root}favicon.svg" type="image/svg+xml" />`, `<style>${css}\n${NARROW_CSS}</style>`, `<noscript><style>${NO_SCRIPT_CSS}</style></noscript>`, script.element],
    body,
  });
}

/** One chart's root: the element the interactive chart replaces, with what it needs to know. */
const island = (chart: StaticChart, attributes: string, html: string) => `<div class="chart-island" data-static-chart="${escapeHtml(chart.id)}" ${attributes}>${html}</div>`;

export function staticPage(chart: StaticChart, css: string, scripts: readonly string[], starter: string): string {
  const body = `    <div class="embed static-chart" data-report-height="${escapeHtml(chart.id)}">
      <main>
      ${island(chart, 'data-site-root="../" data-standalone', chart.embed.html)}
      </main>
    </div>`;
  return page({ title: chart.title, root: '../', css: `${css}\n${FRAME_CSS}\n${chart.embed.css}`, scripts, starter, body });
}

export function comparePage(compare: StaticCompare, css: string, scripts: readonly string[], starter: string): string {
  const charts = compare.charts.map((chart) => `      ${island(chart, 'data-site-root="./" data-controls', chart.compare.html)}`).join('\n');
  const body = `    <a class="skip-link" href="#main">Skip to content</a>
    <header class="site-header">
      <div class="wrap">
        <p class="site-title"><a href="./">City region skills dashboard</a></p>
        ${compare.nav}
      </div>
    </header>
    <main id="main" tabindex="-1" class="wrap">
      ${compare.intro}
      <p class="muted">This page shows each chart’s default view and works without JavaScript. To compare other regions, open the <a href="./#/compare">interactive comparison</a>.</p>
${charts}
    </main>`;
  const chartCss = compare.charts.map((chart) => chart.compare.css).join('\n');
  return page({ title: 'Compare', root: './', css: `${css}\n${chartCss}`, scripts, starter, body });
}

/** Attributes on embed.html's <html> listing the static pages its inline script forwards to. */
export const STATIC_PAGE_LISTS = { charts: 'data-static-pages', maps: 'data-static-maps' } as const;

/** embed.html with a list of static pages it forwards to (chart id or region code → page), read by its inline script. */
export function withStaticPages(html: string, pages: Readonly<Record<string, string>>, attribute: string = STATIC_PAGE_LISTS.charts): string {
  if (!/<html\b[^>]*>/.test(html)) throw new Error('embed.html has no <html> element to list the static pages on.');
  return html.replace(/<html\b([^>]*)>/, (_tag, attributes: string) => `<html${attributes} ${attribute}="${escapeHtml(JSON.stringify(pages))}">`);
}

/** Lists static pages (chart id or region code → page) on embed.html in the bundle, for its forwarding script. */
export function listOnEmbedPage(bundle: OutputBundle, pages: Readonly<Record<string, string>>, attribute: string): void {
  const embed = bundle['embed.html'];
  if (embed?.type === 'asset') embed.source = withStaticPages(assetText(embed), pages, attribute);
}

export function staticCharts(): Plugin {
  return staticPagesPlugin('city-region:static-charts', async (emit, { root, dataDir, publicDir }, bundle) => {
    const texts = await readDataTexts(dataDir);
    // Files under public/data by their path there, as the page would fetch them (official statistics).
    const charts = await withSsrEntry<Entry, StaticCompare>(root, ENTRY, (entry) => entry.renderCharts(texts, STATIC_CHART_WIDTHS, (file) => readFile(path.join(dataDir, file), 'utf8')));
    const css = cssFrom(bundle, CHART_CSS);
    const scripts = embedScripts(bundle);
    const starter = await publicText(publicDir, START_CHART_SCRIPT);
    for (const chart of charts.charts) emit(staticChartPath(chart.id), staticPage(chart, css, scripts, starter));
    emit(STATIC_COMPARE_PATH, comparePage(charts, `${css}\n${cssFrom(bundle, PAGE_CSS)}`, scripts, starter));
    listOnEmbedPage(bundle, Object.fromEntries(charts.charts.map((chart) => [chart.id, staticChartPath(chart.id)])), STATIC_PAGE_LISTS.charts);
  });
}
