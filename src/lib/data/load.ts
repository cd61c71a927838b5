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

export async function loadDatasets(read: ReadText, names: readonly DatasetName[] = DATASET_NAMES): Promise<AssembledData> {
  // The validator and papaparse are a chunk of their own, fetched while the files are read:
  // the prerendered headline adopts data the build validated and never needs them.
  const validator = import('./validate.ts');
  // Awaited below; this only keeps a failed download from being reported before then.
  validator.catch(() => undefined);
  const entries = await Promise.all(
    names.map(async (name): Promise<[DatasetName, FileText]> => {
      try {
        return [name, { text: await read(SCHEMA[name].file) }];
      } catch (error) {
        return [name, { readError: error instanceof Error ? error.message : String(error) }];
      }
    }),
  );
  return (await validator).assembleDatasets(Object.fromEntries(entries));
}
