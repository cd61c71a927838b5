/**
 * deal-breakdown: each combined authority's skills funding lines, split into the
 * parts the sources give (by funder and by component), in £, £ per resident or
 * £ per resident per year. Parts are drawn beside their whole and never added to it;
 * ceilings are outlined; unquantified lines are listed by name; wider investment is
 * listed as context, off the scale.
 */
import { formatCount, formatFigure, formatPartialDate, type FormattedFigure } from '../data/format.ts';
import { sourceLookup } from '../data/derive.ts';
import { CATEGORY_LABEL, FUNDER_TYPE_LABEL } from '../data/labels.ts';
import type { FundingLine, RowsByDataset } from '../data/schema.ts';
import { areaIndex, type AreaInfo } from '../data/areas.ts';
import { partialDateYear } from './dates.ts';
import { defineChart } from './define.ts';
import { formatMoney, listInWords, moneyTick, sumQualified, type QualifiedValue, type QuantifiedQualifier } from './figures.ts';
import { FUNDER_COLOUR, MUTED } from './palette.ts';
import { layoutRows, rowPlotOptions, type RowGroup, type RowSpec } from './rows.ts';
import type { ChartControl, ChartNoteList, ChartTable, LegendEntry } from './types.ts';

export const MEASURES = ['total', 'per_resident', 'per_resident_per_year'] as const;
export type Measure = (typeof MEASURES)[number];

const MEASURE_LABEL: Record<Measure, string> = {
  total: '£ total',
  per_resident: '£ per resident',
  per_resident_per_year: '£ per resident per year',
};

const MEASURE_IN_WORDS: Record<Measure, string> = {
  total: 'in pounds',
  per_resident: 'in pounds per resident',
  per_resident_per_year: 'in pounds per resident per year',
};

export const MEASURE_CONTROL: ChartControl = {
  param: 'measure',
  label: 'Measure',
  choices: MEASURES.map((value) => ({ value, label: MEASURE_LABEL[value] })),
  defaultValue: 'total',
};

/** whole: has parts; funder_share: a part naming its funder; component: a part saying what it pays for. */
export type LineRole = 'whole' | 'funder_share' | 'component' | 'standalone';
export type MeasureStatus = 'ok' | 'not_quantified' | 'period_not_published' | 'population_unavailable';

export interface DealLine {
  id: string;
  areaCode: string;
  regionCode: string;
  programmeId: string;
  programmeName: string;
  component: string;
  funder: string;
  funderType: FundingLine['funder_type'];
  amount: number | null;
  qualifier: FundingLine['qualifier'];
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
  note: string | null;
  /** The figure in the chosen measure; null with a reason when it cannot be computed. */
  measureValue: number | null;
  status: MeasureStatus;
  figure: FormattedFigure;
  ceiling: boolean;
}

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
  areas: DealArea[];
  context: ContextLine[];
  /** Areas whose populations were used, for the caption and footnotes. */
  denominators: AreaInfo[];
  /** Each distinct denominator in words: "population in 2021 (Census 2021: …, Office for National Statistics)". */
  denominatorTexts: string[];
}

const NAMED_FUNDERS: ReadonlySet<FundingLine['funder_type']> = new Set(['government', 'combined_authority', 'other']);

export function parseMeasure(value: string | undefined): Measure {
  return (MEASURES as readonly string[]).includes(value ?? '') ? (value as Measure) : 'total';
}

function funderText(line: Pick<FundingLine, 'funder' | 'funder_type'>): string {
  return line.funder_type === 'not_stated' ? FUNDER_TYPE_LABEL.not_stated : line.funder;
}

function notQuantifiedText(line: Pick<FundingLine, 'stated_as'>): FormattedFigure {
  return formatFigure(null, 'unquantified', 'gbp', line.stated_as);
}

/** The chosen measure for one line, or why it cannot be given. */
export function measureLine(line: Pick<FundingLine, 'amount_gbp' | 'period_years'>, population: number | null, measure: Measure): { value: number | null; status: MeasureStatus } {
  if (line.amount_gbp === null) return { value: null, status: 'not_quantified' };
  if (measure === 'total') return { value: line.amount_gbp, status: 'ok' };
  if (!population) return { value: null, status: 'population_unavailable' };
  if (measure === 'per_resident') return { value: line.amount_gbp / population, status: 'ok' };
  if (line.period_years === null || line.period_years <= 0) return { value: null, status: 'period_not_published' };
  return { value: line.amount_gbp / population / line.period_years, status: 'ok' };
}

