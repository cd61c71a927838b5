/**
 * Colour classes for the choropleth. Pure: values in, classes with colours and text
 * labels out, so the legend, the map and the tests all read the same breaks.
 *
 * Breaks start from quantiles of the values: with six or seven districts, equal-interval
 * classes would put all but the largest district in one colour, while quantiles keep them
 * apart. Each break then moves to a number on one "nice" grid (steps of 1, 2, 2.5 or 5
 * times a power of ten), and the first and last classes widen to that grid,
 * so the legend reads "125,000 to under 150,000", never "128,500 to under 130,000".
 */
import { bisectLeft, bisectRight, extent, quantileSorted } from 'd3-array';

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
  /** Legend text, e.g. "125,000 to under 150,000". */
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
 * The roundest number in (below, atOrAbove]: 300,000 between 279,200 and 320,200. The
 * fallback when no common grid fits a break (see niceClasses).
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
 * A grid of round numbers. A positive increment is the step itself (25,000); a negative
 * one is its inverse (-40 is a step of 0.025), as in d3's tickIncrement, so grid points
 * are computed without floating-point noise.
 */
type Increment = number;
const EPSILON = 1e-9;
const gridValue = (inc: Increment, i: number) => (inc > 0 ? i * inc : i / -inc);
const gridIndex = (inc: Increment, value: number) => (inc > 0 ? value / inc : value * -inc);
/** Round steps within a power of ten, coarsest first: 5, 2.5, 2 and 1 × 10ⁿ (2.5 only from 25 up, where it stays a whole number). */
const STEP_FACTORS = [5, 2.5, 2, 1] as const;

/** Grid increments from about the whole range down to `finest`, coarsest first. */
function increments(range: number, finest: number): Increment[] {
  const found: Increment[] = [];
  for (let power = Math.floor(Math.log10(range)); power >= -15; power--) {
    for (const factor of STEP_FACTORS) {
      const step = factor * 10 ** power;
      if (step > range || (factor === 2.5 && power < 1)) continue;
      if (step < finest) return found;
      // Below 1 the inverse is a whole number (0.25 → 4), so store that instead.
      found.push(power >= 0 ? factor * 10 ** power : -Math.round(10 ** -power / factor));
    }
  }
  return found;
}

/** How round a number is: the largest power of ten it is a whole multiple of (0 counts as roundest). */
function roundness(value: number): number {
  if (value === 0) return Infinity;
  for (let power = Math.floor(Math.log10(Math.abs(value))); power >= -15; power--) {
    const scaled = value / 10 ** power;
    if (Math.abs(scaled - Math.round(scaled)) < EPSILON * Math.abs(scaled)) return power;
  }
  return -Infinity;
}

interface Gap {
  /** The largest value below the break and the smallest at or above it. */
  below: number;
  atOrAbove: number;
  /** The quantile the break stands for. */
  quantile: number;
}

/** The roundest grid point in (below, atOrAbove], nearest the quantile among equals; null when none. */
function gridPointIn(inc: Increment, { below, atOrAbove, quantile }: Gap): number | null {
  const first = Math.floor(gridIndex(inc, below) + EPSILON) + 1;
  const last = Math.floor(gridIndex(inc, atOrAbove) + EPSILON);
  let best: number | null = null;
  let bestRoundness = -Infinity;
  // A gap wider than a few hundred grid steps belongs to a coarser grid, tried first.
  for (let i = first; i <= last && i < first + 500; i++) {
    const value = gridValue(inc, i);
    if (value <= below || value > atOrAbove) continue;
    const r = roundness(value);
    if (r > bestRoundness || (r === bestRoundness && best !== null && Math.abs(value - quantile) < Math.abs(best - quantile))) {
      best = value;
      bestRoundness = r;
    }
  }
  return best;
}

/** Where the quantile breaks fall between the sorted values; ties on a quantile break just above them. */
function quantileGaps(sorted: number[], classCount: number): Gap[] {
  const gaps: Gap[] = [];
  for (let i = 1; i < classCount; i++) {
    const quantile = quantileSorted(sorted, i / classCount);
    if (quantile === undefined) continue;
    const at = bisectRight(sorted, quantile);
    // The largest value strictly below the quantile, or (when tied values sit on it) the quantile itself.
    const firstAtOrAbove = sorted.findIndex((v) => v >= quantile);
    const below = firstAtOrAbove > 0 ? sorted[firstAtOrAbove - 1] : sorted[at - 1];
    const belowValue = below !== undefined && below < quantile ? below : quantile;
    const atOrAbove = sorted[bisectRight(sorted, belowValue)];
    if (atOrAbove === undefined) continue;
    gaps.push({ below: belowValue, atOrAbove, quantile });
  }
  return gaps;
}

/** The grid point nearest a quantile, when it lies above the minimum and at or below the maximum. */
function nearestGridPoint(inc: Increment, quantile: number, min: number, max: number): number | null {
  const value = gridValue(inc, Math.round(gridIndex(inc, quantile)));
  return value > min && value <= max ? value : null;
}

