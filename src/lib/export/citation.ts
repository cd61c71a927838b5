/**
 * Plain-text citations for the Copy controls: a figure or a chart, pasted into an email or
 * a report, carries its qualifier words and its source. Pure; the text comes from the
 * data (formatted figures, labels, sources), never typed in.
 */

/** The parts of a source a citation names (derive.ts's SourceRef satisfies it). */
export interface CitedSource {
  title: string;
  publisher: string;
  publishedText: string;
  url: string | null;
}

/** Sources whose publisher is unknown say so in sources.csv ("Not stated in the copy held"). */
const UNKNOWN_PUBLISHER = /^not stated/i;

/**
 * "Public Sector Executive, April 2024: https://…". A source with no known publisher is
 * named by its title; one with no web address says so, so a pasted figure never looks
 * as if its link was lost.
 */
export function sourceCitation(source: CitedSource | null, sourceId: string): string {
  if (!source) return `source ${sourceId}; its details are unavailable`;
  const who = UNKNOWN_PUBLISHER.test(source.publisher) ? `“${source.title}”, publisher not stated` : source.publisher;
  return source.url ? `${who}, ${source.publishedText}: ${source.url}` : `${who}, ${source.publishedText}; no web address is known`;
}

export interface FigureCitationInput {
  /** The figure with its qualifier in words: "up to £5m", "more than 4,000", "hundreds (no exact figure published)"; null when no figure or words for one are published. */
  value: string | null;
  /** What it is: "New funding for 2,500 places", "expected to have completed". */
  label: string;
  /** The programme it belongs to, if named. */
  programme: string | null;
  /** The area: "Liverpool City Region", or a district. */
  area: string;
  /** "announced April 2024", "by March 2025". */
  when: string;
  /** Words that change how the figure reads: "Expected, not yet achieved", "Target date passed (March 2025)…". */
  caveats: readonly string[];
  source: CitedSource | null;
  sourceId: string;
}

/** Ends a clause with a full stop unless it already ends with one. */
const sentence = (text: string) => (/[.!?]$/.test(text) ? text : `${text}.`);

/**
 * "£11.2m: New funding for 2,500 places, Skills Bootcamps, Liverpool City Region,
 * announced 2024 (Public Sector Executive, 2024): https://…", with any caveats after it.
 */
export function figureCitation(input: FigureCitationInput): string {
  const what = [input.label, input.programme, input.area, input.when].filter((part): part is string => Boolean(part)).join(', ');
  const cited = `(${sourceCitation(input.source, input.sourceId)})`;
  const main = input.value === null ? `${input.label} (no figure published): ${[input.programme, input.area, input.when].filter(Boolean).join(', ')} ${cited}` : `${input.value}: ${what} ${cited}`;
  // A pasted citation stands as a sentence of its own: "More than 4,000: …".
  const text = [main, ...input.caveats.map(sentence)].join(' ').trim();
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface ChartCitationInput {
  title: string;
  /** The chart's generated summary sentence(s). */
  summary: string;
  /** Each source by id, with its details or null when sources.csv is unavailable (ChartSource). */
  sources: readonly { id: string; source: CitedSource | null }[];
}

/** A chart's title, its summary and each source on its own line. */
export function chartCitation(input: ChartCitationInput): string {
  const sources = input.sources.length > 0 ? input.sources.map((s) => `Source: ${sourceCitation(s.source, s.id)}`) : ['Source: none is listed for this chart'];
  return [sentence(input.title), input.summary, ...sources].join('\n');
}
