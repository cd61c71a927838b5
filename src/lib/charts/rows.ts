/**
 * Labelled horizontal rows: each row's label sits above its bar, so long names wrap
 * instead of squeezing the bars on a 320 px screen. Groups (one per area) are stacked
 * on narrow screens and placed side by side, on one shared scale, when there is room.
 * The layout is pure; rowMarks turns it into Plot marks.
 */
import * as Plot from '@observablehq/plot';
import type { Markish, PlotOptions } from '@observablehq/plot';
import { FAINT_FILL_OPACITY, INK, MUTED } from './palette.ts';
import { estimateTextWidth, wrapText } from './text.ts';

export type BarStyle = 'solid' | 'ceiling' | 'planned';

export interface RowSpec {
  id: string;
  kind: 'heading' | 'subheading' | 'bar' | 'listed';
  label: string;
  /** Muted second line: funder, what it is part of, the source's wording. */
  detail: string | null;
  bar: { value: number; style: BarStyle; colour: string } | null;
  /** For listed items (no bar): the words shown in place of a bar, e.g. "Not quantified: “multi-million”". */
  marker: string | null;
}

export interface RowGroup {
  key: string;
  rows: RowSpec[];
}

export interface PlacedRow extends RowSpec {
  group: string;
  labelText: string;
  labelY: number;
  detailText: string;
  detailY: number;
  markerText: string;
  markerY: number;
  barY1: number;
  barY2: number;
}

export interface RowLayout {
  rows: PlacedRow[];
  height: number;
  /** 1 when groups are stacked; otherwise the number of side-by-side panels. */
  columns: number;
  groupKeys: string[];
  panelWidth: number;
}

const FONT_SIZE = { heading: 15, subheading: 13, label: 13, detail: 12 } as const;
const LINE_HEIGHT = 1.25;
const BAR_HEIGHT = 14;
const MARGIN = { left: 7, right: 22, bottom: 30, top: 4 };
/** Narrowest panel worth placing beside another; below this, groups stack. */
const MIN_PANEL_WIDTH = 300;
const PANEL_GAP = 0.08;
const MARKER_INDENT = 14;

function lines(text: string | null, width: number, fontSize: number, bold = false): string[] {
  return text ? wrapText(text, width, fontSize, bold) : [];
}

function height(count: number, fontSize: number): number {
  return count * fontSize * LINE_HEIGHT;
}

function placeGroup(group: RowGroup, panelWidth: number, startY: number, first: boolean): { rows: PlacedRow[]; endY: number } {
  let y = startY;
  const placed: PlacedRow[] = [];
  for (const row of group.rows) {
    const labelSize = row.kind === 'heading' ? FONT_SIZE.heading : row.kind === 'subheading' ? FONT_SIZE.subheading : FONT_SIZE.label;
    y += row.kind === 'heading' ? (placed.length > 0 || !first ? 26 : 6) : row.kind === 'subheading' ? 10 : 6;
    const labelLines = lines(row.label, panelWidth, labelSize, row.kind !== 'bar' && row.kind !== 'listed');
    const labelY = y;
    y += height(labelLines.length, labelSize);
    const detailLines = lines(row.detail, panelWidth, FONT_SIZE.detail);
    const detailY = y;
    y += height(detailLines.length, FONT_SIZE.detail);
    const markerLines = lines(row.marker, panelWidth - MARKER_INDENT, FONT_SIZE.detail);
    const markerY = y + 2;
    y += markerLines.length > 0 ? height(markerLines.length, FONT_SIZE.detail) + 2 : 0;
    const barY1 = y + 2;
    if (row.bar) y = barY1 + BAR_HEIGHT;
    placed.push({
      ...row,
      group: group.key,
      labelText: labelLines.join('\n'),
      labelY,
      detailText: detailLines.join('\n'),
      detailY,
      markerText: markerLines.join('\n'),
      markerY,
      barY1,
      barY2: barY1 + BAR_HEIGHT,
    });
  }
  return { rows: placed, endY: y };
}

/** Positions every row in pixels for a chart `width` pixels wide. */
export function layoutRows(groups: readonly RowGroup[], width: number): RowLayout {
  const inner = Math.max(1, width - MARGIN.left - MARGIN.right);
  const sideBySide = groups.length > 1 && inner / groups.length >= MIN_PANEL_WIDTH;
  const columns = sideBySide ? groups.length : 1;
  // Band maths for Plot's fx scale with no outer padding: step = inner / (n - gap).
  const panelWidth = sideBySide ? (inner / (columns - PANEL_GAP)) * (1 - PANEL_GAP) : inner;
  const rows: PlacedRow[] = [];
  let stackedY = MARGIN.top;
  let tallest = MARGIN.top;
  for (const group of groups) {
    const placed = placeGroup(group, panelWidth, sideBySide ? MARGIN.top : stackedY, sideBySide || group === groups[0]);
    for (const row of placed.rows) rows.push(row);
    stackedY = placed.endY;
    tallest = Math.max(tallest, placed.endY);
  }
  const contentHeight = sideBySide ? tallest : stackedY;
  return { rows, height: Math.ceil(contentHeight + 8 + MARGIN.bottom), columns, groupKeys: groups.map((g) => g.key), panelWidth };
}

