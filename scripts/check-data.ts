/**
 * npm run check:data [dir] — validate a folder of dashboard CSVs with the same code the
 * app uses, print one line per problem, and exit non-zero when any file has an error.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describeIssue } from '../src/lib/data/issues.ts';
import { loadDatasets } from '../src/lib/data/load.ts';
import { loadIndicators } from '../src/lib/data/indicators/load.ts';
import { METADATA_FILE } from '../src/lib/data/indicators/schema.ts';

const dir = resolve(process.argv[2] ?? 'public/data');
const read = (file: string) => readFile(resolve(dir, file), 'utf8');
const { data, reports: datasetReports } = await loadDatasets(read);
// Official indicators, when the folder has them: checked against the districts in areas.csv (if it is usable).
const districts = data.areas ? new Set(data.areas.map((a) => a.area_code)) : undefined;
const indicators = existsSync(resolve(dir, METADATA_FILE)) ? await loadIndicators(read, { districts }) : null;
const reports = [...datasetReports, ...(indicators?.reports ?? [])];

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
