/**
 * careers-hub-reach: schools and colleges in careers programmes (schools_reached.csv),
 * actual figures as solid bars and planned ones as dashed outlines; rows with no
 * published number are listed as not quantified.
 */
import { isolate } from '../data/bidi.ts';
import { max } from 'd3-array';
import { capitalise, formatCount, formatFigure, formatList, formatPartialDate, type FormattedFigure } from '../data/format.ts';
import { SCHOOLS_STATUS_LABEL } from '../data/labels.ts';
import type { Qualifier, SchoolsReached } from '../data/schema.ts';
import { areaIndex, type AreaInfo } from '../data/areas.ts';
import { absentNotes, emptyText, noFiguresText, pairAreas, REGION_PAIR_CONTROLS, type RegionPair } from './regions.ts';
import { partialDateToDate } from './dates.ts';
import { defineChart } from './define.ts';
import { MUTED, SERIES_COLOUR } from './palette.ts';
import { layoutRows, rowPlotOptions, type RowGroup, type RowSpec } from './rows.ts';
import type { ChartInput, ChartTable, LegendEntry } from './types.ts';

export interface ReachItem {
  id: string;
  value: number | null;
  qualifier: Qualifier;
  statedAs: string | null;
  figure: FormattedFigure;
  status: SchoolsReached['status'];
  asOf: string;
  dateText: string;
  sourceId: string;
  note: string | null;
}

export interface ReachProgramme {
  id: string;
  name: string;
  items: ReachItem[];
}

export interface CareersHubReachVM {
  status: 'ok';
  /** The chosen regions that have figures, in the pair's order. */
  regions: { info: AreaInfo; programmes: ReachProgramme[] }[];
  /** The chosen regions with none: said in words, not drawn. */
  absent: AreaInfo[];
}

const WHAT = 'schools and colleges figures';

/** Pure: schools_reached rows grouped by combined authority and programme, each in date order. */
export function careersHubReachViewModel(data: ChartInput, pair: Readonly<RegionPair>): CareersHubReachVM {
  const rows = data.schools_reached ?? [];
  const areas = areaIndex(data);
  const programmeName = new Map((data.programmes ?? []).map((p) => [p.programme_id, p.programme_name]));
  const time = (iso: string) => partialDateToDate(iso)?.getTime() ?? 0;
  const chosen = pairAreas(data, pair);
  const hasRows = (info: AreaInfo) => rows.some((row) => areas.regionOf(row.area_code) === info.code);
  return {
    status: 'ok',
    absent: chosen.filter((info) => !hasRows(info)),
    regions: chosen.filter(hasRows).map((info) => {
      const inRegion = rows.filter((row) => areas.regionOf(row.area_code) === info.code);
      return {
        info,
        programmes: [...new Set(inRegion.map((row) => row.programme_id))].map((id) => ({
          id,
          name: programmeName.get(id) ?? id,
          items: inRegion
            .filter((row) => row.programme_id === id)
            .sort((a, b) => time(a.as_of) - time(b.as_of))
            .map((row) => ({
              id: row.id,
              value: row.schools_and_colleges,
              qualifier: row.qualifier,
              statedAs: row.stated_as,
              figure: formatFigure(row.schools_and_colleges, row.qualifier, 'count', row.stated_as),
              status: row.status,
              asOf: row.as_of,
              dateText: formatPartialDate(row.as_of),
              sourceId: row.source_id,
              note: row.note,
            })),
        })),
      };
    }),
  };
}

function when(item: ReachItem): string {
  return item.status === 'planned' ? `announced in ${item.dateText}` : `as of ${item.dateText}`;
}

function notQuantifiedMarker(item: ReachItem): string {
  return item.statedAs ? `Not quantified: described as “${isolate(item.statedAs)}”` : 'Not quantified: no number published';
}

function itemRow(item: ReachItem): RowSpec {
  if (item.value === null) {
    return {
      id: item.id,
      kind: 'listed',
      label: capitalise(SCHOOLS_STATUS_LABEL[item.status]),
      detail: capitalise(when(item)),
      bar: null,
      marker: notQuantifiedMarker(item),
    };
  }
  return {
    id: item.id,
    kind: 'bar',
    label: `${item.figure.text} ${SCHOOLS_STATUS_LABEL[item.status]}`,
    detail: capitalise(when(item)),
    bar: { value: item.value, style: item.status === 'planned' ? 'planned' : 'solid', colour: SERIES_COLOUR },
    marker: null,
  };
}

