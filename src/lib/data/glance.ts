/**
 * The headline's first screen ("At a glance"): for a chosen combined authority and a
 * comparison one, the few figures a councillor asks for first, side by side, and the
 * region picker's choices. Pure; every string the view shows is formatted here.
 */
import { areaIndex, combinedAuthorities } from './areas.ts';
import { buildHeadlines, sourceLookup, sourceRef, sumQualified, type ProgrammeHeadline, type QualifiedValue, type SourceRef } from './derive.ts';
import { formatFigure, formatPartialDate, type FormattedFigure } from './format.ts';
import { GLANCE_INDICATORS, headlineIndicators } from './headline-indicators.ts';
import { indicatorFigure, type IndicatorSeries } from './indicators/derive.ts';
import type { LoadedIndicators } from './indicators/load.ts';
import { indicatorAttribution, indicatorSources, type IndicatorSourceRef } from './indicators/sources.ts';
import { MEASURE_IS_EXPECTATION } from './labels.ts';
import type { Area, FundingLine, Qualifier, RowsByDataset } from './schema.ts';

/** URL parameters of the headline, named as the map names its region (`#/map?region=…`). */
export const REGION_PARAM = 'region';
export const COMPARE_PARAM = 'compare';

export interface RegionOption {
  code: string;
  name: string;
}

export interface RegionPair {
  region: string | null;
  compare: string | null;
}

/** One programme a figure came from: the glance links to its section below. */
export interface ProgrammeLink {
  /** The element id of the programme's section under "All figures" (programmeAnchor). */
  anchor: string;
  name: string;
}

/** One cell of the glance: a figure (or words saying why there is none) for one region. */
export interface GlanceCell {
  /** Key unique within its row, namespaced by kind. */
  key: string;
  /** The figure in words, qualifier spelt out: "more than 4,000", "up to £69m". */
  text: string;
  /** False when `text` explains an absence ("None in the data") rather than giving a figure. */
  quantified: boolean;
  /** Short lines under the figure: per resident, date, what is planned. */
  details: string[];
  links: ProgrammeLink[];
}

export interface GlanceRow {
  /** Unique by construction: "announced:<kind>" or "outcome:<indicator id>". */
  key: string;
  label: string;
  /** A line under the label: the period and unit of an official statistic. */
  caption: string | null;
  /** Where the row's figures come from, for rows with one source (official statistics). */
  source: GlanceSource | null;
  cells: GlanceCell[];
}

export interface GlanceSource {
  text: string;
  url: string | null;
}

export interface GlanceColumn {
  key: string;
  /** Which picker chooses this column. */
  role: 'region' | 'compare';
  code: string;
  name: string;
  populationText: string | null;
  /** Short form for the glance's column heading: "1,551,500 residents". */
  residentsText: string | null;
  mapHref: string;
  /** "No funding announcements for … are in the data yet." when the region has none; else null. */
  emptyText: string | null;
  /** The region's programmes with all their figures, for "All figures". */
  programmes: ProgrammeHeadline[];
  /** The region's official statistics (indicators.csv's headline indicators), for its Outcomes group. */
  outcomes: OutcomeFigure[];
  /** Why the Outcomes group is empty or short, in words; null when every headline indicator has a figure. */
  outcomesNote: string | null;
}

/** One official statistic for one region, everything its card says. */
export interface OutcomeFigure {
  /** "outcome:<indicator id>:<area code>": unique by construction. */
  key: string;
  indicatorId: string;
  name: string;
  value: string;
  /** With the 95% interval where published, for screen readers and print. */
  valueLong: string;
  period: string;
  england: string;
  /** "Higher than England (better)", "Similar to England", "27 per 100,000 people higher than England". */
  comparison: string;
  /** The full sentence, saying whether intervals were compared. */
  comparisonSentence: string;
  /** "up 27 per 100,000 people since 2019/20"; null with fewer than two periods. */
  change: string | null;
  /** "4th highest of 12 combined authorities". */
  rank: string | null;
  /** The publisher's flag or note on the row. */
  flag: string | null;
  caveat: string;
  sourceId: string;
  source: IndicatorSourceRef | null;
}

export interface QualifierNote {
  key: string;
  term: string;
  meaning: string;
}

