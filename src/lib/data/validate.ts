/**
 * Raw records → typed rows plus issues. Pure. A file with any error is reported whole;
 * the caller decides whether to use its valid rows (the dashboard does not).
 */
import type { ColumnSpec } from './columns.ts';
import type { DataIssue } from './issues.ts';
import type { ParsedCsv, RawTable } from './parse.ts';
import { parseCsv } from './parse.ts';
import { SCHEMA, datasetForFile, type DatasetName, type RowOf } from './schema.ts';
import { validateAreas } from './validate-areas.ts';

export interface Validated<N extends DatasetName> {
  rows: RowOf<N>[];
  errors: DataIssue[];
  warnings: DataIssue[];
}

type AnyRow = Record<string, unknown> & { _line: number };

/** The column holding each dataset's figure, checked against its qualifier. */
const QUANTITY_COLUMN: Partial<Record<DatasetName, string>> = {
  funding: 'amount_gbp',
  completions: 'value',
  schools_reached: 'schools_and_colleges',
};

function checkHeader(name: DatasetName, header: string[]): DataIssue[] {
  const { file, columns } = SCHEMA[name];
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  header.forEach((column) => {
    if (seen.has(column)) {
      issues.push({ severity: 'error', file, line: 1, column, value: column, expected: 'each column name once' });
    }
    seen.add(column);
    // hasOwn, not `in`: a column called "constructor" or "toString" is unknown too.
    if (!Object.hasOwn(columns, column)) {
      issues.push({ severity: 'warning', file, line: 1, column, value: column, expected: `a known column (${Object.keys(columns).join(', ')})`, hint: 'This column is ignored.' });
    }
  });
  // Say why the columns are missing when the header shows it, before listing them.
  if (header.some((column) => column.includes('\uFFFD') || column.includes('\u0000'))) {
    issues.push({ severity: 'error', file, line: 1, column: null, value: null, expected: 'a header row in UTF-8 text', hint: 'The file seems to be saved in another encoding, such as UTF-16 ("Unicode text"). Save it as "CSV UTF-8".' });
  } else if (header.length === 1 && /[;\t|]/.test(header[0] ?? '')) {
    issues.push({ severity: 'error', file, line: 1, column: null, value: header[0] ?? null, expected: 'column names separated by commas', hint: 'This file seems to use semicolons or tabs between columns. Save it as "CSV UTF-8 (Comma delimited)".' });
  }
  // Every contract column must be in the header, even ones whose cells may be blank,
  // so a dropped column is caught rather than read as "unquantified" everywhere.
  for (const column of Object.keys(columns)) {
    if (!seen.has(column)) {
      issues.push({ severity: 'error', file, line: 1, column, value: null, expected: `a "${column}" column in the header row`, hint: `The header must include: ${Object.keys(columns).join(', ')}.` });
    }
  }
  return issues;
}

function checkQualifier(name: DatasetName, row: AnyRow, cells: string[], index: Map<string, number>): DataIssue[] {
  const cellText = (column: string) => cells[index.get(column) ?? -1] ?? '';
  const quantity = QUANTITY_COLUMN[name];
  if (!quantity) return [];
  const { file } = SCHEMA[name];
  const value = row[quantity];
  if (row.qualifier === 'unquantified' && value !== null) {
    return [{ severity: 'error', file, line: row._line, column: quantity, value: cellText(quantity), expected: 'a blank cell, because the qualifier is unquantified', hint: 'Either clear the number or set the qualifier to exact, about, up_to or more_than.' }];
  }
  if (row.qualifier !== 'unquantified' && value === null) {
    return [{ severity: 'error', file, line: row._line, column: quantity, value: '', expected: `a number, because the qualifier is ${String(row.qualifier)}`, hint: 'If the source gives no number, set the qualifier to unquantified.' }];
  }
  return [];
}

