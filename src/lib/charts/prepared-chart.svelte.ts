/**
 * One chart's rendered state for a view (ChartFigure): charts on announcement data render
 * at once; a chart on official statistics renders once its indicator files are in, and
 * until then (and while a new indicator loads) keeps what it last showed, so nothing flashes.
 */
import type { RowsByDataset } from '../data/schema.ts';
import { unavailable } from './define.ts';
import { paramsFromKey } from './params.ts';
import { prepareChartInput, type IndicatorLoader } from './prepare.ts';
import type { ResolvedControl } from './controls.ts';
import type { ChartInput, RegisteredChart, RenderedChart } from './types.ts';
import { untrack } from 'svelte';

/** The chart's input prepared for one params key (params.ts), or why it could not be. */
export type Prepared = { key: string; input: ChartInput } | { key: string; error: string };

export interface PreparedChartSource {
  chart: RegisteredChart;
  data: RowsByDataset;
  /** paramsKey(params): a text key, so an equal but new params object changes nothing. */
  key: string;
  indicators?: IndicatorLoader | undefined;
}

/** Loads the input for `key`; a failure becomes its message, shown to the reader. */
export async function prepareFor(source: PreparedChartSource): Promise<Prepared> {
  const { chart, data, key, indicators } = source;
  try {
    return { key, input: await prepareChartInput(chart, data, paramsFromKey(key), indicators) };
  } catch (error: unknown) {
    return { key, error: error instanceof Error ? error.message : String(error) };
  }
}

/** What to show: null while the first indicator input is loading. */
export function renderPrepared(source: PreparedChartSource, prepared: Prepared | null): RenderedChart | null {
  const { chart } = source;
  if (!chart.usesIndicators) return chart.render(source.data, paramsFromKey(source.key));
  if (!prepared) return null;
  if ('error' in prepared) return { id: chart.id, title: chart.title, subtitle: chart.subtitle, ...unavailable([], `The official statistics could not be loaded: ${prepared.error}`) };
  return chart.render(prepared.input, paramsFromKey(prepared.key));
}

/** The chart's own controls: page-wide ones (the region pair) have one picker on the page, not one per chart. */
export function ownControlsOf(rendered: RenderedChart | null): ResolvedControl[] {
  return rendered?.status === 'ok' ? rendered.controls.filter((control) => !control.shared) : [];
}

/**
 * The reactive state over `source` (read again whenever what it reads changes), starting
 * from `preparedInput`'s first value when given (input already prepared for the first key,
 * e.g. by the build for a static page: shown at once). Call during component initialisation:
 * the loading effect belongs to that component and is cleaned up with it.
 */
export class PreparedChart {
  #source: () => PreparedChartSource;
  #prepared = $state.raw<Prepared | null>(null);
  readonly rendered = $derived.by(() => renderPrepared(this.#source(), this.#prepared));
  /** True while the input for the current key is still loading. */
  readonly busy = $derived.by(() => {
    const { chart, key } = this.#source();
    return chart.usesIndicators && this.#prepared?.key !== key;
  });
  readonly ownControls = $derived(ownControlsOf(this.rendered));

  constructor(source: () => PreparedChartSource, preparedInput: () => ChartInput | undefined = () => undefined) {
    this.#source = source;
    const input = untrack(preparedInput);
    if (input) this.#prepared = { key: untrack(source).key, input };
    $effect(() => {
      const current = source();
      if (!current.chart.usesIndicators) return;
      let cancelled = false;
      void prepareFor(current).then((prepared) => {
        if (!cancelled) this.#prepared = prepared;
      });
      return () => {
        cancelled = true;
      };
    });
  }
}
