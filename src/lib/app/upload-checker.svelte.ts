/**
 * Main-thread side of the validation worker: starts a check per upload, follows its
 * progress, and asks for cross-file reference checks once every file is checked.
 * Holds reactive state for the view; owns the worker and terminates it in destroy().
 */
import { SvelteMap } from 'svelte/reactivity';
import type { DatasetName } from '../data/schema.ts';
import type { RowsByDataset } from '../data/schema.ts';
import type { CheckReport, CrossCheckReport, FromWorker, IssueList, ToWorker } from '../workers/protocol.ts';
import type { Upload } from './uploads.svelte.ts';

export type CheckState =
  | { status: 'needs-dataset' }
  | { status: 'reading'; bytesRead: number; totalBytes: number; recordsRead: number }
  | { status: 'checking' }
  | { status: 'done'; report: CheckReport }
  | { status: 'failed'; message: string };

export type CrossState =
  | { status: 'idle' }
  | { status: 'checking' }
  | { status: 'done'; report: CrossCheckReport }
  | { status: 'failed'; message: string };

interface ActiveCheck {
  checkId: number;
  dataset: DatasetName;
  file: File;
}

/** The worker as this class uses it; a real Worker fits. */
export interface WorkerLike {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<FromWorker>) => void): void;
  addEventListener(type: 'error', listener: (event: ErrorEvent) => void): void;
  terminate(): void;
}

export class UploadChecker {
  /** Check state by checkId. */
  readonly #states = new SvelteMap<number, CheckState>();
  cross = $state.raw<CrossState>({ status: 'idle' });
  /** Current check per upload key. */
  readonly #active = new SvelteMap<number, ActiveCheck>();
  #nextCheckId = 1;
  #requestId = 0;
  readonly #worker: WorkerLike;

  constructor(worker: WorkerLike) {
    this.#worker = worker;
    worker.addEventListener('message', (event) => this.#receive(event.data));
    worker.addEventListener('error', (event) => {
      // A worker that fails to start (e.g. a blocked script) fails every check, visibly.
      const message = event.message || 'The checker could not start in this browser.';
      for (const check of this.#active.values()) this.#states.set(check.checkId, { status: 'failed', message });
    });
  }

  stateOf(upload: Upload): CheckState {
    const active = this.#active.get(upload.key);
    if (!upload.dataset || !active) return { status: 'needs-dataset' };
    return this.#states.get(active.checkId) ?? { status: 'reading', bytesRead: 0, totalBytes: upload.file.size, recordsRead: 0 };
  }

  /** Starts checks for new uploads or changed datasets and forgets removed ones. Call after every change to the list. */
  sync(list: readonly Upload[]): void {
    let changed = false;
    for (const upload of list) {
      const active = this.#active.get(upload.key);
      if (active && active.dataset === upload.dataset && active.file === upload.file) continue;
      changed = true;
      if (active) this.#forget(upload.key, active);
      if (!upload.dataset) continue;
      const check = { checkId: this.#nextCheckId++, dataset: upload.dataset, file: upload.file };
      this.#active.set(upload.key, check);
      this.#states.set(check.checkId, { status: 'reading', bytesRead: 0, totalBytes: upload.file.size, recordsRead: 0 });
      this.#worker.postMessage({ type: 'check', checkId: check.checkId, dataset: check.dataset, fileName: upload.file.name, file: upload.file });
    }
    for (const [key, active] of [...this.#active]) {
      if (list.some((upload) => upload.key === key)) continue;
      changed = true;
      this.#forget(key, active);
    }
    if (!changed) return;
    // The last cross-check described another set of files; drop it and any answer still on its way.
    this.#requestId++;
    this.cross = { status: 'idle' };
  }

  #forget(key: number, active: ActiveCheck): void {
    this.#active.delete(key);
    this.#states.delete(active.checkId);
    this.#worker.postMessage({ type: 'forget', checkId: active.checkId });
  }

  /** The checks ready for a cross-file check, or null while any file is still being read. */
  checkedIds(list: readonly Upload[]): number[] | null {
    const ids: number[] = [];
    for (const upload of list) {
      const state = this.stateOf(upload);
      if (state.status === 'reading' || state.status === 'checking') return null;
      const active = this.#active.get(upload.key);
      if (state.status === 'done' && active) ids.push(active.checkId);
    }
    return ids.length > 0 ? ids : null;
  }

  /** Reference errors in one upload from the latest cross-check; null when none has finished. */
  referenceIssues(upload: Upload): IssueList | null {
    const active = this.#active.get(upload.key);
    if (this.cross.status !== 'done' || !active) return null;
    return this.cross.report.byCheck.find((entry) => entry.checkId === active.checkId)?.issues ?? null;
  }

  /** Cross-file warnings for one upload from the latest cross-check; null when none has finished. */
  referenceWarnings(upload: Upload): IssueList | null {
    const active = this.#active.get(upload.key);
    if (this.cross.status !== 'done' || !active) return null;
    return this.cross.report.byCheck.find((entry) => entry.checkId === active.checkId)?.warnings ?? null;
  }

  crossCheck(checkIds: number[], published: RowsByDataset): void {
    const requestId = ++this.#requestId;
    this.cross = { status: 'checking' };
    this.#worker.postMessage({ type: 'cross-check', requestId, checkIds, published });
  }

  destroy(): void {
    this.#worker.terminate();
  }

  #receive(message: FromWorker): void {
    if (message.type === 'cross-checked' || message.type === 'cross-check-failed') {
      // Only the answer to the latest request counts; earlier ones describe an older set of files.
      if (message.requestId !== this.#requestId) return;
      this.cross = message.type === 'cross-checked' ? { status: 'done', report: message.report } : { status: 'failed', message: message.message };
      return;
    }
    if (![...this.#active.values()].some((check) => check.checkId === message.checkId)) return;
    const state: CheckState =
      message.type === 'progress'
        ? message.phase === 'reading'
          ? { status: 'reading', bytesRead: message.bytesRead, totalBytes: message.totalBytes, recordsRead: message.recordsRead }
          : { status: 'checking' }
        : message.type === 'checked'
          ? { status: 'done', report: message.report }
          : { status: 'failed', message: message.message };
    this.#states.set(message.checkId, state);
  }
}
