/**
 * View-ready lookups over validated indicator files: by indicator, area and period, the
 * latest period, the ranking of combined authorities, change since the first period and
 * trend series with gaps. Pure; every string comes formatted from format.ts.
 */
import { comparePeriods, type Period } from './period.ts';
import { COMBINED_AUTHORITY_PREFIX, ENGLAND_CODE, type IndicatorMeta, type Observation } from './schema.ts';
import { compareWithEngland, type Comparison } from './compare.ts';
import { formatDifference, formatIndicatorValue, formatObservation, roundTo, type FormattedObservation } from './format.ts';
import { indicatorSourceId } from './sources.ts';
import type { ValidatedDataset } from './validate.ts';

export interface IndicatorSeries {
  meta: IndicatorMeta;
  /** Every period of the indicator, oldest first. */
  periods: Period[];
  rows: Observation[];
  /** `${areaCode} ${period}` → row. */
  byKey: Map<string, Observation>;
}

/** Indicators whose dataset file loaded without errors, in indicators.csv order. */
export type IndicatorStore = Map<string, IndicatorSeries>;

const key = (areaCode: string, period: string) => `${areaCode} ${period}`;

export function buildIndicatorStore(metadata: readonly IndicatorMeta[], datasets: readonly ValidatedDataset[]): IndicatorStore {
  const store: IndicatorStore = new Map();
  for (const meta of metadata) {
    const dataset = datasets.find((d) => d.file.split('/').pop() === meta.dataset);
    if (!dataset || dataset.errors.length > 0) continue;
    const rows = dataset.rows.filter((r) => r.indicatorId === meta.indicator_id);
    const periods = [...new Set(rows.map((r) => r.period))].flatMap((p) => dataset.periods.get(p) ?? []).sort(comparePeriods);
    store.set(meta.indicator_id, { meta, periods, rows, byKey: new Map(rows.map((r) => [key(r.areaCode, r.period), r])) });
  }
  return store;
}

export function getObservation(series: IndicatorSeries, areaCode: string, period: string): Observation | null {
  return series.byKey.get(key(areaCode, period)) ?? null;
}

export function findPeriod(series: IndicatorSeries, raw: string): Period | null {
  return series.periods.find((p) => p.raw === raw) ?? null;
}

/** The newest period with at least one published value (a period of only blanks is not "latest"). */
export function latestPeriod(series: IndicatorSeries, areaCodes?: readonly string[]): Period | null {
  const withValue = new Set(series.rows.filter((r) => r.value !== null && (!areaCodes || areaCodes.includes(r.areaCode))).map((r) => r.period));
  return series.periods.filter((p) => withValue.has(p.raw)).at(-1) ?? null;
}

/** Rows for one period, optionally only some areas, in file order. */
export function observationsFor(series: IndicatorSeries, period: string, areaCodes?: ReadonlySet<string>): Observation[] {
  return series.rows.filter((r) => r.period === period && (!areaCodes || areaCodes.has(r.areaCode)));
}

export function englandValue(series: IndicatorSeries, period: string): Observation | null {
  return getObservation(series, ENGLAND_CODE, period);
}

const isCombinedAuthority = (code: string) => code.startsWith(COMBINED_AUTHORITY_PREFIX);

export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

export interface RankEntry {
  areaCode: string;
  areaName: string;
  value: number;
  /** 1 = highest; tied values (equal as shown) share the best rank. */
  rank: number;
  tied: boolean;
  /** "4th highest of 12 combined authorities", "joint 2nd lowest of 12 combined authorities". */
  text: string;
  row: Observation;
}

export interface Ranking {
  period: string;
  ranked: RankEntry[];
  /** Combined authorities with a row but no value: listed, never ranked. */
  unranked: Observation[];
}

/** Says whichever end is nearer: the 11th highest of 12 reads "2nd lowest". */
export function rankText(highRank: number, lowRank: number, tied: boolean, total: number, noun = 'combined authorities'): string {
  if (total === 1) return `the only one of the ${noun} with a value`;
  const fromTop = highRank <= lowRank;
  const place = fromTop ? highRank : lowRank;
  const words = `${place === 1 ? '' : `${ordinal(place)} `}${fromTop ? 'highest' : 'lowest'}`;
  return `${tied ? 'joint ' : place === 1 ? 'the ' : ''}${words} of ${total} ${noun}`;
}

/**
 * Rank the areas `include` accepts for one period, highest first; values equal as shown
 * share a rank, and rows without a value are listed but never ranked.
 */
export function rankAreas(series: IndicatorSeries, period: string, include: (areaCode: string) => boolean, noun: string): Ranking {
  const rows = series.rows.filter((r) => r.period === period && include(r.areaCode));
  const places = series.meta.decimal_places;
  const withValue = rows.filter((r): r is Observation & { value: number } => r.value !== null).map((row) => ({ row, shown: roundTo(row.value, places) }));
  withValue.sort((a, b) => b.shown - a.shown || a.row.areaName.localeCompare(b.row.areaName, 'en-GB'));
  const total = withValue.length;
  const ranked = withValue.map(({ row, shown }) => {
    const above = withValue.filter((o) => o.shown > shown).length;
    const below = withValue.filter((o) => o.shown < shown).length;
    const tied = total - above - below > 1;
    return { areaCode: row.areaCode, areaName: row.areaName, value: row.value, rank: above + 1, tied, text: rankText(above + 1, below + 1, tied, total, noun), row };
  });
  return { period, ranked, unranked: rows.filter((r) => r.value === null) };
}