/** The breaks, ascending and distinct, leaving out any that would make an empty class. */
function separating(sorted: number[], candidates: number[]): number[] {
  const kept: number[] = [];
  for (const candidate of [...new Set(candidates)].sort((a, b) => a - b)) {
    const from = kept[kept.length - 1] ?? -Infinity;
    // The class below the candidate, [from, candidate), must hold a value.
    if (bisectLeft(sorted, candidate) > bisectLeft(sorted, from)) kept.push(candidate);
  }
  return kept;
}

export interface NiceClasses {
  /** Inner breaks, ascending: a value equal to a break belongs to the class above it. */
  breaks: number[];
  /** The first class's lower bound and the last class's (inclusive) upper bound. */
  lower: number;
  upper: number;
}

/**
 * Class breaks and bounds for sorted values: quantile breaks placed on the coarsest round
 * grid that keeps every class apart (trying finer grids while a break has no grid point
 * between its two values), with the outer bounds widened to the same grid. Where values
 * sit closer than any round step, that break moves to the grid point nearest its
 * quantile (a break that would leave a class empty is dropped), so legends never read
 * "103,100 to under 103,200". Every break
 * lies strictly above the minimum and at or below the maximum, so no class is empty.
 */
export function niceClasses(sorted: number[], classCount: number): NiceClasses {
  const min = sorted[0];
  const max = sorted[sorted.length - 1];
  if (min === undefined || max === undefined) return { breaks: [], lower: NaN, upper: NaN };
  if (min === max || classCount < 2) return { breaks: [], lower: min, upper: max };
  const gaps = quantileGaps(sorted, classCount);
  const wanted = new Set(gaps.map((g) => g.below)).size;
  let best: { inc: Increment; breaks: number[] } | null = null;
  // Finer than this, a grid is no rounder than the values themselves; whole numbers get whole-number breaks.
  const finest = Math.max((max - min) / (classCount * 64), sorted.every(Number.isInteger) ? 1 : 0);
  for (const inc of increments(max - min, finest)) {
    const breaks = separating(
      sorted,
      gaps.flatMap((gap) => gridPointIn(inc, gap) ?? nearestGridPoint(inc, gap.quantile, min, max) ?? []),
    );
    if (!best || breaks.length > best.breaks.length) best = { inc, breaks };
    if (breaks.length >= wanted) break;
  }
  if (!best || best.breaks.length === 0) {
    // No round grid fits any break (values packed closer than any tried step): round each break on its own.
    const breaks = [...new Set(gaps.map((g) => roundBreak(g.below, g.atOrAbove)))].sort((a, b) => a - b);
    return { breaks, lower: min, upper: max };
  }
  const { inc, breaks } = best;
  const lower = gridValue(inc, Math.floor(gridIndex(inc, min) + EPSILON));
  const upper = gridValue(inc, Math.ceil(gridIndex(inc, max) - EPSILON));
  return { breaks, lower: Math.min(lower, min), upper: Math.max(upper, max) };
}

/** The inner class breaks for some values (see niceClasses). */
export function classBreaks(values: readonly number[], classCount: number): number[] {
  return niceClasses([...values].sort((a, b) => a - b), classCount).breaks;
}

/**
 * Colour classes for the values. Missing values (null) get no class; they are drawn as
 * "no data". All-equal values make one class labelled with that value.
 */
export function buildColourScale(values: readonly (number | null)[], format: (value: number) => string, maxClasses: number = MAX_CLASSES): ColourScale {
  const present = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (present.length === 0) {
    return { classes: [], classOf: () => null, colourOf: () => NO_DATA_FILL };
  }
  let distinct = 1;
  for (let i = 1; i < present.length; i++) if (present[i] !== present[i - 1]) distinct++;
  const { breaks, lower, upper } = niceClasses(present, Math.min(maxClasses, distinct));
  const bounds = [lower, ...breaks, upper];
  const indices = paletteIndices(breaks.length + 1);
  const classOf = (value: number | null): number | null => (value === null || !Number.isFinite(value) ? null : bisectRight(breaks, value));
  const counts = new Array<number>(indices.length).fill(0);
  for (const value of present) {
    const index = classOf(value);
    if (index !== null) counts[index] = (counts[index] ?? 0) + 1;
  }
  const classes = indices.map((paletteIndex, i): ColourClass => {
    const from = bounds[i] ?? lower;
    const to = bounds[i + 1] ?? upper;
    const last = i === indices.length - 1;
    const label = from === to ? format(from) : last ? `${format(from)} to ${format(to)}` : `${format(from)} to under ${format(to)}`;
    return { lower: from, upper: to, colour: SEQUENTIAL_PALETTE[paletteIndex] ?? SEQUENTIAL_PALETTE[0], label, count: counts[i] ?? 0 };
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

/** [smallest, largest] of some values without spreading them into Math.min/max (which overflows the stack on large arrays). */
export function valueExtent(values: Iterable<number>): [number, number] | null {
  const [min, max] = extent(values);
  return min === undefined || max === undefined ? null : [min, max];
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
