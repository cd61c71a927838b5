/**
 * indicator-ranking: one official indicator in one period for every combined authority in
 * the data and England, as dots with their 95% intervals, highest first. The chosen pair
 * is highlighted by shape and colour. Ranks and the comparison with England come from the
 * indicators data layer (derive.ts, compare.ts), never recomputed here.
 */
import * as Plot from '@observablehq/plot';
import { isolate } from '../../data/bidi.ts';
import type { Markish, PlotOptions } from '@observablehq/plot';
import { max, min } from 'd3-array';
import { englandValue, findPeriod, rankCombinedAuthorities, type RankEntry } from '../../data/indicators/derive.ts';
import { compareWithEngland, type Comparison } from '../../data/indicators/compare.ts';
import { formatDecimal, roundTo, type FormattedObservation } from '../../data/indicators/format.ts';
import type { Period } from '../../data/indicators/period.ts';
import { COMBINED_AUTHORITY_PREFIX, ENGLAND_CODE, type IndicatorMeta, type Observation } from '../../data/indicators/schema.ts';
import { countOf, formatList } from '../../data/format.ts';
import { COMPARE_STYLE, INK, MUTED } from '../palette.ts';
import { pairAreas, REGION_PAIR_CONTROLS, type RegionPair } from '../regions.ts';
import { estimateTextWidth, wrapText } from '../text.ts';
import type { ChartInput, ChartTable, LegendEntry, Unavailable } from '../types.ts';
import {
  areaNamer,
  chosenSeries,
  INDICATOR_CONTROL,
  observationCells,
  defineIndicatorChart,
  pairLegend,
  PERIOD_CONTROL,
  roleOf,
  type Role,
} from './shared.ts';

export interface RankingDot {
  areaCode: string;
  name: string;
  role: Role;
  row: Observation | null;
  value: number | null;
  lci: number | null;
  uci: number | null;
  figure: FormattedObservation;
  /** Table cells: value, interval, flags. */
  cells: [string, string, string];
  /** Null for England and for areas with no value. */
  rank: RankEntry | null;
  /** With England, by the 95% interval rule; null for England itself. */
  comparison: Comparison | null;
}

export interface IndicatorRankingVM {
  status: 'ok';
  meta: IndicatorMeta;
  period: Period;
  /** Areas with a value, England among them, highest first: what is drawn. */
  dots: RankingDot[];
  /** Combined authorities with a row but no value, and chosen regions with no row: listed, not drawn. */
  missing: RankingDot[];
  /** The chosen regions, in order, with their dot (drawn or missing). */
  pair: RankingDot[];
  england: RankingDot | null;
  /** Combined authorities ranked (with a value). */
  ranked: number;
  anyInterval: boolean;
}

const CONTROLS = { indicator: INDICATOR_CONTROL, period: PERIOD_CONTROL, ...REGION_PAIR_CONTROLS };

export function indicatorRankingViewModel(data: ChartInput, options: { readonly indicator: string; readonly period: string } & Readonly<RegionPair>): IndicatorRankingVM | Unavailable {
  const series = chosenSeries(data, options.indicator);
  if ('status' in series) return series;
  const period = findPeriod(series, options.period);
  if (!period) return { status: 'unavailable', missing: [], reason: `No values of ${series.meta.name} are published in the data yet.` };
  const { meta } = series;
  const name = areaNamer(data);
  const ranking = rankCombinedAuthorities(series, period.raw);
  const rankOf = new Map(ranking.ranked.map((entry) => [entry.areaCode, entry]));
  const englandRow = englandValue(series, period.raw);
  const toDot = (areaCode: string, row: Observation | null, areaName: string): RankingDot => {
    const { figure, cells } = observationCells(meta, row);
    return {
      areaCode,
      name: areaName,
      role: roleOf(areaCode, options),
      row,
      value: row?.value ?? null,
      lci: row?.lci95 ?? null,
      uci: row?.uci95 ?? null,
      figure,
      cells,
      rank: rankOf.get(areaCode) ?? null,
      comparison: areaCode === ENGLAND_CODE ? null : compareWithEngland(meta, row, englandRow, areaName),
    };
  };
  const rows = series.rows.filter((row) => row.period === period.raw && (row.areaCode === ENGLAND_CODE || row.areaCode.startsWith(COMBINED_AUTHORITY_PREFIX)));
  const all = rows.map((row) => toDot(row.areaCode, row, name(row)));
  // Highest first as shown (equal values by name), the order the ranks use.
  const dots = all
    .filter((dot) => dot.value !== null)
    .sort((x, y) => roundTo(y.value ?? 0, meta.decimal_places) - roundTo(x.value ?? 0, meta.decimal_places) || x.name.localeCompare(y.name, 'en-GB'));
  const chosen = pairAreas(data, options).map((area) => all.find((dot) => dot.areaCode === area.code) ?? toDot(area.code, null, area.name));
  const missing = [...all.filter((dot) => dot.value === null), ...chosen.filter((dot) => dot.row === null)];
  return {
    status: 'ok',
    meta,
    period,
    dots,
    missing,
    pair: chosen,
    england: all.find((dot) => dot.areaCode === ENGLAND_CODE) ?? null,
    ranked: ranking.ranked.length,
    anyInterval: dots.some((dot) => dot.lci !== null && dot.uci !== null),
  };
}

