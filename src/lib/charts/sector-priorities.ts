/**
 * sector-priorities: which sources name each sector, and how, as a matrix of sectors
 * (rows, from sectors.csv) by area and programme (columns). Each relation has its own
 * shape and a word where there is room, so colour is never the only cue.
 */
import { isolate } from '../data/bidi.ts';
import { max } from 'd3-array';
import * as Plot from '@observablehq/plot';
import type { Markish, PlotOptions } from '@observablehq/plot';
import { countOf, formatList } from '../data/format.ts';
import { RELATION_LABEL } from '../data/labels.ts';
import type { SectorShortage } from '../data/schema.ts';
import { areaIndex, type AreaInfo } from '../data/areas.ts';
import { absentNotes, emptyText, noFiguresText, pairAreas, REGION_PAIR_CONTROLS, type RegionPair } from './regions.ts';
import { defineChart } from './define.ts';
import { INK, PANEL, RELATION_STYLE } from './palette.ts';
import { estimateTextWidth, wrapText } from './text.ts';
import type { ChartInput, ChartTable, LegendEntry } from './types.ts';

export const RELATIONS: readonly SectorShortage['relation'][] = ['shortage', 'priority', 'training_offer', 'pathway'];

/** One word per relation, drawn beside the shape when the cell is wide enough. */
const RELATION_SHORT: Record<SectorShortage['relation'], string> = {
  shortage: 'Shortage',
  priority: 'Priority',
  training_offer: 'Training',
  pathway: 'Pathway',
};

export interface MatrixColumn {
  key: string;
  regionCode: string;
  regionName: string;
  programmeId: string;
  programmeName: string;
}

export interface Mention {
  id: string;
  relation: SectorShortage['relation'];
  termUsed: string;
  sourceId: string;
  note: string | null;
}

export interface MatrixCell {
  sectorId: string;
  columnKey: string;
  mentions: Mention[];
}

export interface SectorPrioritiesVM {
  status: 'ok';
  sectors: { id: string; label: string }[];
  columns: MatrixColumn[];
  /** Only cells with at least one mention. */
  cells: MatrixCell[];
  /** True when some sectors are shown by id because sectors.csv is unavailable or lacks them. */
  labelsMissing: boolean;
  /** The chosen regions whose programmes name no sector: said in words, not drawn. */
  absent: AreaInfo[];
}

const WHAT = 'sector priorities';

/** Pure: sector mentions to a sectors × (area, programme) matrix keyed by sector id. */
export function sectorPrioritiesViewModel(data: ChartInput, pair: Readonly<RegionPair>): SectorPrioritiesVM {
  const areas = areaIndex(data);
  const chosen = pairAreas(data, pair);
  const regionOrder = chosen.map((info) => info.code);
  const mentions = (data.sector_shortages ?? []).filter((m) => regionOrder.includes(areas.regionOf(m.area_code)));
  const programmeName = new Map((data.programmes ?? []).map((p) => [p.programme_id, p.programme_name]));
  const listed = (data.sectors ?? []).map((sector) => ({ id: sector.sector_id, label: sector.label }));
  const unlisted = [...new Set(mentions.map((m) => m.sector))].filter((id) => !listed.some((s) => s.id === id)).map((id) => ({ id, label: id }));
  const columns: MatrixColumn[] = [];
  for (const regionCode of regionOrder) {
    const inRegion = mentions.filter((m) => areas.regionOf(m.area_code) === regionCode);
    for (const programmeId of new Set(inRegion.map((m) => m.programme_id))) {
      columns.push({ key: `${regionCode}|${programmeId}`, regionCode, regionName: areas.info(regionCode).name, programmeId, programmeName: programmeName.get(programmeId) ?? programmeId });
    }
  }
  const cells = new Map<string, MatrixCell>();
  for (const mention of mentions) {
    const columnKey = `${areas.regionOf(mention.area_code)}|${mention.programme_id}`;
    const key = `${mention.sector}|${columnKey}`;
    const cell = cells.get(key) ?? { sectorId: mention.sector, columnKey, mentions: [] };
    cell.mentions.push({ id: mention.id, relation: mention.relation, termUsed: mention.term_used, sourceId: mention.source_id, note: mention.note });
    cells.set(key, cell);
  }
  const absent = chosen.filter((info) => !columns.some((c) => c.regionCode === info.code));
  return { status: 'ok', sectors: [...listed, ...unlisted], columns, cells: [...cells.values()], labelsMissing: unlisted.length > 0, absent };
}

function columnLabel(column: MatrixColumn): string {
  return `${column.regionName}: ${column.programmeName}`;
}

interface PlacedMention extends Mention {
  sectorId: string;
  columnKey: string;
  offset: number;
}

