/**
 * Server-side entry for the static chart pages (loaded through Vite by static-charts.ts):
 * every registry chart's default view, rendered by the same EmbedChart (and ChartFigure)
 * the embeds and the dashboard use, with its drawing made by the same drawChart in a jsdom
 * document. So a chart added to the registry gets its static page with no change here, and
 * the markup is the one the interactive chart takes over (src/lib/app/take-over.ts).
 */
import { JSDOM } from 'jsdom';
import { staticMarkup } from './ssr.ts';
import { render } from 'svelte/server';
import CompareIntro from '../../src/components/compare/CompareIntro.svelte';
import EmbedChart from '../../src/components/embed/EmbedChart.svelte';
import SiteNav from '../../src/components/SiteNav.svelte';
import { prerenderedReader, type PrerenderedTexts } from '../../src/lib/app/prerendered.ts';
import { indicatorLoader, prepareChartInput } from '../../src/lib/charts/prepare.ts';
import { pairAreas, pairNames, resolveRegionPair } from '../../src/lib/charts/regions.ts';
import { drawChart } from '../../src/lib/charts/render.ts';
import { CHART_IDS, loadChart } from '../../src/lib/charts/registry.ts';
import type { RenderedChart } from '../../src/lib/charts/types.ts';
import { loadDatasets, type ReadText } from '../../src/lib/data/load.ts';

/** Markup with its SVG drawn in, and the rules for the styles Plot set on it (see staticFigure). */
export interface StaticMarkup {
  html: string;
  css: string;
}

export interface StaticChart {
  id: string;
  title: string;
  /** The chart alone, as its embed page shows it (with the footer linking to the dashboard). */
  embed: StaticMarkup;
  /** The chart with its own controls, as the compare page shows it. */
  compare: StaticMarkup;
  /** The chart's data files that were missing or broken at build time. */
  broken: string[];
}

export interface StaticCompare {
  /** The site navigation, its links pointing at the dashboard page beside compare.html. */
  nav: string;
  /** The compare view's heading and introduction, for the default pair of regions. */
  intro: string;
  charts: StaticChart[];
}

/**
 * The markup as a page shows it, drawn. Controls that need a script (the table toggle,
 * downloads, switches) stay, so nothing moves when the script takes over; the page's
 * <noscript> style hides them and opens the table when scripts do not run.
 * A style="…" attribute is blocked by the pages' CSP, so each becomes a class with a rule in
 * `css` (Plot sets the SVG's font and colours that way; in the app it uses the CSSOM).
 */
function staticFigure(body: string, svgs: readonly Element[], prefix: string): StaticMarkup {
  // Parses the server renderer's output, where data is already escaped as text: the same
  // markup a browser would parse from the page.
  const dom = new JSDOM(`<!doctype html><html><body>${body}</body></html>`);
  const root = dom.window.document.body;
  const plot = root.querySelector('.chart-plot');
  if (svgs.length > 0) {
    if (!plot) throw new Error('The chart markup has no .chart-plot element to draw into.');
    plot.replaceChildren(...svgs.map((svg) => dom.window.document.importNode(svg, true)));
  }
  return staticMarkup(dom, prefix);
}

/** The widths a chart is drawn at, by the class the page's CSS shows or hides each drawing with. */
export type StaticWidths = Readonly<Record<'wide' | 'narrow', number>>;

/** Server-rendered markup with the chart drawn in at each width, in a jsdom document; style classes start with `prefix` (one per chart, as a page may hold several). */
function drawn(body: string, rendered: RenderedChart, widths: StaticWidths, document: Document, prefix: string): StaticMarkup {
  const describedBy = /<p id="([^"]+)" class="chart-summary/.exec(body)?.[1];
  const svgs =
    rendered.status === 'ok'
      ? Object.entries(widths).map(([name, width]) => {
          const svg = drawChart(rendered, { width, document, ...(describedBy ? { describedBy } : {}) });
          svg.classList.add(`static-${name}`);
          return svg;
        })
      : [];
  return staticFigure(body, svgs, prefix);
}

export async function renderCharts(texts: PrerenderedTexts, widths: StaticWidths, readIndicator: ReadText): Promise<StaticCompare> {
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
  const charts: StaticChart[] = [];
  for (const id of CHART_IDS) {
    const chart = await loadChart(id);
    if (!chart) continue;
    const result = await loadDatasets(prerenderedReader(texts), [...new Set([...chart.requires, ...chart.uses])]);
    // Official statistics through the same path the views use (prepare.ts), read from public/data.
    const input = await prepareChartInput(chart, result.data, {}, indicatorLoader(readIndicator));
    const preloaded = { chart, result, input };
    const rendered = chart.render(input, {});
    const embed = render(EmbedChart, { props: { chartId: id, params: {}, siteRoot: '../', preloaded } }).body;
    const compare = render(EmbedChart, { props: { chartId: id, params: {}, standalone: false, controls: true, preloaded } }).body;
    charts.push({ id, title: chart.title, embed: drawn(embed, rendered, widths, document, `static-${id}`), compare: drawn(compare, rendered, widths, document, `static-${id}`), broken: result.reports.filter((report) => report.status !== 'ok').map((report) => report.file) });
  }
  const all = await loadDatasets(prerenderedReader(texts));
  const names = pairNames(pairAreas(all.data, resolveRegionPair(all.data, {}).pair));
  return { nav: render(SiteNav, { props: { path: '/compare', page: './' } }).body, intro: render(CompareIntro, { props: { names } }).body, charts };
}
