import { describe, expect, it } from 'vitest';
import { formatCount, formatGbpPence } from '../../../src/lib/data/format.ts';
import {
  buildColourScale,
  classBreaks,
  contrastRatio,
  CONTEXT_FILL,
  CONTEXT_STROKE,
  DISTRICT_STROKE,
  MAP_BACKGROUND,
  NO_DATA_FILL,
  paletteIndices,
  roundBreak,
  SEQUENTIAL_PALETTE,
} from '../../../src/lib/map/classes.ts';

const LCR_POPULATION = [128500, 154500, 486100, 183200, 279200, 320200];

describe('buildColourScale', () => {
  it.each([
    {
      name: 'no values at all',
      values: [],
      labels: [],
      colours: [],
    },
    {
      name: 'only missing values',
      values: [null, null],
      labels: [],
      colours: [NO_DATA_FILL, NO_DATA_FILL],
    },
    {
      name: 'all values equal',
      values: [500, 500, 500],
      labels: ['500 (3)'],
      colours: [SEQUENTIAL_PALETTE[2], SEQUENTIAL_PALETTE[2], SEQUENTIAL_PALETTE[2]],
    },
    {
      name: 'one value and a missing one',
      values: [42, null],
      labels: ['42 (1)'],
      colours: [SEQUENTIAL_PALETTE[2], NO_DATA_FILL],
    },
    {
      name: 'two values',
      values: [10, 90],
      labels: ['0 to under 50 (1)', '50 to 100 (1)'],
      colours: [SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[4]],
    },
    {
      name: 'Liverpool City Region population (Census 2021)',
      values: LCR_POPULATION,
      labels: ['125,000 to under 150,000 (1)', '150,000 to under 175,000 (1)', '175,000 to under 200,000 (1)', '200,000 to under 300,000 (1)', '300,000 to 500,000 (2)'],
      colours: [SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[1], SEQUENTIAL_PALETTE[4], SEQUENTIAL_PALETTE[2], SEQUENTIAL_PALETTE[3], SEQUENTIAL_PALETTE[4]],
    },
    {
      name: 'values with gaps and ties',
      values: [1, 1, 1, null, 50, 50],
      labels: ['0 to under 50 (3)', '50 (2)'],
      colours: [SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[0], SEQUENTIAL_PALETTE[0], NO_DATA_FILL, SEQUENTIAL_PALETTE[4], SEQUENTIAL_PALETTE[4]],
    },
  ])('$name', ({ values, labels, colours }) => {
    const scale = buildColourScale(values, formatCount);
    expect(scale.classes.map((c) => `${c.label} (${c.count})`)).toEqual(labels);
    expect(values.map((v) => scale.colourOf(v))).toEqual(colours);
  });

  it('never puts a missing value in a class, and never treats it as zero', () => {
    const scale = buildColourScale([0, 5, null], formatCount);
    expect(scale.classOf(null)).toBeNull();
    expect(scale.classOf(0)).toBe(0);
  });

  it('formats legend labels with the formatter given', () => {
    const scale = buildColourScale([0.5, 3.86], formatGbpPence);
    expect(scale.classes.map((c) => c.label)).toEqual(['£0.00 to under £2.00', '£2.00 to £4.00']);
  });

  it('uses at most the palette size, and each class covers its values', () => {
    const values = Array.from({ length: 40 }, (_, i) => i * i);
    const scale = buildColourScale(values, formatCount);
    expect(scale.classes).toHaveLength(SEQUENTIAL_PALETTE.length);
    for (const value of values) {
      const found = scale.classes[scale.classOf(value) ?? -1];
      expect(found && value >= found.lower && value <= found.upper).toBe(true);
    }
  });
});

