/**
 * bootcamps-progress: cumulative completions over time for every programme that
 * reports them (completions.csv rows with measure completed or expected_completed).
 * A date with no published count is an event marker, a "more than" count is a floor
 * marker, and expectations are hollow and dashed so they never read as outcomes.
 */
import { isolate } from '../data/bidi.ts';
import { extent, max } from 'd3-array';
import * as Plot from '@observablehq/plot';
import type { Markish, PlotOptions } from '@observablehq/plot';
import { formatCount, formatFigure, formatList, formatPartialDate, type FormattedFigure } from '../data/format.ts';
import { MEASURE_LABEL } from '../data/labels.ts';
import type { Completion, Qualifier } from '../data/schema.ts';
import { areaIndex, type AreaInfo } from '../data/areas.ts';
import { absentNotes, emptyText, noFiguresText, pairAreas, REGION_PAIR_CONTROLS, type RegionPair } from './regions.ts';
import { partialDateToDate } from './dates.ts';
import { defineChart } from './define.ts';
import { INK, MUTED, OKABE_ITO } from './palette.ts';
import { wrapText } from './text.ts';
import type { ChartInput, ChartTable, LegendEntry } from './types.ts';

const MEASURES: readonly Completion['measure'][] = ['completed', 'expected_completed'];

/** event: a date with no count; floor: "more than"; reported: exact, about or up to; expected: a target. */
export type PointKind = 'event' | 'floor' | 'reported' | 'expected';

export interface ProgressPoint {
  id: string;
  asOf: string;
  date: Date;
  dateText: string;
  measure: Completion['measure'];
  value: number | null;
  qualifier: Qualifier;
  figure: FormattedFigure;
  kind: PointKind;
  /** True when the point falls on the programme's start date (programmes.csv started). */
  atStart: boolean;
  note: string | null;
  sourceId: string;
}

export interface ProgressSeries {
  programmeId: string;
  programmeName: string;
  regionCode: string;
  regionName: string;
  colour: string;
  points: ProgressPoint[];
}

export interface BootcampsProgressVM {
  status: 'ok';
  series: ProgressSeries[];
  /** The chosen regions with no completion figures: said in words, not drawn. */
  absent: AreaInfo[];
}

const WHAT = 'course completion figures';

const SERIES_COLOURS = [OKABE_ITO.blue, OKABE_ITO.vermillion, OKABE_ITO.bluishGreen, OKABE_ITO.reddishPurple];

function pointKind(row: Completion): PointKind {
  if (row.value === null || row.qualifier === 'unquantified') return 'event';
  if (row.measure === 'expected_completed') return 'expected';
  return row.qualifier === 'more_than' ? 'floor' : 'reported';
}

/** Pure: completion rows to one series per programme, points in date order. */
export function bootcampsProgressViewModel(data: ChartInput, pair: Readonly<RegionPair>): BootcampsProgressVM {
  const areas = areaIndex(data);
  const chosen = pairAreas(data, pair);
  const pairOrder = chosen.map((area) => area.code);
  const rows = (data.completions ?? []).filter((row) => MEASURES.includes(row.measure) && pairOrder.includes(areas.regionOf(row.area_code)));
  rows.sort((a, b) => pairOrder.indexOf(areas.regionOf(a.area_code)) - pairOrder.indexOf(areas.regionOf(b.area_code)));
  const programmes = new Map((data.programmes ?? []).map((p) => [p.programme_id, p]));
  const programmeIds = [...new Set(rows.map((row) => row.programme_id))];
  const series = programmeIds.map((programmeId, index): ProgressSeries => {
    const programme = programmes.get(programmeId);
    const points = rows
      .filter((row) => row.programme_id === programmeId)
      .flatMap((row): ProgressPoint[] => {
        const date = partialDateToDate(row.as_of);
        if (!date) return [];
        return [
          {
            id: row.id,
            asOf: row.as_of,
            date,
            dateText: formatPartialDate(row.as_of),
            measure: row.measure,
            value: row.value,
            qualifier: row.qualifier,
            figure: formatFigure(row.value, row.qualifier, 'count', row.stated_as),
            kind: pointKind(row),
            atStart: programme?.started === row.as_of,
            note: row.note,
            sourceId: row.source_id,
          },
        ];
      })
      .sort((a, b) => a.date.getTime() - b.date.getTime());
    const areaCode = rows.find((row) => row.programme_id === programmeId)?.area_code ?? '';
    return {
      programmeId,
      programmeName: programme?.programme_name ?? programmeId,
      regionCode: areas.regionOf(areaCode),
      regionName: areas.info(areas.regionOf(areaCode)).name,
      colour: SERIES_COLOURS[index % SERIES_COLOURS.length] ?? OKABE_ITO.blue,
      points,
    };
  });
  return { status: 'ok', series, absent: chosen.filter((area) => !series.some((s) => s.regionCode === area.code)) };
}

