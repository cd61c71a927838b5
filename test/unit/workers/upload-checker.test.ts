/**
 * The main-thread client of the validation worker (UploadChecker), with a fake worker:
 * one check per upload, progress and results by checkId, stale answers ignored, removed
 * or re-assigned files forgotten, and a worker that fails to start failing every check.
 */
import { describe, expect, it } from 'vitest';
import { UploadChecker, type WorkerLike } from '../../../src/lib/app/upload-checker.svelte.ts';
import type { Upload } from '../../../src/lib/app/uploads.svelte.ts';
import type { CheckReport, FromWorker, ToWorker } from '../../../src/lib/workers/protocol.ts';

class FakeWorker implements WorkerLike {
  sent: ToWorker[] = [];
  terminated = false;
  #message: ((event: MessageEvent<FromWorker>) => void)[] = [];
  #error: ((event: ErrorEvent) => void)[] = [];
  postMessage(message: ToWorker): void {
    this.sent.push(message);
  }
  addEventListener(type: 'message' | 'error', listener: never): void {
    if (type === 'message') this.#message.push(listener);
    else this.#error.push(listener);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(message: FromWorker): void {
    for (const listener of this.#message) listener({ data: message } as MessageEvent<FromWorker>);
  }
  fail(message: string): void {
    for (const listener of this.#error) listener({ message } as ErrorEvent);
  }
  checks() {
    return this.sent.filter((m): m is Extract<ToWorker, { type: 'check' }> => m.type === 'check');
  }
}

const file = (name: string) => new File(['id\n'], name, { type: 'text/csv' });
const upload = (key: number, dataset: Upload['dataset'], f = file('funding.csv')): Upload => ({ key, file: f, dataset });
const report = (over: Partial<CheckReport> = {}): CheckReport => ({
  dataset: 'funding', fileName: 'funding.csv', bytes: 3, validRows: 0, rowsWithErrors: 0, headerOk: true,
  errors: { shown: [], total: 0 }, warnings: { shown: [], total: 0 }, columns: [], sample: [], ...over,
});

function setup() {
  const worker = new FakeWorker();
  return { worker, checker: new UploadChecker(worker) };
}

describe('UploadChecker', () => {
  it('starts one check per upload with a dataset, and waits for the officer on the others', () => {
    const { worker, checker } = setup();
    const list = [upload(1, 'funding'), upload(2, null, file('export.csv'))];
    checker.sync(list);
    expect(worker.checks().map((m) => [m.checkId, m.dataset, m.fileName])).toEqual([[1, 'funding', 'funding.csv']]);
    expect(checker.stateOf(list[0] as Upload).status).toBe('reading');
    expect(checker.stateOf(list[1] as Upload)).toEqual({ status: 'needs-dataset' });
    checker.sync(list);
    expect(worker.checks()).toHaveLength(1);
  });

  it('follows progress and results by checkId, ignoring answers for other checks', () => {
    const { worker, checker } = setup();
    const u = upload(1, 'funding');
    checker.sync([u]);
    worker.answer({ type: 'progress', checkId: 1, phase: 'reading', bytesRead: 1, totalBytes: 3, recordsRead: 1 });
    expect(checker.stateOf(u)).toEqual({ status: 'reading', bytesRead: 1, totalBytes: 3, recordsRead: 1 });
    worker.answer({ type: 'progress', checkId: 1, phase: 'checking', bytesRead: 3, totalBytes: 3, recordsRead: 0 });
    expect(checker.stateOf(u).status).toBe('checking');
    worker.answer({ type: 'checked', checkId: 99, report: report() });
    expect(checker.stateOf(u).status).toBe('checking');
    worker.answer({ type: 'checked', checkId: 1, report: report({ validRows: 7 }) });
    expect(checker.stateOf(u)).toMatchObject({ status: 'done', report: { validRows: 7 } });
    expect(checker.checkedIds([u])).toEqual([1]);
  });

  it('forgets a removed file or one given another dataset, and drops answers for the old check', () => {
    const { worker, checker } = setup();
    const u = upload(1, 'funding');
    checker.sync([u]);
    const moved = { ...u, dataset: 'completions' as const };
    checker.sync([moved]);
    expect(worker.sent.map((m) => m.type)).toEqual(['check', 'forget', 'check']);
    worker.answer({ type: 'checked', checkId: 1, report: report() });
    expect(checker.stateOf(moved).status).toBe('reading');
    checker.sync([]);
    expect(worker.sent.at(-1)).toEqual({ type: 'forget', checkId: 2 });
  });

  it('holds the cross-check back until every file is checked, and keeps only the latest answer', () => {
    const { worker, checker } = setup();
    const a = upload(1, 'funding');
    const b = upload(2, 'programmes', file('programmes.csv'));
    checker.sync([a, b]);
    worker.answer({ type: 'checked', checkId: 1, report: report() });
    expect(checker.checkedIds([a, b])).toBeNull();
    worker.answer({ type: 'check-failed', checkId: 2, message: 'unreadable' });
    expect(checker.checkedIds([a, b])).toEqual([1]);
    checker.crossCheck([1], {});
    checker.crossCheck([1], {});
    const [first, latest] = worker.sent.filter((m): m is Extract<ToWorker, { type: 'cross-check' }> => m.type === 'cross-check').map((m) => m.requestId);
    expect(checker.cross.status).toBe('checking');
    const warnings = { shown: [], total: 2 };
    worker.answer({ type: 'cross-checked', requestId: first ?? -1, report: { byCheck: [{ checkId: 1, issues: { shown: [], total: 5 } }], published: { shown: [], total: 0 } } });
    expect(checker.cross.status).toBe('checking');
    worker.answer({ type: 'cross-checked', requestId: latest ?? -1, report: { byCheck: [{ checkId: 1, issues: { shown: [], total: 1 }, warnings }], published: { shown: [], total: 0 } } });
    expect(checker.referenceIssues(a)?.total).toBe(1);
    expect(checker.referenceWarnings(a)).toEqual(warnings);
    expect(checker.referenceIssues(b)).toBeNull();
  });

  it('fails every check visibly when the worker cannot start, and terminates it on destroy', () => {
    const { worker, checker } = setup();
    const u = upload(1, 'funding');
    checker.sync([u]);
    worker.fail('');
    expect(checker.stateOf(u)).toEqual({ status: 'failed', message: 'The checker could not start in this browser.' });
    checker.destroy();
    expect(worker.terminated).toBe(true);
  });
});
