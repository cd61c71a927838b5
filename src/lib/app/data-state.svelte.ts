/**
 * The dashboard's loaded data, shared by every view. Loading happens once; a preview of
 * an officer's own files swaps the reader without touching the published files.
 */
import { httpReader, loadDatasets, type ReadText } from '../data/load.ts';
import type { AssembledData } from '../data/validate.ts';

type LoadState = { status: 'loading' } | { status: 'ready'; result: AssembledData } | { status: 'failed'; message: string };

class DataState {
  state = $state<LoadState>({ status: 'loading' });
  /** Set while previewing uploaded files; views show a banner with a way back. */
  previewLabel = $state<string | null>(null);

  async load(read: ReadText = httpReader(new URL('data/', document.baseURI).href)): Promise<void> {
    this.state = { status: 'loading' };
    try {
      this.state = { status: 'ready', result: await loadDatasets(read) };
    } catch (error) {
      this.state = { status: 'failed', message: error instanceof Error ? error.message : String(error) };
    }
  }
}

export const dataState = new DataState();