export function sectorPlotOptions(vm: SectorPrioritiesVM, size: { width: number }): PlotOptions {
  const { width } = size;
  const fontSize = width < 480 ? 11 : 12;
  const lineHeight = 1.2;
  const marginRight = 6;
  const longestLabel = Math.max(40, max(vm.sectors, (s) => estimateTextWidth(s.label, fontSize)) ?? 0);
  const marginLeft = Math.min(longestLabel + 20, Math.max(96, width * 0.36));
  // Wrapped a little short of the margin: the width estimate runs a few pixels under real glyphs, and a long first line was clipped in print.
  const rowLabels = new Map(vm.sectors.map((s) => [s.id, wrapText(s.label, marginLeft - 20, fontSize).join('\n')]));
  const columnWidth = (width - marginLeft - marginRight) / Math.max(1, vm.columns.length);
  const columnLabels = new Map(vm.columns.map((c) => [c.key, wrapText(columnLabel(c), columnWidth - 6, fontSize, true).join('\n')]));
  const maxColumnLines = Math.max(1, max(columnLabels.values(), (label) => label.split('\n').length) ?? 0);
  const maxRowLines = Math.max(1, max(rowLabels.values(), (label) => label.split('\n').length) ?? 0);
  const rowHeight = Math.max(32, maxRowLines * fontSize * lineHeight + 10);
  const marginTop = Math.ceil(maxColumnLines * fontSize * lineHeight + 12);
  const showWords = columnWidth >= 100;
  const placed: PlacedMention[] = vm.cells.flatMap((cell) =>
    cell.mentions.map((mention, index) => ({ ...mention, sectorId: cell.sectorId, columnKey: cell.columnKey, offset: (index - (cell.mentions.length - 1) / 2) * (showWords ? fontSize * lineHeight : 16) })),
  );
  const grid = vm.sectors.flatMap((sector) => vm.columns.map((column) => ({ sectorId: sector.id, columnKey: column.key })));
  const symbolX = showWords ? -columnWidth / 2 + 16 : 0;
  const marks: Markish[] = [
    Plot.cell(grid, { x: 'columnKey', y: 'sectorId', fill: PANEL, stroke: 'white', strokeWidth: 2 }),
    // Plot has no per-datum dy, so each relation and stacking position gets its own mark.
    ...RELATIONS.flatMap((relation) =>
      [...new Set(placed.map((m) => m.offset))].map((offset) =>
        Plot.dot(
          placed.filter((m) => m.relation === relation && m.offset === offset),
          { x: 'columnKey', y: 'sectorId', dx: symbolX, dy: offset, symbol: RELATION_STYLE[relation].symbol, r: 6, fill: RELATION_STYLE[relation].colour, stroke: 'white', strokeWidth: 1 },
        ),
      ),
    ),
    Plot.text(vm.columns, { x: 'key', text: (c: MatrixColumn) => columnLabels.get(c.key), frameAnchor: 'top', lineAnchor: 'bottom', dy: -6, fontSize, fontWeight: 600, lineHeight, fill: INK }),
    Plot.text(vm.sectors, { y: 'id', text: (s: { id: string }) => rowLabels.get(s.id), frameAnchor: 'left', textAnchor: 'end', dx: -8, fontSize, lineHeight, fill: INK }),
  ];
  if (showWords) {
    for (const offset of new Set(placed.map((m) => m.offset))) {
      marks.push(Plot.text(placed.filter((m) => m.offset === offset), { x: 'columnKey', y: 'sectorId', dx: symbolX + 11, dy: offset, text: (m: PlacedMention) => RELATION_SHORT[m.relation], textAnchor: 'start', fontSize, fill: INK }));
    }
  }
  return {
    width,
    height: Math.ceil(marginTop + vm.sectors.length * rowHeight + 8),
    marginLeft,
    marginRight,
    marginTop,
    marginBottom: 8,
    ariaLabel: 'Sectors named by each area’s programmes',
    style: { fontSize: `${fontSize}px`, fontFamily: 'inherit', overflow: 'visible', background: 'white', color: INK },
    x: { domain: vm.columns.map((c) => c.key), axis: null, padding: 0.04, round: false },
    y: { domain: vm.sectors.map((s) => s.id), axis: null, padding: 0.06, round: false },
    marks,
  };
}

function cellText(cell: MatrixCell | undefined): string {
  if (!cell) return 'Not named';
  return cell.mentions.map((m) => `${RELATION_LABEL[m.relation]} (“${m.termUsed}”)`).join('; ');
}

function cellFor(vm: SectorPrioritiesVM, sectorId: string, columnKey: string): MatrixCell | undefined {
  return vm.cells.find((cell) => cell.sectorId === sectorId && cell.columnKey === columnKey);
}

