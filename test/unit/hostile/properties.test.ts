/**
 * Properties of the data layer over generated input (fast-check):
 * - parsing and validating never throw, whatever the text;
 * - text split into chunks anywhere parses exactly as the whole text;
 * - a well-formed table written out as CSV reads back cell for cell, on the right lines;
 * - text cells survive verbatim (data is text);
 * - numbers the formatter writes are read back as the same number.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findDirectionalRun } from '../../../src/lib/data/bidi.ts';
import { formatCount, formatFigure, formatGbp } from '../../../src/lib/data/format.ts';
import { parseWholeNumber } from '../../../src/lib/data/columns.ts';
import { CsvChunkParser, parseCsv, parseCsvChunks } from '../../../src/lib/data/parse.ts';
import { DATASET_NAMES, SCHEMA, type DatasetName } from '../../../src/lib/data/schema.ts';
import { assembleDatasets, validateCsv, validateParsed } from '../../../src/lib/data/validate.ts';

const FUNDING_COLUMNS = Object.keys(SCHEMA.funding.columns);

/** Pieces that stress the CSV grammar and the cell parsers. */
const NASTY_PIECES = [
  'a', 'Z', '0', '7', ',', ',', '"', '"', '""', '\n', '\r', '\r\n', ' ', '\t', ';', '\uFEFF', '\uFFFD', '\u0000', '\u00a0', '\u200b', '\u2028',
  '£', 'é', 'e\u0301', '💻', '\uD800', '-', '.', '%', 'E47000007', '2018-07-18', '18/07/2018', '1,130,000', '£11.2m', '=SUM(A1)', '<img src=x onerror=alert(1)>',
];
const nastyText = fc.string({ unit: fc.constantFrom(...NASTY_PIECES), maxLength: 60 });
const anyUnicode = fc.string({ unit: 'binary', maxLength: 80 });

/** Cells a funding file might hold, valid or not. */
const fundingCell = fc.oneof(
  fc.constantFrom('line-1', 'line-2', 'E47000007', 'e47000007', 'wm-deal', 'Pilot', 'government', 'skills', 'exact', 'up_to', 'unquantified', '5000000', '1,130,000', '"1,130,000"', '£5m', '12%', '-0', '2018-07-18', '18/07/2018', 'src-1', ''),
  nastyText,
);
const fundingText = fc
  .tuple(
    fc.array(fc.array(fundingCell, { minLength: 13, maxLength: 17 }), { maxLength: 6 }),
    fc.constantFrom('\n', '\r\n', '\r'),
    fc.boolean(),
  )
  .map(([rows, newline, bom]) => (bom ? '\uFEFF' : '') + [FUNDING_COLUMNS.join(','), ...rows.map((cells) => cells.join(','))].join(newline));

const anyCsvText = fc.oneof(nastyText, anyUnicode, fundingText);

