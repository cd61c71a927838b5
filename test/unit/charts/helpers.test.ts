import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { partialDateToDate, partialDateYear } from '../../../src/lib/charts/dates.ts';
import { formatMoney } from '../../../src/lib/charts/figures.ts';
import { formatList } from '../../../src/lib/data/format.ts';
import { contrastRatio, FUNDER_COLOUR, INK, OKABE_ITO, PANEL, PAPER, RELATION_STYLE, SERIES_COLOUR, MUTED } from '../../../src/lib/charts/palette.ts';
import { swatchShapes } from '../../../src/lib/charts/swatch.ts';
import type { SwatchStyle } from '../../../src/lib/charts/types.ts';
import { layoutRows } from '../../../src/lib/charts/rows.ts';
import { estimateTextWidth, wrapText } from '../../../src/lib/charts/text.ts';

describe('palette', () => {
  const used = [...Object.values(OKABE_ITO), ...Object.values(FUNDER_COLOUR), ...Object.values(RELATION_STYLE).map((s) => s.colour), SERIES_COLOUR, MUTED];
  it.each(used)('%s has at least 3:1 contrast on white', (colour) => {
    expect(contrastRatio(colour, '#ffffff')).toBeGreaterThanOrEqual(3);
  });
  it('gives each relation its own shape, so colour is not the only cue', () => {
    const symbols = Object.values(RELATION_STYLE).map((s) => s.symbol);
    expect(new Set(symbols).size).toBe(symbols.length);
  });
  it.each([['#fff'], ['blue'], ['#12345g']])('rejects %s', (bad) => {
    expect(() => contrastRatio(bad, '#ffffff')).toThrow();
  });
  const css = readFileSync(new URL('../../../src/styles/global.css', import.meta.url), 'utf8');
  it.each([
    ['--ink', INK],
    ['--muted', MUTED],
    ['--paper', PAPER],
    ['--panel', PANEL],
  ])('matches the site token %s', (token, colour) => {
    expect(new RegExp(`${token}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1]?.toLowerCase()).toBe(colour.toLowerCase());
  });
});

describe('swatchShapes', () => {
  const styles: SwatchStyle[] = [
    { kind: 'bar', colour: INK },
    { kind: 'ceiling', colour: INK },
    { kind: 'planned', colour: INK },
    { kind: 'line', colour: INK, dashed: true, hollowEnd: true },
    ...(['circle', 'hollow-circle', 'triangle', 'star', 'square', 'diamond', 'hollow-diamond'] as const).map((symbol): SwatchStyle => ({ kind: 'symbol', colour: INK, symbol })),
  ];
  it.each(styles.map((style) => [`${style.kind}${'symbol' in style ? ` ${style.symbol}` : ''}`, style] as const))('draws %s in its colour', (_name, style) => {
    const shapes = swatchShapes(style);
    expect(shapes.length).toBeGreaterThan(0);
    expect(shapes.some((shape) => shape.attributes.fill === INK || shape.attributes.stroke === INK)).toBe(true);
  });
  it('draws hollow symbols and expectations on paper, not filled', () => {
    expect(swatchShapes({ kind: 'symbol', colour: INK, symbol: 'hollow-diamond' })[0]?.attributes.fill).toBe(PAPER);
    expect(swatchShapes({ kind: 'line', colour: INK, dashed: true })).toHaveLength(1);
  });
});

describe('formatMoney', () => {
  it.each([
    [69_000_000, 'up_to', 'gbp', 'up to £69m'],
    [69_000_000 / 2_919_600, 'up_to', 'gbp_pence', 'up to £23.63'],
    [0.1456, 'exact', 'gbp_pence', '£0.15'],
    [4.5, 'more_than', 'gbp_pence', '£4.50+'],
  ] as const)('%s %s %s → %s', (value, qualifier, unit, text) => {
    expect(formatMoney(value, qualifier, unit).text).toBe(text);
  });
});

describe('text layout', () => {
  it('wraps to the width and keeps every word', () => {
    const text = 'Sales, marketing and procurement bootcamps for adults';
    const lines = wrapText(text, 100, 12);
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.join(' ')).toBe(text);
    for (const line of lines.filter((l) => l.includes(' '))) expect(estimateTextWidth(line, 12)).toBeLessThanOrEqual(100);
  });
  it.each([[''], ['   ']])('gives one empty line for %j', (text) => {
    expect(wrapText(text, 100, 12)).toEqual(['']);
  });
  it('keeps a word longer than the line whole', () => {
    expect(wrapText('Supercalifragilistic', 20, 12)).toEqual(['Supercalifragilistic']);
  });
});

describe('layoutRows', () => {
  const group = (key: string) => ({ key, rows: [{ id: `${key}-h`, kind: 'heading' as const, label: key, detail: null, bar: null, marker: null }, { id: `${key}-b`, kind: 'bar' as const, label: 'A bar', detail: 'detail', bar: { value: 1, style: 'solid' as const, colour: '#000000' }, marker: null }] });
  it('stacks groups on a phone and sets them side by side when there is room', () => {
    expect(layoutRows([group('a'), group('b')], 320).columns).toBe(1);
    expect(layoutRows([group('a'), group('b')], 1200).columns).toBe(2);
  });
  it('never overlaps rows within a group', () => {
    const { rows } = layoutRows([group('a'), group('b')], 320);
    for (let i = 1; i < rows.length; i++) expect(rows[i]?.labelY ?? 0).toBeGreaterThan(rows[i - 1]?.labelY ?? 0);
  });
  it('lays out a group of 130,000 rows without spreading them into a call (stack overflow)', () => {
    const many = { key: 'big', rows: Array.from({ length: 130_000 }, (_, i) => ({ id: `r${i}`, kind: 'listed' as const, label: 'x', detail: null, bar: null, marker: null })) };
    expect(layoutRows([many], 320).rows).toHaveLength(130_000);
  });
});

describe('partial dates', () => {
  it.each([
    ['2020', Date.UTC(2020, 0, 1), 2020],
    ['2024-03', Date.UTC(2024, 2, 1), 2024],
    ['2018-07-18', Date.UTC(2018, 6, 18), 2018],
  ])('%s', (iso, time, year) => {
    expect(partialDateToDate(iso)?.getTime()).toBe(time);
    expect(partialDateYear(iso)).toBe(year);
  });
  it.each([['March 2024'], [''], ['24-03']])('rejects %j', (iso) => {
    expect(partialDateToDate(iso)).toBeNull();
  });
});

describe('formatList', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ])('%o → %s', (items, text) => {
    expect(formatList(items)).toBe(text);
  });
});
