import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/data/parse.ts';

describe('parseCsv', () => {
  it.each([
    ['LF', 'a,b\n1,2\n3,4\n'],
    ['CRLF', 'a,b\r\n1,2\r\n3,4\r\n'],
    ['BOM + CRLF', '\uFEFFa,b\r\n1,2\r\n3,4'],
    ['mixed endings', 'a,b\r\n1,2\n3,4\r\n'],
    ['old Mac CR', 'a,b\r1,2\r3,4\r'],
    ['trailing blank rows', 'a,b\n1,2\n3,4\n\n\n,\n'],
  ])('reads %s the same', (_name, text) => {
    const { table, errors } = parseCsv(text, 't.csv');
    expect(errors).toEqual([]);
    expect(table.header).toEqual(['a', 'b']);
    expect(table.records.map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('keeps codes and leading zeros as text', () => {
    const { table } = parseCsv('code,n\nE08000012,007\n', 't.csv');
    expect(table.records[0]?.cells).toEqual(['E08000012', '007']);
  });

  it('counts physical lines across quoted newlines and blank lines', () => {
    const { table } = parseCsv('a,b\n1,"two\nlines"\n\n3,4\n', 't.csv');
    expect(table.records.map((r) => r.line)).toEqual([2, 5]);
    expect(table.records[0]?.cells[1]).toBe('two\nlines');
  });

  it('reports an unterminated quote with its line', () => {
    const { errors } = parseCsv('a,b\n1,2\n3,"oops\n', 't.csv');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ file: 't.csv', line: 3, expected: expect.stringMatching(/closing double quote/) });
  });

  it.each([['empty', ''], ['only blank lines', '\n\n'], ['only a BOM', '\uFEFF']])('reports an %s file', (_name, text) => {
    const { errors } = parseCsv(text, 'empty.csv');
    expect(errors[0]).toMatchObject({ file: 'empty.csv', line: 0, hint: 'The file is empty.' });
  });
});