const barStyle = (style: BarStyle) => (row: PlacedRow) => row.bar?.style === style;

/** Plot options for a row layout; `tickFormat` formats the shared x axis (e.g. £ or pence). */
export function rowPlotOptions(layout: RowLayout, options: { width: number; maxValue: number; tickFormat: (value: number) => string; ariaLabel: string }): PlotOptions {
  const { rows } = layout;
  const facet = layout.columns > 1 ? { fx: 'group' as const } : {};
  const bars = rows.filter((row) => row.bar !== null);
  const textRows = (kind: RowSpec['kind']) => rows.filter((row) => row.kind === kind);
  const colourOf = (row: PlacedRow) => row.bar?.colour ?? INK;
  const common = { y: 'labelY', frameAnchor: 'left' as const, textAnchor: 'start' as const, lineAnchor: 'top' as const, lineHeight: LINE_HEIGHT, ...facet };
  const marks: Markish[] = [
    Plot.text(textRows('heading'), { ...common, text: 'labelText', fontSize: FONT_SIZE.heading, fontWeight: 700, fill: INK }),
    Plot.text(textRows('subheading'), { ...common, text: 'labelText', fontSize: FONT_SIZE.subheading, fontWeight: 600, fill: INK }),
    Plot.text([...textRows('bar'), ...textRows('listed')], { ...common, text: 'labelText', fontSize: FONT_SIZE.label, fill: INK }),
    Plot.text(rows.filter((row) => row.detailText !== ''), { ...common, y: 'detailY', text: 'detailText', fontSize: FONT_SIZE.detail, fill: MUTED }),
    // Listed items have no bar: a hollow diamond at zero and the source's words, never a zero-length bar.
    Plot.dot(rows.filter((row) => row.markerText !== ''), { x: () => 0, y: (row: PlacedRow) => row.markerY + FONT_SIZE.detail * 0.6, symbol: 'diamond2', r: 4.5, stroke: MUTED, strokeWidth: 1.5, fill: 'white', ...facet }),
    Plot.text(rows.filter((row) => row.markerText !== ''), { ...common, y: 'markerY', dx: MARKER_INDENT, text: 'markerText', fontSize: FONT_SIZE.detail, fontStyle: 'italic', fill: MUTED }),
    Plot.rect(bars.filter(barStyle('solid')), { x1: () => 0, x2: (row: PlacedRow) => row.bar?.value, y1: 'barY1', y2: 'barY2', fill: colourOf, ...facet }),
    // Ceilings ("up to"): a faint fill inside a solid outline, open to the right like a limit, not an amount.
    Plot.rect(bars.filter(barStyle('ceiling')), { x1: () => 0, x2: (row: PlacedRow) => row.bar?.value, y1: 'barY1', y2: 'barY2', fill: colourOf, fillOpacity: FAINT_FILL_OPACITY, stroke: colourOf, strokeWidth: 2, inset: 1, ...facet }),
    Plot.ruleX(bars.filter(barStyle('ceiling')), { x: (row: PlacedRow) => row.bar?.value, y1: (row: PlacedRow) => row.barY1 - 4, y2: (row: PlacedRow) => row.barY2 + 4, stroke: colourOf, strokeWidth: 3, ...facet }),
    // Planned figures: white bar with a dashed outline, so they never read as achieved.
    Plot.rect(bars.filter(barStyle('planned')), { x1: () => 0, x2: (row: PlacedRow) => row.bar?.value, y1: 'barY1', y2: 'barY2', fill: 'white', stroke: colourOf, strokeWidth: 2, strokeDasharray: '5,3', inset: 1, ...facet }),
  ];
  return {
    width: options.width,
    height: layout.height,
    // The first tick label is centred on zero: leave room for its left half, or "£0.00" is clipped to "0.00" in print.
    marginLeft: Math.max(MARGIN.left, Math.ceil(estimateTextWidth(options.tickFormat(0), FONT_SIZE.detail) / 2) + 2),
    marginRight: MARGIN.right,
    marginTop: 0,
    marginBottom: MARGIN.bottom,
    ariaLabel: options.ariaLabel,
    style: { fontSize: `${FONT_SIZE.detail}px`, fontFamily: 'inherit', overflow: 'visible', background: 'white', color: INK },
    x: {
      domain: [0, options.maxValue > 0 ? options.maxValue : 1],
      nice: true,
      grid: true,
      ticks: Math.max(2, Math.floor(layout.panelWidth / 90)),
      tickFormat: options.tickFormat,
      label: null,
    },
    y: { type: 'identity', axis: null },
    ...(layout.columns > 1 ? { fx: { domain: layout.groupKeys, paddingInner: PANEL_GAP, paddingOuter: 0, axis: null, round: false } } : {}),
    marks,
  };
}
