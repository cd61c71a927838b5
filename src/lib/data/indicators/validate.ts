/**
 * Checks for the indicator metadata file and the ONS tidy dataset files, with the same
 * file/line/column messages as the rest of the data contract. Pure: text in, typed rows
 * and issues out. A dataset with any error is not shown (the caller leaves it out whole).
 */
import type { CellResult, ColumnSpec } from '../columns.ts';
import type { DataIssue } from '../issues.ts';
import { parseCsv, type RawTable } from '../parse.ts';
import { withoutFloatNoise as exact } from './format.ts';
import { parsePeriod, type Period } from './period.ts';
import { METADATA_SPEC, STATUS_MEANING, TIDY_COLUMNS, isShownArea, type IndicatorMeta, type Observation } from './schema.ts';

export interface ValidatedMetadata {
  rows: IndicatorMeta[];
  errors: DataIssue[];
  warnings: DataIssue[];
}

export interface ValidatedDataset {
  file: string;
  rows: Observation[];
  /** Every period in the file, keyed by its cell text. */
  periods: Map<string, Period>;
  errors: DataIssue[];
  warnings: DataIssue[];
}

type Issue = Omit<DataIssue, 'severity' | 'file'>;

/** Header problems shared by both kinds of file: a missing column is an error, an unknown one a warning. */
function checkHeader(file: string, header: readonly string[], columns: readonly string[]): DataIssue[] {
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  for (const column of header) {
    if (seen.has(column)) issues.push({ severity: 'error', file, line: 1, column, value: column, expected: 'each column name once', hint: 'Delete or rename the second column with this name.' });
    seen.add(column);
    if (!columns.includes(column)) issues.push({ severity: 'warning', file, line: 1, column, value: column, expected: `a known column (${columns.join(', ')})`, hint: 'This column is ignored.' });
  }
  for (const column of columns) {
    if (!seen.has(column)) issues.push({ severity: 'error', file, line: 1, column, value: null, expected: `a "${column}" column in the header row`, hint: `The header must include: ${columns.join(', ')}.` });
  }
  return issues;
}

function split(issues: DataIssue[]): { errors: DataIssue[]; warnings: DataIssue[] } {
  return { errors: issues.filter((i) => i.severity === 'error'), warnings: issues.filter((i) => i.severity === 'warning') };
}

const DATASET_FILE = /^[A-Za-z0-9][A-Za-z0-9._-]*\.csv$/;

/** indicators.csv: every column by its spec, unique ids and labels, and a plain file name per dataset. */
export function validateMetadata(text: string): ValidatedMetadata {
  const { file, columns } = METADATA_SPEC;
  const parsed = parseCsv(text, file);
  const names = Object.keys(columns);
  const issues = [...parsed.errors, ...checkHeader(file, parsed.table.header, names)];
  if (issues.some((i) => i.severity === 'error' && i.line <= 1)) return { rows: [], ...split(issues) };

  const at = new Map(parsed.table.header.map((column, i) => [column, i]));
  const rows: IndicatorMeta[] = [];
  const firstLine = { indicator_id: new Map<string, number>(), label: new Map<string, number>() };
  for (const record of parsed.table.records) {
    if (record.cells.length !== parsed.table.header.length) {
      issues.push({ severity: 'error', file, line: record.line, column: null, value: null, expected: `${parsed.table.header.length} cells, as in the header (found ${record.cells.length})`, hint: 'A cell containing a comma must be wrapped in "double quotes".' });
      continue;
    }
    const row: Record<string, unknown> = { _line: record.line };
    let ok = true;
    for (const [column, spec] of Object.entries(columns) as [string, ColumnSpec<unknown>][]) {
      const raw = record.cells[at.get(column) ?? -1] ?? '';
      const result = spec.parse(raw);
      if (result.ok) row[column] = result.value;
      else {
        ok = false;
        issues.push({ severity: 'error', file, line: record.line, column, value: raw, expected: result.expected, hint: result.hint });
      }
    }
    if (!ok) continue;
    const meta = row as IndicatorMeta;
    if (!DATASET_FILE.test(meta.dataset)) {
      issues.push({ severity: 'error', file, line: record.line, column: 'dataset', value: meta.dataset, expected: 'a file name in this folder ending in .csv, such as apprenticeships.csv', hint: 'Write the name of the dataset’s CSV file exactly as it is saved, without a folder.' });
      continue;
    }
    let unique = true;
    for (const column of ['indicator_id', 'label'] as const) {
      const earlier = firstLine[column].get(meta[column]);
      if (earlier !== undefined) {
        unique = false;
        issues.push({ severity: 'error', file, line: record.line, column, value: meta[column], expected: `a unique ${column} (already used on line ${earlier})`, hint: `Each indicator needs its own ${column}; delete this row if it repeats line ${earlier}.` });
      } else firstLine[column].set(meta[column], record.line);
    }
    if (unique) rows.push(meta);
  }
  return { rows, ...split(issues) };
}

