/**
 * `npm run bench`: performance budgets for the production build in dist/ (or BENCH_DIST).
 * Prints a table of each figure, its budget and PASS/FAIL, writes bench-results.json and
 * exits non-zero if any budget fails. Copy the table into docs/bench.md when it changes.
 *
 *   BENCH_SKIP=lcp,parse,shapes,map   skip the slow parts (lcp: ~2 min, parse: ~1 min, shapes: ~1 min, map: ~10 s)
 *   BENCH_RUNS=3           Lighthouse runs per page (median taken)
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureLcp } from './lcp.ts';
import { headlineHasIndicatorLoader, indicatorFileSizes, measureMapDraw } from './map.ts';
import { measureParseApart } from './parse.ts';
import { SHAPE_MS_PER_100K, measureShapes } from './shapes.ts';
import { CHART_IDS } from '../../src/lib/charts/registry.ts';
import { MAP_EMBED_ID } from '../../src/lib/export/embed-params.ts';
import { embedPages, measurePageWeights } from './page-weights.ts';
import { fileGzipBytes, pageJsWeight } from './sizes.ts';
import { STATIC_COMPARE_PATH, staticChartPath } from '../build/static-charts.ts';
import { staticMapPath } from '../../src/lib/map/static-map.ts';
import { mapRegionCodes } from '../../src/lib/map/view-model.ts';
import { loadDatasets } from '../../src/lib/data/load.ts';
import { readFile } from 'node:fs/promises';

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DIST = path.resolve(process.env.BENCH_DIST ?? path.join(REPO_ROOT, 'dist'));
const SKIP = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const RUNS = Number(process.env.BENCH_RUNS ?? 3);

/** Budgets. Sizes in KB of gzip (1 KB = 1000 bytes); ratios are app ÷ baseline. */
export const BUDGETS = {
  headlineJsKb: 60,
  embedJsKb: 120,
  lcpRatio: 1.3,
  /** LCP of "/" ÷ the same text with no stylesheet and no script. */
  lcpTextOnlyRatio: 1.15,
  totalBlockingTimeMs: 100,
  /** A static chart or map page (embed/<id>.html, embed/map-<region>.html): JavaScript before any interaction, and LCP ÷ its text alone. */
  staticEmbedJsKb: 30,
  staticEmbedLcpRatio: 1.15,
  /** validateCsv ÷ Papa.parse(header: true), CPU time, on 100,000 and 1,000,000 rows. */
  parseRatio: 1.6,
  /** Hostile shapes (deep part_of chains, many lines, many errors, a 50 MB file): CPU ms per 100,000 rows. */
  shapeMsPer100k: SHAPE_MS_PER_100K,
} as const;

/** A static chart page has painted its build-time drawing. */
const STATIC_READY = '[data-static-chart] svg[role="img"]';
/** A static map page has drawn: its SVG, or the note that the boundaries are missing. */
const STATIC_MAP_READY = '[data-static-map] .map-stage svg[role="img"], [data-static-map] .map-fallback';

