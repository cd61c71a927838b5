/**
 * npm run check:data [dir] [--all] — validate a folder of dashboard CSVs with the same code
 * the app uses, print one line per problem, and exit non-zero when any file has an error.
 *
 * Cell values are data, and so is what this prints: every line has its control and
 * invisible characters written as ⟨U+XXXX⟩ (an ESC sequence or a line break in a cell
 * could otherwise rewrite the terminal or forge a "✓ funding.csv: ok" line), long values
 * are cut short, and each file lists at most as many issues as the browser's data view
 * (per file and per column) unless --all is given.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { showInvisible } from '../src/lib/data/bidi.ts';
import { describeIssue, type DataIssue } from '../src/lib/data/issues.ts';
import { loadDatasets } from '../src/lib/data/load.ts';
import { loadIndicators } from '../src/lib/data/indicators/load.ts';
import { METADATA_FILE } from '../src/lib/data/indicators/schema.ts';
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

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const all = args.includes('--all');
  const dir = resolve(args.find((arg) => arg !== '--all') ?? 'public/data');
  const read = (file: string) => readFile(resolve(dir, file), 'utf8');
  const { data, reports: datasetReports } = await loadDatasets(read);
  // Official indicators, when the folder has them: checked against the districts in areas.csv (if it is usable).
  const districts = data.areas ? new Set(data.areas.map((a) => a.area_code)) : undefined;
  const indicators = existsSync(resolve(dir, METADATA_FILE)) ? await loadIndicators(read, { districts }) : null;
  const { lines, errorCount } = reportLines([...datasetReports, ...(indicators?.reports ?? [])], dir, all);
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
