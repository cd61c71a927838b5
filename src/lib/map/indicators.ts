/**
 * What the map can colour districts by: population, plus any programme figure published
 * for a district (a funding, completions or schools_reached row whose area_code is a
 * district rather than a combined authority) and its per-resident rate. Pure; every
 * string comes from format.ts, and a missing or unquantified figure stays null, never 0.
 */
import { isolate } from '../data/bidi.ts';
import { descending, extent, rank } from 'd3-array';
import { displayName, districtsOf } from '../data/areas.ts';
import { formatCount, formatFigure, formatGbp, formatGbpPence, formatPartialDate, qualifyNumber } from '../data/format.ts';
import { sumQualified } from '../data/derive.ts';
import { CATEGORY_LABEL, MEASURE_LABEL, SCHOOLS_STATUS_LABEL } from '../data/labels.ts';
import { rowFigure, SCHEMA, type Area, type FigureUnit, type Completion, type FundingLine, type Qualifier, type SchoolsReached, type RowsByDataset } from '../data/schema.ts';

export type IndicatorUnit = 'count' | 'gbp' | 'gbp_per_resident' | 'count_per_100k';

/** Residents per rate for counts: completions per 100,000 residents reads as whole numbers. */
export const RATE_BASE = 100_000;

export interface DistrictFigure {
  code: string;
  /** The district's short name, from areas.csv. */
  name: string;
  /** The number used for colour and rank; null when no number is published. */
  value: number | null;
  qualifier: Qualifier;
  /** Short text for labels and the table: "486,100", "up to £5m", "No figure published". */
  text: string;
  /** Plain-English text for screen readers: "more than 4,000". */
  long: string;
  /** When the figure refers to: "2021", "as of March 2024". */
  when: string | null;
  /** source_ids of the rows the figure comes from. */
  sourceIds: string[];
}

export interface Indicator {
  /** Stable id for the URL, e.g. "population" or "completions:lcr-skills-bootcamps:completed". */
  id: string;
  label: string;
  unit: IndicatorUnit;
  figures: DistrictFigure[];
}

const NO_FIGURE = { text: 'No figure published', long: 'no figure published for this district' };

/** Numbers for legends and labels in the indicator's unit. */
export function formatValue(unit: IndicatorUnit, value: number): string {
  switch (unit) {
    case 'count':
    case 'count_per_100k':
      return formatCount(value);
    case 'gbp':
      return formatGbp(value);
    case 'gbp_per_resident':
      return formatGbpPence(value);
  }
}

/**
 * A rate with its qualifier. format.ts has no qualifier-aware formatter for rates
 * (formatFigure rounds £3.86 to "£4"), so the qualifier words are added here, matching
 * formatFigure's wording.
 */
function qualifiedRate(unit: IndicatorUnit, value: number, qualifier: Qualifier): { text: string; long: string } {
  const number = formatValue(unit, value);
  return qualifier === 'unquantified' ? { text: number, long: number } : qualifyNumber(number, qualifier);
}

interface Quantity {
  value: number | null;
  qualifier: Qualifier;
  statedAs: string | null;
}

/**
 * Adds funding lines into one figure. A ceiling plus an exact amount is still a ceiling,
 * and likewise for floors and approximations; a ceiling plus a floor has no honest sum,
 * nor has anything plus an unquantified line, so those give null.
 */
export function addQuantities(parts: readonly Quantity[]): Quantity {
  const [only] = parts;
  if (parts.length === 1 && only) return only;
  const quantified = parts.flatMap((p) => (p.value === null || p.qualifier === 'unquantified' ? [] : [{ value: p.value, qualifier: p.qualifier }]));
  const sum = quantified.length === parts.length ? sumQualified(quantified) : null;
  return sum ? { ...sum, statedAs: null } : { value: null, qualifier: 'unquantified', statedAs: null };
}

function latest<T extends { as_of: string }>(rows: T[]): T | undefined {
  // Partial ISO dates sort correctly as text: "2024" < "2024-03" < "2024-03-31".
  return [...rows].sort((a, b) => (a.as_of < b.as_of ? 1 : a.as_of > b.as_of ? -1 : 0))[0];
}

function noFigure(district: Area): DistrictFigure {
  return { code: district.area_code, name: displayName(district), value: null, qualifier: 'unquantified', ...NO_FIGURE, when: null, sourceIds: [] };
}

function figureFrom(district: Area, quantity: Quantity, unit: FigureUnit, when: string | null, sourceIds: string[]): DistrictFigure {
  const base = { code: district.area_code, name: displayName(district), sourceIds };
  const formatted = formatFigure(quantity.value, quantity.qualifier, unit, quantity.statedAs);
  return { ...base, value: formatted.quantified ? quantity.value : null, qualifier: quantity.qualifier, text: formatted.text, long: formatted.long, when };
}

