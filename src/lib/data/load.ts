/**
 * The only I/O in the data layer: read each dataset's CSV text, then hand it to the
 * pure validator. A failed read is reported for that file alone.
 */
import { DATASET_NAMES, SCHEMA, type DatasetName } from './schema.ts';
import type { AssembledData, FileText } from './validate.ts';

export type ReadText = (file: string) => Promise<string>;

/** Reads files over HTTP relative to `baseUrl`, decoding as UTF-8 so bad bytes show up as U+FFFD and are reported. */
export function httpReader(baseUrl: string, fetchImpl: typeof fetch = fetch): ReadText {
  return async (file) => {
    const response = await fetchImpl(new URL(file, baseUrl));
    if (!response.ok) throw new Error(`The server answered ${response.status} ${response.statusText} for ${file}.`);
    return new TextDecoder('utf-8').decode(await response.arrayBuffer());
  };
}

/** Folder of the published data, relative to the page: public/data is served as data/. */
const PUBLISHED_FOLDER = 'data/';

/** Address of a published file (a CSV, the boundaries), resolved against the page's base address. */
export function publishedUrl(file: string, baseUri: string = document.baseURI): string {
  return new URL(file, new URL(PUBLISHED_FOLDER, baseUri)).href;
}

/** Reads the published data the page was built with. */
export function publishedReader(baseUri: string = document.baseURI, fetchImpl: typeof fetch = fetch): ReadText {
  return httpReader(publishedUrl('', baseUri), fetchImpl);
}

/** Reads each file, keeping its text or why it could not be read. */
export async function readFiles(read: ReadText, files: readonly string[]): Promise<Record<string, FileText>> {
  const entries = await Promise.all(
    files.map(async (file): Promise<[string, FileText]> => {
      try {
        return [file, { text: await read(file) }];
      } catch (error) {
        return [file, { readError: error instanceof Error ? error.message : String(error) }];
      }
    }),
  );
  return Object.fromEntries(entries);
}

/** A reader over files already read: each gives its text again, or fails as its read did. Others are read with `fallback`. */
export function readAgain(fetched: Readonly<Record<string, FileText>>, fallback: ReadText): ReadText {
  return async (file) => {
    const known = fetched[file];
    if (!known) return fallback(file);
    if ('readError' in known) throw new Error(known.readError);
    return known.text;
  };
}

/** A reader over texts in memory; a file not among them fails with `missing`'s message. */
export function textsReader(texts: Readonly<Record<string, string>>, missing = (file: string) => `${file} could not be read.`): ReadText {
  return async (file) => {
    const text = texts[file];
    if (text === undefined) throw new Error(missing(file));
    return text;
  };
}

/**
 * Checks dataset files already read (file → text or why it could not be read), as
 * loadDatasets does. The validator and papaparse are a chunk of their own, loaded here:
 * the prerendered headline adopts data the build validated and never needs them.
 */
export async function checkDatasets(files: Readonly<Record<string, FileText>>, names: readonly DatasetName[] = DATASET_NAMES): Promise<AssembledData> {
  const { assembleDatasets } = await import('./validate.ts');
  return assembleDatasets(Object.fromEntries(names.map((name) => [name, files[SCHEMA[name].file] ?? { readError: `${SCHEMA[name].file} was not read.` }])));
}

export async function loadDatasets(read: ReadText, names: readonly DatasetName[] = DATASET_NAMES): Promise<AssembledData> {
  // Start the validator's download now, so it arrives while the files are read; a failure is reported by checkDatasets.
  import('./validate.ts').catch(() => undefined);
  return checkDatasets(await readFiles(read, names.map((name) => SCHEMA[name].file)), names);
}
