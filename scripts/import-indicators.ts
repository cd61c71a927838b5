/**
 * npm run data:indicators [dir] — import ONS Explore Local Statistics tidy files (default
 * ../shared/data/indicators) into public/data/indicators/, keeping England, every combined
 * authority and the districts in public/data/areas.csv (read now, so new districts are
 * picked up). Rows are checked against indicators.csv and written in a stable order, so
 * importing the same files again changes nothing. Reads files only; no network.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describeIssue } from '../src/lib/data/issues.ts';
import { importTidyFile } from '../src/lib/data/indicators/import.ts';
import { compareWithOnsMetadata, readOnsMetadata } from '../src/lib/data/indicators/ons-metadata.ts';
import { INDICATOR_DIR, METADATA_FILE } from '../src/lib/data/indicators/schema.ts';
import { validateMetadata } from '../src/lib/data/indicators/validate.ts';
import { validateCsv } from '../src/lib/data/validate.ts';

export interface ImportOptions {
  /** Folder of ONS tidy CSVs. */
  sourceDir: string;
  /** The published data folder: areas.csv is read from it, indicators/ written into it. */
  dataDir: string;
  log?: (line: string) => void;
}

/** Returns the exit code: 0 when every file imported, 1 otherwise (files with errors are not written). */
export function importIndicators({ sourceDir, dataDir, log = console.log }: ImportOptions): number {
  const fail = (message: string) => {
    log(message);
    return 1;
  };
  if (!existsSync(sourceDir)) return fail(`No folder ${sourceDir}. Give the folder holding the ONS tidy CSV files: npm run data:indicators <dir>`);

  const areas = validateCsv('areas', readFileSync(join(dataDir, 'areas.csv'), 'utf8'));
  if (areas.errors.length > 0) return fail(`areas.csv has errors; fix them first (npm run check:data).\n${areas.errors.map(describeIssue).join('\n')}`);
  const districts = new Set(areas.rows.map((a) => a.area_code));

  const metadata = validateMetadata(readFileSync(join(dataDir, METADATA_FILE), 'utf8'));
  if (metadata.errors.length > 0) return fail(`${METADATA_FILE} has errors:\n${metadata.errors.map(describeIssue).join('\n')}`);

  const outDir = join(dataDir, INDICATOR_DIR);
  const files = readdirSync(sourceDir)
    .filter((name) => name.endsWith('.csv') && name !== basename(METADATA_FILE))
    .sort();
  if (files.length === 0) return fail(`No .csv files in ${sourceDir}.`);

  let failed = 0;
  for (const name of files) {
    const result = importTidyFile(name, readFileSync(join(sourceDir, name), 'utf8'), metadata.rows, districts);
    for (const issue of [...result.errors, ...result.warnings]) log(`  ${issue.severity}: ${describeIssue(issue)}`);
    if (result.csv === null) {
      failed++;
      log(`✗ ${name}: ${result.errors.length} error(s); not imported`);
      continue;
    }
    // The ONS's NAME.json, when present, is only compared with indicators.csv: a changed date or decimals means a new release.
    const jsonName = name.replace(/\.csv$/, '.json');
    if (existsSync(join(sourceDir, jsonName))) {
      let ons: ReturnType<typeof readOnsMetadata> = null;
      try {
        ons = readOnsMetadata(JSON.parse(readFileSync(join(sourceDir, jsonName), 'utf8')));
      } catch {
        // reported below as not readable
      }
      if (ons === null) log(`  warning: ${jsonName} is not ONS indicator metadata of a known shape; not compared.`);
      for (const issue of compareWithOnsMetadata(metadata.rows, ons ?? [], jsonName)) log(`  warning: ${describeIssue(issue)}`);
    }
    if (result.absent.length > 0) log(`  warning: ${name} has no rows for ${result.absent.join(', ')}, listed in areas.csv: the dataset may predate them or use other GSS codes.`);
    const target = join(outDir, name);
    const unchanged = existsSync(target) && readFileSync(target, 'utf8') === result.csv;
    if (!unchanged) writeFileSync(target, result.csv);
    log(`✓ ${name}: ${result.kept} rows kept, ${result.dropped} for other areas dropped${unchanged ? ', unchanged' : ', written'}`);
  }

  for (const dataset of new Set(metadata.rows.map((m) => m.dataset))) {
    if (!existsSync(join(outDir, dataset))) log(`  warning: indicators.csv lists ${dataset}, but ${INDICATOR_DIR}/ has no such file.`);
  }
  if (failed > 0) return fail(`\n${failed} file(s) had errors and were not imported.`);
  log(`\nImported ${files.length} file(s) into ${outDir} for England, every combined authority and the ${districts.size} areas in areas.csv.`);
  return 0;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = importIndicators({
    sourceDir: resolve(process.argv[2] ?? '../shared/data/indicators'),
    dataDir: resolve(import.meta.dirname, '../public/data'),
  });
}
