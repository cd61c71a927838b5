/**
 * The map's downloads, built from the map view-model: its table as CSV (code, name,
 * value, interval where published, rank, source) and the drawn map as an image with its
 * title, key, sources, licence and the boundaries' attribution with their year.
 *
 * The image is described as plain shape data (`MapImage`), projected here with Web
 * Mercator as the live map draws it; `renderMapSvg` turns it into SVG with DOM calls and
 * textContent only, so no data text can become markup. Pure apart from that renderer.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';
import type { SourceRef } from '../data/derive.ts';
import { INK, MUTED, PAPER } from '../charts/palette.ts';
import { estimateTextWidth, wrapText } from '../charts/text.ts';
import { CONTEXT_FILL, CONTEXT_STROKE, DISTRICT_STROKE, MAP_BACKGROUND, NO_DATA_FILL, type ColourClass } from '../map/classes.ts';
import { placeLabels, NUMBER_RADIUS, type KeyEntry } from '../map/labels.ts';
import type { MapDrawing } from '../map/leaflet-map.ts';
import { toCsv, type CsvValue } from './csv.ts';
import { exportFileName } from './download.ts';
import { LICENCE_LINES } from './licence.ts';
import { imageRoot, LINE_GAP, PADDING, SVG_NS, TITLE_SIZE } from './svg.ts';

/** One table row as the map view-model gives it; `value`, `qualifier` and `interval` when the model carries them. */
export interface MapFileRow {
  code: string;
  name: string;
  text: string;
  when: string | null;
  rank: string;
  sources: readonly { id: string; source: SourceRef | null }[];
  value?: number | null;
  qualifier?: string;
  /** A published 95% confidence interval as the table shows it ("1,120 to 1,190 per 100,000 people"). */
  interval?: string | null;
  /** The comparison with England in words, where published. */
  comparison?: string | null;
}

/** What the downloads need from the map view-model (its "ok" state). */
export interface MapFileView {
  heading: string;
  summary: string;
  params: { region: string | null; indicator: string | null; period: string | null };
  legend: { title: string; classes: readonly ColourClass[]; noDataCount: number; hasQualifiedValues: boolean };
  table: { areaHeading: string; valueHeading: string; rows: readonly MapFileRow[]; note: string };
  map: { status: 'ready'; drawing: MapDrawing; attribution: string } | { status: 'loading' | 'fallback' };
}

export type MapFileKind = 'csv' | 'svg' | 'png';

/** "map-E47000004-population.png". */
export function mapFileName(view: MapFileView, kind: MapFileKind): string {
  return exportFileName(['map', view.params.region ?? '', view.params.indicator ?? '', view.params.period ?? ''], kind);
}

function sourceText(source: SourceRef | null, id: string): string {
  if (!source) return `Source details unavailable (${id})`;
  return `${source.publisher}, ${source.publishedText}: ${source.title}${source.url ? ` ${source.url}` : ''}`;
}

/** The CSV's rows, header first. Interval columns appear only when some row has an interval. */
export function mapTableRecords(view: MapFileView): CsvValue[][] {
  const { areaHeading, valueHeading, rows } = view.table;
  const hasInterval = rows.some((row) => row.interval);
  const hasComparison = rows.some((row) => row.comparison);
  const hasNumbers = rows.some((row) => row.value !== undefined);
  const header: CsvValue[] = [
    'Area code',
    areaHeading,
    valueHeading,
    ...(hasNumbers ? [`${valueHeading} (number)`, `${valueHeading} (qualifier)`] : []),
    ...(hasInterval ? ['95% confidence interval'] : []),
    ...(hasComparison ? ['Compared with England'] : []),
    'Period',
    'Rank',
    'Source',
  ];
  const body = rows.map((row): CsvValue[] => [
    row.code,
    row.name,
    row.text,
    ...(hasNumbers ? [row.value ?? null, row.value === null || row.value === undefined ? null : (row.qualifier ?? null)] : []),
    ...(hasInterval ? [row.interval ?? null] : []),
    ...(hasComparison ? [row.comparison ?? null] : []),
    row.when,
    row.rank,
    row.sources.map(({ id, source }) => sourceText(source, id)).join('; '),
  ]);
  return [header, ...body];
}

