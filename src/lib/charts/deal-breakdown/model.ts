/**
 * deal-breakdown, the model: each combined authority's skills funding lines, split into
 * the parts the sources give (by funder and by component), in the chosen measure. Parts
 * sit beside their whole and are never added to it; lines with no published amount are
 * kept, with why, and wider investment is context, off the scale.
 */
import { isolate } from '../../data/bidi.ts';
import { group } from 'd3-array';
import { formatFigure, type FormattedFigure } from '../../data/format.ts';
import { sourceLookup } from '../../data/derive.ts';
import { CATEGORY_LABEL, FUNDER_TYPE_LABEL } from '../../data/labels.ts';
import type { FundingLine, Qualifier } from '../../data/schema.ts';
import { areaIndex, type AreaInfo } from '../../data/areas.ts';
import { choice } from '../controls.ts';
import { pairAreas, REGION_PAIR_CONTROLS, type RegionPair } from '../regions.ts';
import type { ChartInput } from '../types.ts';
import { partialDateYear } from '../dates.ts';
import { formatMoney, sumQualified, type QualifiedValue, type QuantifiedQualifier } from '../figures.ts';

export const TITLE = 'Skills funding by area: deals and funding lines';

export const MEASURES = ['total', 'per_resident', 'per_resident_per_year'] as const;
export type Measure = (typeof MEASURES)[number];

export const MEASURE_LABEL: Record<Measure, string> = {
  total: '£ total',
  per_resident: '£ per resident',
  per_resident_per_year: '£ per resident per year',
};

export const MEASURE_CONTROL = choice(
  'Measure',
  MEASURES.map((value) => ({ value, label: MEASURE_LABEL[value] })),
  'total',
);

export const DEAL_CONTROLS = { measure: MEASURE_CONTROL, ...REGION_PAIR_CONTROLS };

/** A measure from untrusted text: one of MEASURES, else £ total. */
export function parseMeasure(value: string | undefined): Measure {
  return MEASURE_CONTROL.resolve({}, value).value;
}

/** whole: has parts; funder_share: a part naming its funder; component: a part saying what it pays for. */
export type LineRole = 'whole' | 'funder_share' | 'component' | 'standalone';
export type MeasureStatus = 'ok' | 'not_quantified' | 'period_not_published' | 'population_unavailable';

interface DealLineCommon {
  id: string;
  areaCode: string;
  regionCode: string;
  programmeId: string;
  programmeName: string;
  component: string;
  funder: string;
  funderType: FundingLine['funder_type'];
  statedAs: string | null;
  role: LineRole;
  /** The line this one is part of, when that line is skills funding (so the two are never added). */
  partOf: string | null;
  partOfLabel: string | null;
  /** For a skills line carved from a non-skills line (KQ Futures from the Innovation Zone budget). */
  paidFromLabel: string | null;
  periodYears: number | null;
  announced: string;
  sourceId: string;
  /** Whether the source says the money is new: yes, partly or not stated. */
  newMoney: FundingLine['new_money'];
  note: string | null;
  figure: FormattedFigure;
  ceiling: boolean;
}

/**
 * A skills funding line. The type says what the data promises: a line with an amount has
 * a quantified qualifier, and a figure in the chosen measure exactly when its status is ok.
 */
export type DealLine = DealLineCommon &
  (
    | { amount: number; qualifier: QuantifiedQualifier; status: 'ok'; measureValue: number }
    | { amount: number; qualifier: QuantifiedQualifier; status: 'period_not_published' | 'population_unavailable'; measureValue: null }
    | { amount: null; qualifier: Qualifier; status: 'not_quantified'; measureValue: null }
  );
export type QuantifiedLine = Extract<DealLine, { amount: number }>;
export type MeasuredLine = Extract<DealLine, { status: 'ok' }>;

export const isQuantified = (line: DealLine): line is QuantifiedLine => line.amount !== null;
export const isMeasured = (line: DealLine): line is MeasuredLine => line.status === 'ok';

export interface AreaTotal {
  value: QualifiedValue | null;
  figure: FormattedFigure | null;
  /** Ids of the lines added up: wholes and stand-alone lines, never their parts. */
  countedIds: string[];
  /** Top-level lines with no published amount: listed, not added. */
  notQuantifiedIds: string[];
  /** Why there is no total, when there is none. */
  unavailableReason: string | null;
}

export interface DealArea {
  info: AreaInfo;
  programmes: { id: string; name: string; lines: DealLine[] }[];
  total: AreaTotal;
  announcedYears: number[];
}

export interface ContextLine {
  id: string;
  regionName: string;
  programmeName: string;
  component: string;
  categoryLabel: string;
  figure: FormattedFigure;
  periodYears: number | null;
  sourceId: string;
}