export interface GlanceVM {
  options: RegionOption[];
  /** Every source on the page for the sources list: sources.csv's, then the official statistics' (ids unique). */
  sources: SourceRef[];
  /** The attribution the official statistics need wherever they appear; null when none are shown. */
  attribution: string | null;
  pair: RegionPair;
  columns: GlanceColumn[];
  rows: GlanceRow[];
  /** Meanings of the qualifiers that appear among the chosen regions' figures. */
  qualifierNotes: QualifierNote[];
}

/** Combined authorities with an areas.csv row, in data order, by short name. */
export function regionOptions(data: RowsByDataset): RegionOption[] {
  return combinedAuthorities(data).map(({ code, shortName }) => ({ code, name: shortName }));
}

/** Region codes with any announcement figure (a district's row counts for its combined authority). */
function regionsWithFigures(data: RowsByDataset): Set<string> {
  const { regionOf } = areaIndex(data);
  return new Set([...(data.funding ?? []), ...(data.completions ?? []), ...(data.schools_reached ?? [])].map((row) => regionOf(row.area_code)));
}

/**
 * The default pair, by a data rule rather than by codes: the first two combined
 * authorities (areas.csv order) that have announcement figures, topped up in data order
 * when fewer than two have any. On the seed data this is the Liverpool City Region and
 * the West Midlands, the two whose announcements the dashboard was built around.
 */
export function defaultPair(data: RowsByDataset): RegionPair {
  const options = regionOptions(data);
  const withFigures = regionsWithFigures(data);
  const ordered = [...options.filter((o) => withFigures.has(o.code)), ...options.filter((o) => !withFigures.has(o.code))];
  return { region: ordered[0]?.code ?? null, compare: ordered[1]?.code ?? null };
}

/** The pair the URL asks for; unknown codes fall back to the default pair, and the two are never the same region. */
export function choosePair(data: RowsByDataset, params: Readonly<Record<string, string>>): RegionPair {
  const codes = new Set(regionOptions(data).map((o) => o.code));
  const fallback = defaultPair(data);
  const asked = params[REGION_PARAM];
  const region = asked && codes.has(asked) ? asked : fallback.region;
  const askedCompare = params[COMPARE_PARAM];
  if (askedCompare && codes.has(askedCompare) && askedCompare !== region) return { region, compare: askedCompare };
  // The default comparison, or the default region when that is the one chosen.
  const compare = fallback.compare !== region ? fallback.compare : fallback.region !== region ? fallback.region : null;
  return { region, compare };
}

/**
 * The pair after one picker changes. Choosing the region the other picker shows swaps the
 * two, so the page never compares a region with itself.
 */
export function pickRegion(pair: RegionPair, which: 'region' | 'compare', code: string): RegionPair {
  if (which === 'region') return pair.compare === code ? { region: code, compare: pair.region } : { ...pair, region: code };
  return pair.region === code ? { region: pair.compare, compare: code } : { ...pair, compare: code };
}

/** URL parameters for a pair. */
export function pairParams(pair: RegionPair): Record<string, string | null> {
  return { [REGION_PARAM]: pair.region, [COMPARE_PARAM]: pair.compare };
}

/** True when the URL asks for the pair the prerendered page shows (no region parameters), so its markup can be hydrated as is. */
export function isDefaultHeadlineRoute(params: Readonly<Record<string, string>>): boolean {
  return !params[REGION_PARAM] && !params[COMPARE_PARAM];
}

/** What each qualifier means, said once on the page beside an example from the data. */
const QUALIFIER_MEANING: Record<Exclude<Qualifier, 'exact'>, (example: FormattedFigure) => string> = {
  more_than: (example) => `means ${example.long}: the source gives a floor, and the real number is higher.`,
  up_to: () => 'is a ceiling: the amount may turn out lower.',
  about: () => 'is the source’s own rounded figure.',
  unquantified: () => 'means the source gives no number; it is never counted as zero.',
};

const EXPECTATION_NOTE: QualifierNote = {
  key: 'qualifier:expected',
  term: '“Expected”, “planned”',
  meaning: 'are targets or plans, not achievements, and are shown apart from what has been achieved.',
};

/** Element id of a programme's folding section under "All figures"; the glance links to it. */
export function programmeAnchor(programmeId: string): string {
  return `programme-${programmeId}`;
}

function programmeLinks(ids: Iterable<string>, data: RowsByDataset): ProgrammeLink[] {
  const names = new Map((data.programmes ?? []).map((p) => [p.programme_id, p.programme_name]));
  return [...new Set(ids)].map((id) => ({ anchor: programmeAnchor(id), name: names.get(id) ?? id }));
}

