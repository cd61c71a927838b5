/**
 * A list of data issues as a CSV file, for lists too long to show on the page. Pure.
 * Written with the charts' CSV writer, so a cell value such as "=HYPERLINK(…)" from a
 * hostile file is neutralised before a spreadsheet opens it.
 */
import type { DataIssue } from '../data/issues.ts';
import { toCsv, type CsvValue } from '../export/csv.ts';
import { exportFileName } from '../export/download.ts';

export const ISSUE_CSV_HEADER = ['file', 'line', 'column', 'value', 'severity', 'expected', 'how_to_fix'] as const;

export function issuesCsv(issues: readonly DataIssue[]): string {
  const rows: CsvValue[][] = [[...ISSUE_CSV_HEADER]];
  for (const issue of issues) rows.push([issue.file, issue.line, issue.column, issue.value, issue.severity, issue.expected, issue.hint ?? null]);
  return toCsv(rows);
}

/** "funding-errors.csv" for "funding.csv". */
export function issuesFileName(file: string, kind: 'errors' | 'warnings'): string {
  return exportFileName([file.replace(/\.csv$/i, '') || 'data', kind], 'csv');
}
