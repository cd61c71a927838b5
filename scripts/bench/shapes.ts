/**
 * Hostile shapes of valid and invalid data, timed through the same code the site and
 * check:data run (parse, validate, cross-file checks, headline derivation), each against
 * a budget of SHAPE_MS_PER_100K ms per 100,000 rows (issue 19: nothing may be quadratic or
 * recursive in rows). Each run also asserts its result, so a shape that stops being
 * detected fails instead of getting fast.
 *
 * Standalone: `node --expose-gc --import tsx scripts/bench/shapes.ts` (no build needed).
 */
import { pathToFileURL } from 'node:url';
import { median } from 'd3-array';
import { cpuMs } from './cpu.ts';
import { buildHeadlines } from '../../src/lib/data/derive.ts';
import { CsvChunkParser, parseCsv } from '../../src/lib/data/parse.ts';
import { SCHEMA } from '../../src/lib/data/schema.ts';
import { assembleDatasets, validateParsed, type AssembledData } from '../../src/lib/data/validate.ts';
import { MAX_ISSUES_PER_COLUMN, MAX_ISSUES_SENT, capIssues } from '../../src/lib/workers/protocol.ts';

/** Budget: milliseconds per 100,000 rows for any shape. */
export const SHAPE_MS_PER_100K = 2000;

const FUNDING_HEADER = Object.keys(SCHEMA.funding.columns).join(',');
const AREA = 'E47000007';
const SUPPORT = {
  sources: { text: 'source_id,title,publisher,published,url,note\nsrc-1,Title,Publisher,2018,,\n' },
  areas: { text: `area_code,area_name,short_name,area_type,parent_code,population,population_year,population_source_id,note\n${AREA},West Midlands Combined Authority,West Midlands,combined_authority,,2900000,2021,src-1,\n` },
  programmes: { text: `programme_id,area_code,programme_name,kind,started,source_id,summary\nwm-deal,${AREA},Deal,deal,2018,src-1,A deal.\n` },
};

/** One funding row; `note` may contain commas, quotes and line breaks (it is quoted). */
function fundingRow(id: string, amount: number | null, partOf: string, note = ''): string {
  const qualifier = amount === null ? 'unquantified' : 'exact';
  const quoted = note === '' ? '' : `"${note.replaceAll('"', '""')}"`;
  return `${id},${AREA},wm-deal,Component ${id},Department for Education,government,skills,${amount ?? ''},${qualifier},,${partOf},5,2018-07-18,src-1,not_stated,${quoted}`;
}

export interface ShapeResult {
  shape: string;
  rows: number;
  /** Median wall-clock time. */
  ms: number;
  /** Median CPU time of this process (user + system); the budget applies to it, since on a shared machine wall time mostly measures the neighbours. */
  cpuMs: number;
  cpuMsPer100k: number;
  pass: boolean;
}


function timed(shape: string, rows: number, run: () => void, runs = 3): ShapeResult {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    cpu.push(cpuMs(run));
    wall.push(performance.now() - start);
  }
  const cpuMedian = median(cpu) ?? Number.NaN;
  const cpuMsPer100k = (cpuMedian / rows) * 100_000;
  return { shape, rows, ms: median(wall) ?? Number.NaN, cpuMs: cpuMedian, cpuMsPer100k, pass: cpuMsPer100k <= SHAPE_MS_PER_100K };
}

function expectThat(condition: boolean, message: string): void {
  if (!condition) throw new Error(`bench shape check failed: ${message}`);
}

function assembled(funding: string): AssembledData {
  return assembleDatasets({ ...SUPPORT, funding: { text: funding } });
}

/** A valid part_of chain `depth` lines deep, each line half its whole's size or less. */
function deepChain(depth: number): string {
  const lines = [FUNDING_HEADER];
  for (let i = 0; i < depth; i++) lines.push(fundingRow(`chain-${i}`, depth - i, i === 0 ? '' : `chain-${i - 1}`));
  return `${lines.join('\n')}\n`;
}

/** `count` funding lines in one programme: one whole and its unquantified parts. */
function manyLines(count: number): string {
  const lines = [FUNDING_HEADER, fundingRow('whole', 1_000_000_000, '')];
  for (let i = 1; i < count; i++) lines.push(fundingRow(`line-${i}`, null, 'whole'));
  return `${lines.join('\n')}\n`;
}

/** `count` parts each larger than their whole: one error per part. */
function partsLargerThanWhole(count: number): string {
  const lines = [FUNDING_HEADER, fundingRow('whole', 1, '')];
  for (let i = 0; i < count; i++) lines.push(fundingRow(`part-${i}`, 2, 'whole'));
  return `${lines.join('\n')}\n`;
}

