/** Test helper: the small tidy-format fixtures in test/fixtures/indicators (never public/data). */
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { validateMetadata } from '../../../../src/lib/data/indicators/validate.ts';

export const FIXTURE_DIR = join(import.meta.dirname, '../../../fixtures/indicators');

export const fixtureText = (path: string) => readFileSync(join(FIXTURE_DIR, path), 'utf8');

export const fixtureMetadata = () => validateMetadata(fixtureText('indicators.csv')).rows;

/** The districts of the fixture region: Knowsley and Liverpool (E47000004). */
export const FIXTURE_DISTRICTS: ReadonlySet<string> = new Set(['E08000011', 'E08000012']);

export const HEADER = 'areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes';

/** Serves the fixtures at the published layout (indicators/…), with `overrides` (null: unreadable), and records what is read. */
export function fixtureReader(overrides: Record<string, string | null> = {}) {
  const read: string[] = [];
  const reader = async (file: string) => {
    read.push(file);
    if (file in overrides) {
      const text = overrides[file];
      if (text === null || text === undefined) throw new Error(`${file}: not found`);
      return text;
    }
    const name = file.replace(/^indicators\//, '');
    return readFile(join(FIXTURE_DIR, name === 'indicators.csv' ? name : `source/${name}`), 'utf8');
  };
  return { reader, read };
}