function rateFrom(figure: DistrictFigure, district: Area, unit: 'gbp_per_resident' | 'count_per_100k'): DistrictFigure {
  if (figure.value === null || district.population <= 0) return { ...figure, value: null };
  const value = unit === 'gbp_per_resident' ? figure.value / district.population : (figure.value / district.population) * RATE_BASE;
  return { ...figure, value, ...qualifiedRate(unit, value, figure.qualifier) };
}

function fundingFor(lines: FundingLine[], district: Area): DistrictFigure {
  const own = lines.filter((l) => l.area_code === district.area_code);
  const ids = new Set(own.map((l) => l.id));
  // A line carved from another of the district's lines is already inside that total.
  const roots = own.filter((l) => !l.part_of || !ids.has(l.part_of));
  if (roots.length === 0) return noFigure(district);
  const total = addQuantities(roots.map((l) => rowFigure('funding', l)));
  const dates = roots.map((l) => l.announced).sort();
  const when = `announced ${formatPartialDate(dates[dates.length - 1] ?? '')}`;
  const figure = figureFrom(district, total, SCHEMA.funding.figure.unit, when, [...new Set(roots.map((l) => l.source_id))]);
  if (total.value === null && roots.length > 1) {
    return { ...figure, text: 'Cannot be added up', long: 'the published lines cannot be added up (mixed or missing amounts)' };
  }
  return figure;
}

