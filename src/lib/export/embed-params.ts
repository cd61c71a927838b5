/**
 * Reading embed.html's query string. Pure: the values are untrusted text, checked later
 * against the registry (chart ids, switches) or the data (regions, indicators).
 */

/** The chart id that asks for the district map rather than a registry chart. */
export const MAP_EMBED_ID = 'map';

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
