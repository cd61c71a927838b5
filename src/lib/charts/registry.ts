/**
 * Every chart, by id. The compare view, an embed page and exports all draw on this list,
 * so a chart added here appears everywhere with the same data, table and summary.
 *
 * Each chart is its own lazily loaded module (with Observable Plot behind it), so an embed
 * downloads only the chart it shows, and this list costs nothing until a chart is wanted.
 */
import type { RegisteredChart } from './types.ts';

const LOADERS = {
  'deal-breakdown': () => import('./deal-breakdown/index.ts').then((m) => m.dealBreakdown),
  'bootcamps-progress': () => import('./bootcamps-progress.ts').then((m) => m.bootcampsProgress),
  'careers-hub-reach': () => import('./careers-hub-reach.ts').then((m) => m.careersHubReach),
  'sector-priorities': () => import('./sector-priorities.ts').then((m) => m.sectorPriorities),
  'indicator-ranking': () => import('./official/ranking.ts').then((m) => m.indicatorRanking),
  'indicator-trend': () => import('./official/trend.ts').then((m) => m.indicatorTrend),
} satisfies Record<string, () => Promise<RegisteredChart>>;

export type ChartId = keyof typeof LOADERS;

/** Chart ids in the order the compare view shows them. */
export const CHART_IDS = Object.keys(LOADERS) as readonly ChartId[];

export function isChartId(id: string): id is ChartId {
  return Object.hasOwn(LOADERS, id);
}

/** The chart with this id, or undefined for an unknown id (e.g. a mistyped embed link). */
export async function loadChart(id: string): Promise<RegisteredChart | undefined> {
  if (!isChartId(id)) return undefined;
  const chart = await LOADERS[id]();
  // A loader wired to the wrong module would show one chart under another's address.
  if (chart.id !== id) throw new Error(`The registry's "${id}" loads the chart "${chart.id}".`);
  return chart;
}

/** Every chart, in the compare view's order. */
export async function loadCharts(): Promise<RegisteredChart[]> {
  const charts = await Promise.all(CHART_IDS.map((id) => loadChart(id)));
  return charts.filter((chart) => chart !== undefined);
}
