/**
 * Hostile and awkward CSV files, one fixture each in test/fixtures/hostile/. Every file
 * is read as bytes and decoded the way the site does (load.ts httpReader: UTF-8, bad
 * bytes become U+FFFD), then validated. Each case lists either the exact errors an
 * officer would see (line, column, wording) or the typed rows the file normalises to.
 * See test/fixtures/hostile/README.md for what each file holds, byte by byte.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DataIssue } from '../../../src/lib/data/issues.ts';
import { SCHEMA, type DatasetName, type FundingLine } from '../../../src/lib/data/schema.ts';
import { assembleDatasets, validateCsv, type Validated } from '../../../src/lib/data/validate.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/hostile');
const FUNDING_COLUMNS = Object.keys(SCHEMA.funding.columns);

const readBytes = (name: string) => readFileSync(join(FIXTURES, name));
/** As httpReader does it. */
const decodeLikeTheSite = (bytes: Uint8Array) => new TextDecoder('utf-8').decode(bytes);
const readText = (name: string) => decodeLikeTheSite(readBytes(name));

/** The typed row every fixture's default line turns into (see the README). */
function fundingRow(overrides: Partial<FundingLine> = {}): FundingLine {
  return {
    id: 'line-1',
    area_code: 'E47000007',
    programme_id: 'wm-deal',
    component: 'Pilot',
    funder: 'Department for Education',
    funder_type: 'government',
    category: 'skills',
    amount_gbp: 5_000_000,
    qualifier: 'up_to',
    stated_as: null,
    part_of: null,
    period_years: null,
    announced: '2018-07-18',
    source_id: 'src-1',
    new_money: 'not_stated',
    note: null,
    _line: 2,
    ...overrides,
  };
}

interface ExpectedIssue {
  line: number;
  column: string | null;
  expected: RegExp;
  hint?: RegExp;
}

interface Case {
  file: string;
  dataset: DatasetName;
  /** Every error, in order. Default: none. */
  errors?: ExpectedIssue[];
  /** Every warning, in order. Default: none. */
  warnings?: ExpectedIssue[];
  /** Instead of `warnings`: how many, all on the header line, all matching. */
  headerWarnings?: { count: number; expected: RegExp };
  /** The typed rows the file yields, exactly. */
  rows?: Record<string, unknown>[];
  /** Only the ids of the rows it yields, when the rows themselves are not the point. */
  rowIds?: string[];
  /** Check references too, against test/fixtures/hostile/base/. */
  crossFile?: boolean;
}

const missingColumns = (columns: readonly string[] = FUNDING_COLUMNS): ExpectedIssue[] =>
  columns.map((column) => ({ line: 1, column, expected: new RegExp(`a "${column}" column in the header row`) }));

