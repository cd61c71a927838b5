import { describe, expect, it } from 'vitest';
import type { ChartTable } from '../../../src/lib/charts/types.ts';
import { csvCell, tableCsv, tableRecords, toCsv, UTF8_BOM, type CsvValue } from '../../../src/lib/export/csv.ts';
import { describeDataset, exampleCsv } from '../../../src/lib/schema-docs/schema-docs.ts';

describe('csvCell', () => {
  const cases: [string, CsvValue, string][] = [
    ['plain text', 'Liverpool', 'Liverpool'],
    ['formula =SUM', '=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['leading plus as text', '+1', "'+1"],
    ['leading minus as text', '-1', "'-1"],
    ['genuine negative number', -1, '-1'],
    ['number with decimals', 3.25, '3.25'],
    ['zero', 0, '0'],
    ['at sign', '@x', "'@x"],
    ['leading tab', '\tcmd', "'\tcmd"],
    ['leading carriage return', '\rcmd', `"'\rcmd"`],
    ['double quotes doubled', 'say "hi"', '"say ""hi"""'],
    ['comma quoted', 'a, b', '"a, b"'],
    ['newline quoted', 'line 1\nline 2', '"line 1\nline 2"'],
    ['formula with comma: neutralised and quoted', '=HYPERLINK("x",1)', `"'=HYPERLINK(""x"",1)"`],
    ['null is empty', null, ''],
    ['not finite is empty', Number.NaN, ''],
    ['minus in the middle is fine', 'Knowsley - north', 'Knowsley - north'],
    ['leading space quoted', ' padded', '" padded"'],
  ];
  it.each(cases)('%s', (_, input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('toCsv', () => {
  it('starts with a UTF-8 BOM and ends rows with CRLF', () => {
    const text = toCsv([
      ['a', 'b'],
      [1, 'x'],
    ]);
    expect(text.startsWith(UTF8_BOM)).toBe(true);
    expect(text).toBe(`${UTF8_BOM}a,b\r\n1,x\r\n`);
  });

  it('keeps non-ASCII text as is', () => {
    expect(toCsv([['£5m – “up to”']])).toBe(`${UTF8_BOM}£5m – “up to”\r\n`);
  });
});

describe('tableRecords', () => {
  const table: ChartTable = {
    caption: 'Test',
    columns: ['Item', 'Amount', 'Area'],
    rows: [
      { id: 'a', cells: ['Bootcamps', 'up to £5,000,000', 'Wirral'], numbers: [{ column: 1, value: 5_000_000, qualifier: 'up_to' }] },
      { id: 'b', cells: ['=cmd|calc', 'not quantified', 'Sefton'], numbers: [{ column: 1, value: null, qualifier: 'unquantified' }] },
      { id: 'c', cells: ['Loss', '-£1', 'Halton'], numbers: [{ column: 1, value: -1, qualifier: 'exact' }] },
      { id: 'd', cells: ['No numbers', '', 'St Helens'] },
    ],
  };

  it('adds a number and a qualifier column after each column with numbers', () => {
    expect(tableRecords(table)).toEqual([
      ['Item', 'Amount', 'Amount (number)', 'Amount (qualifier)', 'Area'],
      ['Bootcamps', 'up to £5,000,000', 5_000_000, 'up_to', 'Wirral'],
      ['=cmd|calc', 'not quantified', null, null, 'Sefton'],
      ['Loss', '-£1', -1, 'exact', 'Halton'],
      ['No numbers', '', null, null, 'St Helens'],
    ]);
  });

  it('writes numbers as numbers and neutralises text formulas', () => {
    const lines = tableCsv(table).slice(1).split('\r\n');
    expect(lines[1]).toBe('Bootcamps,"up to £5,000,000",5000000,up_to,Wirral');
    expect(lines[2]).toBe("'=cmd|calc,not quantified,,,Sefton");
    expect(lines[3]).toBe("Loss,'-£1,-1,exact,Halton");
  });

  it('leaves a table without numbers unchanged', () => {
    expect(tableRecords({ caption: '', columns: ['A'], rows: [{ id: '1', cells: ['x'] }] })).toEqual([['A'], ['x']]);
  });
});

describe('schema templates use the same writer', () => {
  it.each([
    ['=HYPERLINK("http://x")', `"'=HYPERLINK(""http://x"")"`],
    ['@SUM(1)', "'@SUM(1)"],
    ['+1', "'+1"],
  ])('neutralises the example %s', (example, expected) => {
    const doc = describeDataset('sources');
    const [first, ...rest] = doc.columns;
    if (!first) throw new Error('sources has no columns');
    const text = exampleCsv({ ...doc, columns: [{ ...first, example }, ...rest] });
    expect(text.split('\n')[1]?.split(',')[0]).toBe(expected.split(',')[0]);
  });
});