/** Validate one parsed table against its dataset spec. */
export function validateTable<N extends DatasetName>(name: N, table: RawTable): Validated<N> {
  const { file, key, columns } = SCHEMA[name];
  const errors: DataIssue[] = [];
  const warnings: DataIssue[] = [];
  for (const issue of checkHeader(name, table.header)) (issue.severity === 'error' ? errors : warnings).push(issue);
  if (errors.length > 0) return { rows: [], errors, warnings };

  const index = new Map(table.header.map((column, i) => [column, i]));
  // Each column's spec and cell position, resolved once rather than per record: an upload can have a million rows.
  const specs = (Object.entries(columns) as [string, ColumnSpec<unknown>][]).map(([column, spec]) => ({ column, spec, at: index.get(column) ?? -1 }));
  const keys = new Map<unknown, number>();
  const rows: RowOf<N>[] = [];

  for (const record of table.records) {
    if (record.cells.length !== table.header.length) {
      errors.push({
        severity: 'error',
        file,
        line: record.line,
        column: null,
        value: null,
        expected: `${table.header.length} cells, as in the header (found ${record.cells.length})`,
        hint: 'A cell containing a comma must be wrapped in "double quotes".',
      });
      continue;
    }
    const row: AnyRow = { _line: record.line };
    let rowOk = true;
    for (const { column, spec, at } of specs) {
      const raw = record.cells[at] ?? '';
      const result = spec.parse(raw);
      if (result.ok) {
        row[column] = result.value;
      } else {
        rowOk = false;
        errors.push({ severity: 'error', file, line: record.line, column, value: raw, expected: result.expected, hint: result.hint });
      }
    }
    if (!rowOk) continue;
    const qualifierIssues = checkQualifier(name, row, record.cells, index);
    errors.push(...qualifierIssues);
    const keyValue = row[key];
    const firstLine = keys.get(keyValue);
    if (firstLine !== undefined) {
      errors.push({ severity: 'error', file, line: record.line, column: key, value: String(keyValue), expected: `a unique ${key} (already used on line ${firstLine})` });
      continue;
    }
    keys.set(keyValue, record.line);
    if (qualifierIssues.length === 0) rows.push(row as RowOf<N>);
  }
  return { rows, errors, warnings };
}

/** Parse and validate CSV text for a dataset in one step. */
export function validateCsv<N extends DatasetName>(name: N, text: string): Validated<N> {
  return validateParsed(name, parseCsv(text, SCHEMA[name].file));
}

/** Validate the output of parseCsv or of the chunked CsvChunkParser (for large uploads read in slices). */
export function validateParsed<N extends DatasetName>(name: N, { table, errors }: ParsedCsv): Validated<N> {
  if (errors.some((e) => e.line === 0)) return { rows: [], errors, warnings: [] };
  const result = validateTable(name, table);
  return { rows: result.rows, errors: [...errors, ...result.errors], warnings: result.warnings };
}

export type RowsByDataset = { [N in DatasetName]?: RowOf<N>[] };

/**
 * Cross-file checks: every reference names a row that exists, parts are not larger than
 * their whole, and part_of chains have no loops. Datasets missing from `data` (not
 * loaded, or broken) are skipped: their own errors are already reported.
 */
export function validateReferences(data: RowsByDataset): DataIssue[] {
  const issues: DataIssue[] = [];
  const keySets = new Map<string, Set<unknown>>();
  for (const name of Object.keys(data) as DatasetName[]) {
    const rows = data[name] as AnyRow[] | undefined;
    if (rows) keySets.set(name, new Set(rows.map((row) => row[SCHEMA[name].key])));
  }
  for (const name of Object.keys(data) as DatasetName[]) {
    const rows = (data[name] ?? []) as AnyRow[];
    const { file, columns } = SCHEMA[name];
    for (const [column, spec] of Object.entries(columns) as [string, ColumnSpec<unknown>][]) {
      if (!spec.ref) continue;
      const known = keySets.get(spec.ref);
      if (!known) continue;
      const target = SCHEMA[spec.ref as DatasetName];
      for (const row of rows) {
        const value = row[column];
        if (value !== null && value !== undefined && !known.has(value)) {
          issues.push({ severity: 'error', file, line: row._line, column, value: String(value), expected: `${/^[aeiou]/.test(target.key) ? 'an' : 'a'} ${target.key} listed in ${target.file}`, hint: `Add it to ${target.file} or correct the spelling.` });
        }
      }
    }
  }
  issues.push(...checkFundingParts(data.funding ?? []));
  issues.push(...validateAreas(data.areas ?? []));
  return issues;
}

