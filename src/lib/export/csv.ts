/**
 * A chart's table as CSV for spreadsheets. Pure. Text cells keep the words the reader
 * sees ("up to £5m"); where a row carries the number behind a cell, two extra columns give
 * that number and its qualifier, so a ceiling is never mistaken for an exact figure.
 */
import type { ChartTable } from '../charts/types.ts';

/** Excel reads a file as UTF-8 only when it starts with a byte order mark. */
export const UTF8_BOM = '\uFEFF';

/** Characters that make a spreadsheet treat a text cell as a formula (CSV injection). */
const FORMULA_TRIGGERS = /^[=+\-@\t\r]/;

export type CsvValue = string | number | null;

/**
 * One cell. Numbers are written as numbers (a genuine -1 stays -1); text that a
 * spreadsheet would run as a formula is prefixed with a single quote; commas, quotes and
 * line breaks are quoted.
 */
export function csvCell(value: CsvValue): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = FORMULA_TRIGGERS.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) || text !== text.trim() ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvRow(values: readonly CsvValue[]): string {
  return values.map(csvCell).join(',');
}

/** Rows (header first) to CSV text with CRLF line ends (RFC 4180) and a BOM. */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return UTF8_BOM + rows.map(csvRow).join('\r\n') + '\r\n';
}

/** The table's header and rows, with a number and a qualifier column after each column that has numbers. */
export function tableRecords(table: ChartTable): CsvValue[][] {
  const numbered = new Set(table.rows.flatMap((row) => (row.numbers ?? []).map((n) => n.column)));
  const header: CsvValue[] = table.columns.flatMap((column, i) => (numbered.has(i) ? [column, `${column} (number)`, `${column} (qualifier)`] : [column]));
  const body = table.rows.map((row) =>
    table.columns.flatMap((_, i): CsvValue[] => {
      const cell = row.cells[i] ?? '';
      if (!numbered.has(i)) return [cell];
      const number = row.numbers?.find((n) => n.column === i);
      // No number, no qualifier: the text cell says why (not quantified, population unavailable).
      return number && number.value !== null ? [cell, number.value, number.qualifier] : [cell, null, null];
    }),
  );
  return [header, ...body];
}

export function tableCsv(table: ChartTable): string {
  return toCsv(tableRecords(table));
}