function latestBy<T extends { as_of: string }>(rows: T[]): T | undefined {
  // Partial ISO dates sort correctly as text: "2024" < "2024-03" < "2024-03-31".
  return rows.reduce<T | undefined>((best, row) => (!best || row.as_of > best.as_of ? row : best), undefined);
}

function noneCell(key: string, text: string, links: ProgrammeLink[] = []): GlanceCell {
  return { key, text, quantified: false, details: [], links };
}

/**
 * Skills funding announced for a region: the skills lines not carved from another skills
 * line (part_of), so a deal and its parts are counted once; wider investment is not skills
 * funding. Added with sumQualified, so a ceiling stays a ceiling.
 */
function fundingCell(key: string, lines: FundingLine[], area: Area | null, data: RowsByDataset): GlanceCell {
  const byId = new Map((data.funding ?? []).map((l) => [l.id, l]));
  const skills = lines.filter((l) => l.category === 'skills');
  const roots = skills.filter((l) => byId.get(l.part_of ?? '')?.category !== 'skills');
  const links = programmeLinks(roots.map((l) => l.programme_id), data);
  if (roots.length === 0) return noneCell(key, 'No skills funding figure in the data', links);
  const quantified: QualifiedValue[] = roots.flatMap((l) => (l.amount_gbp === null || l.qualifier === 'unquantified' ? [] : [{ value: l.amount_gbp, qualifier: l.qualifier }]));
  const unquantified = roots.length - quantified.length;
  const unquantifiedText = `${unquantified} ${unquantified === 1 ? 'line' : 'lines'} with no published amount`;
  if (quantified.length === 0) return { ...noneCell(key, 'No amount published', links), details: [unquantifiedText] };
  const sum = sumQualified(quantified);
  if (!sum) return { ...noneCell(key, 'Cannot be totalled', links), details: ['the lines mix upper and lower limits'] };
  const details: string[] = [];
  // Per resident of the population areas.csv gives; none (never zero) without it.
  const rate = area && area.population > 0 ? sum.value / area.population : null;
  if (rate !== null) details.push(`${formatFigure(rate, sum.qualifier, 'gbp_pence').long} per resident`);
  if (unquantified > 0) details.push(`plus ${unquantifiedText}`);
  return { key, text: formatFigure(sum.value, sum.qualifier, 'gbp').long, quantified: true, details, links };
}

/** People who completed a course: the latest quantified count; expectations are not achievements and are left to "All figures". */
function trainedCell(key: string, data: RowsByDataset, inRegion: (code: string) => boolean): GlanceCell {
  const completed = (data.completions ?? []).filter((c) => inRegion(c.area_code) && c.measure === 'completed');
  const counted = completed.filter((c) => c.value !== null && c.qualifier !== 'unquantified');
  const latest = latestBy(counted);
  const links = programmeLinks((latest ? [latest] : completed).map((c) => c.programme_id), data);
  if (!latest) return noneCell(key, completed.length > 0 ? 'No count published' : 'None in the data', links);
  return { key, text: formatFigure(latest.value, latest.qualifier, 'count', latest.stated_as).long, quantified: true, details: [`by ${formatPartialDate(latest.as_of)}`], links };
}

/** Schools and colleges taking part (latest actual count), with the latest plan named as a plan. */
function schoolsCell(key: string, data: RowsByDataset, inRegion: (code: string) => boolean): GlanceCell {
  const rows = (data.schools_reached ?? []).filter((s) => inRegion(s.area_code));
  const actual = latestBy(rows.filter((s) => s.status === 'actual'));
  const planned = latestBy(rows.filter((s) => s.status === 'planned'));
  const links = programmeLinks([actual, planned].flatMap((s) => (s ? [s.programme_id] : [])), data);
  const plannedValue = planned ? formatFigure(planned.schools_and_colleges, planned.qualifier, 'count', planned.stated_as) : null;
  const plannedText = planned && plannedValue ? `${plannedValue.quantified ? `${plannedValue.long} planned` : 'more planned, number not given'} (${formatPartialDate(planned.as_of.slice(0, 7))})` : null;
  if (!actual) return { ...noneCell(key, rows.length > 0 ? 'No count published' : 'None in the data', links), details: plannedText ? [plannedText] : [] };
  const value = formatFigure(actual.schools_and_colleges, actual.qualifier, 'count', actual.stated_as);
  return { key, text: value.long, quantified: value.quantified, details: [`in ${formatPartialDate(actual.as_of.slice(0, 7))}`, ...(plannedText ? [plannedText] : [])], links };
}