export interface DealBreakdownVM {
  status: 'ok';
  measure: Measure;
  unit: 'gbp' | 'gbp_pence';
  /** The chosen regions that have skills funding lines, in the pair's order. */
  areas: DealArea[];
  /** The chosen regions with no skills funding lines in the data: said in words, not drawn. */
  absent: AreaInfo[];
  context: ContextLine[];
  /** Areas whose populations were used, for the caption and footnotes. */
  denominators: AreaInfo[];
  /** Each distinct denominator in words: "population in 2021 (Census 2021: …, Office for National Statistics)". */
  denominatorTexts: string[];
}

const NAMED_FUNDERS: ReadonlySet<FundingLine['funder_type']> = new Set(['government', 'combined_authority', 'other']);

function funderText(line: Pick<FundingLine, 'funder' | 'funder_type'>): string {
  return line.funder_type === 'not_stated' ? FUNDER_TYPE_LABEL.not_stated : line.funder;
}

type AmountMeasured = { value: number; status: 'ok' } | { value: null; status: 'period_not_published' | 'population_unavailable' };

function measureAmount(amount: number, periodYears: number | null, population: number | null, measure: Measure): AmountMeasured {
  if (measure === 'total') return { value: amount, status: 'ok' };
  if (!population) return { value: null, status: 'population_unavailable' };
  if (measure === 'per_resident') return { value: amount / population, status: 'ok' };
  if (periodYears === null || periodYears <= 0) return { value: null, status: 'period_not_published' };
  return { value: amount / population / periodYears, status: 'ok' };
}

/** The chosen measure for one line, or why it cannot be given. */
export function measureLine(line: Pick<FundingLine, 'amount_gbp' | 'period_years'>, population: number | null, measure: Measure): AmountMeasured | { value: null; status: 'not_quantified' } {
  return line.amount_gbp === null ? { value: null, status: 'not_quantified' } : measureAmount(line.amount_gbp, line.period_years, population, measure);
}

const STATUS_TEXT: Record<'period_not_published' | 'population_unavailable', FormattedFigure> = {
  period_not_published: { text: 'Period not published', long: 'period not published, so no yearly figure', quantified: false },
  population_unavailable: { text: 'Population not available', long: 'population not available', quantified: false },
};

function areaTotal(roots: readonly DealLine[], region: AreaInfo, measure: Measure, unit: 'gbp' | 'gbp_pence'): AreaTotal {
  const notQuantifiedIds = roots.filter((root) => !isQuantified(root)).map((root) => root.id);
  const quantified = roots.filter(isQuantified);
  const countedIds = quantified.map((root) => root.id);
  const none = (reason: string): AreaTotal => ({ value: null, figure: null, countedIds, notQuantifiedIds, unavailableReason: reason });
  if (quantified.length === 0) return none('no line has a published amount');
  const population = region.population;
  if (measure !== 'total' && !population) return none('the population is not available');
  const parts: QualifiedValue[] = [];
  for (const root of quantified) {
    if (measure !== 'per_resident_per_year') parts.push({ value: root.amount, qualifier: root.qualifier });
    else if (root.periodYears === null || root.periodYears <= 0) return none('no period is published for some lines');
    else parts.push({ value: root.amount / root.periodYears, qualifier: root.qualifier });
  }
  const sum = sumQualified(parts);
  if (!sum) return none('it would add upper limits to lower limits');
  const value = measure === 'total' || !population ? sum : { ...sum, value: sum.value / population };
  return { value, figure: formatMoney(value.value, value.qualifier, unit), countedIds, notQuantifiedIds, unavailableReason: null };
}

/** Wholes first, each followed by its parts: funder shares, then components. Linear in lines. */
function orderWholesFirst(lines: readonly DealLine[]): DealLine[] {
  const ids = new Set(lines.map((line) => line.id));
  const partsOf = group(
    lines.filter((line) => line.partOf !== null),
    (line) => line.partOf,
  );
  const ordered: DealLine[] = [];
  // An explicit stack, not recursion: a deep chain of parts must not overflow the call stack.
  const stack = lines.filter((line) => line.partOf === null || !ids.has(line.partOf)).reverse();
  for (let line = stack.pop(); line !== undefined; line = stack.pop()) {
    ordered.push(line);
    const parts = partsOf.get(line.id) ?? [];
    const next = [...parts.filter((p) => p.role === 'funder_share'), ...parts.filter((p) => p.role !== 'funder_share')];
    for (let i = next.length - 1; i >= 0; i--) {
      const part = next[i];
      if (part) stack.push(part);
    }
  }
  return ordered;
}

