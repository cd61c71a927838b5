/**
 * Server-side entry for the static chart pages (loaded through Vite by static-charts.ts):
 * every registry chart's default view, rendered by the same ChartFigure the dashboard and
 * embeds use, with its drawing made by the same drawChart in a jsdom document. So a chart
 * added to the registry gets its static page with no change here.
 */
import { JSDOM } from 'jsdom';
import { render } from 'svelte/server';
import ChartFigure from '../../src/components/chart/ChartFigure.svelte';
import { prerenderedReader, type PrerenderedTexts } from '../../src/lib/app/prerendered.ts';
import { indicatorLoader, prepareChartInput } from '../../src/lib/charts/prepare.ts';
import { drawChart } from '../../src/lib/charts/render.ts';
import { CHART_IDS, loadChart } from '../../src/lib/charts/registry.ts';
import { loadDatasets, type ReadText } from '../../src/lib/data/load.ts';

export interface StaticChart {
  id: string;
  title: string;
  /** The figure's markup with its SVG drawn in. */
  body: string;
  /** Rules for the drawing's styles (see staticFigure). */
  css: string;
  /** The chart's data files that were missing or broken at build time. */
  broken: string[];
}

/**
 * The figure as a page without JavaScript shows it: drawn, its table open, and no controls
 * that need a script (the table toggle, the download buttons; the interactive embed has them).
 * A style="…" attribute is blocked by the pages' CSP, so each becomes a class with a rule in
 * `css` (Plot sets the SVG's font and colours that way; in the app it uses the CSSOM).
 */
function staticFigure(body: string, svg: Element | null): { html: string; css: string } {
  // Parses the server renderer's output, where data is already escaped as text: the same
  // markup a browser would parse from the page.
  const dom = new JSDOM(`<!doctype html><html><body>${body}</body></html>`);
  const root = dom.window.document.body;
  const plot = root.querySelector('.chart-plot');
  if (svg) {
    if (!plot) throw new Error('The chart markup has no .chart-plot element to draw into.');
    plot.replaceChildren(dom.window.document.importNode(svg, true));
  }
  for (const element of root.querySelectorAll('.chart-table-toggle, .chart-actions')) element.remove();
  for (const table of root.querySelectorAll('.chart-table[hidden]')) table.removeAttribute('hidden');
  const rules = new Map<string, string>();
  for (const element of root.querySelectorAll('[style]')) {
    const declarations = element.getAttribute('style') ?? '';
    element.removeAttribute('style');
    let name = rules.get(declarations);
    if (!name) {
      name = `static-style-${rules.size + 1}`;
      rules.set(declarations, name);
    }
    element.classList.add(name);
  }
  const html = dom.serialize();
  return { html: html.slice(html.indexOf('<body>') + '<body>'.length, html.lastIndexOf('</body>')), css: [...rules].map(([declarations, name]) => `.${name}{${declarations}}`).join('\n') };
}

export async function renderCharts(texts: PrerenderedTexts, width: number, readIndicator: ReadText): Promise<StaticChart[]> {
  const { document } = new JSDOM('<!doctype html><html><body></body></html>').window;
  const pages: StaticChart[] = [];
  for (const id of CHART_IDS) {
    const chart = await loadChart(id);
    if (!chart) continue;
    const result = await loadDatasets(prerenderedReader(texts), [...new Set([...chart.requires, ...chart.uses])]);
    // Official statistics through the same path the views use (prepare.ts), read from public/data.
    const input = await prepareChartInput(chart, result.data, {}, indicatorLoader(readIndicator));
    const { body } = render(ChartFigure, { props: { chart, data: result.data, params: {}, headingLevel: 2, preparedInput: input } });
    const rendered = chart.render(input, {});
    const describedBy = /<p id="([^"]+)" class="chart-summary/.exec(body)?.[1];
    const svg = rendered.status === 'ok' ? drawChart(rendered, { width, document, ...(describedBy ? { describedBy } : {}) }) : null;
    const figure = staticFigure(body, svg);
    pages.push({ id, title: chart.title, body: figure.html, css: figure.css, broken: result.reports.filter((report) => report.status !== 'ok').map((report) => report.file) });
  }
  return pages;
}
