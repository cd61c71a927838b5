/**
 * Draws a ready chart with Observable Plot as one accessible image: the SVG gets
 * role="img", the chart title as its name and the summary as its description. Shared by
 * every place that draws charts (dashboard, embed page, exports) so they all match.
 */
import * as Plot from '@observablehq/plot';
import type { ReadyChart } from './types.ts';

export interface DrawOptions {
  width: number;
  /** Id of the element holding the chart's summary, for aria-describedby. */
  describedBy?: string;
  /** Document to draw into; jsdom in tests, the page's own otherwise. */
  document?: Document;
}

/** The chart's SVG (or Plot's wrapper element) ready to insert into the page. */
export function drawChart(chart: ReadyChart, options: DrawOptions): SVGSVGElement | HTMLElement {
  // Marks carry literal palette colours (palette.ts), so colour is an identity scale: Plot
  // never picks a scheme, which the build leaves out (scripts/build/trim-plot-deps.ts).
  const node = Plot.plot({ color: { type: 'identity' }, ...chart.plotOptions(options.width), ...(options.document ? { document: options.document } : {}) });
  const svg = node.nodeName.toLowerCase() === 'svg' ? node : node.querySelector('svg');
  if (!svg) return node;
  // Plot names each mark group; inside role="img" those names are never read, and on a
  // plain <g> an aria-label is not permitted, so the image keeps one name only.
  for (const labelled of svg.querySelectorAll('[aria-label]')) labelled.removeAttribute('aria-label');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', chart.title);
  if (options.describedBy) svg.setAttribute('aria-describedby', options.describedBy);
  return node;
}
