/**
 * A chart as a stand-alone image: title, subtitle, the chart's own SVG, then a footer
 * with its sources and the licence line, so a downloaded picture carries its provenance.
 * Built with DOM calls and textContent only, so data text can never become markup.
 */
import { isolate } from '../data/bidi.ts';
import { INK, MUTED, PAPER } from '../charts/palette.ts';
import { SWATCH_SIZE, swatchShapes } from '../charts/swatch.ts';
import { estimateTextWidth, wrapText } from '../charts/text.ts';
import type { ChartNoteList, ChartSource, LegendEntry } from '../charts/types.ts';

export const SVG_NS = 'http://www.w3.org/2000/svg';
/** Shared by the chart and the map images (map-files.ts), so downloads look alike. */
export const FONT_FAMILY = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
export const PADDING = 16;
export const TITLE_SIZE = 20;
export const LINE_GAP = 1.35;
const SUBTITLE_SIZE = 14;
const FOOTER_SIZE = 12;
const CAPTION_SIZE = 13;
const NOTE_SIZE = 12;

export interface ImageText {
  title: string;
  subtitle: string;
  /** One line per source, e.g. "Source: Liverpool Echo, 12 March 2024". */
  sourceLines: string[];
  /** Licence and attribution lines printed last. */
  licenceLines: string[];
  /** The chart's key, drawn above it (on the page it is HTML beside the chart). */
  legend?: readonly LegendEntry[];
  /** The caption's caveat sentences, printed under the subtitle as on the page. */
  caption?: readonly string[];
  /** Lists beside the chart on the page ("not counted" context), printed under it. */
  notes?: readonly ChartNoteList[];
  /** The chart's footnotes, printed before the sources. */
  footnotes?: readonly string[];
}

const SWATCH_WIDTH = SWATCH_SIZE.width;
const LEGEND_SIZE = 12;
const LEGEND_ROW = 20;

