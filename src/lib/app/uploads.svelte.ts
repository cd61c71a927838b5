/**
 * The files an officer has chosen on the data view. Module state, so the list survives
 * leaving the view for a preview and coming back. Files stay in memory, never sent.
 */
import type { DatasetName } from '../data/schema.ts';
import { guessDataset, looksLikeCsv } from '../workers/file-names.ts';

export interface Upload {
  /** Stable key for this pick of this file; a re-picked file gets a new one. */
  key: number;
  file: File;
  /** The dataset the file holds; null until the officer chooses one for an unrecognised name. */
  dataset: DatasetName | null;
}

class UploadList {
  list = $state.raw<readonly Upload[]>([]);
  #nextKey = 1;

  /** Adds CSV files (a re-picked name replaces the earlier file) and returns the names that were not CSV. */
  add(files: Iterable<File>): string[] {
    const rejected: string[] = [];
    let next = [...this.list];
    for (const file of files) {
      if (!looksLikeCsv(file.name, file.type)) {
        rejected.push(file.name);
        continue;
      }
      const earlier = next.find((upload) => upload.file.name === file.name);
      const upload = { key: this.#nextKey++, file, dataset: guessDataset(file.name) ?? earlier?.dataset ?? null };
      next = earlier ? next.map((u) => (u === earlier ? upload : u)) : [...next, upload];
    }
    this.list = next;
    return rejected;
  }

  remove(key: number): void {
    this.list = this.list.filter((upload) => upload.key !== key);
  }

  setDataset(key: number, dataset: DatasetName | null): void {
    this.list = this.list.map((upload) => (upload.key === key ? { ...upload, dataset } : upload));
  }

  clear(): void {
    this.list = [];
  }
}

export const uploads = new UploadList();
