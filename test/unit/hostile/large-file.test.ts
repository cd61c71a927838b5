/**
 * A ~50 MB funding.csv, generated in memory: it parses and validates with every row
 * accounted for, read whole and read the way the upload worker reads it (1 MiB byte
 * slices through a streaming TextDecoder into CsvChunkParser). No timing assertions:
 * speed budgets belong to the benchmark.
 */
import { describe, expect, it } from 'vitest';
import { parseCsv, CsvChunkParser } from '../../../src/lib/data/parse.ts';
import { SCHEMA } from '../../../src/lib/data/schema.ts';
import { validateCsv, validateParsed } from '../../../src/lib/data/validate.ts';

const TARGET_BYTES = 50 * 1024 * 1024;
const HEADER = Object.keys(SCHEMA.funding.columns).join(',');

/** One valid row; ids are unique, and every 7th row has a quoted, multi-line note. */
function row(i: number): string {
  const note = i % 7 === 0 ? `"Paid in stages:\nfirst ""phase"", then the rest, line ${i}"` : `Row ${i} of the generated file`;
  return `gen-${i},E47000007,wm-deal,Generated component ${i},Department for Education,government,skills,"${(1000 + i).toLocaleString('en-GB')}",exact,,,5,2018-07-18,src-1,not_stated,${note}`;
}

function generate(): { text: string; rows: number; lines: number } {
  const parts = [HEADER];
  let bytes = HEADER.length + 1;
  let lines = 1;
  let rows = 0;
  while (bytes < TARGET_BYTES) {
    const line = row(rows);
    parts.push(line);
    bytes += line.length + 1;
    lines += rows % 7 === 0 ? 2 : 1;
    rows++;
  }
  return { text: `${parts.join('\r\n')}\r\n`, rows, lines };
}

describe('a 50 MB funding.csv', () => {
  const { text, rows, lines } = generate();

  it('is at least 50 MB of UTF-8', () => {
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(TARGET_BYTES);
  });

  it('parses and validates whole, with every row and line number', () => {
    const result = validateCsv('funding', text);
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows).toHaveLength(rows);
    expect(result.rows[0]).toMatchObject({ id: 'gen-0', amount_gbp: 1000, _line: 2 });
    expect(result.rows.at(-1)?._line).toBe(lines - ((rows - 1) % 7 === 0 ? 1 : 0));
    expect(new Set(result.rows.map((r) => r.id)).size).toBe(rows);
  }, 120_000);

  it('gives the same result read in 1 MiB byte slices', () => {
    const bytes = new TextEncoder().encode(text);
    const decoder = new TextDecoder('utf-8');
    const parser = new CsvChunkParser('funding.csv');
    const slice = 1 << 20;
    for (let start = 0; start < bytes.length; start += slice) parser.push(decoder.decode(bytes.subarray(start, start + slice), { stream: true }));
    parser.push(decoder.decode());
    const chunked = parser.finish();
    const whole = parseCsv(text, 'funding.csv');
    expect(chunked.errors).toEqual([]);
    expect(chunked.table.records).toHaveLength(rows);
    expect(chunked).toEqual(whole);
    expect(validateParsed('funding', chunked).rows).toHaveLength(rows);
  }, 120_000);
});
