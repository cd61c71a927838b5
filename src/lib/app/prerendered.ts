/**
 * What the build rendered index.html's prerendered headline from: the announcement data
 * and the headline's official statistics as the build validated them, and a fingerprint
 * of each published file it read. The page adopts the data as it is, so hydration sees
 * exactly what the markup was rendered from and no validator runs before it; then it
 * fetches the served files and fingerprints them, and only a file that changed since the
 * build makes it load the validator (with papaparse, a chunk of its own) and re-check
 * (data-state.svelte.ts, headline-indicators.svelte.ts). Shared by the build (writer) and
 * the page (reader), so the two cannot disagree on the format.
 *
 * It lives in a file beside the scripts (assets/prerendered-<hash>.json), named in the app
 * container's data-prerendered attribute, not in the page: the first paint needs none of
 * it, and on a slow phone connection each extra 14 KB of HTML costs a round trip before
 * the figures show. The starter (public/start-app.js) fetches the file with the app's scripts.
 */
import { textsReader, type ReadText } from '../data/load.ts';
import type { LoadedIndicators } from '../data/indicators/load.ts';
import type { AssembledData, FileText } from '../data/validate.ts';

/** Attribute of the app's container naming the file that holds the data. */
export const PRERENDERED_ATTRIBUTE = 'data-prerendered';

/** File name (e.g. "funding.csv") → the file's text as read at build time. */
export type PrerenderedTexts = Readonly<Record<string, string>>;

/** Published file (its path under data/) → SHA-256 of its text as the build read it, or null: the build could not read it. */
export type Fingerprints = Readonly<Record<string, string | null>>;

export interface Prerendered {
  files: Fingerprints;
  datasets: AssembledData;
  /** The headline's official statistics, trimmed to England and the combined authorities; null without indicators.csv. */
  indicators: LoadedIndicators | null;
}

/** The indicator store's lookups are Maps, which JSON has no form for: written as { [MAP]: entries }. */
const MAP = '$map';

/**
 * The file's JSON. Data is text from CSVs that anyone may edit: every character that could
 * end an HTML element or open a comment ("</script>", "<!--") is written as a \u escape,
 * which JSON.parse reads back as is, so the text stays inert should it ever be inlined.
 */
export function serialisePrerendered(data: Prerendered): string {
  const json = JSON.stringify(data, (_key, value: unknown) => (value instanceof Map ? { [MAP]: [...value] } : value));
  return json.replace(/[<>&\u2028\u2029]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Reads the file back; null unless it has the shape the build writes (a page built without
 * prerendering has none, and a stale or foreign file must not be hydrated from). The content
 * is the build's own output, served beside the scripts, so it is trusted as they are.
 */
export function parsePrerendered(json: string | null | undefined): Prerendered | null {
  if (!json) return null;
  let value: unknown;
  try {
    value = JSON.parse(json, (_key, item: unknown) => (isRecord(item) && Array.isArray(item[MAP]) ? new Map(item[MAP] as [unknown, unknown][]) : item));
  } catch {
    return null;
  }
  if (!isRecord(value) || !isRecord(value.files) || !isRecord(value.datasets) || !isRecord(value.datasets.data) || !Array.isArray(value.datasets.reports)) return null;
  if (!Object.values(value.files).every((print) => typeof print === 'string' || print === null)) return null;
  const indicators = value.indicators;
  if (indicators !== null && !(isRecord(indicators) && Array.isArray(indicators.metadata) && indicators.store instanceof Map && Array.isArray(indicators.reports))) return null;
  return value as unknown as Prerendered;
}

/**
 * The data the page was prerendered from, fetched from the file its container names; null
 * for a page built without prerendering, or when the file cannot be read (the app then
 * renders from the served files instead of hydrating).
 */
export async function loadPrerendered(container: Element | null, baseUri: string, fetchImpl: typeof fetch = fetch): Promise<Prerendered | null> {
  const src = container?.getAttribute(PRERENDERED_ATTRIBUTE);
  if (!src) return null;
  try {
    const response = await fetchImpl(new URL(src, baseUri).href);
    return response.ok ? parsePrerendered(await response.text()) : null;
  } catch {
    return null;
  }
}

/** A reader over the baked-in texts. A file absent at build time reads as missing, the same on the server and in the page. */
export function prerenderedReader(texts: PrerenderedTexts): ReadText {
  return textsReader(texts, (file) => `${file} was not found when this page was built.`);
}

/**
 * SHA-256 of a text (its UTF-8 bytes), in hex; null where the browser offers no Web Crypto
 * (a page served over plain HTTP from another host), and then every file counts as changed.
 */
export async function fingerprint(text: string): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null;
  const digest = new Uint8Array(await subtle.digest('SHA-256', new TextEncoder().encode(text)));
  return Array.from(digest, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * The build's reader for the baked data: reads with `read` and writes each file's
 * fingerprint into `files` (null when it cannot be read), so the page later checks exactly
 * the files the figures came from.
 */
export function fingerprinting(read: ReadText, files: Record<string, string | null>): ReadText {
  return async (file) => {
    try {
      const text = await read(file);
      files[file] = await fingerprint(text);
      return text;
    } catch (error) {
      files[file] = null;
      throw error;
    }
  };
}

/**
 * True when every fetched file is as the build read it: the same fingerprint, or unreadable
 * then and now. A file the build did not list, or no Web Crypto, counts as changed.
 */
export async function unchanged(baked: Fingerprints, fetched: Readonly<Record<string, FileText>>): Promise<boolean> {
  for (const [file, result] of Object.entries(fetched)) {
    if (!(file in baked)) return false;
    const print = 'text' in result ? await fingerprint(result.text) : null;
    if ('text' in result && print === null) return false;
    if (print !== baked[file]) return false;
  }
  return true;
}
