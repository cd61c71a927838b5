/**
 * CSV text → header and records with their line numbers. Pure: no I/O, no DOM.
 * papaparse does the CSV grammar; everything is kept as text (no dynamicTyping) so
 * codes such as E08000012 and leading zeros survive, and numbers are parsed per column.
 */
import Papa from 'papaparse';
import type { DataIssue } from './issues.ts';

export interface RawRecord {
  /** Line where the record starts (header is line 1). Quoted newlines make this differ from the record index. */
  line: number;
  cells: string[];
}

export interface RawTable {
  header: string[];
  records: RawRecord[];
}

export interface ParsedCsv {
  table: RawTable;
  errors: DataIssue[];
}

/**
 * Where a CsvChunkParser sends each data record as it is read, instead of keeping it:
 * a validator that checks records one by one never holds the whole raw table, so a large
 * file's cells are garbage as soon as they are checked (half the memory, far less GC).
 * The header row is kept and handed over first, before any record.
 */
export interface RecordSink {
  header(cells: string[]): void;
  record(record: RawRecord): void;
}

const LEADING_BOMS = /^\uFEFF+/;

const isBlank = (cells: string[]) => cells.every((cell) => cell.trim() === '');

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = text.indexOf('\n', from); i !== -1 && i < to; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * Incremental CSV parser for text that arrives in pieces (a Web Worker reading a large
 * upload slice by slice). Contract:
 * - `push` the file's text in order, split anywhere: inside quotes, between "\r" and
 *   "\n", inside the first line. Decode bytes with one `TextDecoder` in stream mode so a
 *   character split across byte slices is decoded once.
 * - `finish()` once, after the last chunk. It returns exactly what `parseCsv` returns for
 *   the concatenated text: the same records, cells, line numbers and errors.
 * - `recordsRead` (data rows and header so far) may be read between pushes for progress.
 * Complete records are parsed as they arrive; only the unfinished last record is kept
 * as text and parsed again with the next chunk.
 */
export class CsvChunkParser {
  readonly #file: string;
  readonly #sink: RecordSink | undefined;
  readonly #rows: RawRecord[] = [];
  /** Data records handed to the sink rather than kept. */
  #sent = 0;
  readonly #errors: DataIssue[] = [];
  /** Normalised text from the start of the unfinished record onward. */
  #pending = '';
  /** Line number of the first character of `#pending`. */
  #pendingLine = 1;
  /** A chunk ended in "\r": wait to see whether "\n" follows, so "\r\n" counts as one line break. */
  #heldCarriageReturn = false;
  /** Still before the first character that is not a BOM. */
  #atStart = true;
  #finished = false;

  /** With a sink, data records go to it as they are read and `finish()` returns no records. */
  constructor(file: string, sink?: RecordSink) {
    this.#file = file;
    this.#sink = sink;
  }

  /** Rows read so far, the header included. */
  get recordsRead(): number {
    return this.#rows.length + this.#sent;
  }

  push(chunk: string): void {
    if (this.#finished) throw new Error('CsvChunkParser: push() after finish()');
    let text = chunk;
    if (this.#atStart) {
      text = text.replace(LEADING_BOMS, '');
      if (text === '') return;
      this.#atStart = false;
    }
    if (this.#heldCarriageReturn) text = `\r${text}`;
    this.#heldCarriageReturn = text.endsWith('\r');
    if (this.#heldCarriageReturn) text = text.slice(0, -1);
    // Most files have "\n" line ends: no copy of a large text when there is nothing to replace.
    const normalised = text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text;
    this.#pending += normalised;
    // A record can only be completed by a line break.
    if (normalised.includes('\n')) this.#parsePending(false);
  }

  finish(): ParsedCsv {
    if (this.#finished) throw new Error('CsvChunkParser: finish() called twice');
    this.#finished = true;
    if (this.#heldCarriageReturn) this.#pending += '\n';
    this.#parsePending(true);

    const [headerRow, ...records] = this.#rows;
    if (!headerRow) {
      this.#errors.push({ severity: 'error', file: this.#file, line: 0, column: null, value: null, expected: 'a header row naming the columns, then data rows', hint: 'The file is empty.' });
      return { table: { header: [], records: [] }, errors: this.#errors };
    }
    return { table: { header: headerRow.cells, records }, errors: this.#errors };
  }

  /**
   * Parse `#pending`, which starts at a record boundary. Unless `final`, the last record
   * may be incomplete, so papaparse is told to leave it (ignoreLastRow) and it stays pending.
   */
  #parsePending(final: boolean): void {
    const text = this.#pending;
    let consumed = 0;
    let counted = 0;
    let line = this.#pendingLine;
    // papaparse's low-level Parser: unlike Papa.parse it does not strip a BOM, so a
    // record that happens to start a chunk parses exactly as it would mid-file.
    const parser = new Papa.Parser({
      delimiter: ',',
      newline: '\n',
      step: (result: Papa.ParseStepResult<string[][]>) => {
        const start = consumed;
        consumed = result.meta.cursor;
        line += countNewlines(text, counted, start);
        counted = start;
        this.#addRecord(line, result.data[0] ?? [], result.errors);
      },
    });
    parser.parse(text, 0, !final);
    this.#pendingLine = line + countNewlines(text, counted, consumed);
    this.#pending = final ? '' : text.slice(consumed);
  }

  #addRecord(line: number, data: string[], parseErrors: Papa.ParseError[]): void {
    const file = this.#file;
    for (const error of parseErrors) {
      const missingQuote = error.code === 'MissingQuotes';
      this.#errors.push({
        severity: 'error',
        file,
        line,
        column: null,
        value: null,
        expected: missingQuote ? 'a closing double quote for the quoted cell that starts here' : 'well-formed CSV',
        hint: missingQuote ? 'A cell that contains commas or line breaks must be wrapped in "double quotes", with any quote inside written twice ("").' : error.message,
      });
    }
    // Trimmed in place: papaparse's row array is ours, and a copy per row is garbage to collect.
    for (let i = 0; i < data.length; i++) data[i] = (data[i] ?? '').trim();
    if (isBlank(data)) return;
    const sink = this.#sink;
    if (sink && this.#rows.length > 0) {
      this.#sent++;
      sink.record({ line, cells: data });
      return;
    }
    this.#rows.push({ line, cells: data });
    if (sink) sink.header(data);
  }
}

/** Parse text that arrives in pieces; the result equals `parseCsv` on the concatenated text. */
export function parseCsvChunks(chunks: Iterable<string>, file: string): ParsedCsv {
  const parser = new CsvChunkParser(file);
  for (const chunk of chunks) parser.push(chunk);
  return parser.finish();
}

export function parseCsv(input: string, file: string): ParsedCsv {
  return parseCsvChunks([input], file);
}
