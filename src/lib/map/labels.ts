/**
 * Where each district's name goes on a drawn map, in pixels: a full label (name, then
 * value) where it fits its district without touching another label or the edge, else a small number
 * with the name and value listed in a key beside the map. Every district gets one or the
 * other, and no two overlap. Pure: the exported image uses it, and so can the live map.
 *
 * Larger districts are placed first, so a small district squeezed between big ones
 * (Knowsley between Liverpool and St Helens) is the one that falls back to a number.
 */
import { estimateTextWidth } from '../charts/text.ts';

export interface LabelRequest {
  code: string;
  /** The name first, then the value: ["Knowsley", "154,500"]. */
  lines: readonly string[];
  /** The label's centre in pixels. */
  x: number;
  y: number;
  /** Drawn area in square pixels: bigger districts get first claim on the space. */
  area: number;
}

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export type PlacedLabel =
  | { kind: 'label'; code: string; lines: readonly string[]; x: number; y: number; box: Box }
  | { kind: 'number'; code: string; number: number; x: number; y: number; box: Box };

export interface KeyEntry {
  number: number;
  code: string;
  /** "Knowsley: 154,500". */
  text: string;
}

export interface LabelLayout {
  labels: PlacedLabel[];
  /** The districts shown by number, in number order. */
  key: KeyEntry[];
}

export interface LabelOptions {
  width: number;
  height: number;
  /** Font size of the name; the value is drawn at the same size. */
  fontSize?: number;
  /** Space kept clear around every label, in pixels. */
  gap?: number;
}

const LINE_HEIGHT = 1.25;
/** Padding of the white plate behind a label's text. */
const PLATE_PADDING = 3;
/**
 * A label may cover at most this multiple of its district's drawn area: a bigger one
 * would sit mostly over its neighbours and read as theirs, so the district is numbered.
 */
export const MAX_LABEL_SHARE = 1.2;
/** Radius of a numbered marker. */
export const NUMBER_RADIUS = 8;

export function boxesOverlap(a: Box, b: Box, gap = 0): boolean {
  return a.left < b.right + gap && b.left < a.right + gap && a.top < b.bottom + gap && b.top < a.bottom + gap;
}

/** The box a label's text and plate take, centred on (x, y). */
export function labelBox(lines: readonly string[], x: number, y: number, fontSize: number): Box {
  const width = Math.max(0, ...lines.map((line, i) => estimateTextWidth(line, fontSize, i === 0))) + PLATE_PADDING * 2;
  const height = lines.length * fontSize * LINE_HEIGHT + PLATE_PADDING * 2;
  return { left: x - width / 2, top: y - height / 2, right: x + width / 2, bottom: y + height / 2 };
}

function numberBox(x: number, y: number): Box {
  return { left: x - NUMBER_RADIUS, top: y - NUMBER_RADIUS, right: x + NUMBER_RADIUS, bottom: y + NUMBER_RADIUS };
}

function inside(box: Box, width: number, height: number): boolean {
  return box.left >= 0 && box.top >= 0 && box.right <= width && box.bottom <= height;
}

/** Directions a number is nudged in, nearest first, when its spot is taken: right, left, down, up, diagonals. */
const DIRECTIONS: readonly [number, number][] = [
  [1, 0],
  [-1, 0],
  [0, 1],
  [0, -1],
  [1, 1],
  [-1, -1],
  [1, -1],
  [-1, 1],
];
/** How many marker widths a number may move from its district before it gives up and sits on it. */
const MAX_RINGS = 4;
const NUDGES: readonly [number, number][] = [[0, 0], ...Array.from({ length: MAX_RINGS }, (_, ring) => DIRECTIONS.map(([dx, dy]): [number, number] => [dx * (ring + 1), dy * (ring + 1)])).flat()];

/** Numbers for the districts that get no label, top to bottom then left to right, with their key text. */
export function numberInReadingOrder(items: readonly { code: string; lines: readonly string[]; x: number; y: number }[]): KeyEntry[] {
  return [...items]
    .sort((a, b) => a.y - b.y || a.x - b.x || a.code.localeCompare(b.code))
    .map((item, i) => ({ number: i + 1, code: item.code, text: item.lines.join(': ') }));
}

/**
 * Full labels where they fit, numbers elsewhere. A number is nudged off a neighbour's
 * label when it can be; numbers are given in reading order (top to bottom, then left to
 * right) so the key reads like the map.
 */
export function placeLabels(requests: readonly LabelRequest[], options: LabelOptions): LabelLayout {
  const fontSize = options.fontSize ?? 12;
  const gap = options.gap ?? 2;
  const placed: Box[] = [];
  const labels = new Map<string, PlacedLabel>();
  const numbered: LabelRequest[] = [];
  const byArea = [...requests].sort((a, b) => b.area - a.area || a.code.localeCompare(b.code));
  for (const request of byArea) {
    const box = labelBox(request.lines, request.x, request.y, fontSize);
    const fitsDistrict = (box.right - box.left) * (box.bottom - box.top) <= request.area * MAX_LABEL_SHARE;
    if (fitsDistrict && inside(box, options.width, options.height) && !placed.some((other) => boxesOverlap(box, other, gap))) {
      placed.push(box);
      labels.set(request.code, { kind: 'label', code: request.code, lines: request.lines, x: request.x, y: request.y, box });
    } else {
      numbered.push(request);
    }
  }
  // Numbered in reading order, so "1" is the top-left one.
  numbered.sort((a, b) => a.y - b.y || a.x - b.x || a.code.localeCompare(b.code));
  const key: KeyEntry[] = [];
  numbered.forEach((request, i) => {
    const number = i + 1;
    const step = NUMBER_RADIUS + gap;
    const candidates = NUDGES.map(([dx, dy]) => ({ x: request.x + dx * step, y: request.y + dy * step }));
    const clear = candidates.find(({ x, y }) => {
      const box = numberBox(x, y);
      return inside(box, options.width, options.height) && !placed.some((other) => boxesOverlap(box, other, gap));
    });
    // With nowhere clear, the number stays on its district: a number is small and the key names it.
    const { x, y } = clear ?? candidates[0] ?? { x: request.x, y: request.y };
    const box = numberBox(x, y);
    placed.push(box);
    labels.set(request.code, { kind: 'number', code: request.code, number, x, y, box });
    key.push({ number, code: request.code, text: request.lines.join(': ') });
  });
  return { labels: requests.flatMap((request) => labels.get(request.code) ?? []), key };
}