function qualifierNotes(data: RowsByDataset, codes: Set<string>, region: (code: string) => string): QualifierNote[] {
  const inPair = (row: { area_code: string }) => codes.has(region(row.area_code));
  const examples = new Map<Qualifier, FormattedFigure>();
  const note = (qualifier: Qualifier, figure: FormattedFigure) => {
    if (!examples.has(qualifier)) examples.set(qualifier, figure);
  };
  for (const l of (data.funding ?? []).filter(inPair)) note(l.qualifier, formatFigure(l.amount_gbp, l.qualifier, 'gbp', l.stated_as));
  for (const c of (data.completions ?? []).filter(inPair)) note(c.qualifier, formatFigure(c.value, c.qualifier, 'count', c.stated_as));
  for (const s of (data.schools_reached ?? []).filter(inPair)) note(s.qualifier, formatFigure(s.schools_and_colleges, s.qualifier, 'count', s.stated_as));
  const expectations =
    (data.completions ?? []).some((c) => inPair(c) && MEASURE_IS_EXPECTATION[c.measure]) || (data.schools_reached ?? []).some((s) => inPair(s) && s.status === 'planned');
  const order = ['more_than', 'up_to', 'about', 'unquantified'] as const;
  const notes = order.flatMap((q) => {
    const example = examples.get(q);
    if (!example) return [];
    // "Not quantified" is the term itself; the others show the data's own example ("4,000+").
    const term = q === 'unquantified' ? '“Not quantified”' : q === 'up_to' ? '“Up to”' : q === 'about' ? '“About”' : `“${example.text}”`;
    return [{ key: `qualifier:${q}`, term, meaning: QUALIFIER_MEANING[q](example) }];
  });
  return expectations ? [...notes, EXPECTATION_NOTE] : notes;
}

function outcomeFigure(series: IndicatorSeries, code: string, name: string, sources: Map<string, IndicatorSourceRef>): OutcomeFigure | null {
  const figure = indicatorFigure(series, code, name);
  if (!figure || figure.value.missing) return null;
  return {
    key: `outcome:${figure.indicatorId}:${code}`,
    indicatorId: figure.indicatorId,
    name: figure.name,
    value: figure.value.text,
    valueLong: figure.value.long,
    period: figure.period.label,
    england: figure.england.text,
    comparison: figure.comparison.text,
    comparisonSentence: figure.comparison.sentence,
    change: figure.change?.text ?? null,
    rank: figure.rank?.text ?? null,
    flag: figure.value.flag,
    caveat: figure.caveat,
    sourceId: figure.sourceId,
    source: sources.get(figure.sourceId) ?? null,
  };
}

/**
 * An official statistic at a glance: each region's value against England, in words. The
 * period goes under the label when both regions share it, else beside each value.
 */
function outcomeRow(series: IndicatorSeries, columns: GlanceColumn[], sources: Map<string, IndicatorSourceRef>): GlanceRow {
  const { meta } = series;
  // At a glance the unit is said once, under the label ("per 100,000 people"), not in every value:
  // the same figures and comparison rule, shown without the suffix.
  const unitOnce = meta.value_suffix !== null && !meta.value_suffix.startsWith('%');
  const short = unitOnce ? { ...series, meta: { ...meta, value_suffix: null } } : series;
  const figures = columns.map((column) => outcomeFigure(short, column.code, column.name, sources));
  const periods = new Set(figures.flatMap((f) => (f ? [f.period] : [])));
  const shared = periods.size === 1 ? [...periods][0] : null;
  const source = sources.get(figures.find((f) => f)?.sourceId ?? '') ?? null;
  const caption = [unitOnce ? meta.value_suffix : null, shared].filter((part): part is string => Boolean(part)).join(', ');
  return {
    key: `outcome:${meta.indicator_id}`,
    label: meta.name,
    caption: caption || null,
    source: source ? { text: source.publisher, url: source.url } : null,
    cells: columns.map((column, i) => {
      const figure = figures[i];
      const key = `outcome:${meta.indicator_id}:${column.code}`;
      if (!figure) return noneCell(key, 'No figure published');
      return { key, text: figure.value, quantified: true, details: [...(shared ? [] : [figure.period]), `England ${figure.england}`, figure.comparison], links: [] };
    }),
  };
}