function checkFundingParts(lines: RowOf<'funding'>[]): DataIssue[] {
  const issues: DataIssue[] = [];
  const byId = new Map(lines.map((line) => [line.id, line]));
  for (const line of lines) {
    if (!line.part_of) continue;
    const seen = new Set([line.id]);
    for (let parent = byId.get(line.part_of); parent; parent = parent.part_of ? byId.get(parent.part_of) : undefined) {
      if (seen.has(parent.id)) {
        issues.push({ severity: 'error', file: 'funding.csv', line: line._line, column: 'part_of', value: line.part_of, expected: 'a chain of part_of links that ends (this one loops back)' });
        break;
      }
      seen.add(parent.id);
    }
    const whole = byId.get(line.part_of);
    if (whole && whole.amount_gbp !== null && line.amount_gbp !== null && line.amount_gbp > whole.amount_gbp) {
      issues.push({ severity: 'error', file: 'funding.csv', line: line._line, column: 'amount_gbp', value: String(line.amount_gbp), expected: `no more than the line it is part of (${whole.id}: ${whole.amount_gbp})` });
    }
  }
  return issues;
}

export interface FileReport {
  dataset: DatasetName;
  file: string;
  /** ok: used; broken: has errors, so none of its rows are shown; missing: could not be read. */
  status: 'ok' | 'broken' | 'missing';
  rowCount: number;
  errors: DataIssue[];
  warnings: DataIssue[];
}

export interface AssembledData {
  /** Only datasets that passed every check; views treat an absent dataset as unavailable. */
  data: RowsByDataset;
  reports: FileReport[];
}

/** A file's text, or why it could not be read. */
export type FileText = { text: string } | { readError: string };

/**
 * Validate every file, then check references across the files that passed. A file with
 * any error is left out whole, so a half-read file can never make a total look smaller.
 */
export function assembleDatasets(texts: Partial<Record<DatasetName, FileText>>): AssembledData {
  const data: RowsByDataset = {};
  const reports = new Map<DatasetName, FileReport>();
  for (const [name, input] of Object.entries(texts) as [DatasetName, FileText][]) {
    const file = SCHEMA[name].file;
    if ('readError' in input) {
      reports.set(name, { dataset: name, file, status: 'missing', rowCount: 0, warnings: [], errors: [{ severity: 'error', file, line: 0, column: null, value: null, expected: 'a readable file', hint: input.readError }] });
      continue;
    }
    const result = validateCsv(name, input.text);
    const status = result.errors.length > 0 ? 'broken' : 'ok';
    reports.set(name, { dataset: name, file, status, rowCount: result.rows.length, errors: result.errors, warnings: result.warnings });
    if (status === 'ok') (data as Record<DatasetName, unknown>)[name] = result.rows;
  }
  const brokenByReference = new Set<DatasetName>();
  for (const issue of validateReferences(data)) {
    const name = datasetForFile(issue.file);
    const report = name ? reports.get(name) : undefined;
    if (!name || !report) continue;
    report.errors.push(issue);
    report.status = 'broken';
    brokenByReference.add(name);
  }
  const usable = Object.fromEntries(Object.entries(data).filter(([name]) => !brokenByReference.has(name as DatasetName))) as RowsByDataset;
  return { data: usable, reports: [...reports.values()] };
}
