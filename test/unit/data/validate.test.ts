import { describe, expect, it } from 'vitest';
import { describeIssue } from '../../../src/lib/data/issues.ts';
import { assembleDatasets, validateCsv, validateReferences } from '../../../src/lib/data/validate.ts';

const FUNDING_HEADER = 'id,area_code,programme_id,component,funder,funder_type,category,amount_gbp,qualifier,stated_as,part_of,period_years,announced,source_id,new_money,note';
const fundingRow = (overrides: Partial<Record<string, string>> = {}) => {
  const row: Record<string, string> = {
    id: 'line-1', area_code: 'E47000007', programme_id: 'deal', component: 'Pilot', funder: 'DfE', funder_type: 'government', category: 'skills',
    amount_gbp: '5000000', qualifier: 'up_to', stated_as: '', part_of: '', period_years: '', announced: '2018-07-18', source_id: 'src', new_money: 'not_stated', note: '',
    ...overrides,
  };
  return FUNDING_HEADER.split(',').map((c) => (row[c]?.includes(',') ? `"${row[c]}"` : row[c])).join(',');
};
const funding = (...rows: string[]) => [FUNDING_HEADER, ...rows].join('\n');

describe('validateCsv: funding', () => {
  it('accepts a valid row and types it', () => {
    const result = validateCsv('funding', funding(fundingRow({ amount_gbp: '1,130,000', period_years: '5' })));
    expect(result.errors).toEqual([]);
    expect(result.rows[0]).toMatchObject({ id: 'line-1', amount_gbp: 1130000, period_years: 5, part_of: null, stated_as: null, _line: 2 });
  });

  it.each([
    ['money with £ and m', { amount_gbp: '£11.2m' }, 'amount_gbp', /no currency sign/],
    ['a percentage', { amount_gbp: '12%' }, 'amount_gbp', /percentage/],
    ['a negative amount', { amount_gbp: '-5' }, 'amount_gbp', /zero or more/],
    ['an absurd amount', { amount_gbp: '999999999999999' }, 'amount_gbp', /no larger than/],
    ['dd/mm/yyyy', { announced: '18/07/2018' }, 'announced', /ISO date/],
    ['an unknown qualifier', { qualifier: 'roughly' }, 'qualifier', /one of: exact/],
    ['a lower-case code', { area_code: 'e47000007' }, 'area_code', /capitals/],
    ['a missing id', { id: '' }, 'id', /required/],
    ['a number with unquantified', { qualifier: 'unquantified' }, 'amount_gbp', /blank cell/],
    ['no number with up_to', { amount_gbp: '' }, 'amount_gbp', /a number, because/],
    ['Windows-1252 text read as UTF-8', { component: 'Caf\uFFFD' }, 'component', /UTF-8/],
  ])('rejects %s with file, line, column and value', (_name, overrides, column, expected) => {
    const result = validateCsv('funding', funding(fundingRow(), fundingRow({ id: 'line-2', ...overrides })));
    expect(result.rows.map((r) => r.id)).toEqual(['line-1']);
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]).toMatchObject({ file: 'funding.csv', line: 3, column, severity: 'error' });
    expect(result.errors[0]?.expected).toMatch(expected);
  });

  it('reports a ragged row', () => {
    const result = validateCsv('funding', funding(fundingRow(), 'a,b,c'));
    expect(result.errors[0]).toMatchObject({ line: 3, column: null, expected: expect.stringMatching(/16 cells.*found 3/) });
  });

  it('reports duplicate ids with the first line', () => {
    const result = validateCsv('funding', funding(fundingRow(), fundingRow()));
    expect(result.errors[0]).toMatchObject({ line: 3, column: 'id', expected: 'a unique id (already used on line 2)' });
  });

  it('reports missing columns and warns about unknown ones', () => {
    const result = validateCsv('funding', 'id,area_code,extra\nx,E47000007,1');
    expect(result.errors.map((e) => e.column)).toContain('amount_gbp');
    expect(result.warnings).toEqual([expect.objectContaining({ column: 'extra', severity: 'warning' })]);
    expect(result.rows).toEqual([]);
  });

  it('reports an empty file and a header-only file differently', () => {
    expect(validateCsv('funding', '').errors[0]).toMatchObject({ line: 0, hint: 'The file is empty.' });
    expect(validateCsv('funding', FUNDING_HEADER)).toEqual({ rows: [], errors: [], warnings: [] });
  });

  it('describes an issue in one actionable line', () => {
    const [issue] = validateCsv('funding', funding(fundingRow({ amount_gbp: '£11.2m' }))).errors;
    expect(issue && describeIssue(issue)).toBe(
      'funding.csv, line 2, column amount_gbp: "£11.2m" expected a whole number with no currency sign or abbreviation. Write 11200000.',
    );
  });
});