/** Pure: funding rows (plus areas and programmes when available) to the chart's view-model. */
export function dealBreakdownViewModel(data: ChartInput, options: { readonly measure: Measure } & Readonly<RegionPair>): DealBreakdownVM {
  const { measure } = options;
  const pair = pairAreas(data, options);
  const inPair = new Set(pair.map((area) => area.code));
  const unit = measure === 'total' ? 'gbp' : 'gbp_pence';
  const funding = data.funding ?? [];
  const areas = areaIndex(data);
  const byId = new Map(funding.map((line) => [line.id, line]));
  const programmeName = new Map((data.programmes ?? []).map((p) => [p.programme_id, p.programme_name]));
  const nameOfProgramme = (id: string) => programmeName.get(id) ?? id;
  const skills = funding.filter((line) => line.category === 'skills');
  const skillsParent = (line: FundingLine) => {
    const parent = line.part_of ? byId.get(line.part_of) : undefined;
    return parent && parent.category === 'skills' ? parent : undefined;
  };
  const hasSkillsParts = new Set(skills.map((line) => skillsParent(line)?.id).filter((id): id is string => id !== undefined));

  const toDealLine = (line: FundingLine): DealLine => {
    const parent = skillsParent(line);
    const otherParent = !parent && line.part_of ? byId.get(line.part_of) : undefined;
    const common: Omit<DealLineCommon, 'figure'> = {
      id: line.id,
      areaCode: line.area_code,
      regionCode: areas.regionOf(line.area_code),
      programmeId: line.programme_id,
      programmeName: nameOfProgramme(line.programme_id),
      component: line.component,
      funder: funderText(line),
      funderType: line.funder_type,
      statedAs: line.stated_as,
      role: parent ? (NAMED_FUNDERS.has(line.funder_type) ? 'funder_share' : 'component') : hasSkillsParts.has(line.id) ? 'whole' : 'standalone',
      partOf: parent?.id ?? null,
      partOfLabel: parent ? parent.component : null,
      paidFromLabel: otherParent ? `${otherParent.component.toLowerCase()} of ${nameOfProgramme(otherParent.programme_id)}, which is not counted as skills funding` : null,
      periodYears: line.period_years,
      announced: line.announced,
      sourceId: line.source_id,
      newMoney: line.new_money,
      note: line.note,
      ceiling: line.qualifier === 'up_to',
    };
    const amount = line.amount_gbp;
    const qualifier = line.qualifier;
    if (amount === null || qualifier === 'unquantified') {
      return { ...common, amount: null, qualifier, status: 'not_quantified', measureValue: null, figure: formatFigure(null, 'unquantified', 'gbp', line.stated_as) };
    }
    const measured = measureAmount(amount, line.period_years, areas.info(line.area_code).population, measure);
    if (measured.status === 'ok') return { ...common, amount, qualifier, status: 'ok', measureValue: measured.value, figure: formatMoney(measured.value, qualifier, unit) };
    return { ...common, amount, qualifier, status: measured.status, measureValue: null, figure: STATUS_TEXT[measured.status] };
  };

  const dealLines = skills.map(toDealLine).filter((line) => inPair.has(line.regionCode));
  const linesByRegion = group(dealLines, (line) => line.regionCode);
  const absent = pair.filter((region) => !linesByRegion.has(region.code));
  const dealAreas: DealArea[] = pair.filter((region) => linesByRegion.has(region.code)).map((region) => {
    const inRegion = linesByRegion.get(region.code) ?? [];
    const roots = inRegion.filter((line) => line.role === 'whole' || line.role === 'standalone');
    return {
      info: region,
      programmes: [...group(inRegion, (line) => line.programmeId)].map(([id, lines]) => ({ id, name: nameOfProgramme(id), lines: orderWholesFirst(lines) })),
      total: areaTotal(roots, region, measure, unit),
      announcedYears: [...new Set(inRegion.map((line) => partialDateYear(line.announced)).filter((year): year is number => year !== null))].sort(),
    };
  });

  const context: ContextLine[] = funding
    .filter((line) => line.category !== 'skills' && inPair.has(areas.regionOf(line.area_code)))
    .map((line) => ({
      id: line.id,
      regionName: areas.info(areas.regionOf(line.area_code)).name,
      programmeName: nameOfProgramme(line.programme_id),
      component: line.component,
      categoryLabel: CATEGORY_LABEL[line.category],
      figure: formatFigure(line.amount_gbp, line.qualifier, 'gbp', line.stated_as),
      periodYears: line.period_years,
      sourceId: line.source_id,
    }));

  const usedAreaCodes = new Set([...dealLines.map((line) => line.areaCode), ...dealAreas.filter((a) => a.total.countedIds.length > 0).map((a) => a.info.code)]);
  const denominators = measure === 'total' ? [] : [...usedAreaCodes].map((code) => areas.info(code)).filter((info) => info.population !== null);
  const source = sourceLookup(data);
  const denominatorTexts = [
    ...new Set(
      denominators.map((info) => {
        const ref = info.populationSourceId ? source(info.populationSourceId) : null;
        return `population in ${info.populationYear ?? 'a year not stated'}${ref ? ` (${isolate(ref.title)}, ${isolate(ref.publisher)})` : ''}`;
      }),
    ),
  ];
  return { status: 'ok', measure, unit, areas: dealAreas, absent, context, denominators, denominatorTexts };
}

/** Every skills line, area by area, in drawing order. */
export function allLines(vm: DealBreakdownVM): DealLine[] {
  return vm.areas.flatMap((area) => area.programmes.flatMap((p) => p.lines));
}