/** A decimal number as the ONS writes it: 62.9, 959, -1.5, 62.900000000000006, 1e-7. */
const DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

export function parseDecimal(raw: string): CellResult<number | null> {
  if (raw === '') return { ok: true, value: null };
  if (!DECIMAL.test(raw)) {
    const hint = /[,%£]/.test(raw) ? 'Write the number alone, with no thousands commas, % or £.' : 'Leave the cell blank when there is no value; never write 0 for a missing value.';
    return { ok: false, expected: 'a number such as 62.9, or a blank cell', hint };
  }
  const value = Number(raw);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, expected: 'a finite number', hint: 'Check for extra digits: the number is too large to store.' };
}

const GSS = /^[EWSNK]\d{8}$/;

export interface TidyOptions {
  metadata: readonly IndicatorMeta[];
  /** Districts the dashboard shows (areas.csv); when given, any other area (not England, not a combined authority) is warned about. */
  districts?: ReadonlySet<string>;
}

/** Check one parsed tidy table: the importer uses this on rows it keeps, the loader on published files. */
export function validateTidyTable(file: string, table: RawTable, { metadata, districts }: TidyOptions): ValidatedDataset {
  const issues: DataIssue[] = checkHeader(file, table.header, TIDY_COLUMNS);
  const periods = new Map<string, Period>();
  if (issues.some((i) => i.severity === 'error')) return { file, rows: [], periods, ...split(issues) };
  const at = Object.fromEntries(TIDY_COLUMNS.map((column) => [column, table.header.indexOf(column)])) as Record<(typeof TIDY_COLUMNS)[number], number>;
  const byLabel = new Map(metadata.map((m) => [m.label, m]));
  const seen = new Map<string, number>();
  const unknownAreas = new Map<string, { line: number; count: number }>();
  const unlistedLabels = new Set<string>();
  const rows: Observation[] = [];
  const push = (severity: DataIssue['severity'], issue: Issue) => issues.push({ severity, file, ...issue });

  for (const { line, cells } of table.records) {
    if (cells.length !== table.header.length) {
      push('error', { line, column: null, value: null, expected: `${table.header.length} cells, as in the header (found ${cells.length})`, hint: 'A cell containing a comma must be wrapped in "double quotes".' });
      continue;
    }
    const cell = (column: (typeof TIDY_COLUMNS)[number]) => cells[at[column]] ?? '';
    const before = issues.length;
    // U+FFFD is what a Windows-1252 file ("£", "é") becomes when read as UTF-8.
    const garbled = TIDY_COLUMNS.find((column) => cell(column).includes('\uFFFD'));
    if (garbled) push('error', { line, column: garbled, value: cell(garbled), expected: 'UTF-8 text', hint: 'The file seems to be saved in another encoding. Save it as "CSV UTF-8".' });
    const areaCode = cell('areacd');
    if (!GSS.test(areaCode)) push('error', { line, column: 'areacd', value: areaCode, expected: 'a 9-character GSS area code such as E08000012', hint: 'Keep the areacd column as the ONS publishes it: a letter and eight digits.' });

    const label = cell('indicator');
    const meta = byLabel.get(label);
    if (!meta) {
      // Once per label: a file of a new indicator would otherwise give one error per row.
      if (!unlistedLabels.has(label)) push('error', { line, column: 'indicator', value: label, expected: 'an indicator listed in the label column of indicators.csv', hint: 'Add a row for it to indicators.csv (its id, unit, decimal places, source and a caveat in your own words).' });
      unlistedLabels.add(label);
    } else {
      if (meta.dataset !== file.split('/').pop()) push('error', { line, column: 'indicator', value: label, expected: `this indicator in ${meta.dataset}, as indicators.csv line ${meta._line} says`, hint: `Move these rows to ${meta.dataset}, or correct the dataset column in indicators.csv.` });
      if (cell('unit') !== meta.unit) push('error', { line, column: 'unit', value: cell('unit'), expected: `"${meta.unit}", the unit indicators.csv line ${meta._line} gives`, hint: 'A different unit means a different indicator: give it its own row in indicators.csv.' });
    }

    const periodText = cell('period');
    let period = periods.get(periodText);
    if (!period) {
      const parsed = parsePeriod(periodText);
      if (parsed.ok) {
        period = parsed.period;
        periods.set(periodText, period);
      } else push('error', { line, column: 'period', value: periodText, expected: parsed.expected, hint: parsed.hint });
    }

    const numbers = (['observation', 'lci_95', 'uci_95'] as const).map((column) => {
      const result = parseDecimal(cell(column));
      if (result.ok) return result.value;
      push('error', { line, column, value: cell(column), expected: result.expected, hint: result.hint });
      return null;
    });
    const [value = null, lci = null, uci = null] = numbers;
    if ((cell('lci_95') === '') !== (cell('uci_95') === '')) {
      push('error', { line, column: cell('lci_95') === '' ? 'lci_95' : 'uci_95', value: '', expected: 'both ends of the 95% interval, or neither', hint: 'Fill in the missing end from the source, or clear both.' });
    } else if (lci !== null && uci !== null) {
      if (exact(lci) > exact(uci)) push('error', { line, column: 'lci_95', value: cell('lci_95'), expected: `a lower bound no larger than uci_95 (${cell('uci_95')})`, hint: 'The two ends look swapped: lci_95 is the lower one.' });
      else if (value !== null && (exact(value) < exact(lci) || exact(value) > exact(uci))) push('error', { line, column: 'observation', value: cell('observation'), expected: `a value within its 95% interval (${cell('lci_95')} to ${cell('uci_95')})`, hint: 'Check the value and its interval against the source for a typing slip.' });
      else if (value === null) push('warning', { line, column: 'observation', value: '', expected: 'a value, as a 95% interval is given', hint: 'Add the value from the source, or clear the interval.' });
    }

    const status = cell('status');
    if (status !== '' && !Object.hasOwn(STATUS_MEANING, status)) {
      push('warning', { line, column: 'status', value: status, expected: `a known status (${Object.entries(STATUS_MEANING).map(([code, meaning]) => `${code}: ${meaning}`).join('; ')})`, hint: 'It is shown as written.' });
    }

    if (issues.slice(before).some((i) => i.severity === 'error') || !meta || !period) continue;

    const key = `${areaCode}\u0000${label}\u0000${periodText}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      push('error', { line, column: null, value: `${areaCode} ${label} ${periodText}`, expected: `one row per area, indicator and period (the same as line ${earlier})`, hint: 'Remove the repeated row.' });
      continue;
    }
    seen.set(key, line);

    if (districts && !isShownArea(areaCode, districts)) {
      const known = unknownAreas.get(areaCode);
      if (known) known.count++;
      else unknownAreas.set(areaCode, { line, count: 1 });
      continue;
    }
    rows.push({ indicatorId: meta.indicator_id, areaCode, areaName: cell('areanm'), geography: cell('geography'), period: periodText, value, lci95: lci, uci95: uci, status: status || null, notes: cell('notes') || null, file, line });
  }
  // One warning per area, not per row: an unfiltered ONS file has thousands of such rows.
  for (const [code, { line, count }] of unknownAreas) {
    push('warning', { line, column: 'areacd', value: code, expected: 'England (E92000001), a combined authority (E47…) or a district listed in areas.csv', hint: `The dashboard does not show this area; its ${count} row(s) are ignored. npm run data:indicators drops them.` });
  }
  return { file, rows, periods, ...split(issues) };
}

export function validateTidyCsv(file: string, text: string, options: TidyOptions): ValidatedDataset {
  const parsed = parseCsv(text, file);
  if (parsed.errors.some((e) => e.line === 0)) return { file, rows: [], periods: new Map(), errors: parsed.errors, warnings: [] };
  const result = validateTidyTable(file, parsed.table, options);
  return { ...result, errors: [...parsed.errors, ...result.errors] };
}
