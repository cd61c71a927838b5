/** Test helper: read a folder of CSVs from disk through the app's own loader. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadDatasets } from '../../../src/lib/data/load.ts';

/** The data the dashboard ships: only the data-contract suite reads it. */
// PUBLISHED_DATA_DIR points it at a scratch copy (scripts/check-sixteenth-region.ts).
export const PUBLISHED_DATA = process.env.PUBLISHED_DATA_DIR ?? join(import.meta.dirname, '../../../public/data');
/**
 * A frozen copy of the seed data (November 2026): chart, derive and map tests run on it, so
 * editing or growing public/data breaks no code test.
 */
export const FIXTURE_DATA = join(import.meta.dirname, '../../fixtures/dashboard');

export function loadFolder(dir: string, overrides: Record<string, string> = {}) {
  return loadDatasets(async (file) => overrides[file] ?? (await readFile(join(dir, file), 'utf8')));
}
