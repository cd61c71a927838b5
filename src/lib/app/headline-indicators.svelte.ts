/**
 * The official statistics the headline shows, loaded apart from the announcement data:
 * only the headline's indicators, trimmed to England and the combined authorities (see
 * data/headline-indicators-load.ts). Like dataState, it adopts what the build baked into
 * the page, then fingerprints the served files and re-loads only if one differs.
 */
import type { LoadedIndicators } from '../data/indicators/load.ts';
import { isIndicatorFile } from '../data/headline-indicators.ts';
import { httpReader, readAgain, readFiles, type ReadText } from '../data/load.ts';
import { unchanged, type Fingerprints, type Prerendered } from './prerendered.ts';

class HeadlineIndicatorState {
  /** Null until loaded, or when the metadata file is unavailable. Raw: rows are data, not reactive state. */
  state = $state.raw<LoadedIndicators | null>(null);
  #files: Fingerprints | null = null;
  #started = false;

  adopt(prerendered: Prerendered): void {
    this.#files = prerendered.files;
    this.state = prerendered.indicators;
  }

  /** Reads the served files once per page; later calls do nothing. */
  async load(read: ReadText = httpReader(new URL('data/', document.baseURI).href)): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    let reader = read;
    const baked = this.#files;
    if (baked) {
      // The files the build read for the headline (indicators.csv names them): if none changed, neither did the figures.
      const fetched = await readFiles(read, Object.keys(baked).filter(isIndicatorFile));
      if (await unchanged(baked, fetched)) return;
      reader = readAgain(fetched, read);
    }
    // Only now the validator: the common case above never needs it.
    try {
      const { loadHeadlineIndicators } = await import('../data/headline-indicators-load.ts');
      this.state = await loadHeadlineIndicators(reader);
    } catch {
      // Its download failed: the figures shown stay as they are, and the next view of the headline tries again.
      this.#started = false;
    }
  }
}

export const headlineIndicatorState = new HeadlineIndicatorState();
