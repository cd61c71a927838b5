/**
 * The CSV texts the build baked into index.html beside the prerendered headline. The
 * client validates these same texts to hydrate the prerendered markup exactly, then
 * re-reads the served files (see data-state.svelte.ts). Shared by the build (writer)
 * and the page (reader), so the two cannot disagree on the format.
 */
import { isIndicatorFile } from '../data/headline-indicators.ts';
import type { ReadText } from '../data/load.ts';

/** id of the `<script type="application/json">` element holding the texts. */
export const PRERENDERED_DATA_ID = 'prerendered-data';

/** File name (e.g. "funding.csv") → the file's text as read at build time. */
export type PrerenderedTexts = Readonly<Record<string, string>>;

/**
 * JSON for a `<script type="application/json">` element. Data is text from CSVs that
 * anyone may edit, so every character that could end the element or open a comment
 * ("</script>", "<!--") is written as a \u escape, which JSON.parse reads back as is.
 */
export function serialisePrerenderedTexts(texts: PrerenderedTexts): string {
  return JSON.stringify(texts).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The full element to place after the app's container. */
export function prerenderedDataElement(texts: PrerenderedTexts): string {
  return `<script type="application/json" id="${PRERENDERED_DATA_ID}">${serialisePrerenderedTexts(texts)}</script>`;
}

/** Parses the element's text; null unless it is an object of strings (a page built without prerendering has none). */
export function parsePrerenderedTexts(json: string | null | undefined): PrerenderedTexts | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return null;
  const entries = Object.entries(value);
  return entries.every(([, text]) => typeof text === 'string') ? Object.fromEntries(entries) : null;
}

export function readPrerenderedTexts(doc: Document): PrerenderedTexts | null {
  return parsePrerenderedTexts(doc.getElementById(PRERENDERED_DATA_ID)?.textContent);
}

/** A reader over the baked-in texts. A file absent at build time reads as missing, the same on the server and in the page. */
export function prerenderedReader(texts: PrerenderedTexts): ReadText {
  return async (file) => {
    const text = texts[file];
    if (text === undefined) throw new Error(`${file} was not found when this page was built.`);
    return text;
  };
}

/** True when the served files are exactly the baked-in ones, so the prerendered page is already current. */
export function sameTexts(baked: PrerenderedTexts, served: PrerenderedTexts): boolean {
  const bakedFiles = Object.keys(baked);
  return bakedFiles.length === Object.keys(served).length && bakedFiles.every((file) => served[file] === baked[file]);
}

/** The baked texts split into the announcement datasets and the headline's official statistics (files under indicators/). */
export function splitPrerenderedTexts(texts: PrerenderedTexts): { datasets: PrerenderedTexts; indicators: PrerenderedTexts } {
  const entries = Object.entries(texts);
  return {
    datasets: Object.fromEntries(entries.filter(([file]) => !isIndicatorFile(file))),
    indicators: Object.fromEntries(entries.filter(([file]) => isIndicatorFile(file))),
  };
}
