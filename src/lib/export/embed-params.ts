/**
 * Reading embed.html's query string. Pure: the values are untrusted text, checked later
 * against the registry (chart ids, switches) or the data (regions, indicators).
 */
import { pageParamsFromChart, type ParamOwner } from '../charts/params.ts';

/** The chart id that asks for the district map rather than a registry chart. */
export const MAP_EMBED_ID = 'map';

/** What the embed page passes every embed view (EmbedApp picks the view by `chartId`). */
export interface EmbedViewProps {
  /** The requested chart id, or MAP_EMBED_ID for the district map; unknown ids get a list of the valid ones. */
  chartId: string;
  /** Every other parameter from the embed URL, under plain names; invalid values fall back to defaults. */
  params: Readonly<Record<string, string>>;
}

export interface EmbedRequest {
  /** Requested chart id, trimmed; empty when none was given. */
  chart: string;
  /** Every other parameter: the chart's switches, or region and indicator for the map. */
  params: Readonly<Record<string, string>>;
}

export function parseEmbedSearch(search: string): EmbedRequest {
  let entries: [string, string][] = [];
  try {
    entries = [...new URLSearchParams(search)];
  } catch {
    // A malformed query is treated as no query: the page then lists the valid charts.
  }
  const params = Object.fromEntries(entries.filter(([key]) => key !== 'chart'));
  const chart = (entries.find(([key]) => key === 'chart')?.[1] ?? '').trim();
  return { chart, params: Object.freeze(params) };
}

/**
 * The compare view's URL parameters for an embed's chart: the embed's plain names become
 * the compare view's namespaced ones (charts/params.ts); other parameters are dropped.
 */
export function compareParams(chart: ParamOwner, embedParams: Readonly<Record<string, string>>): Record<string, string> {
  const own = Object.fromEntries(chart.params.filter(({ param }) => Object.hasOwn(embedParams, param)).map(({ param }) => [param, embedParams[param] ?? '']));
  const page = pageParamsFromChart(chart, own);
  return Object.fromEntries(Object.entries(page).filter((entry): entry is [string, string] => entry[1] !== null));
}
