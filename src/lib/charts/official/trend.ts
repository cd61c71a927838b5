/**
 * indicator-trend: one official indicator across its periods for the chosen pair and
 * England: lines, with 95% interval bands where published. A period with no value is a
 * gap in the line, never a zero. Series, change and comparison come from the indicators
 * data layer (derive.ts, compare.ts).
 */
import * as Plot from '@observablehq/plot';
import { isolate } from '../../data/bidi.ts';
import type { Markish, PlotOptions } from '@observablehq/plot';
import { max, min } from 'd3-array';
import { changeSinceFirst, englandValue, trendSeries, type Change } from '../../data/indicators/derive.ts';
import { compareWithEngland, type Comparison } from '../../data/indicators/compare.ts';
import { formatDecimal, type FormattedObservation } from '../../data/indicators/format.ts';
import type { Period } from '../../data/indicators/period.ts';
import { ENGLAND_CODE, type IndicatorMeta, type Observation } from '../../data/indicators/schema.ts';
import { formatList } from '../../data/format.ts';
import type { AreaInfo } from '../../data/areas.ts';
import { COMPARE_STYLE, FAINT_FILL_OPACITY, INK, PANEL } from '../palette.ts';
import { noFiguresText, pairAreas, REGION_PAIR_CONTROLS, type RegionPair } from '../regions.ts';
import type { ChartInput, ChartTable, LegendEntry, Unavailable } from '../types.ts';
import { areaNamer, chosenSeries, INDICATOR_CONTROL, observationCells, defineIndicatorChart, pairLegend, roleOf, type Role } from './shared.ts';

export interface TrendPointVM {
  period: Period;
  /** Null is a gap, never zero. */
  value: number | null;
  lci: number | null;
  uci: number | null;
  row: Observation | null;
  figure: FormattedObservation;
  cells: [string, string, string];
}

export interface TrendLineVM {
  areaCode: string;
  name: string;
  role: Role;
  points: TrendPointVM[];
  change: Change | null;
  /** The latest period with a value for this area, compared with England by the 95% interval rule. */
  latest: { period: Period; comparison: Comparison } | null;
}

export interface IndicatorTrendVM {
  status: 'ok';
  meta: IndicatorMeta;
  periods: Period[];
  /** The chosen regions that have rows, then England. */
  lines: TrendLineVM[];
  /** Chosen regions with no row for this indicator: said in words. */
  absent: AreaInfo[];
  anyInterval: boolean;
}

const CONTROLS = { indicator: INDICATOR_CONTROL, ...REGION_PAIR_CONTROLS };

export function indicatorTrendViewModel(data: ChartInput, options: { readonly indicator: string } & Readonly<RegionPair>): IndicatorTrendVM | Unavailable {
  const series = chosenSeries(data, options.indicator);
  if ('status' in series) return series;
  const { meta } = series;
  const name = areaNamer(data);
  const chosen = pairAreas(data, options);
  const found = trendSeries(series, [...chosen.map((area) => area.code), ENGLAND_CODE]);
  const lines = found.map((line): TrendLineVM => {
    const points = line.points.map((point): TrendPointVM => ({ period: point.period, value: point.value, lci: point.lci95, uci: point.uci95, row: point.row, ...observationCells(meta, point.row) }));
    const last = [...points].reverse().find((point) => point.value !== null);
    const areaName = name({ areaCode: line.areaCode, areaName: line.areaName });
    return {
      areaCode: line.areaCode,
      name: areaName,
      role: roleOf(line.areaCode, options),
      points,
      change: changeSinceFirst(series, line.areaCode),
      latest: last && line.areaCode !== ENGLAND_CODE ? { period: last.period, comparison: compareWithEngland(meta, last.row, englandValue(series, last.period.raw), areaName) } : null,
    };
  });
  return {
    status: 'ok',
    meta,
    periods: series.periods,
    lines,
    absent: chosen.filter((area) => !found.some((line) => line.areaCode === area.code)),
    anyInterval: lines.some((line) => line.points.some((p) => p.lci !== null && p.uci !== null)),
  };
}

type PlacedPoint = TrendPointVM & { label: string; role: Role; name: string };

