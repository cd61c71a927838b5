/**
 * ISO 8601 time intervals as the ONS tidy format writes them ("2024-08-01/P1Y"), parsed
 * from the start date and the duration in general, never from a table of known periods,
 * so a dataset with quarters, financial years or rolling years reads as well. Pure.
 */

export interface Duration {
  years: number;
  months: number;
  days: number;
}

export interface Period {
  /** The cell as written, which is also the key for lookups. */
  raw: string;
  /** First day, ISO: 2024-08-01. */
  start: string;
  /** Last day (inclusive), ISO: 2025-07-31. */
  end: string;
  duration: Duration;
  /** For readers: "2024/25", "2023", "Jul 2023 to Jun 2024". */
  label: string;
}

export type PeriodResult = { ok: true; period: Period } | { ok: false; expected: string; hint: string };

const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T00:00(?::00(?:\.0+)?)?Z?)?$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;
const YEAR = /^(\d{4})$/;
/** Years, months, weeks and days; a time part (PT6H) has no meaning for statistics by period. */
const DURATION = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?$/;

const MONTHS_SHORT = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

const EXPECTED = 'an ISO 8601 interval: a start date and a duration or an end date, such as 2024-08-01/P1Y';

function utc(year: number, month: number, day: number): Date {
  return new Date(Date.UTC(year, month - 1, day));
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A calendar date, or null when it does not exist (2023-02-30). Year and month alone mean their first day. */
function parseDate(text: string): Date | null {
  const full = DATE.exec(text);
  const parts = full ? [full[1], full[2], full[3]] : (YEAR_MONTH.exec(text)?.slice(1, 3) ?? YEAR.exec(text)?.slice(1, 2));
  if (!parts) return null;
  const [year = 0, month = 1, day = 1] = parts.map(Number);
  if (year < 1900 || year > 2100) return null;
  const date = utc(year, month, day);
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day ? date : null;
}

export function parseDuration(text: string): Duration | null {
  const match = DURATION.exec(text);
  if (!match) return null;
  const [, y, m, w, d] = match.map((part) => (part === undefined ? 0 : Number(part)));
  const duration = { years: y ?? 0, months: m ?? 0, days: (d ?? 0) + 7 * (w ?? 0) };
  return duration.years + duration.months + duration.days > 0 ? duration : null;
}

/** The day after the interval: the start plus the duration, months clamped to the month's length (Jan 31 + P1M = Feb 28/29). */
function addDuration(start: Date, { years, months, days }: Duration): Date {
  const totalMonths = start.getUTCMonth() + months + 12 * years;
  const year = start.getUTCFullYear() + Math.floor(totalMonths / 12);
  const month = ((totalMonths % 12) + 12) % 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const date = new Date(Date.UTC(year, month, Math.min(start.getUTCDate(), lastDay)));
  date.setUTCDate(date.getUTCDate() + days);
  return date;
}

function dayBefore(date: Date): Date {
  return new Date(date.getTime() - 86_400_000);
}

function durationBetween(start: Date, endExclusive: Date): Duration {
  const months = (endExclusive.getUTCFullYear() - start.getUTCFullYear()) * 12 + endExclusive.getUTCMonth() - start.getUTCMonth();
  if (endExclusive.getUTCDate() === start.getUTCDate() && months > 0) return { years: Math.floor(months / 12), months: months % 12, days: 0 };
  return { years: 0, months: 0, days: Math.round((endExclusive.getTime() - start.getTime()) / 86_400_000) };
}

const isMonthEnd = (date: Date) => dayBefore(utc(date.getUTCFullYear(), date.getUTCMonth() + 2, 1)).getUTCDate() === date.getUTCDate();
const monthYear = (date: Date) => `${MONTHS_SHORT[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
const dayMonthYear = (date: Date) => `${date.getUTCDate()} ${monthYear(date)}`;

/**
 * "2024/25" for a year from 1 August or 1 September (academic and school years), "2023"
 * for a calendar year ("2022 to 2023" for several), otherwise the months it spans ("Apr 2023 to Mar 2024"), or the
 * days when it does not start and end on month boundaries.
 */
export function formatPeriod(start: Date, end: Date, duration: Duration): string {
  const oneYear = duration.years === 1 && duration.months === 0 && duration.days === 0;
  const year = start.getUTCFullYear();
  if (oneYear && start.getUTCDate() === 1) {
    if (start.getUTCMonth() === 0) return String(year);
    if (start.getUTCMonth() === 7 || start.getUTCMonth() === 8) return `${year}/${String((year + 1) % 100).padStart(2, '0')}`;
  }
  if (start.getUTCDate() === 1 && start.getUTCMonth() === 0 && end.getUTCMonth() === 11 && end.getUTCDate() === 31) return `${year} to ${end.getUTCFullYear()}`;
  if (start.getUTCDate() === 1 && isMonthEnd(end)) {
    const from = monthYear(start);
    const to = monthYear(end);
    return from === to ? from : `${from} to ${to}`;
  }
  return iso(start) === iso(end) ? dayMonthYear(start) : `${dayMonthYear(start)} to ${dayMonthYear(end)}`;
}

/** Parse "start/duration", "start/end" or "duration/end" (ISO 8601 allows all three). */
export function parsePeriod(raw: string): PeriodResult {
  const parts = raw.trim().split('/');
  if (parts.length !== 2) return { ok: false, expected: EXPECTED, hint: raw.includes('/') ? 'Write one start and one duration or end, separated by a single "/", e.g. 2023-08-01T00:00:00/P1Y.' : 'Add the duration, for example /P1Y for one year.' };
  const [left = '', right = ''] = parts;
  let start: Date | null;
  let endExclusive: Date | null;
  let duration: Duration | null;
  if (left.startsWith('P')) {
    duration = parseDuration(left);
    const endDate = parseDate(right);
    endExclusive = endDate && new Date(endDate.getTime() + 86_400_000);
    // Counting back: the start is the end minus the duration.
    start = duration && endExclusive ? addDuration(endExclusive, { years: -duration.years, months: -duration.months, days: -duration.days }) : null;
  } else {
    start = parseDate(left);
    if (right.startsWith('P')) {
      duration = parseDuration(right);
      endExclusive = start && duration ? addDuration(start, duration) : null;
    } else {
      const endDate = parseDate(right);
      endExclusive = endDate && new Date(endDate.getTime() + 86_400_000);
      duration = start && endExclusive && endExclusive > start ? durationBetween(start, endExclusive) : null;
    }
  }
  if (!start || !endExclusive || !duration || endExclusive <= start) {
    return { ok: false, expected: EXPECTED, hint: 'Check that the date exists and that the duration is written like P1Y, P6M or P3M.' };
  }
  const end = dayBefore(endExclusive);
  return { ok: true, period: { raw: raw.trim(), start: iso(start), end: iso(end), duration, label: formatPeriod(start, end, duration) } };
}

/** Chronological order: by start, then shorter first. */
export function comparePeriods(a: Period, b: Period): number {
  return a.start.localeCompare(b.start) || a.end.localeCompare(b.end);
}