const CASES: Case[] = [
  // Encodings and byte-level damage
  { file: 'bom.csv', dataset: 'funding', rows: [fundingRow()] },
  { file: 'double-bom.csv', dataset: 'funding', rows: [fundingRow()] },
  { file: 'bom-only.csv', dataset: 'funding', errors: [{ line: 0, column: null, expected: /a header row/, hint: /empty/ }] },
  { file: 'empty.csv', dataset: 'funding', errors: [{ line: 0, column: null, expected: /a header row/, hint: /empty/ }] },
  { file: 'windows-1252-pound.csv', dataset: 'funding', errors: [{ line: 3, column: 'component', expected: /^UTF-8 text$/, hint: /Windows-1252.*CSV UTF-8/ }], rows: [fundingRow()] },
  { file: 'windows-1252-multiline-note.csv', dataset: 'funding', errors: [{ line: 3, column: 'note', expected: /^UTF-8 text$/ }], rows: [fundingRow()] },
  {
    file: 'utf16le.csv',
    dataset: 'funding',
    errors: [{ line: 1, column: null, expected: /header row in UTF-8/, hint: /UTF-16/ }, ...missingColumns()],
    headerWarnings: { count: 15, expected: /a known column/ },
  },
  { file: 'nul-bytes.csv', dataset: 'funding', errors: [{ line: 3, column: 'component', expected: /without NUL/, hint: /UTF-16/ }], rows: [fundingRow()] },
  {
    file: 'unicode-text.csv',
    dataset: 'funding',
    rows: [fundingRow({ component: 'Café – digital skills 💻', funder: 'مجلس \u200fالمدينة', note: 'e\u0301 £ € — “quoted”' })],
  },

  // Line endings and quoting
  {
    file: 'mixed-line-endings.csv',
    dataset: 'funding',
    rows: [
      fundingRow({ id: 'a', note: 'first\nsecond', _line: 2 }),
      fundingRow({ id: 'b', component: 'two\nlines', note: 'x\ny', _line: 4 }),
      fundingRow({ id: 'c', _line: 7 }),
    ],
  },
  { file: 'trailing-blank-rows.csv', dataset: 'funding', rows: [fundingRow(), fundingRow({ id: 'line-2', _line: 3 })] },
  { file: 'unterminated-quote.csv', dataset: 'funding', errors: [{ line: 3, column: null, expected: /a closing double quote/, hint: /double quotes/ }], rowIds: ['line-1', 'line-2'] },
  {
    file: 'invalid-quotes.csv',
    dataset: 'funding',
    errors: [
      { line: 3, column: null, expected: /^well-formed CSV$/, hint: /quote/ },
      { line: 3, column: null, expected: /a closing double quote/ },
      { line: 3, column: null, expected: /16 cells, as in the header \(found 4\)/ },
    ],
    rows: [fundingRow()],
  },
  {
    file: 'whitespace.csv',
    dataset: 'funding',
    rows: [fundingRow(), fundingRow({ id: 'line-2', funder: 'DfE', _line: 3 })],
  },

  // Shape: header and row lengths
  { file: 'header-only.csv', dataset: 'funding', rows: [] },
  { file: 'missing-column.csv', dataset: 'funding', errors: missingColumns(['note']) },
  { file: 'extra-column.csv', dataset: 'funding', warnings: [{ line: 1, column: 'comments', expected: /a known column/ }], rows: [fundingRow()] },
  { file: 'trailing-empty-column.csv', dataset: 'funding', warnings: [{ line: 1, column: '', expected: /a known column/ }], rows: [fundingRow()] },
  { file: 'duplicate-header.csv', dataset: 'funding', errors: [{ line: 1, column: 'note', expected: /each column name once/ }] },
  { file: 'header-case.csv', dataset: 'funding', errors: missingColumns(['id']), warnings: [{ line: 1, column: 'ID', expected: /a known column/ }] },
  {
    file: 'title-row-before-header.csv',
    dataset: 'funding',
    errors: missingColumns(),
    warnings: [{ line: 1, column: 'Funding lines 2018', expected: /a known column/ }],
  },
  {
    file: 'semicolon-delimited.csv',
    dataset: 'funding',
    errors: [{ line: 1, column: null, expected: /separated by commas/, hint: /semicolons/ }, ...missingColumns()],
    warnings: [{ line: 1, column: FUNDING_COLUMNS.join(';'), expected: /a known column/ }],
  },
  {
    file: 'tab-delimited.csv',
    dataset: 'funding',
    errors: [{ line: 1, column: null, expected: /separated by commas/, hint: /tabs/ }, ...missingColumns()],
    warnings: [{ line: 1, column: FUNDING_COLUMNS.join('\t'), expected: /a known column/ }],
  },
  { file: 'ragged-too-few.csv', dataset: 'funding', errors: [{ line: 3, column: null, expected: /16 cells, as in the header \(found 15\)/ }], rows: [fundingRow()] },
  { file: 'ragged-too-many.csv', dataset: 'funding', errors: [{ line: 3, column: null, expected: /16 cells, as in the header \(found 17\)/ }], rows: [fundingRow()] },

  // Numbers
  { file: 'thousands-quoted.csv', dataset: 'funding', rows: [fundingRow({ amount_gbp: 1_130_000, qualifier: 'exact' })] },
  { file: 'thousands-unquoted.csv', dataset: 'funding', errors: [{ line: 3, column: null, expected: /found 18/, hint: /double quotes/ }], rows: [fundingRow()] },
  { file: 'currency-shorthand.csv', dataset: 'funding', errors: [{ line: 2, column: 'amount_gbp', expected: /no currency sign or abbreviation/, hint: /^Write 11200000\.$/ }] },
  { file: 'percentage.csv', dataset: 'funding', errors: [{ line: 2, column: 'amount_gbp', expected: /not a percentage/, hint: /unquantified/ }] },
  { file: 'scientific-notation.csv', dataset: 'funding', errors: [{ line: 2, column: 'amount_gbp', expected: /a whole number such as/, hint: /scientific notation/ }] },
  {
    file: 'leading-zeros.csv',
    dataset: 'funding',
    rows: [fundingRow({ id: '007', period_years: 7 }), fundingRow({ id: '0070', part_of: '007', amount_gbp: 1_000_000, period_years: 5, _line: 3 })],
  },
  { file: 'minus-zero.csv', dataset: 'funding', errors: [{ line: 2, column: 'amount_gbp', expected: /zero or more/ }] },
  { file: 'negative-amount.csv', dataset: 'funding', errors: [{ line: 2, column: 'amount_gbp', expected: /zero or more/ }] },
  {
    file: 'absurd-amount.csv',
    dataset: 'funding',
    errors: [
      { line: 2, column: 'amount_gbp', expected: /no larger than 100,000,000,000/ },
      { line: 3, column: 'amount_gbp', expected: /no larger than 100,000,000,000/ },
    ],
  },

  // Dates, ids and codes
  {
    file: 'dmy-dates.csv',
    dataset: 'funding',
    errors: [
      { line: 2, column: 'announced', expected: /ISO date/, hint: /^Write 2018-07-18\.$/ },
      // Month-first: the hint must not suggest the impossible "2018-18-07".
      { line: 3, column: 'announced', expected: /ISO date/, hint: /^(?!.*2018-18-07).*day and which the month/ },
      { line: 4, column: 'announced', expected: /ISO date/ },
    ],
  },
  { file: 'duplicate-ids.csv', dataset: 'funding', errors: [{ line: 3, column: 'id', expected: /already used on line 2/ }, { line: 5, column: 'id', expected: /already used on line 4/ }], rowIds: ['line-1', 'line-3'] },
  { file: 'zero-width-space-id.csv', dataset: 'funding', errors: [{ line: 2, column: 'id', expected: /U\+200B ZERO WIDTH SPACE at character 5/ }] },
  { file: 'areas-lowercase-code.csv', dataset: 'areas', errors: [{ line: 2, column: 'area_code', expected: /capitals/, hint: /^Write E47000007\.$/ }] },
  { file: 'unknown-area-code.csv', dataset: 'funding', crossFile: true, errors: [{ line: 3, column: 'area_code', expected: /an area_code listed in areas\.csv/, hint: /Add it to areas\.csv/ }] },
  { file: 'unknown-source-id.csv', dataset: 'funding', crossFile: true, errors: [{ line: 3, column: 'source_id', expected: /a source_id listed in sources\.csv/ }] },

  // Text is text: accepted verbatim on import (export neutralises formulas; views render text, never HTML).
  {
    file: 'formula-text.csv',
    dataset: 'funding',
    rows: [
      fundingRow({ component: '=SUM(A1)', funder: "+cmd|' /C calc'!A0", note: '@SUM(1+1)' }),
      fundingRow({ id: 'line-2', component: '-2+3', note: '=HYPERLINK("https://evil.example","click")', _line: 3 }),
    ],
  },
  {
    file: 'html-payloads.csv',
    dataset: 'funding',
    rows: [
      fundingRow({ component: '<img src=x onerror=window.__xss=1>', funder: '"><svg onload=window.__xss=1>', note: '<script>window.__xss=1</script>' }),
      fundingRow({ id: 'line-2', component: '</td><td>&lt;b&gt;', note: 'javascript:window.__xss=1', _line: 3 }),
    ],
  },
  {
    file: 'sources-javascript-url.csv',
    dataset: 'sources',
    errors: [2, 3, 4].map((line) => ({ line, column: 'url', expected: /a web address starting with https:\/\/ or http:\/\// })),
  },
];

function expectIssues(actual: DataIssue[], expected: ExpectedIssue[], file: string): void {
  expect(actual.map((i) => ({ file: i.file, line: i.line, column: i.column }))).toEqual(expected.map((e) => ({ file, line: e.line, column: e.column })));
  expected.forEach((e, n) => {
    expect(actual[n]?.expected).toMatch(e.expected);
    if (e.hint) expect(actual[n]?.hint).toMatch(e.hint);
  });
}

function validateCase(c: Case): Validated<DatasetName> {
  const text = readText(c.file);
  if (!c.crossFile) return validateCsv(c.dataset, text);
  const assembled = assembleDatasets({
    sources: { text: readText('base/sources.csv') },
    areas: { text: readText('base/areas.csv') },
    programmes: { text: readText('base/programmes.csv') },
    [c.dataset]: { text },
  });
  const report = assembled.reports.find((r) => r.dataset === c.dataset);
  // A file broken only by its references is reported whole and its rows are not used.
  expect(report?.status).toBe(c.errors?.length ? 'broken' : 'ok');
  expect(assembled.data[c.dataset]).toBeUndefined();
  expect(assembled.reports.filter((r) => r.dataset !== c.dataset).every((r) => r.status === 'ok')).toBe(true);
  return { rows: [], errors: report?.errors ?? [], warnings: report?.warnings ?? [] };
}

describe('hostile CSV fixtures', () => {
  it('has at least 30 cases, each a fixture file used once', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(30);
    expect(new Set(CASES.map((c) => c.file)).size).toBe(CASES.length);
  });

  it.each(CASES.map((c) => [c.file, c] as const))('%s', (_file, c) => {
    const result = validateCase(c);
    const file = SCHEMA[c.dataset].file;
    expectIssues(result.errors, c.errors ?? [], file);
    if (c.headerWarnings) {
      expect(result.warnings).toHaveLength(c.headerWarnings.count);
      for (const warning of result.warnings) expect(warning).toMatchObject({ file, line: 1, expected: expect.stringMatching(c.headerWarnings.expected) });
    } else {
      expectIssues(result.warnings, c.warnings ?? [], file);
    }
    if (c.rows) expect(result.rows).toEqual(c.rows);
    if (c.rowIds) expect(result.rows.map((r) => (r as { id?: string }).id)).toEqual(c.rowIds);
  });
});

describe('a BOM however it arrives', () => {
  const bytes = readBytes('bom.csv');
  it.each([
    ['file bytes decoded like the site (the decoder drops the BOM)', decodeLikeTheSite(bytes)],
    ['file bytes decoded keeping the BOM', new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)],
    ['a string starting with U+FEFF', `\uFEFF${decodeLikeTheSite(bytes)}`],
  ])('%s', (_name, text) => {
    expect(validateCsv('funding', text)).toEqual({ rows: [fundingRow()], errors: [], warnings: [] });
  });

  it('keeps the BOM out of the first column name', () => {
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes).charCodeAt(0)).toBe(0xfeff);
  });
});

describe('cells that are very long', () => {
  it('accepts a 5 MB note as text', () => {
    const header = readText('header-only.csv').trim();
    const note = 'Lorem ipsum, "dolor" sit amet.\n'.repeat(170_000);
    const line = `line-1,E47000007,wm-deal,Pilot,Department for Education,government,skills,5000000,up_to,,,,2018-07-18,src-1,not_stated,"${note.replaceAll('"', '""')}"`;
    const result = validateCsv('funding', `${header}\n${line}\nline-2,E47000007,wm-deal,Pilot,DfE,government,skills,1,exact,,,,2018,src-1,not_stated,\n`);
    expect(result.errors).toEqual([]);
    expect(result.rows[0]?.note).toBe(note.trim());
    // The next record's line counts every line break inside the long cell.
    expect(result.rows[1]?._line).toBe(3 + 170_000);
  });
});
