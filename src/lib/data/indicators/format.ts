/**
 * Indicator values as text, to the decimal places in indicators.csv (so float noise such
 * as 62.900000000000006 reads "62.9"), with the unit. en-GB. A missing value is said to be
 * missing, never shown as zero.
 */
import { STATUS_MEANING, type IndicatorMeta, type Observation } from './schema.ts';

type Meta = Pick<IndicatorMeta, 'decimal_places' | 'value_suffix'>;

const formatters = new Map<number, Intl.NumberFormat>();

/** 1234.5 at 1 place → "1,234.5"; the same formatter is reused for each number of places. */
export function formatDecimal(value: number, places: number): string {
  let formatter = formatters.get(places);
  if (!formatter) {
    formatter = new Intl.NumberFormat('en-GB', { minimumFractionDigits: places, maximumFractionDigits: places });
    formatters.set(places, formatter);
  }
  // Rounded first so a value just below zero never reads "-0.0".
  const rounded = roundTo(value, places);
  return formatter.format(rounded === 0 ? 0 : rounded);
}

/** The value as it is shown: comparisons of "equal" values and ranks use this, so they agree with what the reader sees. */
export function roundTo(value: number, places: number): number {
  const factor = 10 ** places;
  return Math.round((value + Number.EPSILON * Math.sign(value) * Math.abs(value)) * factor) / factor;
}

/**
 * Float noise removed (62.900000000000006 → 62.9) but every real digit kept, for checks
 * such as "inside its interval" that must not turn on the last bit of a binary fraction.
 */
export function withoutFloatNoise(value: number): number {
  return Number(value.toPrecision(12));
}

/** The unit after a number: "%" directly, words after a space. */
function withSuffix(number: string, suffix: string | null): string {
  if (!suffix) return number;
  return /^[%‰]/.test(suffix) ? `${number}${suffix}` : `${number} ${suffix}`;
}

/** "62.9%", "959 per 100,000 people". */
export function formatIndicatorValue(meta: Meta, value: number): string {
  return withSuffix(formatDecimal(value, meta.decimal_places), meta.value_suffix);
}

/** A difference between two values: percentages differ in percentage points. */
export function formatDifference(meta: Meta, difference: number): string {
  const number = formatDecimal(Math.abs(difference), meta.decimal_places);
  if (meta.value_suffix === '%') return `${number} percentage ${number === '1' || number === '1.0' ? 'point' : 'points'}`;
  return withSuffix(number, meta.value_suffix);
}

/** "61.0% to 64.8%", or null when no interval is published. */
export function formatInterval(meta: Meta, lci: number | null, uci: number | null): string | null {
  if (lci === null || uci === null) return null;
  return `${formatIndicatorValue(meta, lci)} to ${formatIndicatorValue(meta, uci)}`;
}

export interface FormattedObservation {
  /** Short: "62.9%" or "Not available". */
  text: string;
  /** For tables, tooltips and screen readers: "62.9% (95% interval 61.0% to 64.8%)". */
  long: string;
  interval: string | null;
  /** The publisher's flag and note, when there is one: "Low reliability. Estimate unreliable …". */
  flag: string | null;
  missing: boolean;
}

export function statusText(status: string | null): string | null {
  if (status === null) return null;
  const meaning = STATUS_MEANING[status];
  return meaning ? meaning.charAt(0).toUpperCase() + meaning.slice(1) : `Marked "${status}" by the publisher`;
}

export function formatObservation(meta: Meta, row: Pick<Observation, 'value' | 'lci95' | 'uci95' | 'status' | 'notes'> | null): FormattedObservation {
  if (!row) return { text: 'No data', long: 'no figure published for this area and period', interval: null, flag: null, missing: true };
  const flagParts = [statusText(row.status), row.notes].filter((part): part is string => part !== null);
  const flag = flagParts.length > 0 ? flagParts.join('. ') : null;
  if (row.value === null) {
    const reason = row.status === 'x' || row.status === null ? 'not available' : `not available (${statusText(row.status)?.toLowerCase()})`;
    return { text: 'Not available', long: reason, interval: null, flag, missing: true };
  }
  const text = formatIndicatorValue(meta, row.value);
  const interval = formatInterval(meta, row.lci95, row.uci95);
  return { text, long: interval ? `${text} (95% interval ${interval})` : text, interval, flag, missing: false };
}
