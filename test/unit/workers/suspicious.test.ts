import { describe, expect, it } from 'vitest';
import type { DatasetName } from '../../../src/lib/data/schema.ts';
import { findSuspiciousValues, median, SUSPICIOUS_FACTOR } from '../../../src/lib/workers/suspicious.ts';

const rows = (column: string, values: (number | null)[]) => values.map((value, i) => ({ _line: i + 2, [column]: value }));

describe('median', () => {
  it.each([
    [[], null],
    [[5], 5],
    [[3, 1], 2],
    [[9, 1, 5], 5],
    [[4, 1, 3, 2], 2.5],
  ])('median(%j) = %j', (values, expected) => {
    expect(median(values)).toBe(expected);
  });
});

describe('findSuspiciousValues', () => {
  it('flags an amount more than 100 times the median, with line, column, value and a hint', () => {
    const issues = findSuspiciousValues('funding', rows('amount_gbp', [1_000_000, 2_000_000, 3_000_000, 500_000_000]));
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ severity: 'warning', file: 'funding.csv', line: 5, column: 'amount_gbp', value: '500000000' });
    expect(issues[0]?.expected).toMatch(/more than 100 times the median of its 4 figures \(£2\.5m\)/);
    expect(issues[0]?.hint).toMatch(/extra zeros/);
  });

  it.each<[string, DatasetName, string, (number | null)[], number[]]>([
    ['values within range', 'funding', 'amount_gbp', [1_000_000, 20_000_000, 69_000_000, 100_000_000], []],
    ['exactly 100 times the median (not above it)', 'funding', 'amount_gbp', [1, 1, 1, 100], []],
    ['just above 100 times', 'funding', 'amount_gbp', [1, 1, 1, 101], [5]],
    ['too few values to judge', 'funding', 'amount_gbp', [1, 1_000_000], []],
    ['unquantified rows ignored', 'funding', 'amount_gbp', [null, null, 10, 10, 10, 5_000], [7]],
    ['a zero median gives no scale', 'funding', 'amount_gbp', [0, 0, 0, 50], []],
    ['counts in completions', 'completions', 'value', [100, 200, 300, 1_000_000], [5]],
    ['schools reached', 'schools_reached', 'schools_and_colleges', [30, 40, 50, 40_000], [5]],
    ['datasets without a figure', 'areas', 'population', [1, 1, 1, 1_000_000], []],
  ])('%s', (_name, dataset, column, values, flaggedLines) => {
    expect(findSuspiciousValues(dataset, rows(column, values)).map((issue) => issue.line)).toEqual(flaggedLines);
  });

  it('uses the factor it exports', () => {
    expect(SUSPICIOUS_FACTOR).toBe(100);
  });

  it('words counts without a £ sign', () => {
    const [issue] = findSuspiciousValues('completions', rows('value', [100, 200, 300, 1_000_000]));
    expect(issue?.expected).toMatch(/\(250\)/);
    expect(issue?.hint).not.toMatch(/pence/);
  });
});
