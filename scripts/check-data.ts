/**
 * npm run check:data [dir] — validate a folder of dashboard CSVs with the same code the
 * app uses, print one line per problem, and exit non-zero when any file has an error.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeIssue } from '../src/lib/data/issues.ts';
import { loadDatasets } from '../src/lib/data/load.ts';

const dir = resolve(process.argv[2] ?? 'public/data');
const { reports } = await loadDatasets((file) => readFile(resolve(dir, file), 'utf8'));

let errorCount = 0;
for (const report of reports) {
  const status = report.status === 'ok' ? `ok, ${report.rowCount} rows` : report.status === 'missing' ? 'missing' : `${report.errors.length} error(s)`;
  console.log(`${report.status === 'ok' ? '✓' : '✗'} ${report.file}: ${status}`);
  for (const issue of [...report.errors, ...report.warnings]) {
    console.log(`  ${issue.severity === 'error' ? 'error' : 'warning'}: ${describeIssue(issue)}`);
  }
  errorCount += report.errors.length;
}

if (errorCount > 0) {
  console.error(`\n${errorCount} error(s) in ${dir}. Fix them and run again.`);
  process.exit(1);
}
console.log(`\nAll ${reports.length} files in ${dir} are valid.`);