describe('validateReferences', () => {
  const sources = validateCsv('sources', 'source_id,title,publisher,published,url,note\nsrc,T,P,2018,,').rows;
  const areas = validateCsv(
    'areas',
    'area_code,area_name,short_name,area_type,parent_code,population,population_year,population_source_id,note\nE47000007,WMCA,WM,combined_authority,,100,2021,src,',
  ).rows;

  it.each([
    ['an unknown area code', { area_code: 'E47000099' }, 'area_code', /area_code listed in areas.csv/],
    ['an unknown source id', { source_id: 'nope' }, 'source_id', /source_id listed in sources.csv/],
    ['a part larger than its whole', { id: 'part', part_of: 'line-1', amount_gbp: '9000000' }, 'amount_gbp', /no more than the line it is part of/],
    ['a part_of that does not exist', { id: 'part', part_of: 'ghost' }, 'part_of', /id listed in funding.csv/],
  ])('flags %s', (_name, overrides, column, expected) => {
    const fundingRows = validateCsv('funding', funding(fundingRow(), fundingRow({ id: 'line-2', ...overrides }))).rows;
    const issues = validateReferences({ sources, areas, funding: fundingRows });
    expect(issues).toEqual([expect.objectContaining({ file: 'funding.csv', line: 3, column })]);
    expect(issues[0]?.expected).toMatch(expected);
  });

  it('flags a part_of loop', () => {
    const rows = validateCsv('funding', funding(fundingRow({ id: 'a', part_of: 'b' }), fundingRow({ id: 'b', part_of: 'a' }))).rows;
    expect(validateReferences({ funding: rows }).filter((i) => /loops/.test(i.expected))).toHaveLength(2);
  });

  it('skips checks against datasets that are not available', () => {
    const rows = validateCsv('funding', funding(fundingRow())).rows;
    expect(validateReferences({ funding: rows })).toEqual([]);
  });
});

describe('assembleDatasets', () => {
  it('leaves out a broken file whole and keeps the rest', () => {
    const result = assembleDatasets({
      sources: { text: 'source_id,title,publisher,published,url,note\nsrc,T,P,2018,,' },
      funding: { text: funding(fundingRow(), fundingRow({ id: 'bad', amount_gbp: '£1m' })) },
      completions: { readError: 'The server answered 404 Not Found for completions.csv.' },
    });
    expect(Object.keys(result.data)).toEqual(['sources']);
    expect(result.reports.map((r) => [r.file, r.status])).toEqual([
      ['sources.csv', 'ok'],
      ['funding.csv', 'broken'],
      ['completions.csv', 'missing'],
    ]);
  });

  it('leaves out a file whose references are broken', () => {
    const result = assembleDatasets({
      sources: { text: 'source_id,title,publisher,published,url,note\nsrc,T,P,2018,,' },
      funding: { text: funding(fundingRow({ source_id: 'missing-source' })) },
    });
    expect(result.data.funding).toBeUndefined();
    expect(result.reports.find((r) => r.file === 'funding.csv')?.errors[0]?.column).toBe('source_id');
  });
});