/** Why some official statistics are not shown for a region, or null. */
function outcomesNote(name: string, indicators: LoadedIndicators | null, wanted: number, shown: number): string | null {
  if (!indicators) return null;
  const broken = indicators.reports.filter((r) => r.status !== 'ok').map((r) => r.file);
  if (broken.length > 0) return `Some official statistics could not be read (${broken.join(', ')}); the rest are shown.`;
  if (shown === 0) return `No official statistics are published for ${name} in the data yet.`;
  return shown < wanted ? `The other official statistics have no figure for ${name}.` : null;
}

/** The first screen for the pair the URL asks for (see choosePair). */
export function glanceViewModel(data: RowsByDataset, params: Readonly<Record<string, string>>, indicators: LoadedIndicators | null = null): GlanceVM {
  const options = regionOptions(data);
  const pair = choosePair(data, params);
  const region = areaIndex(data).regionOf;
  const source = sourceLookup(data);
  const headlines = new Map(buildHeadlines(data).map((h) => [h.code, h]));
  const areaByCode = new Map((data.areas ?? []).map((a) => [a.area_code, a]));
  const chosen = [pair.region, pair.compare].filter((code): code is string => code !== null);
  const metas = indicators ? headlineIndicators(indicators.metadata) : [];
  const series = metas.flatMap((m) => indicators?.store.get(m.indicator_id) ?? []);
  const sourceList = indicatorSources(metas);
  const dataSources = (data.sources ?? []).map(sourceRef);
  const sources = new Map(sourceList.map((s) => [s.id, s]));

  const columns: GlanceColumn[] = chosen.map((code, index): GlanceColumn => {
    const area = areaByCode.get(code) ?? null;
    const name = area?.short_name ?? options.find((o) => o.code === code)?.name ?? code;
    const headline = headlines.get(code);
    const outcomes = series.flatMap((one) => outcomeFigure(one, code, name, sources) ?? []);
    return {
      key: `column:${index}:${code}`,
      role: index === 0 ? 'region' : 'compare',
      code,
      name,
      populationText: area ? `Population ${formatFigure(area.population, 'exact', 'count').text} (${area.population_year}, ${source(area.population_source_id)?.publisher ?? area.population_source_id})` : null,
      residentsText: area ? `${formatFigure(area.population, 'exact', 'count').text} residents` : null,
      mapHref: `#/map?${REGION_PARAM}=${encodeURIComponent(code)}`,
      emptyText: headline && headline.programmes.length > 0 ? null : `No funding announcements for ${name} are in the data yet.`,
      programmes: headline?.programmes ?? [],
      outcomes,
      outcomesNote: outcomesNote(name, indicators, metas.length, outcomes.length),
    };
  });

  const cellsFor = (kind: string, make: (key: string, code: string) => GlanceCell) => columns.map((column) => make(`${kind}:${column.code}`, column.code));
  const rows: GlanceRow[] = [
    {
      key: 'announced:funding',
      label: 'Skills funding announced',
      caption: null,
      source: null,
      cells: columns.map((column) =>
        column.emptyText
          ? noneCell(`funding:${column.code}`, column.emptyText)
          : fundingCell(`funding:${column.code}`, (data.funding ?? []).filter((l) => region(l.area_code) === column.code), areaByCode.get(column.code) ?? null, data),
      ),
    },
    { key: 'announced:trained', label: 'People trained or completed', caption: null, source: null, cells: cellsFor('trained', (key, code) => trainedCell(key, data, (c) => region(c) === code)) },
    { key: 'announced:schools', label: 'Schools and colleges reached', caption: null, source: null, cells: cellsFor('schools', (key, code) => schoolsCell(key, data, (c) => region(c) === code)) },
    ...series.slice(0, GLANCE_INDICATORS).map((one) => outcomeRow(one, columns, sources)),
  ];

  return {
    options,
    sources: [...dataSources, ...sourceList.filter((s) => !dataSources.some((d) => d.id === s.id))],
    attribution: series.length > 0 ? indicatorAttribution(metas) : null,
    pair,
    columns,
    rows,
    qualifierNotes: qualifierNotes(data, new Set(chosen), region),
  };
}
