/**
 * The one path from a chart and its parameters to the input it renders from, used by the
 * compare view, embeds, exports and the build-time prerender alike. A chart that draws on
 * official statistics gets them here: indicators.csv first (its controls' choices), then
 * only the dataset files holding the indicators its checked controls name.
 */
import type { LoadedIndicators } from '../data/indicators/load.ts';
import type { ReadText } from '../data/load.ts';
import type { ChartInput, ChartParams, RegisteredChart } from './types.ts';

/** Loads indicator files by indicator id; an empty list loads the metadata only. */
export type IndicatorLoader = (ids: readonly string[]) => Promise<LoadedIndicators>;

/**
 * An IndicatorLoader over a reader, reading each file at most once (switching indicator
 * or period re-reads nothing already fetched). A failed read is not kept, so a retry reads again.
 */
export function indicatorLoader(read: ReadText): IndicatorLoader {
  const texts = new Map<string, Promise<string>>();
  const cached: ReadText = (file) => {
    let text = texts.get(file);
    if (!text) {
      text = read(file);
      texts.set(file, text);
      text.catch(() => texts.delete(file));
    }
    return text;
  };
  // The indicator reader and validator load on first use: charts without official statistics never fetch them.
  return async (ids) => (await import('../data/indicators/load.ts')).loadIndicators(cached, { ids });
}

/** The chart's input: `data` as it is, plus the official statistics it needs for `params`. */
export async function prepareChartInput(chart: Pick<RegisteredChart, 'usesIndicators' | 'indicatorIds'>, data: ChartInput, params: ChartParams, load: IndicatorLoader | undefined): Promise<ChartInput> {
  if (!chart.usesIndicators || !load) return data;
  const metadataOnly = await load([]);
  const ids = chart.indicatorIds({ ...data, indicators: metadataOnly }, params);
  return { ...data, indicators: ids.length > 0 ? await load(ids) : metadataOnly };
}
