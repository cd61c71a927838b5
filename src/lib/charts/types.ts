/**
 * The chart contract. A chart is data → view-model → (Plot options, table, summary,
 * sources). Every step after the view-model is a pure function of it, so the dashboard,
 * an embed page and exports all show the same figures.
 */
import type { PlotOptions } from '@observablehq/plot';
import type { SourceRef } from '../data/derive.ts';
import type { DatasetName, Qualifier } from '../data/schema.ts';
import type { LoadedIndicators } from '../data/indicators/load.ts';
import type { RowsByDataset } from '../data/schema.ts';
import type { ControlValues, Controls, ResolvedControl } from './controls.ts';

/**
 * What a chart is drawn from: the validated datasets and, for a chart that declares
 * `indicators`, the official statistics loaded for it (prepare.ts loads only the files
 * it names, before rendering). Plain data, so view-models stay pure.
 */
export type ChartInput = RowsByDataset & { readonly indicators?: LoadedIndicators };

/** Chart switches as they arrive from the URL: untrusted text, checked against each control. */
export type ChartParams = Readonly<Record<string, string | undefined>>;

export interface TableRow {
  /** The data row's id (or a derived id such as "total-E47000004"), rendered as data-row-id. */
  id: string;
  /** Cell text in column order; the first cell is the row header. */
  cells: string[];
  /** The numbers behind figure cells, for CSV export: a number stays a number, its qualifier beside it. */
  numbers?: TableNumber[];
}

export interface TableNumber {
  /** Index into the row's cells. */
  column: number;
  /** Null when no number is published (the qualifier then says "unquantified"). */
  value: number | null;
  qualifier: Qualifier;
}

export interface ChartTable {
  caption: string;
  columns: string[];
  rows: TableRow[];
}

/** How a legend swatch is drawn; the component draws each one the same way the chart does. */
export type SwatchStyle =
  | { kind: 'bar'; colour: string }
  | { kind: 'ceiling'; colour: string }
  | { kind: 'planned'; colour: string }
  | { kind: 'line'; colour: string; dashed: boolean; hollowEnd?: boolean; dasharray?: string; marker?: SymbolName }
  | { kind: 'symbol'; colour: string; symbol: SymbolName };

export type SymbolName = 'circle' | 'hollow-circle' | 'triangle' | 'star' | 'square' | 'diamond' | 'hollow-diamond';

export interface LegendEntry {
  label: string;
  swatch: SwatchStyle;
}

/** Items listed beside the chart rather than drawn on its scale (context lines, periods not published). */
export interface ChartNoteList {
  heading: string;
  items: { id: string; text: string }[];
}

export interface Unavailable {
  status: 'unavailable';
  /** Plain-English reason, shown to the reader. */
  reason: string;
  missing: DatasetName[];
}

export interface ChartDefinition<VM, C extends Controls> {
  id: string;
  title: string;
  subtitle: string;
  /** Datasets without which the chart cannot be drawn. */
  requires: readonly DatasetName[];
  /** Datasets that add detail (names, populations, sources) but whose absence is handled. */
  uses: readonly DatasetName[];
  /** Switches the reader can change, by URL parameter name; their values live in the URL. */
  controls: C;
  /**
   * Official statistics the chart draws on: the indicator ids whose files must be loaded
   * before it renders, from its checked control values. Absent for charts that use none.
   */
  indicators?(options: ControlValues<C>): readonly string[];
  /** Pure: data and checked control values to the view-model, or an honest "unavailable". */
  viewModel(data: ChartInput, options: ControlValues<C>): VM | Unavailable;
  /** Plot.plot input for a given width. */
  plotOptions(vm: VM, size: { width: number }): PlotOptions;
  tableRows(vm: VM): ChartTable;
  /** Plain-English description generated from the data; also the chart's accessible description. */
  summary(vm: VM): string;
  /** Sentences for the caption: denominators, years, what the marks mean. */
  caption(vm: VM): string[];
  legend(vm: VM): LegendEntry[];
  notes(vm: VM): ChartNoteList[];
  sourceIds(vm: VM): string[];
  footnotes(vm: VM): string[];
  /** Licence attribution lines the figures require (e.g. the Open Government Licence for official statistics). */
  attribution?(vm: VM): string[];
  /**
   * When there is nothing to draw (e.g. neither chosen region has figures), the reason in
   * words, shown instead of an empty drawing; null otherwise.
   */
  empty?(vm: VM): string | null;
}

export interface ChartSource {
  id: string;
  /** Null when sources.csv is unavailable; the reader is told so. */
  source: SourceRef | null;
}

/** Everything a view needs to show one chart, with the view-model type erased. */
export interface ReadyChart {
  status: 'ok';
  id: string;
  title: string;
  subtitle: string;
  /** Each control with its choices for this data and its checked value. */
  controls: ResolvedControl[];
  plotOptions(width: number): PlotOptions;
  table: ChartTable;
  summary: string;
  caption: string[];
  legend: LegendEntry[];
  notes: ChartNoteList[];
  sources: ChartSource[];
  footnotes: string[];
  /** Licence attribution lines, shown with the sources on screen, in embeds, exports and print. */
  attribution: string[];
  /** Shown instead of the drawing when there is nothing to draw; null otherwise. */
  empty: string | null;
}

export interface UnavailableChart extends Unavailable {
  id: string;
  title: string;
  subtitle: string;
}

export type RenderedChart = ReadyChart | UnavailableChart;

/** A registry entry: the definition's metadata plus one call that runs the whole pipeline. */
export interface RegisteredChart {
  id: string;
  title: string;
  subtitle: string;
  requires: readonly DatasetName[];
  uses: readonly DatasetName[];
  /** Each control's URL name inside the chart, and whether it is page-wide (params.ts). */
  params: readonly { param: string; shared: boolean }[];
  /** True when the chart draws on official statistics, which prepare.ts loads before render. */
  usesIndicators: boolean;
  /**
   * The indicator ids to load for these parameters; `data` needs only the indicator
   * metadata (indicators.csv). Empty for a chart that uses no official statistics.
   */
  indicatorIds(data: ChartInput, params: ChartParams): readonly string[];
  /** `params` under the chart's own (plain) names; unknown or bad values fall back to defaults. */
  render(data: ChartInput, params: ChartParams): RenderedChart;
}