export function mapCsv(view: MapFileView): string {
  return toCsv(mapTableRecords(view));
}

/** One SVG element as data: a tag, its attributes, text content or children. */
export interface ImageNode {
  tag: string;
  attributes: Record<string, string | number>;
  text?: string;
  children?: ImageNode[];
}

export interface MapImage {
  width: number;
  height: number;
  title: string;
  nodes: ImageNode[];
}

const IMAGE_WIDTH = 800;
const TEXT_SIZE = 13;
const SMALL_SIZE = 12;
const LABEL_SIZE = 11;
const MAX_MAP_HEIGHT = 620;
const SWATCH = { width: 26, height: 16 };
const NO_DATA_PATTERN = 'export-no-data';

type Projected = (position: Position) => [number, number];

function polygonsOf(geometry: Polygon | MultiPolygon): Position[][][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

const mercatorY = (latitude: number) => Math.log(Math.tan(Math.PI / 4 + (Math.max(-85, Math.min(85, latitude)) * Math.PI) / 360)) * (180 / Math.PI);

/** Web Mercator fitted to [west, south, east, north] in a box of the given width; returns the projection and the drawn height. */
export function fitMercator(bounds: readonly [number, number, number, number], width: number, maxHeight: number): { project: Projected; width: number; height: number } {
  const [west, south, east, north] = bounds;
  const spanX = Math.max(east - west, 1e-9);
  const top = mercatorY(north);
  const spanY = Math.max(top - mercatorY(south), 1e-9);
  const scale = Math.min(width / spanX, maxHeight / spanY);
  const drawnWidth = spanX * scale;
  const offsetX = (width - drawnWidth) / 2;
  return { project: ([x = 0, y = 0]) => [offsetX + (x - west) * scale, (top - mercatorY(y)) * scale], width, height: Math.ceil(spanY * scale) };
}

function pathData(geometry: Polygon | MultiPolygon, project: Projected): string {
  const round = (n: number) => Math.round(n * 10) / 10;
  return polygonsOf(geometry)
    .flatMap((polygon) => polygon.map((ring) => `M${ring.map((p) => project(p).map(round).join(',')).join('L')}Z`))
    .join('');
}

function boundsOfAll(geometries: readonly (Polygon | MultiPolygon)[]): [number, number, number, number] | null {
  let west = Infinity;
  let south = Infinity;
  let east = -Infinity;
  let north = -Infinity;
  for (const geometry of geometries)
    for (const polygon of polygonsOf(geometry))
      for (const ring of polygon)
        for (const [x = 0, y = 0] of ring) {
          west = Math.min(west, x);
          east = Math.max(east, x);
          south = Math.min(south, y);
          north = Math.max(north, y);
        }
  return Number.isFinite(west) ? [west, south, east, north] : null;
}

/** Shoelace area in projected pixels, for label priority. */
function projectedArea(geometry: Polygon | MultiPolygon, project: Projected): number {
  let total = 0;
  for (const polygon of polygonsOf(geometry)) {
    polygon.forEach((ring, index) => {
      let sum = 0;
      const points = ring.map(project);
      for (let i = 0; i < points.length; i++) {
        const [x1, y1] = points[i] ?? [0, 0];
        const [x2, y2] = points[(i + 1) % points.length] ?? [0, 0];
        sum += x1 * y2 - x2 * y1;
      }
      total += (index === 0 ? 1 : -1) * Math.abs(sum / 2);
    });
  }
  return total;
}

function textLines(lines: readonly string[], x: number, y: number, size: number, fill: string, className: string, weight?: string): { node: ImageNode; height: number } {
  const children = lines.map((line, i) => ({
    tag: 'text',
    attributes: { x, y: Math.round(y + (i + 1) * size * LINE_GAP - size * 0.3), 'font-size': size, fill, ...(weight ? { 'font-weight': weight } : {}) },
    text: line,
  }));
  return { node: { tag: 'g', attributes: { class: className }, children }, height: lines.length * size * LINE_GAP };
}

/** Word wrap; a word too long for a line (a web address) is split after its slashes, else anywhere. */
function wrap(text: string, width: number, size: number, bold = false): string[] {
  if (text.trim() === '') return [];
  return wrapText(text, width, size, bold).flatMap((line) => {
    if (estimateTextWidth(line, size, bold) <= width) return [line];
    const pieces: string[] = [];
    let current = '';
    for (const token of line.split(/(?<=[/?&=-])/).flatMap((part) => (estimateTextWidth(part, size, bold) > width ? [...part] : [part]))) {
      if (current !== '' && estimateTextWidth(current + token, size, bold) > width) {
        pieces.push(current);
        current = '';
      }
      current += token;
    }
    return current === '' ? pieces : [...pieces, current];
  });
}

/** The key's rows: one per colour class, then no figure, neighbours and the boundary, as on the page. */
export function mapLegendRows(legend: MapFileView['legend']): { label: string; swatch: ImageNode[] }[] {
  const rect = (fill: string, stroke: string, extra: Record<string, string | number> = {}): ImageNode[] => [{ tag: 'rect', attributes: { x: 1, y: 1, width: SWATCH.width - 2, height: SWATCH.height - 2, fill, stroke, 'stroke-width': 1, ...extra } }];
  const count = (n: number) => `${n.toLocaleString('en-GB')} ${n === 1 ? 'district' : 'districts'}`;
  return [
    ...legend.classes.map((c) => ({ label: `${c.label} (${count(c.count)})`, swatch: rect(c.colour, DISTRICT_STROKE) })),
    { label: `No figure published (${count(legend.noDataCount)})`, swatch: rect(`url(#${NO_DATA_PATTERN})`, DISTRICT_STROKE) },
    { label: 'Neighbouring district outside the region', swatch: rect(CONTEXT_FILL, CONTEXT_STROKE) },
    { label: 'Combined authority boundary', swatch: rect('none', DISTRICT_STROKE, { 'stroke-width': 3 }) },
  ];
}

/** Every source named in the table, once: "Source: Office for National Statistics, 28 June 2022 (Census 2021)". */
export function mapSourceLines(rows: readonly MapFileRow[]): string[] {
  const seen = new Map<string, string>();
  for (const row of rows)
    for (const { id, source } of row.sources) if (!seen.has(id)) seen.set(id, source ? `Source: ${source.publisher}, ${source.publishedText} (${source.title})${source.url ? ` ${source.url}` : ''}` : `Source details unavailable (${id})`);
  return [...seen.values()];
}

/** The no-data hatch, as the live map draws it. */
function noDataPattern(): ImageNode {
  return {
    tag: 'pattern',
    attributes: { id: NO_DATA_PATTERN, width: 6, height: 6, patternUnits: 'userSpaceOnUse', patternTransform: 'rotate(45)' },
    children: [
      { tag: 'rect', attributes: { width: 6, height: 6, fill: NO_DATA_FILL } },
      { tag: 'line', attributes: { x1: 0, y1: 0, x2: 0, y2: 6, stroke: CONTEXT_STROKE, 'stroke-width': 2 } },
    ],
  };
}

export interface MapPicture {
  width: number;
  height: number;
  /** The shapes, labels and numbers, in drawing order, from (0, 0). */
  nodes: ImageNode[];
  /** Districts shown by number, with their names and values. */
  key: KeyEntry[];
}

/**
 * The districts, their neighbours and the region's outline, projected to fit `width`
 * (at most `maxHeight` tall), with every district labelled or numbered (labels.ts).
 * Used by the image download and by the printed page, which cannot re-fit the live map.
 */
export function mapPicture(drawing: MapDrawing, width: number, maxHeight: number = MAX_MAP_HEIGHT): MapPicture | null {
  const bounds = boundsOfAll(drawing.districts.map((d) => d.feature.geometry));
  if (!bounds) return null;
  // A little room round the region so its edge and neighbours show.
  const [west, south, east, north] = bounds;
  const marginX = (east - west) * 0.04;
  const marginY = (north - south) * 0.04;
  const fit = fitMercator([west - marginX, south - marginY, east + marginX, north + marginY], width, maxHeight);
  const project = fit.project;
  const layout = placeLabels(
    drawing.districts.map((d) => {
      const [x, y] = project(d.labelPoint);
      return { code: d.code, lines: d.labelLines, x, y, area: projectedArea(d.feature.geometry, project) };
    }),
    { width: fit.width, height: fit.height, fontSize: LABEL_SIZE },
  );
  const nodes: ImageNode[] = [
    { tag: 'defs', attributes: {}, children: [noDataPattern()] },
    { tag: 'rect', attributes: { width: fit.width, height: fit.height, fill: MAP_BACKGROUND } },
    ...drawing.neighbours.map((n) => ({ tag: 'path', attributes: { d: pathData(n.feature.geometry, project), fill: CONTEXT_FILL, stroke: CONTEXT_STROKE, 'stroke-width': 0.75 } })),
    ...drawing.districts.map((d) => ({ tag: 'path', attributes: { d: pathData(d.feature.geometry, project), fill: d.fill ?? `url(#${NO_DATA_PATTERN})`, stroke: DISTRICT_STROKE, 'stroke-width': 1, 'data-code': d.code } })),
    ...(drawing.outline ? [{ tag: 'path', attributes: { d: pathData(drawing.outline, project), fill: 'none', stroke: DISTRICT_STROKE, 'stroke-width': 3 } }] : []),
    ...layout.labels.map((label): ImageNode => {
      if (label.kind === 'number') {
        return {
          tag: 'g',
          attributes: { class: 'export-map-number' },
          children: [
            { tag: 'circle', attributes: { cx: label.x, cy: label.y, r: NUMBER_RADIUS, fill: PAPER, stroke: INK, 'stroke-width': 1 } },
            { tag: 'text', attributes: { x: label.x, y: label.y + LABEL_SIZE * 0.35, 'font-size': LABEL_SIZE, 'font-weight': '700', fill: INK, 'text-anchor': 'middle' }, text: String(label.number) },
          ],
        };
      }
      const { box } = label;
      return {
        tag: 'g',
        attributes: { class: 'export-map-label' },
        children: [
          { tag: 'rect', attributes: { x: box.left, y: box.top, width: box.right - box.left, height: box.bottom - box.top, rx: 2, fill: PAPER, 'fill-opacity': 0.85 } },
          ...label.lines.map((line, i) => ({
            tag: 'text',
            attributes: { x: label.x, y: Math.round(box.top + 3 + (i + 1) * LABEL_SIZE * 1.25 - LABEL_SIZE * 0.25), 'font-size': LABEL_SIZE, fill: INK, 'text-anchor': 'middle', ...(i === 0 ? { 'font-weight': '700' } : {}) },
            text: line,
          })),
        ],
      };
    }),
  ];
  return { width: fit.width, height: fit.height, nodes, key: layout.key };
}

/**
 * The whole picture: title and summary, the map with every district labelled or
 * numbered, the numbered districts' key, the colour key, then sources, the boundaries'
 * attribution and the licence. Null when the map has not been drawn (loading or fallback).
 */
export function mapImage(view: MapFileView, pageUrl: string): MapImage | null {
  if (view.map.status !== 'ready') return null;
  const { drawing, attribution } = view.map;
  const width = IMAGE_WIDTH;
  const inner = width - PADDING * 2;
  const picture = mapPicture(drawing, inner);
  if (!picture) return null;
  const nodes: ImageNode[] = [
    { tag: 'rect', attributes: { width: '100%', height: '100%', fill: PAPER } },
    { tag: 'defs', attributes: {}, children: [{ tag: 'clipPath', attributes: { id: 'export-map-clip' }, children: [{ tag: 'rect', attributes: { width: picture.width, height: picture.height } }] }] },
  ];
  let y = PADDING / 2;
  const title = textLines(wrap(view.heading, inner, TITLE_SIZE, true), PADDING, y, TITLE_SIZE, INK, 'export-title', '700');
  y += title.height;
  const summary = textLines(wrap(view.summary, inner, TEXT_SIZE), PADDING, y, TEXT_SIZE, INK, 'export-subtitle');
  y += summary.height + PADDING / 2;
  nodes.push(title.node, summary.node);

  // The map itself, clipped to its box (neighbours run off the edge, as on the page).
  nodes.push({ tag: 'g', attributes: { class: 'export-map', transform: `translate(${PADDING},${Math.round(y)})`, 'clip-path': 'url(#export-map-clip)' }, children: picture.nodes });
  y += picture.height + PADDING / 2;

  // Districts too small for a label, by number.
  if (picture.key.length > 0) {
    const keyLines = picture.key.map((entry) => `${entry.number}  ${entry.text}`);
    const block = textLines(keyLines, PADDING, y, SMALL_SIZE, INK, 'export-map-key');
    nodes.push(block.node);
    y += block.height + PADDING / 2;
  }

  // The colour key.
  const legendTitle = textLines([`Key: ${view.legend.title}`], PADDING, y, TEXT_SIZE, INK, 'export-legend-title', '700');
  nodes.push(legendTitle.node);
  y += legendTitle.height + 4;
  const rows = mapLegendRows(view.legend);
  const legendChildren: ImageNode[] = [];
  for (const row of rows) {
    legendChildren.push({ tag: 'g', attributes: { transform: `translate(${PADDING},${Math.round(y)})` }, children: row.swatch });
    legendChildren.push({ tag: 'text', attributes: { x: PADDING + SWATCH.width + 8, y: Math.round(y + 12), 'font-size': SMALL_SIZE, fill: INK }, text: row.label });
    y += 20;
  }
  nodes.push({ tag: 'g', attributes: { class: 'export-legend' }, children: legendChildren });
  if (view.legend.hasQualifiedValues) {
    const note = textLines(wrap('Figures published as “up to”, “about” or “more than” are coloured by the number given.', inner, SMALL_SIZE), PADDING, y, SMALL_SIZE, MUTED, 'export-legend-note');
    nodes.push(note.node);
    y += note.height;
  }
  y += PADDING / 2;

  const footer = [...mapSourceLines(view.table.rows), attribution, ...LICENCE_LINES, `From ${pageUrl}`].flatMap((line) => wrap(line, inner, SMALL_SIZE));
  const footerBlock = textLines(footer, PADDING, y, SMALL_SIZE, MUTED, 'export-footer');
  nodes.push(footerBlock.node);
  y += footerBlock.height + PADDING;
  return { width, height: Math.ceil(y), title: view.heading, nodes };
}

/** Widest text line in an image (for tests: nothing should run past the right edge). */
export function widestText(image: MapImage): number {
  let widest = 0;
  const visit = (node: ImageNode) => {
    if (node.tag === 'text' && node.text !== undefined && node.attributes['text-anchor'] === undefined) widest = Math.max(widest, Number(node.attributes.x) + estimateTextWidth(node.text, Number(node.attributes['font-size'])));
    node.children?.forEach(visit);
  };
  image.nodes.forEach(visit);
  return widest;
}

/** The image as an SVG element, with DOM calls and textContent only. */
export function renderMapSvg(doc: Document, image: MapImage): SVGSVGElement {
  const build = (node: ImageNode): Element => {
    const element = doc.createElementNS(SVG_NS, node.tag);
    for (const [key, value] of Object.entries(node.attributes)) element.setAttribute(key, String(value));
    if (node.text !== undefined) element.textContent = node.text;
    for (const child of node.children ?? []) element.append(build(child));
    return element;
  };
  const root = imageRoot(doc, image.title, image.width, image.height);
  root.append(...image.nodes.map(build));
  return root;
}