export function sectorTable(vm: SectorPrioritiesVM): ChartTable {
  return {
    caption: 'Sectors named by each area’s programmes, and how (the source’s own words in quotes)',
    columns: ['Sector', ...vm.columns.map(columnLabel)],
    rows: vm.sectors.map((sector) => ({ id: sector.id, cells: [sector.label, ...vm.columns.map((column) => cellText(cellFor(vm, sector.id, column.key)))] })),
  };
}

export function sectorSummary(vm: SectorPrioritiesVM): string {
  const absent = vm.absent.map((area) => noFiguresText(WHAT, area));
  if (vm.cells.length === 0) return absent.join(' ');
  const named = vm.sectors.filter((sector) => vm.cells.some((cell) => cell.sectorId === sector.id));
  const regionNames = new Map(vm.columns.map((c) => [c.regionCode, c.regionName]));
  const sentences = [`The sources name ${countOf(named.length, 'sector', 'sectors')} across ${countOf(vm.columns.length, 'programme', 'programmes')} in ${countOf(regionNames.size, 'area', 'areas')}.`];
  const byRegionSet = new Map<string, string[]>();
  for (const sector of named) {
    const regions = [...regionNames.keys()].filter((code) => vm.cells.some((cell) => cell.sectorId === sector.id && cell.columnKey.startsWith(`${code}|`)));
    const key = regions.map((code) => regionNames.get(code) ?? code).join('|');
    byRegionSet.set(key, [...(byRegionSet.get(key) ?? []), sector.label]);
  }
  for (const [key, labels] of [...byRegionSet.entries()].sort((a, b) => b[0].split('|').length - a[0].split('|').length)) {
    const regions = key.split('|');
    sentences.push(`${regions.length > 1 ? `Named for ${formatList(regions.map(isolate))}` : `Named for ${isolate(regions[0] ?? '')} only`}: ${formatList(labels.map(isolate))}.`);
  }
  for (const relation of RELATIONS.filter((r) => r === 'shortage' || r === 'priority')) {
    for (const column of vm.columns) {
      const sectors = vm.cells
        .filter((cell) => cell.columnKey === column.key && cell.mentions.some((m) => m.relation === relation))
        .map((cell) => vm.sectors.find((s) => s.id === cell.sectorId)?.label ?? cell.sectorId);
      if (sectors.length > 0) sentences.push(`${RELATION_LABEL[relation]} by ${isolate(column.programmeName)}: ${formatList(sectors.map(isolate))}.`);
    }
  }
  return [...sentences, ...absent].join(' ');
}

export function sectorLegend(vm: SectorPrioritiesVM): LegendEntry[] {
  const used = new Set(vm.cells.flatMap((cell) => cell.mentions.map((m) => m.relation)));
  return RELATIONS.filter((relation) => used.has(relation)).map((relation) => ({
    label: RELATION_LABEL[relation],
    swatch: { kind: 'symbol', colour: RELATION_STYLE[relation].colour, symbol: RELATION_STYLE[relation].symbol },
  }));
}

export const sectorPriorities = defineChart({
  id: 'sector-priorities',
  title: 'Sectors named by each area’s programmes',
  subtitle: 'Which sources name each sector as a shortage, a priority, a training offer or a career pathway',
  requires: ['sector_shortages'],
  uses: ['sectors', 'areas', 'programmes', 'sources'],
  controls: REGION_PAIR_CONTROLS,
  viewModel: sectorPrioritiesViewModel,
  plotOptions: sectorPlotOptions,
  tableRows: sectorTable,
  summary: sectorSummary,
  caption: (vm) => [
    'Sources use different words for the same sector; sectors.csv maps them onto one list. An empty cell means the source does not name that sector, not that it is unimportant.',
    ...(vm.labelsMissing ? ['Some sector names are unavailable (sectors.csv could not be used or lacks them), so those sectors are shown by their ids.'] : []),
  ],
  legend: sectorLegend,
  notes: (vm) => absentNotes(WHAT, vm.absent, vm.columns.length),
  empty: (vm) => emptyText(WHAT, vm.absent, vm.columns.length),
  sourceIds: (vm) => [...new Set(vm.cells.flatMap((cell) => cell.mentions.map((m) => m.sourceId)))],
  footnotes: (vm) =>
    vm.cells.flatMap((cell) => cell.mentions.filter((m) => m.note).map((m) => `${isolate(vm.sectors.find((s) => s.id === cell.sectorId)?.label ?? cell.sectorId)}, ${isolate(vm.columns.find((c) => c.key === cell.columnKey)?.programmeName ?? '')}: ${isolate(m.note ?? '')}`)),
});