const FONT_SIZE = 12;
/** Room for a name wrapped onto two lines. */
const ROW_HEIGHT = 32;

export function rankingPlotOptions(vm: IndicatorRankingVM, size: { width: number }): PlotOptions {
  const { width } = size;
  const longest = max(vm.dots, (dot) => estimateTextWidth(dot.name, FONT_SIZE, dot.role !== 'other')) ?? 60;
  const marginLeft = Math.min(Math.ceil(longest) + 14, Math.round(width * 0.42));
  // Names wrap (with the charts' text-width estimate) rather than run off a phone screen.
  const wrapped = new Map(vm.dots.map((dot) => [dot.name, wrapText(dot.name, marginLeft - 12, FONT_SIZE, dot.role !== 'other').join('\n')]));
  const twoLines = [...wrapped.values()].some((text) => text.includes('\n'));
  const low = min(vm.dots, (dot) => dot.lci ?? dot.value) ?? 0;
  const high = max(vm.dots, (dot) => dot.uci ?? dot.value) ?? 1;
  const pad = (high - low) * 0.06 || Math.abs(high) * 0.05 || 1;
  const order = vm.dots.map((dot) => dot.name);
  const highlighted = new Set(vm.dots.filter((dot) => dot.role !== 'other').map((dot) => dot.name));
  const withInterval = vm.dots.filter((dot) => dot.lci !== null && dot.uci !== null);
  const byRole = (role: Role) => vm.dots.filter((dot) => dot.role === role);
  const marks: Markish[] = [
    // England's value as a reference line across the plot.
    ...(vm.england?.value != null ? [Plot.ruleX([vm.england.value], { stroke: COMPARE_STYLE.england.colour, strokeDasharray: COMPARE_STYLE.england.dash, strokeWidth: 1 })] : []),
    Plot.ruleY(withInterval, { y: 'name', x1: 'lci', x2: 'uci', stroke: (dot: RankingDot) => COMPARE_STYLE[dot.role].colour, strokeWidth: (dot: RankingDot) => (dot.role === 'other' ? 1.5 : 2.5) }),
    Plot.dot(byRole('other'), { x: 'value', y: 'name', r: 4.5, fill: 'white', stroke: COMPARE_STYLE.other.colour, strokeWidth: 2 }),
    ...(['england', 'b', 'a'] as const).map((role) =>
      Plot.dot(byRole(role), { x: 'value', y: 'name', r: 6.5, symbol: COMPARE_STYLE[role].symbol, fill: COMPARE_STYLE[role].colour, stroke: 'white', strokeWidth: 1 }),
    ),
    // The chosen regions and England are named in bold: two axes, as Plot's font weight is one per mark.
    ...[false, true].map((bold) =>
      Plot.axisY({
        ticks: order.filter((name) => highlighted.has(name) === bold),
        tickSize: 0,
        tickPadding: 8,
        fontSize: FONT_SIZE,
        fontWeight: bold ? 700 : 400,
        tickFormat: (name: string) => wrapped.get(name) ?? name,
        lineHeight: 1.1,
        fill: INK,
        label: null,
      }),
    ),
    Plot.axisX({ anchor: 'top', ticks: width < 480 ? 3 : 6, tickFormat: (v: number) => formatDecimal(v, Math.min(vm.meta.decimal_places, 1)), label: null, fontSize: FONT_SIZE }),
    Plot.gridX({ ticks: width < 480 ? 3 : 6, stroke: MUTED, strokeOpacity: 0.2 }),
  ];
  return {
    width,
    height: vm.dots.length * (twoLines ? ROW_HEIGHT : 26) + 40,
    marginLeft,
    marginRight: 16,
    marginTop: 30,
    marginBottom: 10,
    ariaLabel: `${vm.meta.name}, ${vm.period.label}`,
    style: { fontSize: `${FONT_SIZE}px`, fontFamily: 'inherit', overflow: 'visible', background: 'white', color: INK },
    x: { domain: [low - pad, high + pad] },
    y: { domain: order, type: 'band', padding: 0.2, axis: null },
    marks,
  };
}

