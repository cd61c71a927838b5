/**
 * Colour classes for the choropleth. Pure: values in, classes with colours and text
 * labels out, so the legend, the map and the tests all read the same breaks.
 *
 * Breaks are quantiles of the values, moved to round numbers so the legend reads
 * "300,000" rather than "299,700". With six or seven districts, equal-interval
 * classes would put all but the largest district in one colour; quantiles keep them apart,
 * and the legend states each class's exact range so nothing is hidden.
 */
import { scaleQuantile, scaleThreshold } from 'd3-scale';

/**
 * Sequential, colour-blind-safe palette (viridis, light to dark, sampled from t = 1 to
 * 0.4). Every colour has at least 3:1 contrast with DISTRICT_STROKE, so each district's
 * edge is visible whatever its class. Neighbouring classes cannot also reach 3:1 with
 * each other (five steps of 3:1 would need a 243:1 range), so every value is also given
 * as text: on the map label, in the tooltip and in the table.
 */
export const SEQUENTIAL_PALETTE = ['#fde725', '#9bd93c', '#44bf70', '#1e9c89', '#2a788e'] as const;

/** District borders: --ink. */
export const DISTRICT_STROKE = '#1b1b1b';
/** Fill for a district with no figure: white, with hatching drawn over it by the map. */
export const NO_DATA_FILL = '#ffffff';
/** Neighbouring districts outside the region: light grey, no value. */
export const CONTEXT_FILL = '#e4e4e4';
export const CONTEXT_STROKE = '#767676';
/** The map's background where there is no basemap (sea and everything beyond the neighbours). */
export const MAP_BACKGROUND = '#f4f8fb';

export const MAX_CLASSES = SEQUENTIAL_PALETTE.length;

export interface ColourClass {
  /** Smallest value in the class (inclusive). */
  lower: number;
  /** Largest value in the class: exclusive, except for the last class, which includes it. */
  upper: number;
  colour: string;
  /** Legend text, e.g. "128,500 to under 200,000". */
  label: string;
  /** How many of the values fall in the class. */
  count: number;
}

export interface ColourScale {
  classes: ColourClass[];
  /** Class index of a value; null for a missing value. */
  classOf(value: number | null): number | null;
  colourOf(value: number | null): string;
}

/**
 * The roundest number in (below, atOrAbove]: 300,000 between 279,200 and 320,200. Used for
 * class breaks, so the break sorts the values exactly as the unrounded one would.
 */
export function roundBreak(below: number, atOrAbove: number): number {
  if (!(atOrAbove > below)) return atOrAbove;
  const top = Math.floor(Math.log10(Math.max(Math.abs(below), Math.abs(atOrAbove))));
  for (let power = top; power >= top - 15; power--) {
    // Integer arithmetic on the exponent avoids 0.30000000000000004-style noise.
    const candidate = power >= 0 ? (Math.floor(below / 10 ** power) + 1) * 10 ** power : (Math.floor(below * 10 ** -power) + 1) / 10 ** -power;
    if (candidate > below && candidate <= atOrAbove) return candidate;
  }
  return atOrAbove;
}

/** Palette indices for `count` classes, spread over the palette so few classes still differ strongly. */
export function paletteIndices(count: number, size: number = SEQUENTIAL_PALETTE.length): number[] {
  if (count <= 0) return [];
  if (count === 1) return [Math.floor((size - 1) / 2)];
  return Array.from({ length: count }, (_, i) => Math.round((i * (size - 1)) / (count - 1)));
}

/**
 * Class breaks: the quantiles of the values, each moved to the roundest number between
 * the two values either side of it. Every break lies strictly above the minimum and at or
 * below the maximum, so no class is empty.
 */
export function classBreaks(values: readonly number[], classCount: number): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined || min === max || classCount < 2) return [];
  const quantiles = scaleQuantile<number>()
    .domain(sorted)
    .range(Array.from({ length: classCount }, (_, i) => i))
    .quantiles();
  const breaks: number[] = [];
  for (const q of quantiles) {
    // When tied values sit on the quantile itself, break just above them instead.
    const below = sorted.filter((v) => v < q).pop() ?? sorted.filter((v) => v <= q).pop();
    const atOrAbove = below === undefined ? undefined : sorted.find((v) => v > below);
    if (below === undefined || atOrAbove === undefined) continue;
    breaks.push(roundBreak(below, atOrAbove));
  }
  return [...new Set(breaks)].sort((a, b) => a - b);
}

/**
 * Colour classes for the values. Missing values (null) get no class; they are drawn as
 * "no data". All-equal values make one class labelled with that value.
 */
export function buildColourScale(values: readonly (number | null)[], format: (value: number) => string, maxClasses: number = MAX_CLASSES): ColourScale {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v));
  const distinct = new Set(present).size;
  if (present.length === 0) {
    return { classes: [], classOf: () => null, colourOf: () => NO_DATA_FILL };
  }
  const min = Math.min(...present);
  const max = Math.max(...present);
  const breaks = classBreaks(present, Math.min(maxClasses, distinct));
  const bounds = [min, ...breaks, max];
  const indices = paletteIndices(breaks.length + 1);
  const threshold = scaleThreshold<number, number>()
    .domain(breaks)
    .range(indices.map((_, i) => i));
  const classOf = (value: number | null): number | null => (value === null || !Number.isFinite(value) ? null : threshold(value));
  const counts = new Array<number>(indices.length).fill(0);
  for (const value of present) {
    const index = classOf(value);
    if (index !== null) counts[index] = (counts[index] ?? 0) + 1;
  }
  const classes = indices.map((paletteIndex, i): ColourClass => {
    const lower = bounds[i] ?? min;
    const upper = bounds[i + 1] ?? max;
    const last = i === indices.length - 1;
    const label = lower === upper ? format(lower) : last ? `${format(lower)} to ${format(upper)}` : `${format(lower)} to under ${format(upper)}`;
    return { lower, upper, colour: SEQUENTIAL_PALETTE[paletteIndex] ?? SEQUENTIAL_PALETTE[0], label, count: counts[i] ?? 0 };
  });
  return {
    classes,
    classOf,
    colourOf: (value) => {
      const index = classOf(value);
      return index === null ? NO_DATA_FILL : (classes[index]?.colour ?? NO_DATA_FILL);
    },
  };
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}
