/**
 * CSV text → header and records with their line numbers. Pure: no I/O, no DOM.
 * papaparse does the CSV grammar; everything is kept as text (no dynamicTyping) so
 * codes such as E08000012 and leading zeros survive, and numbers are parsed per column.
 */
import Papa from 'papaparse';
import type { DataIssue } from './issues.ts';

export interface RawRecord {
  /** Line where the record starts (header is line 1). Quoted newlines make this differ from the record index. */
  line: number;
  cells: string[];
}

export interface RawTable {
  header: string[];
  records: RawRecord[];
}

const BOM = '\uFEFF';

/** Strip a UTF-8 BOM and make every line end "\n", so files saved by Excel on Windows or mixed editors parse alike. */
export function normaliseText(text: string): string {
  return (text.startsWith(BOM) ? text.slice(1) : text).replace(/\r\n?/g, '\n');
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** 1-based line of a character offset, by binary search over line starts. */
function lineAt(starts: number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

export function parseCsv(input: string, file: string): { table: RawTable; errors: DataIssue[] } {
  const text = normaliseText(input);
  const starts = lineStarts(text);
  const errors: DataIssue[] = [];
  const rows: RawRecord[] = [];
  let rowStart = 0;

  Papa.parse<string[]>(text, {
    delimiter: ',',
    newline: '\n',
    step: (result) => {
      // The cursor is the offset after this record; blank lines before it are skipped below.
      let start = rowStart;
      while (text[start] === '\n') start++;
      rowStart = result.meta.cursor;
      const line = lineAt(starts, start);
      for (const error of result.errors) {
        errors.push({
          severity: 'error',
          file,
          line,
          column: null,
          value: null,
          expected: error.code === 'MissingQuotes' ? 'a closing double quote for the quoted cell that starts here' : 'well-formed CSV',
          hint: error.code === 'MissingQuotes' ? 'A cell that contains commas or line breaks must be wrapped in "double quotes", with any quote inside written twice ("").' : error.message,
        });
      }
      const cells = result.data.map((cell) => cell.trim());
      if (!isBlank(cells)) rows.push({ line, cells });
    },
  });

  const [headerRow, ...records] = rows;
  if (!headerRow) {
    errors.push({ severity: 'error', file, line: 0, column: null, value: null, expected: 'a header row naming the columns, then data rows', hint: 'The file is empty.' });
    return { table: { header: [], records: [] }, errors };
  }
  return { table: { header: headerRow.cells, records }, errors };
}
