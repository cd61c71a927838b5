/**
 * Messages between the data view and the validation worker. Only reports and a few
 * sample rows cross back to the main thread: a 50 MB file's rows stay in the worker,
 * so the page never has to deserialise them.
 */
import type { DataIssue } from '../data/issues.ts';
import type { DatasetName, RowsByDataset } from '../data/schema.ts';

/** Issues sent per list; the rest are only counted, so a file with 200,000 bad rows stays cheap to show. */
export const MAX_ISSUES_SENT = 500;
/** Rows sent back so the officer can see how the first rows were read. */
export const SAMPLE_ROWS = 5;
/** 1 MiB slices: small enough for steady progress, large enough that messaging costs nothing. */
export const CHUNK_BYTES = 1 << 20;

export type ToWorker =
  /** Read `file` in chunks and validate it as `dataset`; the worker keeps its rows under `checkId`. */
  | { type: 'check'; checkId: number; dataset: DatasetName; fileName: string; file: Blob }
  /** The officer removed the file or changed its dataset: stop reading it and drop its rows. */
  | { type: 'forget'; checkId: number }
  /** Check references across the given checked files, with `published` filling in the other datasets. */
  | { type: 'cross-check'; requestId: number; checkIds: number[]; published: RowsByDataset };

export type FromWorker =
  /** recordsRead counts CSV records parsed so far, the header included. */
  | { type: 'progress'; checkId: number; phase: 'reading' | 'checking'; bytesRead: number; totalBytes: number; recordsRead: number }
  | { type: 'checked'; checkId: number; report: CheckReport }
  | { type: 'check-failed'; checkId: number; message: string }
  | { type: 'cross-checked'; requestId: number; report: CrossCheckReport }
  | { type: 'cross-check-failed'; requestId: number; message: string };

/** How many issues a column has, and how many of them are in `shown`. */
export interface ColumnCount {
  /** null: issues about a whole row or file. */
  column: string | null;
  total: number;
  shown: number;
}

/** The first issues of a list, and how many there are in all. */
export interface IssueList {
  shown: DataIssue[];
  total: number;
  /** Per column, in order of first appearance; present when a per-column cap applied. */
  columns?: ColumnCount[];
}

/** A valid row as text, in the schema's column order, to show how the file was read. */
export interface SampleRow {
  line: number;
  cells: string[];
}

export interface CheckReport {
  dataset: DatasetName;
  fileName: string;
  bytes: number;
  /** Rows that passed every check on their own. */
  validRows: number;
  /** Distinct data rows with at least one error (the header row is not counted). */
  rowsWithErrors: number;
  /** False when the header row itself is wrong, so no data row could be checked. */
  headerOk: boolean;
  errors: IssueList;
  /** The validator's warnings (such as unknown columns) and suspicious values. */
  warnings: IssueList;
  columns: string[];
  sample: SampleRow[];
}

export interface CrossCheckReport {
  /** Reference errors in each uploaded file, by checkId. */
  byCheck: { checkId: number; issues: IssueList; warnings?: IssueList }[];
  /** Errors that land in published files the upload does not replace (e.g. a removed programme still used). */
  published: IssueList;
}

/** Issues shown per column in a published file's list, so one bad column cannot hide the others. */
export const MAX_ISSUES_PER_COLUMN = 100;

/**
 * Keep the first `max` issues, at most `perColumn` of them from any one column, and count
 * the rest. One pass, so a list of a million issues costs little.
 */
export function capIssues(issues: readonly DataIssue[], max: number = MAX_ISSUES_SENT, perColumn?: number): IssueList {
  if (perColumn === undefined) return { shown: issues.slice(0, max), total: issues.length };
  const counts = new Map<string | null, ColumnCount>();
  const shown: DataIssue[] = [];
  for (const issue of issues) {
    let count = counts.get(issue.column);
    if (!count) {
      count = { column: issue.column, total: 0, shown: 0 };
      counts.set(issue.column, count);
    }
    count.total++;
    if (shown.length < max && count.shown < perColumn) {
      shown.push(issue);
      count.shown++;
    }
  }
  return { shown, total: issues.length, columns: [...counts.values()] };
}