export function pointLabel(point: ProgressPoint): string {
  switch (point.kind) {
    case 'event':
      return `${point.dateText}: ${point.atStart ? 'started, ' : ''}no count published`;
    case 'floor':
      return `${point.figure.text} by ${point.dateText}`;
    case 'expected':
      return `${point.figure.text} expected by ${point.dateText}`;
    case 'reported':
      return `${point.figure.text} by ${point.dateText}`;
  }
}

interface PlacedPoint extends ProgressPoint {
  colour: string;
  label: string;
  anchor: 'start' | 'end';
}

export function progressPlotOptions(vm: BootcampsProgressVM, size: { width: number }): PlotOptions {
  const { width } = size;
  const narrow = width < 520;
  const points = vm.series.flatMap((series) => series.points.map((point) => ({ ...point, colour: series.colour })));
  const [firstDate, lastDate] = extent(points, (point) => point.date.getTime());
  const [minDate, maxDate] = firstDate !== undefined && lastDate !== undefined ? [firstDate, lastDate] : [Date.UTC(2020, 0, 1), Date.UTC(2021, 0, 1)];
  const span = Math.max(maxDate - minDate, 365 * 24 * 3600 * 1000);
  const maxValue = Math.max(1, max(points, (point) => point.value ?? 0) ?? 0);
  const marginLeft = 52;
  const marginRight = 16;
  const labelWidth = Math.min(180, (width - marginLeft - marginRight) * 0.55);
  const midpoint = minDate + span / 2;
  const placed: PlacedPoint[] = points.map((point) => {
    const anchor = point.date.getTime() > midpoint ? 'end' : 'start';
    return { ...point, anchor, label: wrapText(pointLabel(point), labelWidth, 12).join('\n') };
  });
  const ofKind = (...kinds: PointKind[]) => placed.filter((point) => kinds.includes(point.kind));
  const links = vm.series.flatMap((series) => {
    const quantified = series.points.filter((point) => point.kind === 'floor' || point.kind === 'reported');
    const last = quantified[quantified.length - 1];
    return last ? series.points.filter((point) => point.kind === 'expected').map((expected) => ({ from: last, to: expected, colour: series.colour })) : [];
  });
  const reportedLines = vm.series.map((series) => ({ colour: series.colour, points: series.points.filter((point) => point.kind === 'floor' || point.kind === 'reported') }));
  const label = (data: PlacedPoint[], anchor: 'start' | 'end') =>
    Plot.text(data.filter((point) => point.anchor === anchor), {
      x: 'date',
      y: (point: PlacedPoint) => point.value ?? maxValue * 1.15,
      text: 'label',
      textAnchor: anchor,
      lineAnchor: 'bottom',
      dx: anchor === 'start' ? 6 : -6,
      dy: -10,
      fontSize: 12,
      lineHeight: 1.2,
      fill: INK,
      stroke: 'white',
      strokeWidth: 4,
      paintOrder: 'stroke',
    });
  const marks: Markish[] = [
    Plot.ruleY([0], { stroke: MUTED }),
    // A date with no published count: a dashed rule across the whole plot, never a point at zero.
    Plot.ruleX(ofKind('event'), { x: 'date', stroke: MUTED, strokeWidth: 1.5, strokeDasharray: '3,3' }),
    ...reportedLines.map((line) => Plot.line(line.points, { x: 'date', y: 'value', stroke: line.colour, strokeWidth: 2.5 })),
    Plot.link(links, { x1: (l: (typeof links)[number]) => l.from.date, y1: (l: (typeof links)[number]) => l.from.value, x2: (l: (typeof links)[number]) => l.to.date, y2: (l: (typeof links)[number]) => l.to.value, stroke: 'colour', strokeWidth: 2, strokeDasharray: '6,4' }),
    Plot.dot(ofKind('reported'), { x: 'date', y: 'value', r: 5, fill: 'colour', stroke: 'white', strokeWidth: 1.5 }),
    // A floor ("more than"): a triangle pointing up, as the true figure lies above it.
    Plot.dot(ofKind('floor'), { x: 'date', y: 'value', r: 7, symbol: 'triangle', fill: 'colour', stroke: 'white', strokeWidth: 1.5 }),
    Plot.dot(ofKind('expected'), { x: 'date', y: 'value', r: 5.5, fill: 'white', stroke: 'colour', strokeWidth: 2.5 }),
    label(placed, 'start'),
    label(placed, 'end'),
  ];
  if (vm.series.length > 1) {
    const ends = vm.series.map((series) => ({ series, point: series.points[series.points.length - 1] })).filter((end) => end.point?.value != null);
    marks.push(Plot.text(ends, { x: (end: (typeof ends)[number]) => end.point?.date, y: (end: (typeof ends)[number]) => end.point?.value, text: (end: (typeof ends)[number]) => end.series.programmeName, dy: 16, textAnchor: 'end', fill: (end: (typeof ends)[number]) => end.series.colour }));
  }
  return {
    width,
    height: narrow ? 300 : 340,
    marginLeft,
    marginRight,
    marginTop: 24,
    marginBottom: 34,
    ariaLabel: 'Bootcamp completions over time',
    style: { fontSize: '12px', fontFamily: 'inherit', overflow: 'visible', background: 'white', color: INK },
    x: { type: 'utc', domain: [new Date(minDate - span * 0.08), new Date(maxDate + span * 0.08)], ticks: narrow ? 4 : 8, label: null, tickFormat: (d: Date) => String(d.getUTCFullYear()) },
    y: { domain: [0, maxValue * 1.25], nice: true, grid: true, label: narrow ? 'People (cumulative)' : 'People completing (cumulative)', tickFormat: formatCount, ticks: 5, labelAnchor: 'top', labelArrow: 'none' },
    marks,
  };
}

