/**
 * npm run data:indicators [dir] — import ONS Explore Local Statistics tidy files (default
 * ../shared/data/indicators) into public/data/indicators/, keeping England, every combined
 * authority and the districts in public/data/areas.csv (read now, so new districts are
 * picked up). Rows are checked against indicators.csv and written in a stable order, so
 * importing the same files again changes nothing. Reads files only; no network.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { describeIssue } from '../src/lib/data/issues.ts';
import { importTidyFile } from '../src/lib/data/indicators/import.ts';
import { METADATA_FILE } from '../src/lib/data/indicators/schema.ts';
import { validateMetadata } from '../src/lib/data/indicators/validate.ts';
import { validateCsv } from '../src/lib/data/validate.ts';

const DATA_DIR = resolve(import.meta.dirname, '../public/data');
const OUT_DIR = join(DATA_DIR, 'indicators');
const sourceDir = resolve(process.argv[2] ?? '../shared/data/indicators');

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

if (!existsSync(sourceDir)) fail(`No folder ${sourceDir}. Give the folder holding the ONS tidy CSV files: npm run data:indicators <dir>`);

const areas = validateCsv('areas', readFileSync(join(DATA_DIR, 'areas.csv'), 'utf8'));
if (areas.errors.length > 0) fail(`public/data/areas.csv has errors; fix them first (npm run check:data).\n${areas.errors.map(describeIssue).join('\n')}`);
const districts = new Set(areas.rows.map((a) => a.area_code));

const metadata = validateMetadata(readFileSync(join(DATA_DIR, METADATA_FILE), 'utf8'));
if (metadata.errors.length > 0) fail(`public/data/${METADATA_FILE} has errors:\n${metadata.errors.map(describeIssue).join('\n')}`);

const files = readdirSync(sourceDir)
  .filter((name) => name.endsWith('.csv') && name !== basename(METADATA_FILE))
  .sort();
if (files.length === 0) fail(`No .csv files in ${sourceDir}.`);

let failed = 0;
for (const name of files) {
  const result = importTidyFile(name, readFileSync(join(sourceDir, name), 'utf8'), metadata.rows, districts);
  for (const issue of [...result.errors, ...result.warnings]) console.log(`  ${issue.severity}: ${describeIssue(issue)}`);
  if (result.csv === null) {
    failed++;
    console.log(`✗ ${name}: ${result.errors.length} error(s); not imported`);
    continue;
  }
  const target = join(OUT_DIR, name);
  const unchanged = existsSync(target) && readFileSync(target, 'utf8') === result.csv;
  if (!unchanged) writeFileSync(target, result.csv);
  console.log(`✓ ${name}: ${result.kept} rows kept, ${result.dropped} for other areas dropped${unchanged ? ', unchanged' : ', written'}`);
}

const listed = new Set(metadata.rows.map((m) => m.dataset));
for (const dataset of listed) {
  if (!existsSync(join(OUT_DIR, dataset))) console.log(`  warning: indicators.csv lists ${dataset}, but public/data/indicators/ has no such file.`);
}
if (failed > 0) fail(`\n${failed} file(s) had errors and were not imported.`);
console.log(`\nImported ${files.length} file(s) into public/data/indicators/ for ${districts.size} areas in areas.csv, England and every combined authority.`);
