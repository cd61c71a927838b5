/**
 * Parse-and-validate time for synthetic funding.csv files of 100k and 1M rows, beside
 * bare papaparse (header: true) on the same text. The rows are the published funding
 * rows repeated with unique ids, so every cell goes through the real column checks.
 * Times are CPU time (see `time`), the median of the runs, the two alternating.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import Papa from 'papaparse';
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

/**
 * CPU time of this process (all its threads, so the garbage collector's helpers count),
 * in ms. Not wall time: on a shared machine other processes stretch wall time, not this.
 */
function time(fn: () => void): number {
  const start = process.cpuUsage();
  fn();
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

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
      time(() => {
        const result = validateCsv('funding', text);
        if (result.errors.length > 0 || result.rows.length !== rows) throw new Error(`synthetic funding.csv did not validate: ${JSON.stringify(result.errors.slice(0, 3))}`);
      }),
    );
    papaTimes.push(
      time(() => {
        const result = Papa.parse(text, { header: true });
        if (result.data.length < rows) throw new Error('papaparse read fewer rows than written');
      }),
    );
  }
  const validateMs = median(validateTimes);
  const papaMs = median(papaTimes);
  return { rows, megabytes: text.length / 1e6, validateMs, papaMs, ratio: validateMs / papaMs };
}
