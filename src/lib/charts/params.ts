/**
 * How charts' parameters share one URL. On a page of several charts (the compare view)
 * each chart's own parameters are namespaced by chart id,
 * `#/compare?deal-breakdown.measure=per_resident`, so two charts may both have a
 * `measure`; a shared (page-wide) control such as a region pair keeps its plain name and
 * every chart declaring it reads the same value. An embed shows one chart, so its URL
 * keeps plain names: `embed.html?chart=deal-breakdown&measure=per_resident`.
 *
 * Pure; the values stay untrusted text until the chart's controls check them.
 */
import type { ChartParams } from './types.ts';

/** What the namespacing needs to know about a chart. */
export interface ParamOwner {
  id: string;
  /** Each control's URL name inside the chart and whether it is page-wide. */
  params: readonly { param: string; shared: boolean }[];
}

const SEPARATOR = '.';

/** The name of a chart's parameter in a page-wide URL. */
export function pageParamName(chartId: string, param: string, shared: boolean): string {
  return shared ? param : `${chartId}${SEPARATOR}${param}`;
}

function own(params: ChartParams, name: string): string | undefined {
  return Object.hasOwn(params, name) ? params[name] : undefined;
}

/**
 * The chart's own parameters, under plain names, from a page-wide URL. A plain name for
 * a chart-owned parameter is read when its namespaced form is absent, so links made
 * before namespacing (`#/compare?measure=per_resident`) still work.
 */
export function chartParamsFromPage(chart: ParamOwner, pageParams: ChartParams): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { param, shared } of chart.params) {
    const value = own(pageParams, pageParamName(chart.id, param, shared)) ?? (shared ? undefined : own(pageParams, param));
    if (value !== undefined) result[param] = value;
  }
  return result;
}

/**
 * A change to the chart's parameters as a change to the page URL: namespaced names set,
 * and any old plain name for the same parameter cleared so it cannot linger.
 */
export function pageParamsFromChart(chart: ParamOwner, changed: Readonly<Record<string, string>>): Record<string, string | null> {
  const result: Record<string, string | null> = {};
  for (const { param, shared } of chart.params) {
    if (!Object.hasOwn(changed, param)) continue;
    result[pageParamName(chart.id, param, shared)] = changed[param] ?? null;
    if (!shared) result[param] = null;
  }
  return result;
}

/**
 * Problems with a set of charts' parameter names, for the registry's test: a chart-owned
 * name that another chart shares page-wide would be cleared by pageParamsFromChart, and
 * a name holding the separator would be read as another chart's.
 */
export function paramNameConflicts(charts: readonly ParamOwner[]): string[] {
  const problems: string[] = [];
  const sharedBy = new Map<string, string>();
  for (const chart of charts) for (const { param, shared } of chart.params) if (shared) sharedBy.set(param, chart.id);
  for (const chart of charts) {
    if (chart.id.includes(SEPARATOR)) problems.push(`The chart id "${chart.id}" contains "${SEPARATOR}".`);
    for (const { param, shared } of chart.params) {
      if (param.includes(SEPARATOR)) problems.push(`${chart.id}: the parameter "${param}" contains "${SEPARATOR}".`);
      const sharer = sharedBy.get(param);
      if (!shared && sharer !== undefined) problems.push(`${chart.id}: "${param}" is its own parameter but ${sharer} shares it page-wide.`);
    }
  }
  return problems;
}

/** A stable text key for a set of parameters, so equal sets compare equal. */
export function paramsKey(params: ChartParams): string {
  const entries = Object.entries(params).filter((entry): entry is [string, string] => entry[1] !== undefined);
  entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new URLSearchParams(entries).toString();
}

/** The parameters a paramsKey holds. */
export function paramsFromKey(key: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(key));
}