export function rankingTable(vm: IndicatorRankingVM): ChartTable {
  const row = (dot: RankingDot) => ({
    id: `${dot.areaCode}-${vm.period.raw}`,
    cells: [dot.name, ...dot.cells, dot.rank ? dot.rank.text : dot.areaCode === ENGLAND_CODE ? 'England (not ranked)' : 'Not ranked: no value', dot.comparison?.text ?? ''],
    numbers: [],
  });
  return {
    caption: `${vm.meta.name}, ${vm.period.label}: every combined authority in the data and England`,
    columns: ['Area', `${vm.meta.name} (${vm.meta.unit})`, '95% interval', 'Publisher’s flags', 'Rank', 'Compared with England'],
    rows: [...vm.dots, ...vm.missing].map(row),
  };
}

export function rankingSummary(vm: IndicatorRankingVM): string {
  const sentences = [`${isolate(vm.meta.name)}, ${vm.period.label}: ${countOf(vm.ranked, 'combined authority', 'combined authorities')} with a value, and England.`];
  for (const dot of vm.pair) {
    if (dot.value === null) {
      sentences.push(`${isolate(dot.name)}: ${dot.figure.long === 'no figure published for this area and period' ? 'no figure is published' : dot.figure.long}, so it is not ranked.`);
      continue;
    }
    sentences.push(`${isolate(dot.name)} is ${dot.rank?.text ?? 'not ranked'}. ${dot.comparison?.sentence ?? ''}`.trim());
  }
  const top = vm.dots.find((dot) => dot.areaCode !== ENGLAND_CODE);
  if (top && !vm.pair.includes(top)) sentences.push(`The highest is ${isolate(top.name)} (${top.figure.text}).`);
  const others = vm.missing.filter((dot) => !vm.pair.includes(dot));
  if (others.length > 0) sentences.push(`No value is published for ${formatList(others.map((dot) => isolate(dot.name)))}.`);
  return sentences.join(' ');
}

export function rankingCaption(vm: IndicatorRankingVM): string[] {
  return [
    `${isolate(vm.meta.name)}, ${vm.period.label} (${vm.meta.unit}).`,
    vm.anyInterval
      ? 'Each dot is a published value; the line through it is its 95% confidence interval. Where two intervals overlap, the difference may be chance.'
      : 'Each dot is a published value; no 95% intervals are published for this indicator.',
    `The dotted vertical line is England’s value. ${vm.meta.polarity === 'higher_is_better' ? 'A higher value is better.' : vm.meta.polarity === 'lower_is_better' ? 'A lower value is better.' : 'Neither a higher nor a lower value is better in itself.'}`,
  ];
}

export function rankingLegend(vm: IndicatorRankingVM): LegendEntry[] {
  const shown = vm.dots.filter((dot) => dot.role !== 'other');
  const order: Role[] = ['a', 'b', 'england'];
  const entries = pairLegend(
    order.flatMap((role) => shown.filter((dot) => dot.role === role).map((dot) => ({ role, name: dot.name }))),
    'symbol',
  );
  if (vm.dots.some((dot) => dot.role === 'other')) entries.push({ label: 'Other combined authorities', swatch: { kind: 'symbol', colour: COMPARE_STYLE.other.colour, symbol: 'hollow-circle' } });
  if (vm.anyInterval) entries.push({ label: '95% confidence interval', swatch: { kind: 'line', colour: MUTED, dashed: false } });
  return entries;
}

export const indicatorRanking = defineIndicatorChart({
  id: 'indicator-ranking',
  title: 'Official statistics: every combined authority ranked',
  subtitle: 'One indicator in one period for each combined authority and England, with 95% intervals',
  controls: CONTROLS,
  viewModel: indicatorRankingViewModel,
  plotOptions: rankingPlotOptions,
  tableRows: rankingTable,
  summary: rankingSummary,
  caption: rankingCaption,
  legend: rankingLegend,
  notes: (vm) => {
    const flagged = vm.dots.filter((dot) => dot.figure.flag);
    return flagged.length > 0 ? [{ heading: 'Flagged by the publisher', items: flagged.map((dot) => ({ id: `flag-${dot.areaCode}`, text: `${dot.name}: ${dot.figure.flag}` })) }] : [];
  },
  empty: (vm) => (vm.dots.length === 0 ? `No values of ${vm.meta.name} are published for ${vm.period.label}.` : null),
});