const STATUS_TEXT: Record<Exclude<MeasureStatus, 'ok' | 'not_quantified'>, FormattedFigure> = {
  period_not_published: { text: 'Period not published', long: 'period not published, so no yearly figure', quantified: false },
  population_unavailable: { text: 'Population not available', long: 'population not available', quantified: false },
};

function figureFor(line: FundingLine, value: number | null, status: MeasureStatus, unit: 'gbp' | 'gbp_pence'): FormattedFigure {
  if (status === 'not_quantified') return notQuantifiedText(line);
  if (status !== 'ok' || value === null) return STATUS_TEXT[status === 'ok' ? 'population_unavailable' : status];
  return formatMoney(value, line.qualifier as QuantifiedQualifier, unit);
}

function areaTotal(roots: DealLine[], lines: FundingLine[], region: AreaInfo, measure: Measure, unit: 'gbp' | 'gbp_pence'): AreaTotal {
  const byId = new Map(lines.map((line) => [line.id, line]));
  const notQuantifiedIds = roots.filter((root) => root.amount === null).map((root) => root.id);
  const quantified = roots.filter((root) => root.amount !== null);
  const counted = quantified.map((root) => root.id);
  const none = (reason: string): AreaTotal => ({ value: null, figure: null, countedIds: counted, notQuantifiedIds, unavailableReason: reason });
  if (quantified.length === 0) return none('no line has a published amount');
  if (measure !== 'total' && !region.population) return none('the population is not available');
  if (measure === 'per_resident_per_year' && quantified.some((root) => byId.get(root.id)?.period_years == null)) return none('no period is published for some lines');
  const perYear = (root: DealLine) => (measure === 'per_resident_per_year' ? (byId.get(root.id)?.period_years ?? 1) : 1);
  const sum = sumQualified(quantified.map((root) => ({ value: (root.amount ?? 0) / perYear(root), qualifier: root.qualifier as QuantifiedQualifier })));
  if (!sum) return none('it would add upper limits to lower limits');
  const value = measure === 'total' ? sum : { ...sum, value: sum.value / (region.population ?? 1) };
  return { value, figure: formatMoney(value.value, value.qualifier, unit), countedIds: counted, notQuantifiedIds, unavailableReason: null };
}

/** Pure: funding rows (plus areas and programmes when available) to the chart's view-model. */
export function dealBreakdownViewModel(data: RowsByDataset, options: Readonly<Record<string, string>>): DealBreakdownVM {
  const measure = parseMeasure(options.measure);
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
    const role: LineRole = parent ? (NAMED_FUNDERS.has(line.funder_type) ? 'funder_share' : 'component') : hasSkillsParts.has(line.id) ? 'whole' : 'standalone';
    const { value, status } = measureLine(line, areas.info(line.area_code).population, measure);
    return {
      id: line.id,
      areaCode: line.area_code,
      regionCode: areas.regionOf(line.area_code),
      programmeId: line.programme_id,
      programmeName: nameOfProgramme(line.programme_id),
      component: line.component,
      funder: funderText(line),
      funderType: line.funder_type,
      amount: line.amount_gbp,
      qualifier: line.qualifier,
      statedAs: line.stated_as,
      role,
      partOf: parent?.id ?? null,
      partOfLabel: parent ? parent.component : null,
      paidFromLabel: otherParent ? `${otherParent.component.toLowerCase()} of ${nameOfProgramme(otherParent.programme_id)}, which is not counted as skills funding` : null,
      periodYears: line.period_years,
      announced: line.announced,
      sourceId: line.source_id,
      note: line.note,
      measureValue: value,
      status,
      figure: figureFor(line, value, status, unit),
      ceiling: line.qualifier === 'up_to',
    };
  };

  const dealLines = skills.map(toDealLine);
  const regions = areas.regions(funding.map((line) => line.area_code));
  const dealAreas: DealArea[] = regions.map((region) => {
    const inRegion = dealLines.filter((line) => line.regionCode === region.code);
    const programmeIds = [...new Set(inRegion.map((line) => line.programmeId))];
    const roots = inRegion.filter((line) => line.role === 'whole' || line.role === 'standalone');
    return {
      info: region,
      programmes: programmeIds.map((id) => ({ id, name: nameOfProgramme(id), lines: orderWholesFirst(inRegion.filter((line) => line.programmeId === id)) })),
      total: areaTotal(roots, funding, region, measure, unit),
      announcedYears: [...new Set(inRegion.map((line) => partialDateYear(line.announced)).filter((year): year is number => year !== null))].sort(),
    };
  });

  const context: ContextLine[] = funding
    .filter((line) => line.category !== 'skills')
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
        return `population in ${info.populationYear ?? 'a year not stated'}${ref ? ` (${ref.title}, ${ref.publisher})` : ''}`;
      }),
    ),
  ];
  return { status: 'ok', measure, unit, areas: dealAreas, context, denominators, denominatorTexts };
}