interface Row {
  figure: string;
  value: string;
  budget: string;
  /** null: no budget. */
  pass: boolean | null;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST, 'index.html'))) throw new Error(`${DIST}/index.html not found. Run \`npm run build\` first.`);
  const rows: Row[] = [];
  const results: Record<string, unknown> = { date: new Date().toISOString(), dist: path.relative(REPO_ROOT, DIST) || '.', node: process.version, budgets: BUDGETS };

  // The dashboard's prerendered cards are there at once; the network going quiet means the app has taken over.
  const [headline] = await measurePageWeights(DIST, [{ id: 'headline', path: 'index.html', ready: '[data-glance]' }]);
  if (!headline) throw new Error('The headline view was not measured.');
  results.headlineJs = headline;
  rows.push({ figure: 'Headline view JS (gzip, measured in Chromium)', value: kb(headline.gzipBytes), budget: `≤ ${BUDGETS.headlineJsKb} KB`, pass: headline.gzipBytes <= BUDGETS.headlineJsKb * 1000 });
  // Official statistics belong to the views that show them: the headline's own scripts must not carry the loader.
  const loaderInHeadline = headlineHasIndicatorLoader(DIST, headline.files);
  results.headlineHasIndicatorLoader = loaderInHeadline;
  rows.push({ figure: 'Indicator loader in the headline JS', value: loaderInHeadline ? 'yes' : 'no', budget: '—', pass: null });
  const htmlGzip = fileGzipBytes(path.join(DIST, 'index.html'));
  results.indexHtmlGzipBytes = htmlGzip;
  rows.push({ figure: 'index.html with prerendered headline (gzip)', value: kb(htmlGzip), budget: '—', pass: null });

  // Static chart pages (embed/<id>.html, compare.html): what they load before a reader reaches for a chart.
  const staticPages = CHART_IDS.filter((id) => existsSync(path.join(DIST, staticChartPath(id))));
  const staticWeights = await measurePageWeights(DIST, [
    ...staticPages.map((id) => ({ id: staticChartPath(id), path: staticChartPath(id), ready: STATIC_READY })),
    ...(existsSync(path.join(DIST, STATIC_COMPARE_PATH)) ? [{ id: STATIC_COMPARE_PATH, path: STATIC_COMPARE_PATH, ready: STATIC_READY }] : []),
  ]);
  results.staticEmbedJs = staticWeights;
  for (const { id, gzipBytes } of staticWeights) {
    rows.push({ figure: `Static chart page JS before interaction, ${id} (gzip, measured in Chromium)`, value: kb(gzipBytes), budget: `≤ ${BUDGETS.staticEmbedJsKb} KB`, pass: gzipBytes <= BUDGETS.staticEmbedJsKb * 1000 });
  }

  if (existsSync(path.join(DIST, 'embed.html'))) {
    const embed = pageJsWeight(DIST, 'embed.html');
    results.embedJs = embed;
    rows.push({ figure: 'Embed page JS before its view loads (gzip)', value: kb(embed.gzipBytes), budget: '—', pass: null });
    // The budget applies to what an embed really downloads: the page plus its chart or map.
    // A chart embed forwards to its static page, whose script loads when the reader reaches for the chart.
    const views = await measurePageWeights(DIST, embedPages([...CHART_IDS, MAP_EMBED_ID], new Set(staticPages)));
    results.embedViews = views;
    for (const { id, gzipBytes } of views) {
      const when = (staticPages as readonly string[]).includes(id) ? 'once the reader reaches for the chart' : 'as it loads';
      rows.push({ figure: `Embed page JS ${when}, chart=${id} (gzip, measured in Chromium)`, value: kb(gzipBytes), budget: `≤ ${BUDGETS.embedJsKb} KB`, pass: gzipBytes <= BUDGETS.embedJsKb * 1000 });
    }
  } else {
    results.embedJs = null;
    rows.push({ figure: 'Embed page JS (gzip)', value: 'not built yet', budget: `≤ ${BUDGETS.embedJsKb} KB`, pass: null });
  }

  // Static map pages: their loader only, until the reader reaches for the map (then Leaflet and the live embed).
  const mapRegions = mapRegionCodes((await loadDatasets((file) => readFile(path.join(DIST, 'data', file), 'utf8'))).data);
  const mapPages = mapRegions.map(staticMapPath).filter((file) => existsSync(path.join(DIST, file)));
  let largestMapPage: string | null = null;
  if (mapPages.length < mapRegions.length) rows.push({ figure: 'Static map pages', value: `${mapPages.length} of ${mapRegions.length} built`, budget: 'all', pass: false });
  if (mapPages.length > 0) {
    const weights = await measurePageWeights(DIST, mapPages.map((file) => ({ id: file, path: file, ready: STATIC_MAP_READY })));
    results.staticMapJs = weights;
    const heaviest = [...weights].sort((a, b) => b.gzipBytes - a.gzipBytes)[0] ?? weights[0];
    rows.push({ figure: `Static map page JS before interaction, heaviest of ${mapPages.length} (${heaviest?.id}, gzip, measured in Chromium)`, value: kb(heaviest?.gzipBytes ?? 0), budget: `≤ ${BUDGETS.staticEmbedJsKb} KB`, pass: (heaviest?.gzipBytes ?? 0) <= BUDGETS.staticEmbedJsKb * 1000 });
    const html = mapPages.map((file) => ({ file, bytes: fileGzipBytes(path.join(DIST, file)) })).sort((a, b) => b.bytes - a.bytes);
    rows.push({ figure: `Static map page HTML with its SVG, largest (${html[0]?.file}, gzip)`, value: kb(html[0]?.bytes ?? 0), budget: '—', pass: null });
    largestMapPage = html[0]?.file ?? null;
  }

  if (existsSync(path.join(DIST, 'data/indicators/indicators.csv'))) {
    const sizes = indicatorFileSizes(DIST);
    results.indicatorFiles = sizes;
    for (const size of sizes) rows.push({ figure: `Indicator file ${size.file} (raw / gzip)`, value: `${kb(size.rawBytes)} / ${kb(size.gzipBytes)}`, budget: '—', pass: null });
    if (!SKIP.has('map')) {
      const map = await measureMapDraw(DIST, RUNS);
      results.mapDraw = map;
      rows.push({ figure: `Map with an indicator drawn (${map.route}, ${map.districts} districts, median of ${RUNS})`, value: `${Math.round(map.medianMs)} ms`, budget: '—', pass: null });
      rows.push({ figure: 'Indicator files the map fetched', value: map.indicatorFiles.map((f) => f.replace('data/indicators/', '')).join(', '), budget: '—', pass: null });
    }
  }

  if (!SKIP.has('lcp')) {
    // Both of Lighthouse's methods are budgeted: a throttled browser's own paint, and the
    // estimate Lighthouse reports by default (see lcp.ts for how they differ).
    const label = { devtools: 'measured, devtools throttling', simulate: 'simulated, Lighthouse default' } as const;
    results.lcp = [];
    for (const throttling of ['devtools', 'simulate'] as const) {
      const lcp = await measureLcp(DIST, throttling, RUNS);
      (results.lcp as unknown[]).push(lcp);
      rows.push({
        figure: `LCP "/" ÷ bare HTML, scripts removed (Lighthouse mobile, ${label[throttling]}, median of ${RUNS})`,
        value: `${lcp.ratio.toFixed(2)} (${Math.round(lcp.appMedianMs)} ms ÷ ${Math.round(lcp.bareMedianMs)} ms)`,
        budget: `≤ ${BUDGETS.lcpRatio}`,
        pass: lcp.ratio <= BUDGETS.lcpRatio,
      });
      rows.push({
        figure: `LCP "/" ÷ text only, no CSS or script (Lighthouse mobile, ${label[throttling]}, median of ${RUNS})`,
        value: `${lcp.textOnlyRatio.toFixed(2)} (${Math.round(lcp.appMedianMs)} ms ÷ ${Math.round(lcp.textOnlyMedianMs)} ms)`,
        budget: `≤ ${BUDGETS.lcpTextOnlyRatio}`,
        pass: lcp.textOnlyRatio <= BUDGETS.lcpTextOnlyRatio,
      });
      rows.push({
        figure: `Total blocking time "/" (Lighthouse mobile, ${label[throttling]}, median of ${RUNS})`,
        value: `${Math.round(lcp.tbtMedianMs)} ms`,
        budget: `≤ ${BUDGETS.totalBlockingTimeMs} ms`,
        pass: lcp.tbtMedianMs <= BUDGETS.totalBlockingTimeMs,
      });
    }
  }

  if (!SKIP.has('lcp')) {
    // The largest static chart page (most marks and table rows) and static map page (most shapes) stand for the rest.
    const largestChart = [...staticPages].sort((a, b) => fileGzipBytes(path.join(DIST, staticChartPath(b))) - fileGzipBytes(path.join(DIST, staticChartPath(a))))[0];
    const largest = { staticEmbedLcp: largestChart ? staticChartPath(largestChart) : null, staticMapLcp: largestMapPage };
    for (const [key, page] of Object.entries(largest)) {
      if (!page) continue;
      results[key] = [];
      for (const throttling of ['devtools', 'simulate'] as const) {
        const lcp = await measureLcp(DIST, throttling, RUNS, page);
        (results[key] as unknown[]).push(lcp);
        rows.push({
          figure: `LCP ${lcp.page} ÷ its text only, no CSS (Lighthouse mobile, ${throttling === 'devtools' ? 'measured' : 'simulated'}, median of ${RUNS})`,
          value: `${lcp.textOnlyRatio.toFixed(2)} (${Math.round(lcp.appMedianMs)} ms ÷ ${Math.round(lcp.textOnlyMedianMs)} ms)`,
          budget: `≤ ${BUDGETS.staticEmbedLcpRatio}`,
          pass: lcp.textOnlyRatio <= BUDGETS.staticEmbedLcpRatio,
        });
      }
    }
  }

  if (!SKIP.has('parse')) {
    const parse = [await measureParseApart(REPO_ROOT, 100_000, 5), await measureParseApart(REPO_ROOT, 1_000_000, 3)];
    results.parse = parse;
    for (const p of parse) {
      rows.push({
        figure: `Parse + validate ${p.rows.toLocaleString('en-GB')} funding rows (${p.megabytes.toFixed(0)} MB) ÷ bare papaparse (CPU time, a fresh process, heap collected before each run)`,
        value: `${p.ratio.toFixed(2)} (${Math.round(p.validateMs)} ms ÷ ${Math.round(p.papaMs)} ms)`,
        budget: `≤ ${BUDGETS.parseRatio}`,
        pass: p.ratio <= BUDGETS.parseRatio,
      });
    }
  }

  if (!SKIP.has('shapes')) {
    const shapes = measureShapes();
    results.shapes = shapes;
    for (const shape of shapes) {
      rows.push({
        figure: shape.shape,
        value: `${Math.round(shape.cpuMsPer100k)} ms CPU per 100k rows (${Math.round(shape.cpuMs)} ms CPU, ${Math.round(shape.ms)} ms wall)`,
        budget: `≤ ${BUDGETS.shapeMsPer100k} ms per 100k rows`,
        pass: shape.pass,
      });
    }
  }

  results.rows = rows;
  writeFileSync(path.join(REPO_ROOT, 'bench-results.json'), `${JSON.stringify(results, null, 2)}\n`);
  printTable(rows);
  if (rows.some((row) => row.pass === false)) process.exitCode = 1;
}

function printTable(rows: Row[]): void {
  const result = (row: Row) => (row.pass === null ? '—' : row.pass ? 'PASS' : 'FAIL');
  const cells = rows.map((row) => [row.figure, row.value, row.budget, result(row)]);
  const header = ['figure', 'value', 'budget', 'result'];
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((row) => (row[i] ?? '').length)));
  const line = (row: string[]) => `| ${row.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  console.log(line(header));
  console.log(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`);
  for (const row of cells) console.log(line(row));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