function latestFigure<T extends Completion | SchoolsReached>(rows: T[], district: Area, quantity: (row: T) => Quantity & { unit: FigureUnit }): DistrictFigure {
  const row = latest(rows.filter((r) => r.area_code === district.area_code));
  if (!row) return noFigure(district);
  const figure = quantity(row);
  return figureFrom(district, figure, figure.unit, `as of ${formatPartialDate(row.as_of)}`, [row.source_id]);
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const group = groups.get(k);
    if (group) group.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/** Every indicator with at least one figure for a district of the region (see indicatorsFor). */
export function regionIndicators(data: RowsByDataset, regionCode: string): Indicator[] {
  return indicatorsFor(data, districtsOf(data, regionCode));
}

/**
 * Every indicator with at least one figure for one of the areas, population first, each
 * with one figure per area in the order given. Programme figures are grouped by programme
 * and measure (or funding category, or schools status); each group also gets a
 * per-resident rate.
 */
export function indicatorsFor(data: RowsByDataset, districts: readonly Area[]): Indicator[] {
  if (districts.length === 0) return [];
  const codes = new Set(districts.map((d) => d.area_code));
  const programmeName = new Map((data.programmes ?? []).map((p) => [p.programme_id, p.programme_name]));
  const nameOf = (id: string) => programmeName.get(id) ?? id;
  const perResidentLabel = `per ${formatCount(RATE_BASE)} residents`;

  const indicators: Indicator[] = [
    {
      id: 'population',
      label: 'Population',
      unit: 'count',
      figures: districts.map((d) => ({
        code: d.area_code,
        name: displayName(d),
        value: d.population,
        qualifier: 'exact',
        text: formatCount(d.population),
        long: formatCount(d.population),
        when: `in ${d.population_year}`,
        sourceIds: [d.population_source_id],
      })),
    },
  ];

  const funding = (data.funding ?? []).filter((l) => codes.has(l.area_code));
  for (const [key, lines] of groupBy(funding, (l) => `${l.programme_id}:${l.category}`)) {
    const [first] = lines;
    if (!first) continue;
    const label = `${nameOf(first.programme_id)}: ${CATEGORY_LABEL[first.category].toLowerCase()}`;
    const figures = districts.map((d) => fundingFor(lines, d));
    indicators.push({ id: `funding:${key}`, label, unit: SCHEMA.funding.figure.unit, figures });
    indicators.push({ id: `funding-per-resident:${key}`, label: `${label}, per resident`, unit: 'gbp_per_resident', figures: figures.map((f, i) => rateFrom(f, districts[i] as Area, 'gbp_per_resident')) });
  }

  const completions = (data.completions ?? []).filter((c) => codes.has(c.area_code));
  for (const [key, rows] of groupBy(completions, (c) => `${c.programme_id}:${c.measure}`)) {
    const [first] = rows;
    if (!first) continue;
    const label = `${nameOf(first.programme_id)}: ${MEASURE_LABEL[first.measure]}`;
    const figures = districts.map((d) => latestFigure(rows, d, (r) => rowFigure('completions', r)));
    indicators.push({ id: `completions:${key}`, label, unit: SCHEMA.completions.figure.unit, figures });
    indicators.push({ id: `completions-per-100k:${key}`, label: `${label}, ${perResidentLabel}`, unit: 'count_per_100k', figures: figures.map((f, i) => rateFrom(f, districts[i] as Area, 'count_per_100k')) });
  }

  const schools = (data.schools_reached ?? []).filter((s) => codes.has(s.area_code));
  for (const [key, rows] of groupBy(schools, (s) => `${s.programme_id}:${s.status}`)) {
    const [first] = rows;
    if (!first) continue;
    // No per-resident rate: schools serve pupils, not residents, so a rate would mislead.
    const figures = districts.map((d) => latestFigure(rows, d, (r) => rowFigure('schools_reached', r)));
    indicators.push({ id: `schools:${key}`, label: `${nameOf(first.programme_id)}: ${SCHOOLS_STATUS_LABEL[first.status]}`, unit: SCHEMA.schools_reached.figure.unit, figures });
  }
  return indicators;
}

export interface Rank {
  /** 1 for the highest value; tied values share a rank. */
  rank: number;
  /** How many districts have a value to rank. */
  of: number;
}

/** Ranks by value, highest first (standard competition ranking: 1, 2, 2, 4). Missing values are not ranked. */
export function rankFigures(figures: readonly DistrictFigure[]): Map<string, Rank> {
  const ranked = figures.filter((f): f is DistrictFigure & { value: number } => f.value !== null);
  // d3's rank gives tied values the rank of the first of them: standard competition ranking, zero-based.
  const positions = rank(
    ranked.map((f) => f.value),
    descending,
  );
  return new Map(ranked.map((figure, i) => [figure.code, { rank: (positions[i] ?? 0) + 1, of: ranked.length }]));
}

/** "1 of 6" for the table's Rank column. */
export function rankShort(rank: Rank | undefined): string {
  return rank ? `${formatCount(rank.rank)} of ${formatCount(rank.of)}` : 'Not ranked';
}

export function rankText(rank: Rank | undefined): string {
  return rank ? `rank ${formatCount(rank.rank)} of ${formatCount(rank.of)}, highest first` : 'not ranked';
}

/** What a screen reader hears when a district is focused: name, value, rank. */
export function describeFigure(figure: DistrictFigure, indicatorLabel: string, rank: Rank | undefined): string {
  const when = figure.when ? ` (${figure.when})` : '';
  return `${isolate(figure.name)}: ${isolate(indicatorLabel)} ${figure.long}${when}; ${rankText(rank)}.`;
}

/** Names isolated (FSI…PDI), so a right-to-left name cannot reorder the figures beside it. */
function listNames(names: string[]): string {
  names = names.map(isolate);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/** What the mapped areas are called: districts of a region, or combined authorities of England. */
export interface AreaNoun {
  one: string;
  many: string;
}
export const DISTRICT_NOUN: AreaNoun = { one: 'district', many: 'districts' };
export const COMBINED_AUTHORITY_NOUN: AreaNoun = { one: 'combined authority', many: 'combined authorities' };

/** One or two sentences summarising the map in words, for everyone who cannot see it. */
export function summarise(indicator: Pick<Indicator, 'label' | 'figures'>, regionName: string, noun: AreaNoun = DISTRICT_NOUN): string {
  const withValue = indicator.figures.filter((f): f is DistrictFigure & { value: number } => f.value !== null);
  const missing = indicator.figures.length - withValue.length;
  const missingText = missing > 0 ? ` ${formatCount(missing)} of the ${formatCount(indicator.figures.length)} ${noun.many} have no figure.` : '';
  if (withValue.length === 0) return `No ${noun.one} of ${isolate(regionName)} has a published figure for “${isolate(indicator.label)}”.`;
  const [min = NaN, max = NaN] = extent(withValue, (f) => f.value);
  const highest = withValue.filter((f) => f.value === max);
  const lowest = withValue.filter((f) => f.value === min);
  if (max === min) {
    const all = withValue.length === 1 ? `${listNames(withValue.map((f) => f.name))} is the only ${noun.one} with a figure` : `All ${formatCount(withValue.length)} ${noun.many} with a figure have the same value`;
    return `${all} for “${isolate(indicator.label)}” in ${isolate(regionName)}: ${highest[0]?.long}.${missingText}`;
  }
  return (
    `In ${isolate(regionName)}, ${listNames(highest.map((f) => f.name))} ${highest.length > 1 ? 'have' : 'has'} the highest “${isolate(indicator.label)}” (${highest[0]?.long}) ` +
    `and ${listNames(lowest.map((f) => f.name))} the lowest (${lowest[0]?.long}).${missingText}`
  );
}