export function trendPlotOptions(vm: IndicatorTrendVM, size: { width: number }): PlotOptions {
  const { width } = size;
  const narrow = width < 520;
  const labels = vm.periods.map((period) => period.label);
  // Every period is on the axis so gaps show; on a phone only some are labelled.
  const step = Math.max(1, Math.ceil((labels.length * (narrow ? 48 : 64)) / Math.max(1, width - 70)));
  const tickLabels = labels.filter((_, i) => (labels.length - 1 - i) % step === 0);
  const points = vm.lines.flatMap((line) => line.points.map((point): PlacedPoint => ({ ...point, label: point.period.label, role: line.role, name: line.name })));
  const low = min(points, (p) => p.lci ?? p.value) ?? 0;
  const high = max(points, (p) => p.uci ?? p.value) ?? 1;
  const pad = (high - low) * 0.08 || Math.abs(high) * 0.05 || 1;
  const marks: Markish[] = vm.lines.flatMap((line): Markish[] => {
    const style = COMPARE_STYLE[line.role];
    const data = points.filter((p) => p.name === line.name && p.role === line.role);
    return [
      // Bands and lines take every period: a null value or interval leaves a gap.
      Plot.areaY(data, { x: 'label', y1: 'lci', y2: 'uci', fill: style.colour, fillOpacity: FAINT_FILL_OPACITY }),
      Plot.lineY(data, { x: 'label', y: 'value', stroke: style.colour, strokeWidth: 2.5, ...(style.dash ? { strokeDasharray: style.dash } : {}) }),
      Plot.dot(
        data.filter((p) => p.value !== null),
        { x: 'label', y: 'value', r: 4.5, symbol: style.symbol === 'hollow-circle' ? 'circle' : style.symbol, fill: style.colour, stroke: 'white', strokeWidth: 1 },
      ),
    ];
  });
  return {
    width,
    height: narrow ? 300 : 360,
    marginLeft: 56,
    marginRight: 16,
    marginTop: 24,
    marginBottom: 34,
    ariaLabel: `${vm.meta.name} over time`,
    style: { fontSize: '12px', fontFamily: 'inherit', overflow: 'visible', background: 'white', color: INK },
    x: { type: 'point', domain: labels, ticks: tickLabels, label: null, padding: 0.3 },
    y: { domain: [low - pad, high + pad], grid: true, ticks: 5, label: vm.meta.value_suffix ?? vm.meta.unit, labelAnchor: 'top', labelArrow: 'none', tickFormat: (v: number) => formatDecimal(v, Math.min(vm.meta.decimal_places, 1)) },
    marks,
  };
}

export function trendTable(vm: IndicatorTrendVM): ChartTable {
  return {
    caption: `${vm.meta.name} by period: ${formatList(vm.lines.map((line) => line.name))}`,
    columns: ['Period', 'Area', `${vm.meta.name} (${vm.meta.unit})`, '95% interval', 'Publisher’s flags'],
    rows: vm.periods.flatMap((period) =>
      vm.lines.flatMap((line) => {
        const point = line.points.find((p) => p.period.raw === period.raw);
        return point ? [{ id: `${line.areaCode}-${period.raw}`, cells: [period.label, line.name, ...point.cells] }] : [];
      }),
    ),
  };
}

export function trendSummary(vm: IndicatorTrendVM): string {
  const sentences: string[] = [];
  for (const line of vm.lines) {
    const withValue = line.points.filter((p) => p.value !== null);
    const first = withValue[0];
    const last = withValue.at(-1);
    if (!first || !last) {
      sentences.push(`${isolate(line.name)}: no value of ${isolate(vm.meta.name.toLowerCase())} is published in any period.`);
      continue;
    }
    let sentence = first === last ? `${isolate(line.name)}: ${last.figure.text} in ${last.period.label}, the only period with a value` : `${isolate(line.name)}: ${last.figure.text} in ${last.period.label}, ${line.change?.text ?? `from ${first.figure.text} in ${first.period.label}`}`;
    const gaps = line.points.filter((p) => p.value === null && p.period.start > first.period.start && p.period.start < last.period.start);
    if (gaps.length > 0) sentence += `; no value for ${formatList(gaps.map((p) => p.period.label))}`;
    sentences.push(`${sentence}.`);
    if (line.latest) sentences.push(line.latest.comparison.sentence);
  }
  sentences.push(...vm.absent.map((area) => noFiguresText(`figures of ${vm.meta.name.toLowerCase()}`, area)));
  return sentences.join(' ');
}

export function trendCaption(vm: IndicatorTrendVM): string[] {
  const first = vm.periods[0];
  const last = vm.periods.at(-1);
  return [
    `${isolate(vm.meta.name)} (${vm.meta.unit})${first && last && first !== last ? `, ${first.label} to ${last.label}` : ''}.`,
    vm.anyInterval ? 'Shaded bands are 95% confidence intervals, where the publisher gives them.' : 'No 95% intervals are published for this indicator.',
    'A break in a line is a period with no published value, not a zero.',
  ];
}

export function trendLegend(vm: IndicatorTrendVM): LegendEntry[] {
  const entries = pairLegend(
    vm.lines.map((line) => ({ role: line.role, name: line.name })),
    'line',
  );
  if (vm.anyInterval) entries.push({ label: '95% confidence interval (shaded)', swatch: { kind: 'bar', colour: PANEL } });
  return entries;
}

export const indicatorTrend = defineIndicatorChart({
  id: 'indicator-trend',
  title: 'Official statistics over time',
  subtitle: 'One indicator across its periods for the chosen regions and England',
  controls: CONTROLS,
  viewModel: indicatorTrendViewModel,
  plotOptions: trendPlotOptions,
  tableRows: trendTable,
  summary: trendSummary,
  caption: trendCaption,
  legend: trendLegend,
  notes: (vm) => {
    const items = [
      ...vm.absent.map((area) => ({ id: `absent-${area.code}`, text: noFiguresText(`figures of ${vm.meta.name.toLowerCase()}`, area) })),
      ...vm.lines.flatMap((line) => line.points.filter((p) => p.figure.flag).map((p) => ({ id: `flag-${line.areaCode}-${p.period.raw}`, text: `${line.name}, ${p.period.label}: ${p.figure.flag}` }))),
    ];
    return items.length > 0 ? [{ heading: 'Not shown or flagged by the publisher', items }] : [];
  },
  empty: (vm) => (vm.lines.length === 0 ? vm.absent.map((area) => noFiguresText(`figures of ${vm.meta.name.toLowerCase()}`, area)).join(' ') : null),
});
