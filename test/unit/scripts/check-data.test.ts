/**
 * The check:data report is data too: no cell can put a control character or a line break
 * on the terminal, and a file with 100,000 bad columns prints a report of a few hundred lines.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_LINE_CHARS, parseArgs, reportLines, terminalLine } from '../../../scripts/check-data.ts';
import type { DataIssue } from '../../../src/lib/data/issues.ts';
import { SCHEMA } from '../../../src/lib/data/schema.ts';
import { assembleDatasets, type FileReport } from '../../../src/lib/data/validate.ts';
import { MAX_ISSUES_PER_COLUMN, MAX_ISSUES_SENT } from '../../../src/lib/workers/protocol.ts';

// eslint-disable-next-line no-control-regex -- control characters are what is checked
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

const issue = (over: Partial<DataIssue> = {}): DataIssue => ({ severity: 'error', file: 'funding.csv', line: 2, column: 'amount_gbp', value: 'x', expected: 'a whole number', hint: 'h', ...over });
const report = (errors: DataIssue[], warnings: DataIssue[] = []): FileReport => ({ dataset: 'funding', file: 'funding.csv', status: errors.length > 0 ? 'broken' : 'ok', rowCount: 0, errors, warnings });

describe('check:data output', () => {
  it.each([
    ['an ESC sequence that clears the line', '\u001B[2K\r'],
    ['a forged success line', '\n✓ funding.csv: ok'],
    ['a C1 control sequence introducer', '\u009B2J'],
    ['a right-to-left override', '\u202E'],
    ['a bell and a backspace', '\u0007\u0008'],
  ])('escapes %s in a value', (_name, payload) => {
    const { lines } = reportLines([report([issue({ value: `5${payload}` })])], '/data');
    for (const line of lines) expect(line).not.toMatch(CONTROL);
    expect(lines.filter((line) => line.startsWith('✓'))).toEqual([]);
    expect(lines[1]).toContain('⟨U+');
  });

  it('never prints a control character or a second line, whatever the issue holds (property)', () => {
    const text = fc.string({ unit: 'binary', maxLength: 40 });
    fc.assert(
      fc.property(text, text, fc.option(text, { nil: undefined }), fc.option(text, { nil: null }), (value, expected, hint, column) => {
        const { lines } = reportLines([report([issue({ value, expected, hint, column })])], '/data');
        for (const line of lines) expect(line).not.toMatch(CONTROL);
        expect(lines).toHaveLength(4);
      }),
    );
  });

  it('cuts long values and lines', () => {
    const { lines } = reportLines([report([issue({ value: 'x'.repeat(100_000) })])], '/data');
    expect(lines[1]?.length).toBeLessThan(400);
    expect(lines[1]).toContain('(100,000 characters)');
    expect(terminalLine('y'.repeat(10_000)).length).toBeLessThan(MAX_LINE_CHARS + 40);
  });

  it('lists at most the browser cap per file and per column, and counts the rest', () => {
    const many = [
      ...Array.from({ length: 5000 }, (_, i) => issue({ line: i + 2 })),
      ...Array.from({ length: 3 }, (_, i) => issue({ line: i + 2, column: 'announced' })),
    ];
    const { lines, errorCount } = reportLines([report(many)], '/data');
    expect(errorCount).toBe(5003);
    expect(lines.filter((line) => line.includes('column amount_gbp'))).toHaveLength(MAX_ISSUES_PER_COLUMN);
    expect(lines.filter((line) => line.includes('column announced'))).toHaveLength(3);
    expect(lines).toContain(`  … ${(5000 - MAX_ISSUES_PER_COLUMN).toLocaleString('en-GB')} more errors not listed (amount_gbp: 4,900). Run with --all to list every one.`);
    expect(reportLines([report(many)], '/data', true).lines.length).toBeGreaterThan(5003);
    // --all with more issues than push() takes arguments.
    const huge = Array.from({ length: 200_000 }, (_, i) => issue({ line: i + 2 }));
    expect(reportLines([report(huge)], '/data', true).lines.length).toBe(200_003);
  });

  it('prints a short report for a file with 100,000 unknown columns', () => {
    const header = [...Object.keys(SCHEMA.funding.columns), ...Array.from({ length: 100_000 }, (_, i) => `extra_${i}`)];
    const { reports } = assembleDatasets({ funding: { text: `${header.join(',')}\n` } });
    const { lines } = reportLines(reports, '/data');
    expect(lines.length).toBeLessThan(MAX_ISSUES_SENT + 10);
    expect(lines.join('\n').length).toBeLessThan(500_000);
  });
});

describe('check:data --file', () => {
  const has = (_dir: string, relative: string) => relative === 'indicators/apprenticeships.csv';
  it.each([
    [[], { dir: 'public/data', all: false, changed: null }],
    [['my/data', '--all'], { dir: 'my/data', all: true, changed: null }],
    [['--file', 'my/funding.csv'], { dir: 'public/data', all: false, changed: { path: 'my/funding.csv', replaces: 'funding.csv' } }],
    [['--file', 'new.csv', '--as', 'completions', 'pub'], { dir: 'pub', all: false, changed: { path: 'new.csv', replaces: 'completions.csv' } }],
    [['--file', 'x/apprenticeships.csv'], { dir: 'public/data', all: false, changed: { path: 'x/apprenticeships.csv', replaces: 'indicators/apprenticeships.csv' } }],
  ])('%j', (args, expected) => {
    expect(parseArgs(args, has)).toEqual(expected);
  });

  it.each([
    [['--file'], 'Write the changed file after --file'],
    [['--file', 'other.csv'], 'or add --as <dataset>'],
    [['--file', 'a.csv', '--as', 'money'], '"money" is not a dataset'],
    [['--as', 'funding'], '--as needs --file'],
  ])('refuses %j with a way to fix it', (args, message) => {
    const result = parseArgs(args, has);
    expect('error' in result && result.error).toContain(message);
  });
});
