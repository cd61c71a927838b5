/**
 * Long issue lists: capped per file and per column with counts, exported whole as CSV
 * with formula triggers neutralised, and cross-file warnings kept apart from errors.
 */
import { describe, expect, it } from 'vitest';
import type { DataIssue } from '../../../src/lib/data/issues.ts';
import { validateCsv } from '../../../src/lib/data/validate.ts';
import { crossCheck } from '../../../src/lib/workers/check-core.ts';
import { ISSUE_CSV_HEADER, issuesCsv, issuesFileName } from '../../../src/lib/workers/issue-export.ts';
import { capIssues } from '../../../src/lib/workers/protocol.ts';

const issue = (column: string | null, line: number, over: Partial<DataIssue> = {}): DataIssue => ({ severity: 'error', file: 'funding.csv', line, column, value: 'v', expected: 'e', hint: 'h', ...over });

describe('capIssues', () => {
  it('keeps the first of the list when no per-column cap is given', () => {
    const list = Array.from({ length: 10 }, (_, i) => issue('a', i));
    expect(capIssues(list, 3)).toEqual({ shown: list.slice(0, 3), total: 10 });
  });

  it.each([
    ['one noisy column does not hide the others', [...Array.from({ length: 50 }, (_, i) => issue('amount_gbp', i + 2)), issue('announced', 60), issue(null, 61)], 100, 5, { shown: 7, amount_gbp: [50, 5], announced: [1, 1], null: [1, 1] }],
    ['the file cap applies across columns', Array.from({ length: 30 }, (_, i) => issue(`c${i % 3}`, i + 2)), 10, 8, { shown: 10, c0: [10, 4], c1: [10, 3], c2: [10, 3] }],
  ])('%s', (_name, list, max, perColumn, expected) => {
    const capped = capIssues(list, max, perColumn);
    expect(capped.total).toBe(list.length);
    expect(capped.shown).toHaveLength(expected.shown);
    for (const count of capped.columns ?? []) expect([count.total, count.shown]).toEqual(expected[String(count.column) as keyof typeof expected]);
    // Shown issues keep file order.
    expect(capped.shown.map((i) => i.line)).toEqual([...capped.shown.map((i) => i.line)].sort((a, b) => a - b));
  });

  it('caps 200,000 issues in one pass', () => {
    const list = Array.from({ length: 200_000 }, (_, i) => issue(i % 2 === 0 ? 'a' : 'b', i));
    const start = performance.now();
    const capped = capIssues(list, 500, 100);
    expect(performance.now() - start).toBeLessThan(200);
    expect(capped.shown).toHaveLength(200);
  });
});

describe('issuesCsv', () => {
  it('writes every issue with a header, neutralising formula triggers', () => {
    const csv = issuesCsv([issue('note', 3, { value: '=HYPERLINK("http://x")', hint: '@SUM(1)' }), issue(null, 0, { value: null })]);
    const lines = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(ISSUE_CSV_HEADER.join(','));
    expect(lines[1]).toBe(`funding.csv,3,note,"'=HYPERLINK(""http://x"")",error,e,'@SUM(1)`);
    expect(lines[2]).toBe('funding.csv,0,,,error,e,h');
  });

  it.each([
    ['funding.csv', 'errors', 'funding-errors.csv'],
    ['Funding (2).CSV', 'warnings', 'Funding-2-warnings.csv'],
    ['funding\u202Evsc.csv', 'errors', 'funding-vsc-errors.csv'],
  ] as const)('names the download for %s', (file, kind, expected) => {
    expect(issuesFileName(file, kind)).toBe(expected);
  });
});

describe('crossCheck keeps warnings apart', () => {
  const HEADER = 'id,area_code,programme_id,component,funder,funder_type,category,amount_gbp,qualifier,stated_as,part_of,period_years,announced,source_id,new_money,note';
  it('reports an approximate sum of parts as a warning, not an error', () => {
    const rows = validateCsv('funding', [HEADER, 'w,E47000007,d,W,F,government,skills,100,about,,,,2018,s,not_stated,', 'p,E47000007,d,P,F,government,skills,60,exact,,w,,2018,s,not_stated,', 'q,E47000007,d,Q,F,government,skills,50,exact,,w,,2018,s,not_stated,'].join('\n')).rows;
    const report = crossCheck(new Map([[1, { dataset: 'funding' as const, rows }]]), {});
    expect(report.byCheck[0]?.issues.total).toBe(0);
    expect(report.byCheck[0]?.warnings?.shown).toEqual([expect.objectContaining({ severity: 'warning', line: 2, column: 'amount_gbp' })]);
  });
});
