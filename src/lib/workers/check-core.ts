/**
 * The validation worker's logic, free of worker globals so it runs (and is tested) in
 * node: stream-decode a file's bytes, validate the text with the data layer, and answer
 * cross-file reference checks from the rows it keeps.
 */
import type { DataIssue } from '../data/issues.ts';
import { SCHEMA, datasetForFile, type DatasetName, type RowOf, type RowsByDataset } from '../data/schema.ts';
import { CsvChunkParser } from '../data/parse.ts';
import { validateParsed, validateReferences } from '../data/validate.ts';
import { CHUNK_BYTES, SAMPLE_ROWS, capIssues, type CheckReport, type CrossCheckReport, type FromWorker, type SampleRow, type ToWorker } from './protocol.ts';
import { findSuspiciousValues } from './suspicious.ts';

type AnyRow = RowOf<DatasetName>;

export interface ReadProgress {
  bytesRead: number;
  totalBytes: number;
  /** CSV records parsed so far, the header included. */
  recordsRead: number;
}

export interface FileCheckResult {
  report: CheckReport;
  /** Every valid row, kept in the worker for cross-file checks. */
  rows: AnyRow[];
}

function cellText(value: unknown): string {
  return value === null || value === undefined ? '' : String(value);
}

/**
 * One file being checked. Bytes go in chunk by chunk; a streaming TextDecoder joins
 * characters split across chunks (a "£" is two bytes), and bytes that are not UTF-8
 * become U+FFFD, which the validator reports as an encoding problem. Records are parsed
 * as they arrive, so the whole file's text is never held at once.
 */
export class FileCheck {
  readonly #decoder = new TextDecoder('utf-8');
  readonly #parser: CsvChunkParser;
  #bytesRead = 0;

  constructor(
    readonly dataset: DatasetName,
    readonly fileName: string,
    readonly totalBytes: number,
  ) {
    this.#parser = new CsvChunkParser(SCHEMA[dataset].file);
  }

  push(bytes: Uint8Array): ReadProgress {
    this.#parser.push(this.#decoder.decode(bytes, { stream: true }));
    this.#bytesRead += bytes.byteLength;
    return { bytesRead: this.#bytesRead, totalBytes: this.totalBytes, recordsRead: this.#parser.recordsRead };
  }

  /** Validate everything read: the file's own rules plus suspicious-value warnings. */
  finish(): FileCheckResult {
    this.#parser.push(this.#decoder.decode());
    const result = validateParsed(this.dataset, this.#parser.finish());
    const rows = result.rows as AnyRow[];
    const columns = Object.keys(SCHEMA[this.dataset].columns);
    const sample: SampleRow[] = rows.slice(0, SAMPLE_ROWS).map((row) => {
      const values = row as unknown as Record<string, unknown>;
      return { line: row._line, cells: columns.map((column) => cellText(values[column])) };
    });
    const warnings: DataIssue[] = [...result.warnings, ...findSuspiciousValues(this.dataset, rows)];
    return {
      rows,
      report: {
        dataset: this.dataset,
        fileName: this.fileName,
        bytes: this.#bytesRead,
        validRows: rows.length,
        rowsWithErrors: new Set(result.errors.filter((issue) => issue.line > 1).map((issue) => issue.line)).size,
        headerOk: !result.errors.some((issue) => issue.line <= 1),
        errors: capIssues(result.errors),
        warnings: capIssues(warnings),
        columns,
        sample,
      },
    };
  }
}

/** The part of a File or Blob the reader needs, so tests can pass a Blob. */
export interface Sliceable {
  readonly size: number;
  slice(start: number, end: number): { arrayBuffer(): Promise<ArrayBuffer> };
}

/** A file's bytes in slices, so a 50 MB file is never held as one ArrayBuffer. */
export async function* readChunks(file: Sliceable, chunkBytes: number = CHUNK_BYTES): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < file.size; start += chunkBytes) {
    yield new Uint8Array(await file.slice(start, Math.min(start + chunkBytes, file.size)).arrayBuffer());
  }
}

/**
 * Reference errors for checked uploads, with the published datasets filling in every
 * dataset not uploaded. Errors in a published file are returned apart: they mean the
 * upload removed something the published data still uses.
 */
