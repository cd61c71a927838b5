/**
 * en-GB formatters that honour qualifiers. Views never format numbers themselves:
 * they receive text from here, so a ceiling always reads "up to" and an
 * unquantified item never reads as zero.
 */
import type { Qualifier } from './schema.ts';

const wholeNumber = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const upToTwoDecimals = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const pence = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** Integer count: 4000 → "4,000". */
export function formatCount(value: number): string {
  return wholeNumber.format(value);
}

/**
 * Money in UK press style: £11.2m, £1.13m, £160m, £1.5bn, £450,000. Abbreviates only
 * when the abbreviation is exact, so a precise amount is never silently rounded.
 */
export function formatGbp(amount: number): string {
  const abs = Math.abs(amount);
  for (const [size, suffix] of [[1e9, 'bn'], [1e6, 'm']] as const) {
    if (abs >= size) {
      const scaled = amount / size;
      if (Math.round(scaled * 100) / 100 === scaled) return `£${upToTwoDecimals.format(scaled)}${suffix}`;
    }
  }
  return `£${wholeNumber.format(amount)}`;
}

/** Small money amounts with pence, for per-resident rates: £3.86. */
export function formatGbpPence(amount: number): string {
  return `£${pence.format(amount)}`;
}

export interface FormattedFigure {
  /** Short form for a card or a chart label: "up to £5m", "4,000+", "Hundreds". */
  text: string;
  /** Plain-English form for screen readers, tables and summaries: "more than 4,000". */
  long: string;
  quantified: boolean;
}

/** First letter upper case: "up to £5m" → "Up to £5m". */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const andList = new Intl.ListFormat('en-GB', { style: 'long', type: 'conjunction' });
const pluralRules = new Intl.PluralRules('en-GB');

/** "a, b and c" (en-GB: no comma before "and"). */
export function formatList(items: readonly string[]): string {
  return andList.format(items);
}

/** The word for `count` things: plural(1, 'line', 'lines') → "line". */
export function plural(count: number, one: string, other: string): string {
  return pluralRules.select(count) === 'one' ? one : other;
}

/** A count with its noun: countOf(4000, 'school', 'schools') → "4,000 schools". */
export function countOf(count: number, one: string, other: string): string {
  return `${formatCount(count)} ${plural(count, one, other)}`;
}

/**
 * A figure with its qualifier. `value` is null exactly when the source publishes no
 * number; `statedAs` carries the source's own words for it ("hundreds").
 */
export function formatFigure(value: number | null, qualifier: Qualifier, unit: FigureUnit, statedAs: string | null = null): FormattedFigure {
  if (value === null || qualifier === 'unquantified') {
    return statedAs
      ? { text: capitalise(statedAs), long: `${statedAs} (no exact figure published)`, quantified: false }
      : { text: 'Not quantified', long: 'not quantified: no figure published', quantified: false };
  }
  return qualifyNumber(UNIT_FORMAT[unit](value), qualifier);
}

/** Units a figure can be shown in: whole pounds, pounds and pence (per-resident rates), counts. */
export type FigureUnit = 'gbp' | 'gbp_pence' | 'count';

const UNIT_FORMAT: Record<FigureUnit, (value: number) => string> = {
  gbp: formatGbp,
  gbp_pence: formatGbpPence,
  count: formatCount,
};

/** Puts a quantified qualifier's words around an already formatted number. */
export function qualifyNumber(number: string, qualifier: Exclude<Qualifier, 'unquantified'>): FormattedFigure {
  switch (qualifier) {
    case 'exact':
      return { text: number, long: number, quantified: true };
    case 'about':
      return { text: `about ${number}`, long: `about ${number}`, quantified: true };
    case 'up_to':
      return { text: `up to ${number}`, long: `up to ${number}`, quantified: true };
    case 'more_than':
      return { text: `${number}+`, long: `more than ${number}`, quantified: true };
  }
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Partial ISO date → en-GB words: "2024" → "2024", "2024-03" → "March 2024", "2018-07-18" → "18 July 2018". */
export function formatPartialDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number);
  if (year === undefined || Number.isNaN(year)) return iso;
  if (month === undefined) return String(year);
  const monthName = MONTHS[month - 1] ?? '';
  return day === undefined ? `${monthName} ${year}` : `${day} ${monthName} ${year}`;
}