describe('classBreaks', () => {
  it.each([
    [[1, 2, 3, 4, 5, 6], 3, [2, 4]],
    [[5, 5, 5], 3, []],
    [[1, 100], 1, []],
    [[216200, 263700, 284100, 323500, 341900, 345300, 1144900], 5, [275000, 300000, 325000, 350000]],
    [[0.5, 1.5, 3.86], 3, [1, 2]],
    [[1, 1, 1, 2], 2, [2]],
  ])('%j in %i classes → %j', (values, count, breaks) => {
    expect(classBreaks(values, count)).toEqual(breaks);
  });
});

describe('legend classes have round bounds suited to the values', () => {
  it.each([
    ['Liverpool City Region population', LCR_POPULATION, formatCount],
    ['large amounts', [12_345_678, 23_456_789, 98_765_432, 45_678_901], formatCount],
    ['small counts', [3, 7, 12, 19, 28], formatCount],
    ['per-resident rates', [0.37, 1.42, 2.9, 3.86], formatGbpPence],
    ['two values closer than any round step', [71_500, 103_100, 103_150, 110_600, 117_400, 123_000, 323_700], formatCount],
  ])('%s', (_, values, format) => {
    const scale = buildColourScale(values, format);
    expect(scale.classes.length).toBeGreaterThan(1);
    const bounds = scale.classes.flatMap((c) => [c.lower, c.upper]);
    // The outer bounds are on the same grid as the breaks, not the smallest and largest value.
    for (const bound of bounds) expect(Number.isInteger(bound) || Number.isInteger(bound * 100)).toBe(true);
    const sorted = [...values].sort((a, b) => a - b);
    expect(scale.classes[0]?.lower).toBeLessThanOrEqual(sorted[0] ?? NaN);
    expect(scale.classes.at(-1)?.upper).toBeGreaterThanOrEqual(sorted.at(-1) ?? NaN);
    for (const c of scale.classes) expect(c.count).toBeGreaterThan(0);
  });

  it('handles 200,000 values without spreading them into Math.min or Math.max', () => {
    const values = Array.from({ length: 200_000 }, (_, i) => (i * 7919) % 100_003);
    const scale = buildColourScale(values, formatCount);
    expect(scale.classes).toHaveLength(SEQUENTIAL_PALETTE.length);
    expect(scale.classes.reduce((sum, c) => sum + c.count, 0)).toBe(values.length);
  });
});

describe('roundBreak', () => {
  it.each([
    [279200, 320200, 300000],
    [154500, 183200, 160000],
    [128500, 154500, 130000],
    [3.81, 3.86, 3.82],
    [0.1, 0.3, 0.2],
    [0, 0.001, 0.001],
    [7, 7, 7],
  ])('roundest number in (%d, %d] is %d', (below, above, expected) => {
    expect(roundBreak(below, above)).toBe(expected);
  });
});

describe('paletteIndices', () => {
  it.each([
    [0, []],
    [1, [2]],
    [2, [0, 4]],
    [3, [0, 2, 4]],
    [4, [0, 1, 3, 4]],
    [5, [0, 1, 2, 3, 4]],
  ])('%i classes use %j', (count, indices) => {
    expect(paletteIndices(count)).toEqual(indices);
  });
});

describe('contrast', () => {
  it('computes WCAG ratios', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#767676', '#ffffff')).toBeCloseTo(4.54, 2);
  });

  it.each(SEQUENTIAL_PALETTE.map((colour) => [colour]))('district borders stand out at 3:1 or more against %s', (colour) => {
    expect(contrastRatio(colour, DISTRICT_STROKE)).toBeGreaterThanOrEqual(3);
  });

  it('no-data fill, neighbour fill and background are all outlined at 3:1 or more', () => {
    expect(contrastRatio(NO_DATA_FILL, DISTRICT_STROKE)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(MAP_BACKGROUND, DISTRICT_STROKE)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(CONTEXT_FILL, CONTEXT_STROKE)).toBeGreaterThanOrEqual(3);
  });

  it('the palette runs light to dark, so more reads as darker', () => {
    const ratios = SEQUENTIAL_PALETTE.map((colour) => contrastRatio(colour, '#ffffff'));
    expect([...ratios].sort((a, b) => a - b)).toEqual(ratios);
  });
});
