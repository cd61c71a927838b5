/**
 * Raw records → typed rows plus issues. Pure. A file with any error is reported whole;
 * the caller decides whether to use its valid rows (the dashboard does not).
 */
import { NOT_READ, SUSPECT_CHARACTER, type ColumnSpec } from './columns.ts';
import type { DataIssue } from './issues.ts';
import type { ParsedCsv, RawRecord, RawTable, RecordSink } from './parse.ts';
import { describeCharacter, findInvisible, showInvisible } from './bidi.ts';
import { CsvChunkParser } from './parse.ts';
import { SCHEMA, datasetForFile, figureSpec, type DatasetName, type RowOf, type RowsByDataset } from './schema.ts';
import { validateAreas } from './validate-areas.ts';

export interface Validated<N extends DatasetName> {
  rows: RowOf<N>[];
  errors: DataIssue[];
  warnings: DataIssue[];
}

type AnyRow = Record<string, unknown> & { _line: number };

const LEADING_BOMS = /^\uFEFF+/;

function checkHeader(name: DatasetName, header: string[]): DataIssue[] {
  const { file, columns } = SCHEMA[name];
  const issues: DataIssue[] = [];
  const seen = new Set<string>();
  header.forEach((column) => {
    if (seen.has(column)) {
      issues.push({ severity: 'error', file, line: 1, column, value: column, expected: 'each column name once', hint: 'Delete or rename the second column with this name.' });
    }
    seen.add(column);
    const invisible = findInvisible(column);
    if (invisible !== null) {
      issues.push({ severity: 'error', file, line: 1, column, value: showInvisible(column), expected: `a column name without invisible characters (found ${describeCharacter(invisible)})`, hint: 'Retype the column name: it contains a character you cannot see.' });
      return;
    }
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

const NO_ISSUES: readonly DataIssue[] = [];

function checkQualifier(name: DatasetName, row: AnyRow, cells: string[], index: Map<string, number>): readonly DataIssue[] {
  // The column holding the dataset's figure, checked against its qualifier.
  const quantity = figureSpec(name)?.column;
  if (!quantity) return NO_ISSUES;
  const { file } = SCHEMA[name];
  const value = row[quantity];
  if (row.qualifier === 'unquantified' && value !== null) {
    return [{ severity: 'error', file, line: row._line, column: quantity, value: cells[index.get(quantity) ?? -1] ?? '', expected: 'a blank cell, because the qualifier is unquantified', hint: 'Either clear the number or set the qualifier to exact, about, up_to or more_than.' }];
  }
  if (row.qualifier !== 'unquantified' && value === null) {
    return [{ severity: 'error', file, line: row._line, column: quantity, value: '', expected: `a number, because the qualifier is ${String(row.qualifier)}`, hint: 'If the source gives no number, set the qualifier to unquantified.' }];
  }
  return NO_ISSUES;
}

/**
 * Checks a table record by record: the header when it is created, then each record as
 * it comes (from a parsed table, or straight from the parser as a RecordSink).
 */
class TableValidator<N extends DatasetName> implements RecordSink {
  readonly #name: N;
  readonly #file: string;
  readonly #key: string;
  #headerLength = 0;
  #index = new Map<string, number>();
  #specs: { column: string; spec: ColumnSpec<unknown>; at: number }[] = [];
  /**
   * Every row's keys (_line, then the columns in schema order), each row a copy of it.
   * Adding sixteen properties one by one to a new object regrows its property store several
   * times per row; a copy of an object with the final shape does not (about a third of the
   * time of validating a large file went there). JSON.parse builds the template with its
   * properties stored in the object itself, which the copies keep.
   */
  #template: AnyRow = { _line: 0 };
  /** Header errors stop the checks: without the columns, records cannot be read. */
  #headerFailed = false;
  readonly #keys = new Map<unknown, number>();
  readonly rows: RowOf<N>[] = [];
  readonly errors: DataIssue[] = [];
  readonly warnings: DataIssue[] = [];

  /** No cell holds a SUSPECT_CHARACTER (the caller scanned the whole text once). */
  readonly #plain: boolean;

  constructor(name: N, plain = false) {
    this.#plain = plain;
    this.#name = name;
    this.#file = SCHEMA[name].file;
    this.#key = SCHEMA[name].key;
  }

  header(header: string[]): void {
    for (const issue of checkHeader(this.#name, header)) (issue.severity === 'error' ? this.errors : this.warnings).push(issue);
    if (this.errors.length > 0) {
      this.#headerFailed = true;
      return;
    }
    this.#headerLength = header.length;
    this.#index = new Map(header.map((column, i) => [column, i]));
    // Each column's spec and cell position, resolved once rather than per record: an upload can have a million rows.
    this.#specs = (Object.entries(SCHEMA[this.#name].columns) as [string, ColumnSpec<unknown>][]).map(([column, spec]) => ({ column, spec, at: this.#index.get(column) ?? -1 }));
    this.#template = JSON.parse(JSON.stringify(Object.fromEntries([['_line', 0], ...this.#specs.map(({ column }) => [column, null])]))) as AnyRow;
  }

  record(record: RawRecord): void {
    if (this.#headerFailed) return;
    const { errors } = this;
    const file = this.#file;
    if (record.cells.length !== this.#headerLength) {
      errors.push({
        severity: 'error',
        file,
        line: record.line,
        column: null,
        value: null,
        expected: `${this.#headerLength} cells, as in the header (found ${record.cells.length})`,
        hint: 'A cell containing a comma must be wrapped in "double quotes".',
      });
      return;
    }
    const row: AnyRow = { ...this.#template };
    row._line = record.line;
    let rowOk = true;
    for (const { column, spec, at } of this.#specs) {
      const raw = record.cells[at] ?? '';
      // The fast path for a plain valid cell; anything else goes to parse, which decides.
      const value = spec.read(raw, this.#plain);
      if (value !== NOT_READ) {
        row[column] = value;
        continue;
      }
      const result = spec.parse(raw);
      if (result.ok) {
        row[column] = result.value;
      } else {
        rowOk = false;
        errors.push({ severity: 'error', file, line: record.line, column, value: raw, expected: result.expected, hint: result.hint });
      }
    }
    if (!rowOk) return;
    const qualifierIssues = checkQualifier(this.#name, row, record.cells, this.#index);
    for (const issue of qualifierIssues) errors.push(issue);
    const key = this.#key;
    const keyValue = row[key];
    const firstLine = this.#keys.get(keyValue);
    if (firstLine !== undefined) {
      errors.push({ severity: 'error', file, line: record.line, column: key, value: String(keyValue), expected: `a unique ${key} (already used on line ${firstLine})`, hint: `Give this row its own ${key}, or delete it if it repeats line ${firstLine}.` });
      return;
    }
    this.#keys.set(keyValue, record.line);
    if (qualifierIssues.length === 0) this.rows.push(row as RowOf<N>);
  }

  result(): Validated<N> {
    return this.#headerFailed ? { rows: [], errors: this.errors, warnings: this.warnings } : { rows: this.rows, errors: this.errors, warnings: this.warnings };
  }
}

/** Validate one parsed table against its dataset spec. */
export function validateTable<N extends DatasetName>(name: N, table: RawTable): Validated<N> {
  const validator = new TableValidator(name);
  validator.header(table.header);
  for (const record of table.records) validator.record(record);
  return validator.result();
}

/**
 * Parse and validate CSV text for a dataset in one step: the same result as
 * validateParsed(name, parseCsv(text, file)), checking each record as it is read.
 */
export function validateCsv<N extends DatasetName>(name: N, text: string): Validated<N> {
  // One scan of the whole text instead of one per cell: most files hold no character the
  // cell checks look for, and then no cell needs scanning again.
  // A leading byte order mark is dropped by the parser, so it does not count.
  const bom = LEADING_BOMS.exec(text)?.[0].length ?? 0;
  const validator = new TableValidator(name, !SUSPECT_CHARACTER.test(bom > 0 ? text.slice(bom) : text));
  const parser = new CsvChunkParser(SCHEMA[name].file, validator);
  parser.push(text);
  const { errors } = parser.finish();
  if (errors.some((e) => e.line === 0)) return { rows: [], errors, warnings: [] };
  const result = validator.result();
  return { rows: result.rows, errors: [...errors, ...result.errors], warnings: result.warnings };
}

/** Validate the output of parseCsv or of the chunked CsvChunkParser (for large uploads read in slices). */
export function validateParsed<N extends DatasetName>(name: N, { table, errors }: ParsedCsv): Validated<N> {
  if (errors.some((e) => e.line === 0)) return { rows: [], errors, warnings: [] };
  const result = validateTable(name, table);
  return { rows: result.rows, errors: [...errors, ...result.errors], warnings: result.warnings };
}

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
  // Appended one by one: spreading a list of 100,000 issues into push() overflows the stack.
  for (const issue of checkFundingParts(data.funding ?? [])) issues.push(issue);
  for (const issue of validateAreas(data.areas ?? [])) issues.push(issue);
  return issues;
}

/** The most and least a line can be, from its amount and qualifier. "up to" gives no floor; "more than" no ceiling. */
function floorOf(line: RowOf<'funding'>): number {
  return line.amount_gbp === null || line.qualifier === 'up_to' ? 0 : line.amount_gbp;
}
function ceilingOf(line: RowOf<'funding'>): number {
  return line.amount_gbp === null || line.qualifier === 'more_than' ? Number.POSITIVE_INFINITY : line.amount_gbp;
}

/**
 * Lines whose part_of chain never ends (it loops, or leads into a loop). Each line is
 * walked once: a walk stops at the first line already settled, and every line on its path
 * is then settled with the same answer. Iterative, so a chain 100,000 lines deep neither
 * takes quadratic time nor overflows the stack.
 */
function linesInLoops(byId: ReadonlyMap<string, RowOf<'funding'>>): Set<string> {
  const ends = new Set<string>();
  const loops = new Set<string>();
  for (const start of byId.keys()) {
    if (ends.has(start) || loops.has(start)) continue;
    const path: string[] = [];
    const onPath = new Set<string>();
    let current: string | undefined = start;
    let loopsBack = false;
    while (current !== undefined) {
      if (ends.has(current)) break;
      if (loops.has(current) || onPath.has(current)) {
        loopsBack = true;
        break;
      }
      path.push(current);
      onPath.add(current);
      const parent: string | null = byId.get(current)?.part_of ?? null;
      // A part_of naming no line ends the chain here; the reference check reports it.
      current = parent !== null && byId.has(parent) ? parent : undefined;
    }
    for (const id of path) (loopsBack ? loops : ends).add(id);
  }
  return loops;
}

/**
 * part_of rules, all linear in lines: a chain must end; a part belongs to the same area as
 * its whole; a part is no larger than its whole; and the parts a whole certainly contains
 * (the floors of its direct parts: exact, about and more-than amounts) add up to no more
 * than the whole can be (its ceiling). Where an "about" figure is involved the sources are
 * approximate, so an excess is a warning rather than an error.
 */
function checkFundingParts(lines: readonly RowOf<'funding'>[]): DataIssue[] {
  const issues: DataIssue[] = [];
  const file = 'funding.csv';
  const byId = new Map(lines.map((line) => [line.id, line]));
  const loops = linesInLoops(byId);
  /** Direct parts of each whole, in file order. */
  const partsOf = new Map<string, RowOf<'funding'>[]>();
  for (const line of lines) {
    if (!line.part_of) continue;
    if (loops.has(line.id)) {
      issues.push({ severity: 'error', file, line: line._line, column: 'part_of', value: line.part_of, expected: 'a chain of part_of links that ends (this one loops back)', hint: 'part_of names the larger line this one is carved from; the whole line itself has part_of blank.' });
    }
    const whole = byId.get(line.part_of);
    if (!whole) continue;
    if (whole.area_code !== line.area_code) {
      issues.push({ severity: 'error', file, line: line._line, column: 'part_of', value: line.part_of, expected: `a line for the same area (${line.id} is for ${line.area_code}, ${whole.id} on line ${whole._line} is for ${whole.area_code})`, hint: 'A part must be carved from a line of its own area; otherwise one area\'s money is counted in another\'s total.' });
      continue;
    }
    const parts = partsOf.get(whole.id);
    if (parts) parts.push(line);
    else partsOf.set(whole.id, [line]);
    if (line.amount_gbp !== null && line.amount_gbp > ceilingOf(whole)) {
      issues.push({ severity: 'error', file, line: line._line, column: 'amount_gbp', value: String(line.amount_gbp), expected: `no more than the line it is part of (${whole.id}: ${whole.amount_gbp})`, hint: 'Check the two amounts against the source, and that part_of names the right line.' });
    }
  }
  for (const [wholeId, parts] of partsOf) {
    const whole = byId.get(wholeId);
    if (!whole || parts.length < 2) continue;
    const ceiling = ceilingOf(whole);
    let floorSum = 0;
    let approximate = whole.qualifier === 'about';
    for (const part of parts) {
      floorSum += floorOf(part);
      if (part.qualifier === 'about' && part.amount_gbp !== null) approximate = true;
    }
    // A single part above its whole is reported on the part itself (above).
    if (floorSum <= ceiling || parts.some((part) => part.amount_gbp !== null && part.amount_gbp > ceiling)) continue;
    const counted = parts.filter((part) => floorOf(part) > 0);
    issues.push({
      severity: approximate ? 'warning' : 'error',
      file,
      line: whole._line,
      column: 'amount_gbp',
      value: String(whole.amount_gbp),
      expected: `no more than ${whole.qualifier === 'up_to' ? 'a ceiling of ' : ''}${whole.amount_gbp}, yet its ${counted.length} exact or minimum parts add up to ${floorSum} (lines ${counted.slice(0, 5).map((part) => part._line).join(', ')}${counted.length > 5 ? ', …' : ''})`,
      hint: 'Check the parts\' amounts and qualifiers, and that each part_of names the right line. A part that the source gives only as a ceiling should have the qualifier up_to.',
    });
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

function uncheckable(file: string, error: unknown): DataIssue {
  return { severity: 'error', file, line: 0, column: null, value: null, expected: 'a file the checker can read', hint: `The checker failed on this file (${error instanceof Error ? error.message : String(error)}), so it is left out.` };
}

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
    let result: Validated<typeof name>;
    try {
      result = validateCsv(name, input.text);
    } catch (error) {
      // A bug the checks did not foresee must cost this file only, as the README promises.
      reports.set(name, { dataset: name, file, status: 'broken', rowCount: 0, warnings: [], errors: [uncheckable(file, error)] });
      continue;
    }
    const status = result.errors.length > 0 ? 'broken' : 'ok';
    reports.set(name, { dataset: name, file, status, rowCount: result.rows.length, errors: result.errors, warnings: result.warnings });
    if (status === 'ok') (data as Record<DatasetName, unknown>)[name] = result.rows;
  }
  const brokenByReference = new Set<DatasetName>();
  let references: DataIssue[];
  try {
    references = validateReferences(data);
  } catch (error) {
    // Without the cross-file checks no file that refers to another can be trusted.
    references = (Object.keys(data) as DatasetName[])
      .filter((name) => Object.values(SCHEMA[name].columns).some((spec: ColumnSpec<unknown>) => spec.ref !== undefined))
      .map((name) => uncheckable(SCHEMA[name].file, error));
  }
  for (const issue of references) {
    const name = datasetForFile(issue.file);
    const report = name ? reports.get(name) : undefined;
    if (!name || !report) continue;
    if (issue.severity === 'warning') {
      report.warnings.push(issue);
      continue;
    }
    report.errors.push(issue);
    report.status = 'broken';
    brokenByReference.add(name);
  }
  const usable = Object.fromEntries(Object.entries(data).filter(([name]) => !brokenByReference.has(name as DatasetName))) as RowsByDataset;
  return { data: usable, reports: [...reports.values()] };
}
