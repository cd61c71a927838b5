import { describe, expect, it } from 'vitest';
import { capitalise, countOf, formatCount, formatFigure, formatGbp, formatGbpPence, formatPartialDate, plural } from '../../../src/lib/data/format.ts';

describe('formatGbp', () => {
  it.each([
    [11_200_000, '£11.2m'],
    [1_130_000, '£1.13m'],
    [160_000_000, '£160m'],
    [69_000_000, '£69m'],
    [1_500_000_000, '£1.5bn'],
    [450_000, '£450,000'],
    [1_234_567, '£1,234,567'],
    [0, '£0'],
  ])('%d → %s', (amount, text) => {
    expect(formatGbp(amount)).toBe(text);
  });
});

describe('formatFigure honours qualifiers', () => {
  it.each([
    [5_000_000, 'up_to', 'gbp', null, 'up to £5m', 'up to £5m', true],
    [4000, 'more_than', 'count', null, '4,000+', 'more than 4,000', true],
    [4000, 'about', 'count', null, 'about 4,000', 'about 4,000', true],
    [6500, 'exact', 'count', null, '6,500', '6,500', true],
    [null, 'unquantified', 'gbp', null, 'Not quantified', 'not quantified: no figure published', false],
    [null, 'unquantified', 'count', 'hundreds', 'Hundreds', 'hundreds (no exact figure published)', false],
    [null, 'unquantified', 'gbp', 'multi-million', 'Multi-million', 'multi-million (no exact figure published)', false],
    [69_000_000 / 2_919_600, 'up_to', 'gbp_pence', null, 'up to £23.63', 'up to £23.63', true],
    [0.387, 'exact', 'gbp_pence', null, '£0.39', '£0.39', true],
  ] as const)('%s %s %s', (value, qualifier, unit, statedAs, text, long, quantified) => {
    expect(formatFigure(value, qualifier, unit, statedAs)).toEqual({ text, long, quantified });
  });

  it('never renders an unquantified figure as zero', () => {
    expect(formatFigure(null, 'unquantified', 'gbp').text).not.toMatch(/0/);
  });
});

describe('dates and small numbers', () => {
  it.each([
    ['2024', '2024'],
    ['2024-03', 'March 2024'],
    ['2018-07-18', '18 July 2018'],
    ['2019-01', 'January 2019'],
  ])('%s → %s', (iso, text) => {
    expect(formatPartialDate(iso)).toBe(text);
  });
  it('formats counts and pence en-GB', () => {
    expect(formatCount(1551700)).toBe('1,551,700');
    expect(formatGbpPence(23.633)).toBe('£23.63');
  });
});

describe('words around counts and lists', () => {
  it.each([
    [0, 'lines'],
    [1, 'line'],
    [2, 'lines'],
    [1.5, 'lines'],
  ])('plural(%d) → %s', (count, word) => {
    expect(plural(count, 'line', 'lines')).toBe(word);
  });
  it.each([
    [1, '1 school'],
    [4000, '4,000 schools'],
  ])('countOf(%d) → %s', (count, text) => {
    expect(countOf(count, 'school', 'schools')).toBe(text);
  });
  it.each([
    ['up to £5m', 'Up to £5m'],
    ['', ''],
    ['£5m', '£5m'],
  ])('capitalise(%s) → %s', (text, expected) => {
    expect(capitalise(text)).toBe(expected);
  });
});