export function careersRowGroups(vm: CareersHubReachVM): RowGroup[] {
  return vm.regions.map((region) => ({
    key: region.info.code,
    rows: [
      { id: `heading-${region.info.code}`, kind: 'heading', label: region.info.name, detail: null, bar: null, marker: null },
      ...region.programmes.flatMap((programme): RowSpec[] => [
        { id: `programme-${programme.id}`, kind: 'subheading', label: programme.name, detail: null, bar: null, marker: null },
        ...programme.items.map(itemRow),
      ]),
    ],
  }));
}

function allItems(vm: CareersHubReachVM): (ReachItem & { programme: string; region: string })[] {
  return vm.regions.flatMap((region) => region.programmes.flatMap((programme) => programme.items.map((item) => ({ ...item, programme: programme.name, region: region.info.name }))));
}

export function careersPlotOptions(vm: CareersHubReachVM, size: { width: number }) {
  const layout = layoutRows(careersRowGroups(vm), size.width);
  const maxValue = Math.max(0, max(allItems(vm), (item) => item.value ?? 0) ?? 0);
  return rowPlotOptions(layout, { width: size.width, maxValue, tickFormat: formatCount, ariaLabel: 'Schools and colleges in careers hubs' });
}

export function careersTable(vm: CareersHubReachVM): ChartTable {
  return {
    caption: 'Schools and colleges in careers programmes',
    columns: ['Programme', 'Area', 'Date', 'Status', 'Schools and colleges'],
    rows: allItems(vm).map((item) => ({
      id: item.id,
      cells: [item.programme, item.region, item.dateText, item.status === 'planned' ? 'Planned (announced)' : 'Actual', item.figure.long],
      numbers: [{ column: 4, value: item.value, qualifier: item.qualifier }],
    })),
  };
}

export function careersSummary(vm: CareersHubReachVM): string {
  return vm.regions
    .flatMap((region) =>
      region.programmes.map((programme) => {
        const parts = programme.items.map((item) =>
          item.value === null
            ? `the number of ${SCHOOLS_STATUS_LABEL[item.status]} is not published (${when(item)})`
            : `${item.figure.long} ${SCHOOLS_STATUS_LABEL[item.status]}${item.status === 'planned' ? ',' : ''} ${when(item)}`,
        );
        return `${isolate(programme.name)} (${isolate(region.info.name)}): ${formatList(parts)}.`;
      }),
    )
    .concat(vm.absent.map((area) => noFiguresText(WHAT, area)))
    .join(' ');
}

export function careersLegend(vm: CareersHubReachVM): LegendEntry[] {
  const items = allItems(vm);
  const entries: LegendEntry[] = [];
  if (items.some((item) => item.value !== null && item.status === 'actual')) entries.push({ label: 'Actual', swatch: { kind: 'bar', colour: SERIES_COLOUR } });
  if (items.some((item) => item.value !== null && item.status === 'planned')) entries.push({ label: 'Planned (dashed outline): announced, not yet reached', swatch: { kind: 'planned', colour: SERIES_COLOUR } });
  if (items.some((item) => item.value === null)) entries.push({ label: 'Not quantified: no number published', swatch: { kind: 'symbol', colour: MUTED, symbol: 'hollow-diamond' } });
  return entries;
}

export const careersHubReach = defineChart({
  id: 'careers-hub-reach',
  title: 'Schools and colleges in careers hubs',
  subtitle: 'How many schools and colleges take part, as reported and as planned',
  requires: ['schools_reached'],
  uses: ['areas', 'programmes', 'sources'],
  controls: REGION_PAIR_CONTROLS,
  viewModel: careersHubReachViewModel,
  plotOptions: careersPlotOptions,
  tableRows: careersTable,
  summary: careersSummary,
  caption: (vm) => (vm.regions.length > 0 ? ['Planned figures are announcements of how many will take part, not counts of schools reached.'] : []),
  legend: careersLegend,
  notes: (vm) => absentNotes(WHAT, vm.absent, vm.regions.length),
  empty: (vm) => emptyText(WHAT, vm.absent, vm.regions.length),
  sourceIds: (vm) => [...new Set(allItems(vm).map((item) => item.sourceId))],
  footnotes: (vm) => allItems(vm).filter((item) => item.note).map((item) => `${isolate(item.programme)}, ${item.dateText}: ${isolate(item.note ?? '')}`),
});
