/**
 * The official statistics the headline shows, loaded apart from the announcement data:
 * only the headline's indicators, trimmed to England and the combined authorities (see
 * data/headline-indicators.ts). Like dataState, it adopts the texts baked into the page,
 * then re-reads the served files and changes only if they differ.
 */
import { headlineIndicators, readHeadlineIndicatorTexts } from '../data/headline-indicators.ts';
import { loadIndicators, type LoadedIndicators } from '../data/indicators/load.ts';
import { METADATA_FILE } from '../data/indicators/schema.ts';
import { validateMetadata } from '../data/indicators/validate.ts';
import { httpReader, type ReadText } from '../data/load.ts';
import { prerenderedReader, sameTexts, type PrerenderedTexts } from './prerendered.ts';

async function fromTexts(texts: PrerenderedTexts): Promise<LoadedIndicators | null> {
  const metadataText = texts[METADATA_FILE];
  if (metadataText === undefined) return null;
  const ids = headlineIndicators(validateMetadata(metadataText).rows).map((m) => m.indicator_id);
  return loadIndicators(prerenderedReader(texts), { ids });
}

class HeadlineIndicatorState {
  /** Null until loaded, or when the metadata file is unavailable. Raw: rows are data, not reactive state. */
  state = $state.raw<LoadedIndicators | null>(null);
  #texts: PrerenderedTexts | null = null;
  #started = false;

  async adopt(texts: PrerenderedTexts): Promise<void> {
    this.#texts = texts;
    this.state = await fromTexts(texts);
  }

  /** Reads the served files once per page; later calls do nothing. */
  async load(read: ReadText = httpReader(new URL('data/', document.baseURI).href)): Promise<void> {
    if (this.#started) return;
    this.#started = true;
    const texts = await readHeadlineIndicatorTexts(read);
    if (this.#texts && sameTexts(this.#texts, texts)) return;
    this.#texts = texts;
    this.state = await fromTexts(texts);
  }
}

export const headlineIndicatorState = new HeadlineIndicatorState();