/** About `megabytes` of valid rows with CRLF line ends; every 7th row has a quoted multi-line note. */
function largeFile(megabytes: number): { text: string; rows: number } {
  const parts = [FUNDING_HEADER];
  let bytes = FUNDING_HEADER.length;
  let rows = 0;
  while (bytes < megabytes * 1024 * 1024) {
    const note = rows % 7 === 0 ? `Paid in stages:\nfirst "phase", then the rest, line ${rows}` : `Row ${rows} of the generated file`;
    const line = fundingRow(`gen-${rows}`, 1000 + rows, '', note);
    parts.push(line);
    bytes += line.length + 2;
    rows++;
  }
  return { text: `${parts.join('\r\n')}\r\n`, rows };
}

export function measureShapes(): ShapeResult[] {
  const results: ShapeResult[] = [];

  for (const depth of [12_000, 100_000]) {
    const text = deepChain(depth);
    results.push(
      timed(`Valid part_of chain ${depth.toLocaleString('en-GB')} lines deep: check`, depth, () => {
        const { reports, data } = assembled(text);
        expectThat(reports.every((r) => r.status === 'ok') && data.funding?.length === depth, 'the deep chain should be valid');
      }),
    );
  }
  {
    const depth = 12_000;
    const { data } = assembled(deepChain(depth));
    results.push(
      timed(`Valid part_of chain ${depth.toLocaleString('en-GB')} lines deep: headline view-model`, depth, () => {
        expectThat(buildHeadlines(data)[0]?.programmes[0]?.figures.length === depth, 'every line of the chain should be a figure');
      }),
    );
  }

  {
    const count = 8000;
    const text = manyLines(count);
    results.push(
      timed(`${count.toLocaleString('en-GB')} funding lines in one programme: check`, count, () => {
        expectThat(assembled(text).data.funding?.length === count, 'the many lines should be valid');
      }),
    );
    const { data } = assembled(text);
    results.push(
      timed(`${count.toLocaleString('en-GB')} funding lines in one programme: headline view-model`, count, () => {
        expectThat(buildHeadlines(data)[0]?.programmes[0]?.figures.length === count, 'every line should be a figure');
      }),
    );
  }

  {
    const count = 130_000;
    const text = partsLargerThanWhole(count);
    results.push(
      timed(`${count.toLocaleString('en-GB')} parts larger than their whole: check and cap the errors`, count, () => {
        const { reports, data } = assembled(text);
        const funding = reports.find((r) => r.file === 'funding.csv');
        expectThat(funding?.status === 'broken' && funding.errors.length === count, 'every part should be an error');
        expectThat(data.funding === undefined && data.sources !== undefined, 'funding should be left out and the rest kept');
        expectThat(capIssues(funding?.errors ?? [], MAX_ISSUES_SENT, MAX_ISSUES_PER_COLUMN).shown.length === MAX_ISSUES_PER_COLUMN, 'the list should be capped per column');
      }),
    );
  }

  {
    // Was a unit test (three quarters of the unit suite's time); its properties are covered by fast-check there.
    const { text, rows } = largeFile(50);
    results.push(
      timed(`50 MB funding.csv (${rows.toLocaleString('en-GB')} rows), read whole`, rows, () => {
        const result = validateParsed('funding', parseCsv(text, 'funding.csv'));
        expectThat(result.errors.length === 0 && result.rows.length === rows, 'the 50 MB file should validate whole');
      }, 1),
    );
    results.push(
      timed(`50 MB funding.csv, read in 1 MiB byte slices as the upload worker does`, rows, () => {
        const bytes = new TextEncoder().encode(text);
        const decoder = new TextDecoder('utf-8');
        const parser = new CsvChunkParser('funding.csv');
        for (let start = 0; start < bytes.length; start += 1 << 20) parser.push(decoder.decode(bytes.subarray(start, start + (1 << 20)), { stream: true }));
        parser.push(decoder.decode());
        const result = validateParsed('funding', parser.finish());
        expectThat(result.errors.length === 0 && result.rows.length === rows && result.rows.at(-1)?.id === `gen-${rows - 1}`, 'the sliced read should match');
      }, 1),
    );
  }
  return results;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const results = measureShapes();
  for (const r of results) console.log(`${r.pass ? 'PASS' : 'FAIL'}  ${r.shape}: ${Math.round(r.cpuMs)} ms CPU, ${Math.round(r.ms)} ms wall (${Math.round(r.cpuMsPer100k)} ms CPU per 100k rows; budget ${SHAPE_MS_PER_100K})`);
  if (results.some((r) => !r.pass)) process.exitCode = 1;
}
