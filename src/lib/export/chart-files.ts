/**
 * A chart's downloads: its table as CSV, or the drawn chart as SVG or PNG with its title,
 * key, sources and licence. The views call one function and show the message it returns.
 */
import type { ReadyChart } from '../charts/types.ts';
import { tableCsv } from './csv.ts';
import { downloadBlob, exportFileName } from './download.ts';
import { LICENCE_LINES } from './licence.ts';

export type ChartFileKind = 'csv' | 'svg' | 'png';

/** The chart's control values by parameter name, for file names and embed links. */
export function chosenValues(chart: ReadyChart): Record<string, string> {
  return Object.fromEntries(chart.controls.map((control) => [control.param, control.value]));
}

/** "deal-breakdown-per_resident.csv". */
export function chartFileName(chart: ReadyChart, kind: ChartFileKind): string {
  return exportFileName([chart.id, ...Object.values(chosenValues(chart))], kind);
}

/**
 * Downloads one file and returns what to tell the reader. `drawn` is the chart's SVG on
 * the page (needed for images only); `pageUrl` is printed under images as their origin.
 */
export async function downloadChartFile(chart: ReadyChart, kind: ChartFileKind, drawn: Element | null | undefined, pageUrl: string, doc: Document = document): Promise<string> {
  const fileName = chartFileName(chart, kind);
  if (kind === 'csv') {
    downloadBlob(new Blob([tableCsv(chart.table)], { type: 'text/csv;charset=utf-8' }), fileName, doc);
    return `Downloaded ${fileName}.`;
  }
  if (!(drawn instanceof SVGSVGElement)) return 'The chart has not been drawn yet; try again in a moment.';
  try {
    // Image export code loads on first use: most readers never download a picture.
    const [{ composeChartSvg, serialiseSvg, sourceLines, svgSize }, { svgToPng }] = await Promise.all([import('./svg.ts'), import('./png.ts')]);
    const image = composeChartSvg(doc, drawn, { title: chart.title, subtitle: chart.subtitle, sourceLines: sourceLines(chart.sources), legend: chart.legend, caption: chart.caption, notes: chart.notes, footnotes: chart.footnotes, licenceLines: [...chart.attribution, ...LICENCE_LINES, `From ${pageUrl}`] });
    const text = serialiseSvg(image);
    const blob = kind === 'svg' ? new Blob([text], { type: 'image/svg+xml;charset=utf-8' }) : await svgToPng(text, svgSize(image));
    downloadBlob(blob, fileName, doc);
    return `Downloaded ${fileName}.`;
  } catch (error) {
    return `The image could not be made: ${error instanceof Error ? error.message : String(error)}`;
  }
}