/** The text cut at the given positions (in code units, so surrogate pairs and "\r\n" can be split too). */
function cut(text: string, positions: number[]): string[] {
  const points = [...new Set(positions.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const point of points) {
    chunks.push(text.slice(from, point));
    from = point;
  }
  chunks.push(text.slice(from));
  return chunks;
}

describe('never throws', () => {
  it('parseCsv and validateCsv for every dataset, on any text', () => {
    fc.assert(
      fc.property(anyCsvText, fc.constantFrom(...DATASET_NAMES), (text, dataset) => {
        const parsed = parseCsv(text, 'x.csv');
        for (const record of parsed.table.records) expect(record.line).toBeGreaterThanOrEqual(1);
        const result = validateCsv(dataset, text);
        for (const issue of [...result.errors, ...result.warnings]) {
          expect(issue.file).toBe(SCHEMA[dataset].file);
          expect(Number.isInteger(issue.line) && issue.line >= 0).toBe(true);
          expect(issue.expected).not.toBe('');
        }
      }),
      { numRuns: 400 },
    );
  });

  it('assembleDatasets, with any text in any file', () => {
    const texts = fc.record(Object.fromEntries(DATASET_NAMES.map((name) => [name, anyCsvText.map((text) => ({ text }))])) as Record<DatasetName, fc.Arbitrary<{ text: string }>>, { requiredKeys: [] });
    fc.assert(
      fc.property(texts, (input) => {
        const { reports } = assembleDatasets(input);
        expect(reports.map((r) => r.dataset).sort()).toEqual(Object.keys(input).sort());
      }),
      { numRuns: 100 },
    );
  });
});

describe('chunked parsing', () => {
  it('gives the same rows, lines and errors as parsing the whole text, wherever the chunks break', () => {
    fc.assert(
      fc.property(anyCsvText, fc.array(fc.nat(), { maxLength: 12 }), (text, positions) => {
        const chunks = cut(text, positions);
        const whole = parseCsv(text, 'x.csv');
        expect(parseCsvChunks(chunks, 'x.csv')).toEqual(whole);
        expect(validateParsed('funding', parseCsvChunks(chunks, 'funding.csv'))).toEqual(validateCsv('funding', text));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ['between "\\r" and "\\n"', ['a,b\r', '\n1,2\r', '\n3,4']],
    ['inside a quoted cell', ['a,b\n1,"x', ',y\r', '\nz"\n3,4']],
    ['inside an escaped quote', ['a,b\n1,"say "', '"hi"""\n3,4']],
    ['inside the first line, after a BOM', ['\uFEFF', 'a', ',b\n1,2\n3,4\n']],
    ['into empty chunks', ['', 'a,b\n', '', '1,2\n3,4', '']],
    ['one character at a time', [...'\uFEFFa,b\r\n1,"2\r\n"\r3,4\r']],
  ])('handles a break %s', (_name, chunks) => {
    expect(parseCsvChunks(chunks, 'x.csv')).toEqual(parseCsv(chunks.join(''), 'x.csv'));
  });

  it('counts records as they arrive and refuses use after finish', () => {
    const parser = new CsvChunkParser('x.csv');
    parser.push('a,b\n1,2\n3,');
    expect(parser.recordsRead).toBe(2);
    parser.push('4\n');
    expect(parser.recordsRead).toBe(3);
    expect(parser.finish().table.records.map((r) => r.line)).toEqual([2, 3]);
    expect(() => parser.push('5,6')).toThrow();
  });
});

/** A cell as a spreadsheet would write it: quoted when it must be, quotes doubled. */
const writeCell = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);
const normaliseCell = (cell: string) => cell.replace(/\r\n?/g, '\n').trim();

describe('well-formed CSV reads back', () => {
  const cell = fc.string({ unit: fc.constantFrom('a', 'b', ' ', ',', '"', '\n', '\r', '\r\n', '£', '💻', '\u00a0'), maxLength: 8 });
  const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 8 });

  it('cell for cell, with each record on the line where it starts', () => {
    fc.assert(
      fc.property(table, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), (rows, newline, bom) => {
        const written = rows.map((cells) => cells.map(writeCell).join(','));
        const text = (bom ? '\uFEFF' : '') + written.join(newline);
        const expected: { line: number; cells: string[] }[] = [];
        let line = 1;
        written.forEach((record, i) => {
          const cells = (rows[i] ?? []).map(normaliseCell);
          if (!cells.every((c) => c === '')) expected.push({ line, cells });
          line += (record.match(/\r\n?|\n/g) ?? []).length + 1;
        });
        const { table: parsed, errors } = parseCsv(text, 'x.csv');
        expect(errors.filter((e) => e.line > 0)).toEqual([]);
        expect([parsed.header, ...parsed.records.map((r) => r.cells)]).toEqual(expected.length ? expected.map((e) => e.cells) : [[]]);
        expect(parsed.records.map((r) => r.line)).toEqual(expected.slice(1).map((e) => e.line));
      }),
      { numRuns: 500 },
    );
  });
});

describe('text is kept verbatim', () => {
  // Anything but what the validator rightly refuses in text: encoding damage (U+FFFD, NUL),
  // direction-run controls (U+202A–U+202E, U+2066–U+2069) and whitespace at the ends, which is trimmed.
  const text = anyUnicode.filter((s) => s.trim() === s && s !== '' && !s.includes('\uFFFD') && !s.includes('\u0000') && findDirectionalRun(s) === null);

  it('in funding component and note, through CSV quoting', () => {
    fc.assert(
      fc.property(text, text, (component, note) => {
        const cells = ['line-1', 'E47000007', 'wm-deal', component, 'DfE', 'government', 'skills', '5', 'exact', '', '', '', '2018', 'src-1', 'not_stated', note];
        const result = validateCsv('funding', `${FUNDING_COLUMNS.join(',')}\n${cells.map(writeCell).join(',')}\n`);
        // Line breaks inside a cell are normalised to "\n" like the file's own.
        expect(result.errors).toEqual([]);
        expect(result.rows[0]?.component).toBe(component.replace(/\r\n?/g, '\n'));
        expect(result.rows[0]?.note).toBe(note.replace(/\r\n?/g, '\n'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('formatted numbers read back', () => {
  const MAX = 100_000_000_000;
  const amount = fc.oneof(fc.integer({ min: 0, max: MAX }), fc.integer({ min: 0, max: 100_000 }).map((n) => n * 10_000));

  it('formatCount(n) parses to n', () => {
    fc.assert(
      fc.property(amount, (n) => {
        expect(parseWholeNumber(formatCount(n), MAX)).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('an exact count as formatFigure writes it parses to n; qualified counts carry the same number', () => {
    fc.assert(
      fc.property(amount, (n) => {
        expect(parseWholeNumber(formatFigure(n, 'exact', 'count').text, MAX)).toEqual({ ok: true, value: n });
        const numberIn = (text: string) => parseWholeNumber(text.replace(/^(about|up to) /, '').replace(/\+$/, ''), MAX);
        for (const qualifier of ['about', 'up_to', 'more_than'] as const) {
          expect(numberIn(formatFigure(n, qualifier, 'count').text)).toEqual({ ok: true, value: n });
        }
      }),
    );
  });

  it('money as formatGbp writes it is refused with a hint giving exactly n', () => {
    fc.assert(
      fc.property(amount, (n) => {
        const result = parseWholeNumber(formatGbp(n), MAX);
        expect(result).toMatchObject({ ok: false, hint: `Write ${n}.` });
      }),
    );
  });
});
