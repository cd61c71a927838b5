import { describe, expect, it } from 'vitest';
import { validateAreas } from '../../../src/lib/data/validate-areas.ts';
import { validateCsv, validateReferences } from '../../../src/lib/data/validate.ts';

const HEADER = 'area_code,area_name,short_name,area_type,parent_code,population,population_year,population_source_id,note';
type Row = [code: string, type: 'ca' | 'la', parent: string, population: number];

function areas(...rows: Row[]) {
  const lines = rows.map(([code, type, parent, population]) => `${code},${code},${code},${type === 'ca' ? 'combined_authority' : 'local_authority'},${parent},${population},2021,src,`);
  const { rows: parsed, errors } = validateCsv('areas', [HEADER, ...lines].join('\n'));
  expect(errors).toEqual([]);
  return parsed;
}

const CA: Row = ['E47000001', 'ca', '', 300];
const GOOD: Row[] = [CA, ['E08000001', 'la', 'E47000001', 100], ['E08000002', 'la', 'E47000001', 200]];

describe('validateAreas', () => {
  it('accepts combined authorities whose population is the sum of their districts', () => {
    expect(validateAreas(areas(...GOOD))).toEqual([]);
  });

  it('accepts a combined authority listed without districts (nothing to add up)', () => {
    expect(validateAreas(areas(['E47000002', 'ca', '', 999]))).toEqual([]);
  });

  it.each<[string, Row[], { line: number; column: string; expected: RegExp }[]]>([
    ['a population that differs from its districts’ sum, naming both figures', [['E47000001', 'ca', '', 301], ...GOOD.slice(1)], [{ line: 2, column: 'population', expected: /sum of its 2 districts listed in areas\.csv, 300 \(this row says 301\)/ }]],
    ['a district whose parent is itself', [CA, ['E08000001', 'la', 'E08000001', 300]], [{ line: 3, column: 'parent_code', expected: /not the district’s own code/ }]],
    [
      'two districts that are each other’s parent',
      [CA, ['E08000001', 'la', 'E08000002', 100], ['E08000002', 'la', 'E08000001', 200]],
      [
        { line: 3, column: 'parent_code', expected: /loops back/ },
        { line: 4, column: 'parent_code', expected: /loops back/ },
      ],
    ],
    [
      'a combined authority under another combined authority',
      [CA, ['E47000002', 'ca', 'E47000001', 300]],
      [{ line: 3, column: 'parent_code', expected: /a blank parent_code/ }],
    ],
    [
      'a district under a district',
      [...GOOD, ['E08000003', 'la', 'E08000001', 50]],
      [{ line: 5, column: 'parent_code', expected: /combined authority \(E08000001 is a local_authority on line 3\)/ }],
    ],
    ['a district with no parent', [CA, ['E08000001', 'la', '', 300]], [{ line: 3, column: 'parent_code', expected: /combined authority this district belongs to/ }]],
  ])('flags %s', (_name, rows, expected) => {
    const issues = validateAreas(areas(...rows));
    expect(issues).toHaveLength(expected.length);
    expected.forEach((want, i) => {
      expect(issues[i]).toMatchObject({ severity: 'error', file: 'areas.csv', line: want.line, column: want.column });
      expect(issues[i]?.expected).toMatch(want.expected);
    });
  });

  it('walks a long chain of parents in linear time without recursion', () => {
    const rows: Row[] = [['E47000001', 'ca', '', 0], ...Array.from({ length: 20_000 }, (_, i): Row => [`E08${String(i).padStart(6, '0')}`, 'la', i === 0 ? 'E47000001' : `E08${String(i - 1).padStart(6, '0')}`, 0])];
    const started = performance.now();
    const issues = validateAreas(areas(...rows));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(issues).toHaveLength(19_999);
  });

  it('is run by validateReferences, so check:data and the browser report it', () => {
    const issues = validateReferences({ areas: areas(['E47000001', 'ca', '', 1], ...GOOD.slice(1)) });
    expect(issues).toEqual([expect.objectContaining({ file: 'areas.csv', line: 2, column: 'population', value: '1' })]);
  });
});

describe('population_year', () => {
  it.each([
    ['0', false],
    ['21', false],
    ['1800', false],
    ['1801', true],
    ['2021', true],
    ['2101', false],
  ])('%s is %s', (year, valid) => {
    const { errors } = validateCsv('areas', `${HEADER}\nE47000001,A,A,combined_authority,,1,${year},src,`);
    expect(errors.length === 0).toBe(valid);
    if (!valid) expect(errors[0]).toMatchObject({ line: 2, column: 'population_year' });
  });
});