/** Every combined authority in the data for that period ("4th highest of 12 combined authorities"). */
export function rankCombinedAuthorities(series: IndicatorSeries, period: string): Ranking {
  return rankAreas(series, period, isCombinedAuthority, 'combined authorities');
}

/** Districts within their region, for the map ("2nd highest of 6 districts"). */
export function rankDistricts(series: IndicatorSeries, period: string, districtCodes: ReadonlySet<string>): Ranking {
  return rankAreas(series, period, (code) => districtCodes.has(code), 'districts');
}

export interface Change {
  from: Observation & { value: number };
  to: Observation & { value: number };
  fromPeriod: Period;
  toPeriod: Period;
  difference: number;
  /** "up 27 per 100,000 people since 2019/20", "no change since 2022". */
  text: string;
}

/** From the first period with a value to the latest with a value; null when there are not two. */
export function changeSinceFirst(series: IndicatorSeries, areaCode: string): Change | null {
  const points = series.periods
    .map((period) => ({ period, row: getObservation(series, areaCode, period.raw) }))
    .filter((p): p is { period: Period; row: Observation & { value: number } } => p.row !== null && p.row.value !== null);
  const first = points[0];
  const last = points.at(-1);
  if (!first || !last || first === last) return null;
  const { meta } = series;
  const difference = roundTo(last.row.value, meta.decimal_places) - roundTo(first.row.value, meta.decimal_places);
  const shown = roundTo(difference, meta.decimal_places);
  const text = shown === 0 ? `no change since ${first.period.label}` : `${shown > 0 ? 'up' : 'down'} ${formatDifference(meta, shown)} since ${first.period.label}`;
  return { from: first.row, to: last.row, fromPeriod: first.period, toPeriod: last.period, difference: shown, text };
}

export interface TrendPoint {
  period: Period;
  /** Null is a gap in the line, never zero. */
  value: number | null;
  lci95: number | null;
  uci95: number | null;
  row: Observation | null;
}

export interface TrendSeries {
  areaCode: string;
  areaName: string;
  points: TrendPoint[];
}

/** One series per requested area that has any row, over every period of the indicator. */
export function trendSeries(series: IndicatorSeries, areaCodes: readonly string[]): TrendSeries[] {
  return areaCodes.flatMap((areaCode) => {
    const points = series.periods.map((period): TrendPoint => {
      const row = getObservation(series, areaCode, period.raw);
      return { period, value: row?.value ?? null, lci95: row?.lci95 ?? null, uci95: row?.uci95 ?? null, row };
    });
    const named = points.find((p) => p.row)?.row;
    return named ? [{ areaCode, areaName: named.areaName, points }] : [];
  });
}

/** The value as shown, for labels: convenience over format.ts with the series' metadata. */
export function valueText(series: IndicatorSeries, value: number): string {
  return formatIndicatorValue(series.meta, value);
}

export interface IndicatorFigure {
  indicatorId: string;
  name: string;
  areaCode: string;
  period: Period;
  value: FormattedObservation;
  england: FormattedObservation;
  comparison: Comparison;
  /** Null when the area has fewer than two periods with a value. */
  change: Change | null;
  /** Among combined authorities for a combined authority, or among `rankWithin`; null otherwise or when unranked. */
  rank: RankEntry | null;
  caveat: string;
  sourceId: string;
}

export interface FigureOptions {
  /** A period's cell text; by default the latest period with a value for the area. */
  period?: string;
  /** Rank among these areas (a region's districts, for the map) instead of among combined authorities. */
  rankWithin?: ReadonlySet<string>;
}

/**
 * Everything a card, tooltip or table row says about one area: its value for the period,
 * England's, the comparison, the change since the first period and the rank. Null when
 * the period is unknown or the area has no value in any period.
 */
export function indicatorFigure(series: IndicatorSeries, areaCode: string, areaName: string, { period: periodRaw, rankWithin }: FigureOptions = {}): IndicatorFigure | null {
  const period = periodRaw ? findPeriod(series, periodRaw) : latestPeriod(series, [areaCode]);
  if (!period) return null;
  const { meta } = series;
  const row = getObservation(series, areaCode, period.raw);
  const england = englandValue(series, period.raw);
  const ranking = rankWithin ? rankDistricts(series, period.raw, rankWithin) : isCombinedAuthority(areaCode) ? rankCombinedAuthorities(series, period.raw) : null;
  return {
    indicatorId: meta.indicator_id,
    name: meta.name,
    areaCode,
    period,
    value: formatObservation(meta, row),
    england: formatObservation(meta, england),
    comparison: compareWithEngland(meta, row, england, areaName),
    change: changeSinceFirst(series, areaCode),
    rank: ranking?.ranked.find((r) => r.areaCode === areaCode) ?? null,
    caveat: meta.caveat,
    sourceId: indicatorSourceId(meta),
  };
}

export interface IndicatorChoice {
  series: IndicatorSeries;
  period: Period;
}

/**
 * URL controls → an indicator and period that exist: an unknown indicator falls back to
 * the first loaded, an unknown period to the latest with a value. Null only when nothing loaded.
 */
export function resolveIndicatorChoice(store: IndicatorStore, indicatorId: string | null | undefined, period: string | null | undefined): IndicatorChoice | null {
  const series = (indicatorId ? store.get(indicatorId) : undefined) ?? [...store.values()].find((s) => latestPeriod(s) !== null);
  if (!series) return null;
  const chosen = (period ? findPeriod(series, period) : null) ?? latestPeriod(series);
  return chosen ? { series, period: chosen } : null;
}
