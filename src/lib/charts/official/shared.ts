/**
 * What the official statistics charts share: the `indicator` and `period` controls (their
 * choices from indicators.csv and the loaded file), the series for the chosen indicator
 * or an honest reason it is missing, area names, styles and the source and licence lines.
 * Figures, comparisons and ranks all come from src/lib/data/indicators/.
 */
import { latestPeriod, type IndicatorSeries } from '../../data/indicators/derive.ts';
import { formatObservation, type FormattedObservation } from '../../data/indicators/format.ts';
import type { Period } from '../../data/indicators/period.ts';
import { ENGLAND_CODE, type IndicatorMeta, type Observation } from '../../data/indicators/schema.ts';
import { indicatorAttribution, indicatorSourceId } from '../../data/indicators/sources.ts';
import { areaIndex } from '../../data/areas.ts';
import { choice, type Choice, type ChoiceControl, type Controls } from '../controls.ts';
import { defineChart } from '../define.ts';
import { COMPARE_STYLE } from '../palette.ts';
import type { RegionPair } from '../regions.ts';
import type { ChartDefinition, ChartInput, LegendEntry, RegisteredChart, Unavailable } from '../types.ts';

export type Role = keyof typeof COMPARE_STYLE;

function indicatorChoices(data: ChartInput): Choice[] {
  return (data.indicators?.metadata ?? []).map((meta) => ({ value: meta.indicator_id, label: meta.name, group: `${meta.source_title} (${meta.publisher})` }));
}

/** Every indicator in indicators.csv, grouped by its publication; the first by default. */
export const INDICATOR_CONTROL = choice('Indicator', indicatorChoices, (_data, choices) => choices[0]?.value ?? '');

/** Periods with at least one published value, oldest first. */
export function periodsWithValues(series: IndicatorSeries): Period[] {
  const withValue = new Set(series.rows.filter((row) => row.value !== null).map((row) => row.period));
  return series.periods.filter((period) => withValue.has(period.raw));
}

/** The chosen indicator's periods (newest first); the latest with a value by default. */
export const PERIOD_CONTROL = choice(
  'Period',
  (data, earlier) => {
    const series = earlier.indicator === undefined ? undefined : data.indicators?.store.get(earlier.indicator);
    return series ? periodsWithValues(series).reverse().map((period) => ({ value: period.raw, label: period.label })) : [];
  },
  (data, choices, earlier) => {
    const series = earlier.indicator === undefined ? undefined : data.indicators?.store.get(earlier.indicator);
    return (series && latestPeriod(series)?.raw) ?? choices[0]?.value ?? '';
  },
);

/** The loaded series for the chosen indicator, or why it cannot be drawn (naming the file and its first problem). */
export function chosenSeries(data: ChartInput, indicatorId: string): IndicatorSeries | Unavailable {
  const loaded = data.indicators;
  const series = loaded?.store.get(indicatorId);
  if (series) return series;
  const meta = loaded?.metadata.find((m) => m.indicator_id === indicatorId);
  if (!loaded || !meta) return { status: 'unavailable', missing: [], reason: 'No official statistics are listed in indicators/indicators.csv, so this chart cannot be drawn.' };
  const report = loaded.reports.find((r) => r.file.endsWith(`/${meta.dataset}`));
  const problem = report?.errors[0];
  const where = problem && problem.line > 0 ? `line ${problem.line}${problem.column ? `, column ${problem.column}` : ''}: ` : '';
  const why = problem ? ` (${where}expected ${problem.expected})` : '';
  return { status: 'unavailable', missing: [], reason: `${meta.name} cannot be shown because indicators/${meta.dataset} could not be used${why}.` };
}

/** Display name: the short name in areas.csv, else the ONS file's name. */
export function areaNamer(data: ChartInput): (row: Pick<Observation, 'areaCode' | 'areaName'>) => string {
  const areas = areaIndex(data);
  return (row) => (row.areaCode === ENGLAND_CODE ? 'England' : areas.info(row.areaCode).name === row.areaCode ? row.areaName : areas.info(row.areaCode).name);
}

export function roleOf(code: string, pair: RegionPair): Role {
  if (code === ENGLAND_CODE) return 'england';
  if (code === pair.a) return 'a';
  if (code === pair.b) return 'b';
  return 'other';
}

/** Table cells for one value: the figure, its interval and the publisher's flags. */
export function observationCells(meta: IndicatorMeta, row: Observation | null): { figure: FormattedObservation; cells: [string, string, string] } {
  const figure = formatObservation(meta, row);
  return { figure, cells: [figure.text, figure.interval ?? 'Not published', figure.flag ?? ''] };
}

/**
 * A chart of one official indicator, chosen by its `indicator` control. It needs no
 * announcement dataset (areas.csv only names the areas), loads the chosen indicator's file,
 * and cites that indicator, gives its caveat as a footnote and the Open Government Licence
 * attribution naming its producer.
 */
export function defineIndicatorChart<VM extends { status: 'ok'; meta: IndicatorMeta }, C extends Controls & { indicator: ChoiceControl<string> }>(
  definition: Omit<ChartDefinition<VM, C>, 'requires' | 'uses' | 'indicators' | 'sourceIds' | 'footnotes' | 'attribution'>,
): RegisteredChart {
  return defineChart<VM, C>({
    ...definition,
    requires: [],
    uses: ['areas'],
    indicators: (values) => [String(values.indicator)],
    sourceIds: (vm) => [indicatorSourceId(vm.meta)],
    footnotes: (vm) => [`${vm.meta.name}: ${vm.meta.caveat}`],
    attribution: (vm) => [indicatorAttribution([vm.meta])],
  });
}

/** Key entries for the pair and England, each with its own colour, shape and dash. */
export function pairLegend(names: { role: Role; name: string }[], kind: 'symbol' | 'line'): LegendEntry[] {
  return names.map(({ role, name }) => {
    const style = COMPARE_STYLE[role];
    return kind === 'symbol'
      ? { label: name, swatch: { kind: 'symbol', colour: style.colour, symbol: style.symbol } }
      : { label: name, swatch: { kind: 'line', colour: style.colour, dashed: style.dash !== null, ...(style.dash ? { dasharray: style.dash } : {}), marker: style.symbol } };
  });
}