const KIND_STATUS: Record<PointKind, string> = {
  event: 'No count published',
  floor: 'Reported (a lower limit)',
  reported: 'Reported',
  expected: 'Expected: a target, not an outcome',
};

export function progressTable(vm: BootcampsProgressVM): ChartTable {
  return {
    caption: 'Bootcamp completions over time, by programme',
    columns: ['Date', 'Programme', 'Area', 'What is counted', 'Figure', 'Status'],
    rows: vm.series.flatMap((series) =>
      series.points.map((point) => ({
        id: point.id,
        cells: [point.dateText, series.programmeName, series.regionName, MEASURE_LABEL[point.measure], point.figure.long, KIND_STATUS[point.kind]],
        numbers: [{ column: 4, value: point.value, qualifier: point.qualifier }],
      })),
    ),
  };
}

function pointSentence(point: ProgressPoint): string {
  switch (point.kind) {
    case 'event':
      return `${point.atStart ? 'started in' : 'a point in'} ${point.dateText} with no count published`;
    case 'expected':
      return `${point.figure.long} ${MEASURE_LABEL[point.measure]} by ${point.dateText} (expected, not yet achieved)`;
    default:
      return `${point.figure.long} ${MEASURE_LABEL[point.measure]} by ${point.dateText}`;
  }
}

export function progressSummary(vm: BootcampsProgressVM): string {
  return [
    ...vm.series.map((series) => `${isolate(series.programmeName)} (${isolate(series.regionName)}): ${formatList(series.points.map(pointSentence))}.`),
    ...vm.absent.map((area) => noFiguresText(WHAT, area)),
  ].join(' ');
}

export function progressLegend(vm: BootcampsProgressVM): LegendEntry[] {
  const kinds = new Set(vm.series.flatMap((series) => series.points.map((point) => point.kind)));
  const colour = vm.series[0]?.colour ?? OKABE_ITO.blue;
  const entries: LegendEntry[] = [];
  if (kinds.has('reported')) entries.push({ label: 'Reported count', swatch: { kind: 'symbol', colour, symbol: 'circle' } });
  if (kinds.has('floor')) entries.push({ label: 'Reported as “more than”: the true count is higher', swatch: { kind: 'symbol', colour, symbol: 'triangle' } });
  if (kinds.has('expected')) entries.push({ label: 'Expected (dashed, hollow): a target, not an outcome', swatch: { kind: 'line', colour, dashed: true, hollowEnd: true } });
  if (kinds.has('event')) entries.push({ label: 'Date with no count published', swatch: { kind: 'line', colour: MUTED, dashed: true } });
  return entries;
}

export const bootcampsProgress = defineChart({
  id: 'bootcamps-progress',
  title: 'Bootcamp completions over time',
  subtitle: 'Cumulative number of people completing, as reported, with expectations marked',
  requires: ['completions'],
  uses: ['programmes', 'areas', 'sources'],
  controls: REGION_PAIR_CONTROLS,
  viewModel: bootcampsProgressViewModel,
  plotOptions: progressPlotOptions,
  tableRows: progressTable,
  summary: progressSummary,
  caption: (vm) => (vm.series.length > 0 ? ['Counts are cumulative: everyone who had completed since the programme began, as the source reports it.'] : []),
  legend: progressLegend,
  notes: (vm) => absentNotes(WHAT, vm.absent, vm.series.length),
  empty: (vm) => emptyText(WHAT, vm.absent, vm.series.length),
  sourceIds: (vm) => [...new Set(vm.series.flatMap((series) => series.points.map((point) => point.sourceId)))],
  footnotes: (vm) => vm.series.flatMap((series) => series.points.filter((point) => point.note).map((point) => `${point.dateText}: ${isolate(point.note ?? '')}`)),
});