/** Wholes first, each followed by its parts: funder shares, then components. */
function orderWholesFirst(lines: DealLine[]): DealLine[] {
  const ordered: DealLine[] = [];
  const visit = (line: DealLine) => {
    ordered.push(line);
    const parts = lines.filter((part) => part.partOf === line.id);
    [...parts.filter((p) => p.role === 'funder_share'), ...parts.filter((p) => p.role !== 'funder_share')].forEach(visit);
  };
  lines.filter((line) => line.partOf === null || !lines.some((other) => other.id === line.partOf)).forEach(visit);
  return ordered;
}

function statusMarker(line: DealLine): string | null {
  if (line.status === 'ok') return null;
  if (line.status === 'not_quantified') return line.statedAs ? `Not quantified: described as “${line.statedAs}”` : 'Not quantified: no amount published';
  return line.figure.long.charAt(0).toUpperCase() + line.figure.long.slice(1);
}

function lineDetail(line: DealLine): string {
  const parts = [line.funder];
  if (line.paidFromLabel) parts.push(`paid from ${line.paidFromLabel}`);
  return parts.join(' · ');
}

function lineRow(line: DealLine): RowSpec {
  const ok = line.status === 'ok' && line.measureValue !== null;
  return {
    id: line.id,
    kind: ok ? 'bar' : 'listed',
    label: ok ? `${line.component}: ${line.figure.text}` : line.component,
    detail: lineDetail(line),
    bar: ok ? { value: line.measureValue ?? 0, style: line.ceiling ? 'ceiling' : 'solid', colour: FUNDER_COLOUR[line.funderType] } : null,
    marker: statusMarker(line),
  };
}

function totalText(total: AreaTotal, vm: DealBreakdownVM): string {
  const extra = total.notQuantifiedIds.length > 0 ? ` plus ${formatCount(total.notQuantifiedIds.length)} not quantified` : '';
  const heading = vm.measure === 'total' ? 'Skills funding total' : `Skills funding total, ${MEASURE_LABEL[vm.measure]}`;
  if (!total.figure) return `${heading}: not available because ${total.unavailableReason ?? 'no figure is published'}${extra}`;
  return `${heading}: ${total.figure.text}${extra}`;
}

/** One row group per area, in the order the chart draws them. */
export function dealRowGroups(vm: DealBreakdownVM): RowGroup[] {
  return vm.areas.map((area) => {
    const rows: RowSpec[] = [{ id: `heading-${area.info.code}`, kind: 'heading', label: area.info.name, detail: totalText(area.total, vm), bar: null, marker: null }];
    if (area.programmes.length === 0) {
      rows.push({ id: `none-${area.info.code}`, kind: 'listed', label: 'No skills funding lines', detail: null, bar: null, marker: 'No skills funding is published in the data for this area' });
    }
    for (const programme of area.programmes) {
      const announced = [...new Set(programme.lines.map((line) => formatPartialDate(line.announced)))];
      rows.push({ id: `programme-${programme.id}`, kind: 'subheading', label: programme.name, detail: `Announced ${listInWords(announced)}`, bar: null, marker: null });
      let previousRole: LineRole | null = null;
      for (const line of programme.lines) {
        if (line.role !== previousRole && (line.role === 'funder_share' || line.role === 'component')) {
          const whole = programme.lines.find((other) => other.id === line.partOf);
          const wholeText = whole ? (whole.status === 'ok' ? `${whole.component} (${whole.figure.text})` : whole.component) : 'the line above';
          rows.push({
            id: `parts-${line.role}-${line.partOf ?? line.id}`,
            kind: 'subheading',
            label: line.role === 'funder_share' ? 'Split by funder' : 'What it pays for',
            detail: `Parts of ${wholeText}: shown beside it, not added to it`,
            bar: null,
            marker: null,
          });
        }
        previousRole = line.role;
        rows.push(lineRow(line));
      }
    }
    return { key: area.info.code, rows };
  });
}