export function crossCheck(uploads: ReadonlyMap<number, { dataset: DatasetName; rows: AnyRow[] }>, published: RowsByDataset): CrossCheckReport {
  const merged: RowsByDataset = { ...published };
  const checkIdOf = new Map<DatasetName, number>();
  for (const [checkId, upload] of uploads) {
    (merged as Record<DatasetName, unknown>)[upload.dataset] = upload.rows;
    checkIdOf.set(upload.dataset, checkId);
  }
  const byCheck = new Map<number, { errors: DataIssue[]; warnings: DataIssue[] }>([...uploads.keys()].map((checkId) => [checkId, { errors: [], warnings: [] }]));
  const inPublished: DataIssue[] = [];
  for (const issue of validateReferences(merged)) {
    const dataset = datasetForFile(issue.file);
    const checkId = dataset === undefined ? undefined : checkIdOf.get(dataset);
    const lists = checkId === undefined ? undefined : byCheck.get(checkId);
    // Warnings (valid, but worth checking) never count as errors that leave a file out.
    if (lists) (issue.severity === 'warning' ? lists.warnings : lists.errors).push(issue);
    else if (issue.severity === 'error') inPublished.push(issue);
  }
  return {
    byCheck: [...byCheck].map(([checkId, { errors, warnings }]) => ({ checkId, issues: capIssues(errors), warnings: capIssues(warnings) })),
    published: capIssues(inPublished),
  };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The worker's message handling. Checks and cross-checks run one at a time in arrival
 * order, so a cross-check sent after a check sees its rows; "forget" acts at once and
 * stops a check that is still reading.
 */
export class ValidationService {
  readonly #uploads = new Map<number, { dataset: DatasetName; rows: AnyRow[] }>();
  readonly #forgotten = new Set<number>();
  #queue: Promise<void> = Promise.resolve();

  constructor(
    private readonly post: (message: FromWorker) => void,
    private readonly chunkBytes: number = CHUNK_BYTES,
  ) {}

  /** Handle one message; the promise settles when it has been answered (tests await it). */
  receive(message: ToWorker): Promise<void> {
    if (message.type === 'forget') {
      this.#uploads.delete(message.checkId);
      this.#forgotten.add(message.checkId);
      return Promise.resolve();
    }
    const run = message.type === 'check' ? () => this.#check(message) : () => this.#crossCheck(message);
    this.#queue = this.#queue.then(run);
    return this.#queue;
  }

  async #check(message: Extract<ToWorker, { type: 'check' }>): Promise<void> {
    const { checkId, dataset, fileName, file } = message;
    try {
      const check = new FileCheck(dataset, fileName, file.size);
      this.post({ type: 'progress', checkId, phase: 'reading', bytesRead: 0, totalBytes: file.size, recordsRead: 0 });
      for await (const chunk of readChunks(file, this.chunkBytes)) {
        if (this.#forgotten.has(checkId)) return;
        this.post({ type: 'progress', checkId, phase: 'reading', ...check.push(chunk) });
      }
      if (this.#forgotten.has(checkId)) return;
      this.post({ type: 'progress', checkId, phase: 'checking', bytesRead: file.size, totalBytes: file.size, recordsRead: 0 });
      const { report, rows } = check.finish();
      if (this.#forgotten.has(checkId)) return;
      this.#uploads.set(checkId, { dataset, rows });
      this.post({ type: 'checked', checkId, report });
    } catch (error) {
      this.post({ type: 'check-failed', checkId, message: messageOf(error) });
    } finally {
      this.#forgotten.delete(checkId);
    }
  }

  async #crossCheck(message: Extract<ToWorker, { type: 'cross-check' }>): Promise<void> {
    const { requestId, checkIds, published } = message;
    try {
      const uploads = new Map(checkIds.flatMap((checkId) => {
        const upload = this.#uploads.get(checkId);
        return upload ? [[checkId, upload] as const] : [];
      }));
      this.post({ type: 'cross-checked', requestId, report: crossCheck(uploads, published) });
    } catch (error) {
      this.post({ type: 'cross-check-failed', requestId, message: messageOf(error) });
    }
  }
}
