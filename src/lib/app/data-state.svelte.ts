/**
 * The dashboard's loaded data, shared by every view. Loading happens once; a preview of
 * an officer's own files swaps the reader without touching the published files.
 */
import { checkDatasets, publishedReader, readFiles, type ReadText } from '../data/load.ts';
import { DATASET_NAMES, SCHEMA } from '../data/schema.ts';
import type { AssembledData } from '../data/validate.ts';
import { unchanged, type Fingerprints, type Prerendered } from './prerendered.ts';

/** The announcement datasets' files, as the page fetches them. */
const DATASET_FILES = DATASET_NAMES.map((name) => SCHEMA[name].file);

type LoadState = { status: 'loading' } | { status: 'ready'; result: AssembledData } | { status: 'failed'; message: string };

class DataState {
  // Raw, not deep: the rows are replaced whole, never edited, and a deep proxy would make every
  // read of every cell in every derivation go through a Proxy trap (slow with thousands of rows).
  state = $state.raw<LoadState>({ status: 'loading' });
  /** Set while previewing uploaded files; views show a banner with a way back. */
  previewLabel = $state<string | null>(null);
  /** Fingerprints of the files the current state came from when it was adopted from the prerendered page; cleared by the next load. */
  #adopted: Fingerprints | null = null;
  /** Bumped by every load so a slow earlier load can never overwrite a later one (e.g. a preview). */
  #generation = 0;

  /**
   * Takes the data the build validated and baked into the page, so hydration sees exactly
   * the data the markup was rendered from. Used by the build's prerender and by main.ts.
   */
  adopt(prerendered: Prerendered): void {
    this.state = { status: 'ready', result: prerendered.datasets };
    this.#adopted = prerendered.files;
  }

  async load(read: ReadText = publishedReader()): Promise<void> {
    const generation = ++this.#generation;
    const adopted = this.#adopted;
    this.#adopted = null;
    // After adopting prerendered data the page keeps showing it while the served files are
    // re-read, so there is no "Loading" flash; any other load starts from a clean slate.
    if (!adopted) this.state = { status: 'loading' };
    try {
      const served = await readFiles(read, DATASET_FILES);
      // Unchanged files: the prerendered page is already right, so leave the DOM alone (and the validator unloaded).
      if (adopted && (await unchanged(adopted, served))) return;
      const result = await checkDatasets(served);
      if (generation !== this.#generation) return;
      this.state = { status: 'ready', result };
    } catch (error) {
      if (generation !== this.#generation) return;
      // The prerendered figures are the build's, checked then: a failed re-check (the validator's download) keeps them, and the next load tries again.
      if (adopted) {
        this.#adopted = adopted;
        return;
      }
      this.state = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }
}

export const dataState = new DataState();