function maxValue(vm: DealBreakdownVM): number {
  return Math.max(0, ...vm.areas.flatMap((area) => area.programmes.flatMap((p) => p.lines.map((line) => line.measureValue ?? 0))));
}

export function dealPlotOptions(vm: DealBreakdownVM, size: { width: number }) {
  const layout = layoutRows(dealRowGroups(vm), size.width);
  return rowPlotOptions(layout, { width: size.width, maxValue: maxValue(vm), tickFormat: moneyTick(vm.unit), ariaLabel: `${dealBreakdown.title} (${MEASURE_LABEL[vm.measure]})` });
}

const ROLE_TEXT: Record<LineRole, string> = {
  whole: 'Whole (parts listed below it)',
  standalone: 'Stand-alone line',
  funder_share: 'Share by funder',
  component: 'Component',
};

export function dealTable(vm: DealBreakdownVM): ChartTable {
  const rows = vm.areas.flatMap((area) => [
    ...area.programmes.flatMap((programme) =>
      programme.lines.map((line) => ({
        id: line.id,
        cells: [
          line.component,
          line.figure.long,
          area.info.name,
          programme.name,
          line.partOfLabel ? `${ROLE_TEXT[line.role]} of ${line.partOfLabel}` : line.paidFromLabel ? `${ROLE_TEXT[line.role]}, paid from ${line.paidFromLabel}` : ROLE_TEXT[line.role],
          line.funder,
          formatPartialDate(line.announced),
        ],
        numbers: [{ column: 1, value: line.measureValue, qualifier: line.qualifier }],
      })),
    ),
    {
      id: `total-${area.info.code}`,
      cells: [
        'Total skills funding in the data',
        area.total.figure ? `${area.total.figure.long}${area.total.notQuantifiedIds.length > 0 ? `, plus ${formatCount(area.total.notQuantifiedIds.length)} not quantified` : ''}` : `not available because ${area.total.unavailableReason ?? 'no figure is published'}`,
        area.info.name,
        '',
        'Sum of wholes and stand-alone lines; parts are not added again',
        '',
        '',
      ],
      numbers: area.total.value ? [{ column: 1, value: area.total.value.value, qualifier: area.total.value.qualifier }] : [],
    },
  ]);
  return {
    caption: `Skills funding lines by area, ${MEASURE_LABEL[vm.measure]}`,
    columns: ['Item', MEASURE_LABEL[vm.measure], 'Area', 'Programme', 'How it relates', 'Funder', 'Announced'],
    rows,
  };
}

function allLines(vm: DealBreakdownVM): DealLine[] {
  return vm.areas.flatMap((area) => area.programmes.flatMap((p) => p.lines));
}

export function dealSummary(vm: DealBreakdownVM): string {
  const sentences: string[] = [];
  const lines = allLines(vm);
  if (lines.length === 0) return 'The funding data holds no skills funding lines.';
  sentences.push(`Skills funding as announced, ${MEASURE_IN_WORDS[vm.measure]}.`);
  for (const area of vm.areas) {
    const areaLines = area.programmes.flatMap((p) => p.lines);
    if (areaLines.length === 0) {
      sentences.push(`${area.info.name}: no skills funding lines in the data.`);
      continue;
    }
    const years = area.announcedYears.length > 0 ? ` announced in ${listInWords(area.announcedYears.map(String))}` : '';
    const count = `${formatCount(area.total.countedIds.length)} ${area.total.countedIds.length === 1 ? 'line' : 'lines'}`;
    let sentence = area.total.figure
      ? `${area.info.name}: ${area.total.figure.long} in total from ${count}${years}`
      : `${area.info.name}: ${count}${years}, with no total because ${area.total.unavailableReason ?? 'no figure is available'}`;
    const shares = areaLines.filter((line) => line.role === 'funder_share' && line.status === 'ok');
    if (shares.length > 0) sentence += `; by funder, ${listInWords(shares.map((line) => `${line.figure.long} from ${line.funder}`))}`;
    sentences.push(`${sentence}.`);
    const unquantified = areaLines.filter((line) => line.status === 'not_quantified');
    if (unquantified.length > 0) {
      const names = unquantified.map((line) => (line.statedAs ? `${line.component} (described as “${line.statedAs}”)` : line.component));
      sentences.push(`${formatCount(unquantified.length)} ${unquantified.length === 1 ? 'item has' : 'items have'} no published amount: ${listInWords(names)}.`);
    }
    const noPeriod = areaLines.filter((line) => line.status === 'period_not_published');
    if (noPeriod.length > 0) sentences.push(`No period is published for ${listInWords(noPeriod.map((line) => line.component))}, so no yearly figure is given.`);
  }
  const largest = lines.filter((line) => line.measureValue !== null).sort((a, b) => (b.measureValue ?? 0) - (a.measureValue ?? 0))[0];
  if (largest) sentences.push(`The largest single line is ${largest.programmeName}, ${largest.component} (${largest.figure.long}).`);
  if (vm.context.length > 0) {
    sentences.push(`Not counted as skills funding and not drawn: ${listInWords(vm.context.map((line) => `${line.figure.long} ${line.component.toLowerCase()} for ${line.programmeName}`))}.`);
  }
  return sentences.join(' ');
}

