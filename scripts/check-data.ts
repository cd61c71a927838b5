/**
 * npm run check:data [dir] [--all] — validate a folder of dashboard CSVs with the same code
 * the app uses, print one line per problem, and exit non-zero when any file has an error.
 *
 * npm run check:data -- --file my/funding.csv [--as funding] [dir] — check one changed file
 * against the published others (as the browser's data view does): it takes the place of
 * the file of that name (or of the dataset given with --as) and only its report is printed.
 *
 * Cell values are data, and so is what this prints: every line has its control and
 * invisible characters written as ⟨U+XXXX⟩ (an ESC sequence or a line break in a cell
 * could otherwise rewrite the terminal or forge a "✓ funding.csv: ok" line), long values
 * are cut short, and each file lists at most as many issues as the browser's data view
 * (per file and per column) unless --all is given.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { showInvisible } from '../src/lib/data/bidi.ts';
import { describeIssue, type DataIssue } from '../src/lib/data/issues.ts';
import { loadDatasets } from '../src/lib/data/load.ts';
import { loadIndicators } from '../src/lib/data/indicators/load.ts';
import { METADATA_FILE } from '../src/lib/data/indicators/schema.ts';
import { DATASET_NAMES, SCHEMA, datasetForFile } from '../src/lib/data/schema.ts';
import type { FileReport } from '../src/lib/data/validate.ts';
import { MAX_ISSUES_PER_COLUMN, MAX_ISSUES_SENT, capIssues } from '../src/lib/workers/protocol.ts';

/** Characters of a cell value shown in a message; the line and column say where the rest is. */
export const MAX_VALUE_CHARS = 200;
/** Characters of one printed line, after escaping. */
export const MAX_LINE_CHARS = 2000;

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max)}… (${text.length.toLocaleString('en-GB')} characters)` : text);

/** One printed line, safe for a terminal: nothing in it can act as a control or start another line. */
export function terminalLine(text: string): string {
  return cut(showInvisible(text), MAX_LINE_CHARS);
}

function issueLine(issue: DataIssue): string {
  const value = issue.value === null ? null : cut(issue.value, MAX_VALUE_CHARS);
  return terminalLine(`  ${issue.severity === 'error' ? 'error' : 'warning'}: ${describeIssue({ ...issue, value })}`);
}

function listed(issues: readonly DataIssue[], kind: string, all: boolean): string[] {
  if (all) return issues.map(issueLine);
  const capped = capIssues(issues, MAX_ISSUES_SENT, MAX_ISSUES_PER_COLUMN);
  const lines = capped.shown.map(issueLine);
  const hidden = capped.total - capped.shown.length;
  if (hidden > 0) {
    const byColumn = (capped.columns ?? [])
      .filter((count) => count.total > count.shown)
      .map((count) => `${count.column ?? 'whole rows'}: ${(count.total - count.shown).toLocaleString('en-GB')}`)
      .join(', ');
    lines.push(terminalLine(`  … ${hidden.toLocaleString('en-GB')} more ${kind} not listed (${byColumn}). Run with --all to list every one.`));
  }
  return lines;
}

/** What is printed of a dataset's or an indicator file's report. */
type ReportLike = Pick<FileReport, 'file' | 'status' | 'rowCount' | 'errors' | 'warnings'>;

/** The report as printed lines, and how many errors it holds. Pure, for tests. */
export function reportLines(reports: readonly ReportLike[], dir: string, all = false): { lines: string[]; errorCount: number } {
  const lines: string[] = [];
  let errorCount = 0;
  for (const report of reports) {
    const status = report.status === 'ok' ? `ok, ${report.rowCount} rows` : report.status === 'missing' ? 'missing' : `${report.errors.length} error(s)`;
    lines.push(terminalLine(`${report.status === 'ok' ? '✓' : '✗'} ${report.file}: ${status}`));
    // One by one: with --all a list can be far longer than push() takes arguments.
    for (const line of [...listed(report.errors, 'errors', all), ...listed(report.warnings, 'warnings', all)]) lines.push(line);
    errorCount += report.errors.length;
  }
  lines.push('');
  lines.push(terminalLine(errorCount > 0 ? `${errorCount} error(s) in ${dir}. Fix them and run again.` : `All ${reports.length} files in ${dir} are valid.`));
  return { lines, errorCount };
}

export interface CheckArgs {
  dir: string;
  all: boolean;
  /** The changed file to check against the others, and the folder-relative name it stands in for. */
  changed: { path: string; replaces: string } | null;
}

/**
 * Reads the command line. A changed file replaces the published file of the same name
 * (funding.csv, or indicators/<name>.csv when the folder has one), or the dataset named
 * with --as; anything else is an error that says what to write.
 */
export function parseArgs(args: readonly string[], hasFile: (dir: string, relative: string) => boolean): CheckArgs | { error: string } {
  const rest = [...args];
  const take = (flag: string): string | null | undefined => {
    const at = rest.indexOf(flag);
    if (at < 0) return undefined;
    const value = rest[at + 1];
    rest.splice(at, 2);
    return value === undefined || value.startsWith('--') ? null : value;
  };
  const file = take('--file');
  const as = take('--as');
  const all = rest.includes('--all');
  const dir = rest.find((arg) => arg !== '--all') ?? 'public/data';
  if (file === null) return { error: 'Write the changed file after --file, e.g. npm run check:data -- --file my/funding.csv' };
  if (as === null) return { error: `Write a dataset after --as: one of ${DATASET_NAMES.join(', ')}.` };
  if (file === undefined) return as === undefined ? { dir, all, changed: null } : { error: '--as needs --file: npm run check:data -- --file my/file.csv --as funding' };
  if (as !== undefined) {
    const dataset = DATASET_NAMES.find((name) => name === as);
    if (!dataset) return { error: `"${as}" is not a dataset. Write one of ${DATASET_NAMES.join(', ')}.` };
    return { dir, all, changed: { path: file, replaces: SCHEMA[dataset].file } };
  }
  const name = basename(file);
  if (datasetForFile(name)) return { dir, all, changed: { path: file, replaces: name } };
  if (hasFile(dir, `indicators/${name}`)) return { dir, all, changed: { path: file, replaces: `indicators/${name}` } };
  return { error: `"${name}" is not the name of a data file. Name it as the file it replaces (${DATASET_NAMES.map((n) => SCHEMA[n].file).join(', ')}), or add --as <dataset>.` };
}

async function main(): Promise<void> {
  const parsed = parseArgs(process.argv.slice(2), (dir, relative) => existsSync(resolve(dir, relative)));
  if ('error' in parsed) {
    console.error(terminalLine(parsed.error));
    process.exitCode = 2;
    return;
  }
  const { all, changed } = parsed;
  const dir = resolve(parsed.dir);
  const changedPath = changed ? resolve(changed.path) : null;
  // The changed file stands in for its published namesake; every other file is read from the folder.
  const read = (file: string) => readFile(changed && changedPath && file === changed.replaces ? changedPath : resolve(dir, file), 'utf8');
  const { data, reports: datasetReports } = await loadDatasets(read);
  // Official indicators, when the folder has them: checked against the districts in areas.csv (if it is usable).
  const districts = data.areas ? new Set(data.areas.map((a) => a.area_code)) : undefined;
  const indicators = existsSync(resolve(dir, METADATA_FILE)) ? await loadIndicators(read, { districts }) : null;
  const everyReport = [...datasetReports, ...(indicators?.reports ?? [])];
  const shown = changed ? everyReport.filter((report) => report.file === changed.replaces || report.file.endsWith(`/${changed.replaces}`)) : everyReport;
  const { lines, errorCount } = reportLines(shown, changed ? `${changed.path} (as ${changed.replaces}, checked against ${dir})` : dir, all);
  const summary = lines.pop() ?? '';
  for (const line of lines) console.log(line);
  if (errorCount > 0) {
    console.error(summary);
    process.exitCode = 1;
  } else {
    console.log(summary);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main();
