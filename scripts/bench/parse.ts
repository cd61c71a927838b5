/**
 * Parse-and-validate time for synthetic funding.csv files of 100k and 1M rows, beside
 * bare papaparse (header: true) on the same text. The rows are the published funding
 * rows repeated with unique ids, so every cell goes through the real column checks.
 * Times are CPU time (cpu.ts), the median of the runs, the two alternating.
 *
 * Each size is measured in a fresh node process (measureParseApart): in the bench's own
 * process, what ran before (Lighthouse, the other datasets' validation) shapes the JIT's
 * and the collector's state, and the 1M-row ratio moved between 1.5 and 2.1 on the same
 * code. In a process that validated the published datasets first it is about 0.15 higher
 * than in a fresh one (docs/bench.md).
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { median } from 'd3-array';
import Papa from 'papaparse';
import { cpuMs } from './cpu.ts';
import { SCHEMA } from '../../src/lib/data/schema.ts';
import { validateCsv } from '../../src/lib/data/validate.ts';

export function syntheticFunding(publishedCsv: string, rows: number): string {
  const published = Papa.parse<Record<string, string>>(publishedCsv, { header: true, skipEmptyLines: true }).data;
  const fields = Object.keys(SCHEMA.funding.columns);
  const data: string[][] = [];
  for (let i = 0; i < rows; i++) {
    const template = published[i % published.length] ?? {};
    data.push(fields.map((field) => (field === 'id' ? `${template.id}-${i}` : (template[field] ?? ''))));
  }
  return `${Papa.unparse({ fields, data }, { newline: '\n' })}\n`;
}

export interface ParseResult {
  rows: number;
  megabytes: number;
  validateMs: number;
  papaMs: number;
  ratio: number;
}

export function measureParse(repoRoot: string, rows: number, runs: number): ParseResult {
  const text = syntheticFunding(readFileSync(path.join(repoRoot, 'public/data/funding.csv'), 'utf8'), rows);
  const validateTimes: number[] = [];
  const papaTimes: number[] = [];
  for (let run = 0; run < runs; run++) {
    // Alternate, and check the result so neither run can be optimised away or silently fail.
    validateTimes.push(
      cpuMs(() => {
        const result = validateCsv('funding', text);
        if (result.errors.length > 0 || result.rows.length !== rows) throw new Error(`synthetic funding.csv did not validate: ${JSON.stringify(result.errors.slice(0, 3))}`);
      }),
    );
    papaTimes.push(
      cpuMs(() => {
        const result = Papa.parse(text, { header: true });
        if (result.data.length < rows) throw new Error('papaparse read fewer rows than written');
      }),
    );
  }
  const validateMs = median(validateTimes) ?? Number.NaN;
  const papaMs = median(papaTimes) ?? Number.NaN;
  return { rows, megabytes: text.length / 1e6, validateMs, papaMs, ratio: validateMs / papaMs };
}

/** measureParse in a node process of its own, with the collector exposed (see above). */
export async function measureParseApart(repoRoot: string, rows: number, runs: number): Promise<ParseResult> {
  const args = ['--max-old-space-size=8192', '--expose-gc', '--import', 'tsx', fileURLToPath(import.meta.url), repoRoot, String(rows), String(runs)];
  const { stdout } = await promisify(execFile)(process.execPath, args, { cwd: repoRoot, maxBuffer: 1 << 20 });
  return JSON.parse(stdout) as ParseResult;
}

// Run by measureParseApart: `node --expose-gc --import tsx scripts/bench/parse.ts <repo> <rows> <runs>` prints the result as JSON.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [repoRoot = '.', rows = '100000', runs = '3'] = process.argv.slice(2);
  process.stdout.write(JSON.stringify(measureParse(repoRoot, Number(rows), Number(runs))));
}