export function dealCaption(vm: DealBreakdownVM): string[] {
  const sentences: string[] = [];
  const yearsByArea = vm.areas.filter((area) => area.announcedYears.length > 0).map((area) => `${area.info.name} ${listInWords(area.announcedYears.map(String))}`);
  const distinctYears = new Set(vm.areas.flatMap((area) => area.announcedYears));
  if (distinctYears.size > 1) {
    sentences.push(`The announcements come from different years (${yearsByArea.join('; ')}), and amounts are as announced, not adjusted for inflation.`);
  }
  if (vm.measure !== 'total') {
    sentences.push(
      vm.denominatorTexts.length > 0
        ? `Per resident: each amount divided by its area’s ${listInWords(vm.denominatorTexts)}.`
        : 'Per resident figures need areas.csv, which could not be used, so none are shown.',
    );
  }
  if (vm.measure === 'per_resident_per_year') {
    sentences.push('Per year: divided by the number of years the source says the money covers. Lines with no published period are listed, not estimated.');
  }
  return sentences;
}

export function dealLegend(vm: DealBreakdownVM): LegendEntry[] {
  const lines = allLines(vm);
  const drawn = lines.filter((line) => line.status === 'ok');
  const funderTypes = [...new Set(drawn.map((line) => line.funderType))];
  const entries: LegendEntry[] = funderTypes.map((type) => ({ label: FUNDER_TYPE_LABEL[type], swatch: { kind: 'bar', colour: FUNDER_COLOUR[type] } }));
  if (drawn.some((line) => line.ceiling)) entries.push({ label: 'Outlined bar: an upper limit (“up to”)', swatch: { kind: 'ceiling', colour: MUTED } });
  if (lines.some((line) => line.status !== 'ok')) entries.push({ label: 'No bar: not quantified, or not computable', swatch: { kind: 'symbol', colour: MUTED, symbol: 'hollow-diamond' } });
  return entries;
}

export function dealNotes(vm: DealBreakdownVM): ChartNoteList[] {
  if (vm.context.length === 0) return [];
  return [
    {
      heading: 'Context: not skills funding, so not drawn or counted',
      items: vm.context.map((line) => ({
        id: line.id,
        text: `${line.regionName}, ${line.programmeName}: ${line.component}, ${line.figure.long}${line.periodYears !== null ? ` over ${formatCount(line.periodYears)} years` : ''}. ${line.categoryLabel}.`,
      })),
    },
  ];
}

export function dealSourceIds(vm: DealBreakdownVM): string[] {
  const ids = [...allLines(vm).map((line) => line.sourceId), ...vm.context.map((line) => line.sourceId), ...vm.denominators.map((info) => info.populationSourceId ?? '')];
  return [...new Set(ids.filter(Boolean))];
}

export function dealFootnotes(vm: DealBreakdownVM): string[] {
  const notes = allLines(vm)
    .filter((line) => line.note)
    .map((line) => `${line.component} (${line.programmeName}): ${line.note}`);
  const population = vm.denominators.filter((info) => info.note).map((info) => `${info.name} population: ${info.note}`);
  return [...notes, ...new Set(population)];
}

export const dealBreakdown = defineChart<DealBreakdownVM>({
  id: 'deal-breakdown',
  title: 'Skills funding by area: deals and funding lines',
  subtitle: 'Each area’s skills funding as announced, split by funder and by what it pays for',
  requires: ['funding'],
  uses: ['areas', 'programmes', 'sources'],
  controls: [MEASURE_CONTROL],
  viewModel: dealBreakdownViewModel,
  plotOptions: dealPlotOptions,
  tableRows: dealTable,
  summary: dealSummary,
  caption: dealCaption,
  legend: dealLegend,
  notes: dealNotes,
  sourceIds: dealSourceIds,
  footnotes: dealFootnotes,
});
