/** Test helper: read a folder of CSVs from disk through the app's own loader. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDatasets } from '../../../src/lib/data/load.ts';

export const PUBLISHED_DATA = join(import.meta.dirname, '../../../public/data');

export function loadFolder(dir: string, overrides: Record<string, string> = {}) {
  return loadDatasets(async (file) => overrides[file] ?? (await readFile(join(dir, file), 'utf8')));
}