function shape(doc: Document, name: string, attributes: Record<string, string | number>): SVGElement {
  const element = doc.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

/** The key as rows of swatch + label, wrapped to the width. */
function legendBlock(doc: Document, entries: readonly LegendEntry[], y: number, width: number): { group: SVGGElement; height: number } {
  const group = doc.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', 'export-legend');
  let x = PADDING;
  let row = 0;
  for (const entry of entries) {
    const itemWidth = SWATCH_WIDTH + 6 + Math.ceil(estimateTextWidth(entry.label, LEGEND_SIZE)) + 16;
    if (x > PADDING && x + itemWidth > width - PADDING) {
      row += 1;
      x = PADDING;
    }
    const top = y + row * LEGEND_ROW;
    const swatch = doc.createElementNS(SVG_NS, 'g');
    swatch.setAttribute('transform', `translate(${x},${top + 2})`);
    for (const { tag, attributes } of swatchShapes(entry.swatch)) swatch.append(shape(doc, tag, attributes));
    const label = shape(doc, 'text', { x: x + SWATCH_WIDTH + 6, y: top + 14, 'font-size': LEGEND_SIZE, fill: INK });
    label.textContent = entry.label;
    group.append(swatch, label);
    x += itemWidth;
  }
  return { group, height: entries.length === 0 ? 0 : (row + 1) * LEGEND_ROW };
}

/** "Source: <publisher>, <date> (<title>)" for each source; an unresolved source says so. */
export function sourceLines(sources: readonly ChartSource[]): string[] {
  return sources.map(({ id, source }) => (source ? `Source: ${isolate(source.publisher)}, ${source.publishedText} (${isolate(source.title)})` : `Source details unavailable (${isolate(id)})`));
}

/** Word wrap with the charts' own text-width estimate; long words are kept whole, no text gives no lines. */
export function wrapLine(text: string, width: number, fontSize: number, bold = false): string[] {
  return text.trim() === '' ? [] : wrapText(text, width, fontSize, bold);
}

interface IndentedLine {
  text: string;
  indent: number;
}

/** A list item as "• first line" then continuation lines indented under its text. */
function bulletLines(text: string, width: number, fontSize: number): IndentedLine[] {
  return wrapLine(text, width - fontSize, fontSize).map((line, i) => (i === 0 ? { text: `• ${line}`, indent: 0 } : { text: line, indent: fontSize }));
}

/** The chart's drawn size: width/height attributes, else its viewBox. */
export function svgSize(svg: SVGSVGElement): { width: number; height: number } {
  const width = Number(svg.getAttribute('width'));
  const height = Number(svg.getAttribute('height'));
  if (width > 0 && height > 0) return { width, height };
  const box = (svg.getAttribute('viewBox') ?? '').split(/[\s,]+/).map(Number);
  return { width: box[2] ?? 0, height: box[3] ?? 0 };
}

function textBlock(doc: Document, lines: readonly (string | IndentedLine)[], options: { y: number; size: number; weight?: string; fill: string; className: string }): { group: SVGGElement; height: number } {
  const group = doc.createElementNS(SVG_NS, 'g');
  group.setAttribute('class', options.className);
  let y = options.y;
  for (const line of lines) {
    y += options.size * LINE_GAP;
    const text = doc.createElementNS(SVG_NS, 'text');
    const { text: content, indent } = typeof line === 'string' ? { text: line, indent: 0 } : line;
    text.setAttribute('x', String(PADDING + indent));
    text.setAttribute('y', String(Math.round(y - options.size * 0.3)));
    text.setAttribute('font-size', String(options.size));
    text.setAttribute('font-family', FONT_FAMILY);
    text.setAttribute('fill', options.fill);
    if (options.weight) text.setAttribute('font-weight', options.weight);
    text.textContent = content;
    group.append(text);
  }
  return { group, height: y - options.y };
}

/**
 * An image's document element, titled for screen readers and sized; its font written out,
 * since in a file there is no page to inherit one from (Plot's chart says font-family: inherit).
 */
export function imageRoot(doc: Document, title: string, width: number, height: number): SVGSVGElement {
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('role', 'img');
  root.setAttribute('font-family', FONT_FAMILY);
  sizeImage(root, width, height);
  const heading = doc.createElementNS(SVG_NS, 'title');
  heading.textContent = title;
  root.append(heading);
  return root;
}

function sizeImage(root: SVGSVGElement, width: number, height: number): void {
  root.setAttribute('width', String(width));
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
}

/**
 * A new SVG document element: white background, heading, a copy of the chart (the page's
 * chart is left untouched), then sources and licence. Colours are written as attributes
 * so the image looks the same outside the page's stylesheet.
 */
export function composeChartSvg(doc: Document, chart: SVGSVGElement, text: ImageText): SVGSVGElement {
  const { width: chartWidth, height: chartHeight } = svgSize(chart);
  const width = Math.max(320, Math.ceil(chartWidth) + PADDING * 2);
  const textWidth = width - PADDING * 2;
  // Sized once the text below is laid out.
  const root = imageRoot(doc, text.title, width, 0);

  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', PAPER);
  root.append(background);

  let y = PADDING / 2;
  const heading = textBlock(doc, wrapLine(text.title, textWidth, TITLE_SIZE, true), { y, size: TITLE_SIZE, weight: '700', fill: INK, className: 'export-title' });
  y += heading.height;
  const subtitle = textBlock(doc, wrapLine(text.subtitle, textWidth, SUBTITLE_SIZE), { y, size: SUBTITLE_SIZE, fill: INK, className: 'export-subtitle' });
  y += subtitle.height;
  const captionLines = (text.caption ?? []).flatMap((sentence) => wrapLine(sentence, textWidth, CAPTION_SIZE));
  const caption = textBlock(doc, captionLines, { y, size: CAPTION_SIZE, fill: MUTED, className: 'export-caption' });
  y += caption.height + PADDING / 2;
  root.append(heading.group, subtitle.group, caption.group);
  const legend = legendBlock(doc, text.legend ?? [], y, width);
  root.append(legend.group);
  y += legend.height + (legend.height > 0 ? PADDING / 2 : 0);

  const copy = chart.cloneNode(true) as SVGSVGElement;
  copy.setAttribute('x', String(PADDING));
  copy.setAttribute('y', String(Math.round(y)));
  copy.setAttribute('width', String(chartWidth));
  copy.setAttribute('height', String(chartHeight));
  // In the page these reference elements outside the chart; in the file they would dangle.
  copy.removeAttribute('aria-describedby');
  root.append(copy);
  y += chartHeight + PADDING / 2;

  for (const list of text.notes ?? []) {
    const lines = [...wrapLine(list.heading, textWidth, NOTE_SIZE, true), ...list.items.flatMap((item) => bulletLines(item.text, textWidth, NOTE_SIZE))];
    const block = textBlock(doc, lines, { y, size: NOTE_SIZE, fill: INK, className: 'export-notes' });
    block.group.firstElementChild?.setAttribute('font-weight', '700');
    root.append(block.group);
    y += block.height + PADDING / 2;
  }

  const footerLines = [...(text.footnotes ?? []).map((note) => `Note: ${note}`), ...text.sourceLines, ...text.licenceLines].flatMap((line) => wrapLine(line, textWidth, FOOTER_SIZE));
  const footer = textBlock(doc, footerLines, { y, size: FOOTER_SIZE, fill: MUTED, className: 'export-footer' });
  root.append(footer.group);
  y += footer.height + PADDING;

  sizeImage(root, width, Math.ceil(y));
  return root;
}

/** The SVG as file text, with an XML declaration so editors read it as UTF-8. */
export function serialiseSvg(svg: SVGSVGElement, serializer: XMLSerializer = new XMLSerializer()): string {
  return `<?xml version="1.0" encoding="UTF-8"?>\n${serializer.serializeToString(svg)}`;
}
