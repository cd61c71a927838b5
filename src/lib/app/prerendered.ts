/**
 * The CSV texts the build rendered index.html's prerendered headline from. The client
 * validates these same texts to hydrate the prerendered markup exactly, then re-reads the
 * served files (see data-state.svelte.ts). Shared by the build (writer) and the page
 * (reader), so the two cannot disagree on the format.
 *
 * They live in a file beside the scripts (assets/prerendered-<hash>.json), named in the app
 * container's data-prerendered attribute, not in the page: the first paint needs none of
 * them, and on a slow phone connection each extra 14 KB of HTML costs a round trip before
 * the figures show. The starter (public/start-app.js) fetches the file with the app's scripts.
 */
import { isIndicatorFile } from '../data/headline-indicators.ts';
import type { ReadText } from '../data/load.ts';

/** Attribute of the app's container naming the file that holds the texts. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

/** File name (e.g. "funding.csv") → the file's text as read at build time. */
export type PrerenderedTexts = Readonly<Record<string, string>>;

/**
 * The file's JSON. Data is text from CSVs that anyone may edit: every character that could
 * end an HTML element or open a comment ("</script>", "<!--") is written as a \u escape,
 * which JSON.parse reads back as is, so the text stays inert should it ever be inlined.
 */
export function serialisePrerenderedTexts(texts: PrerenderedTexts): string {
  return JSON.stringify(texts).replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
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

/**
 * The texts the page was prerendered from, fetched from the file its container names; null
 * for a page built without prerendering, or when the file cannot be read (the app then
 * renders from the served files instead of hydrating).
 */
export async function loadPrerenderedTexts(container: Element | null, baseUri: string, fetchImpl: typeof fetch = fetch): Promise<PrerenderedTexts | null> {
  const src = container?.getAttribute(PRERENDERED_ATTRIBUTE);
  if (!src) return null;
  try {
    const response = await fetchImpl(new URL(src, baseUri).href);
    return response.ok ? parsePrerenderedTexts(await response.text()) : null;
  } catch {
    return null;
  }
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
