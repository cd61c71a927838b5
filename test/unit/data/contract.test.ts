/**
 * Data contract for provenance, on the published data: every figure says what the sources
 * recorded in stated_in.csv say (number, qualifier, date, period, funder, measure, new money),
 * every source a row uses exists, and no source note admits a figure rests on a report the
 * project does not hold. The rules live in src/lib/data/provenance.ts.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { provenanceProblems } from '../../../src/lib/data/provenance.ts';
import { DATASET_NAMES, SCHEMA } from '../../../src/lib/data/schema.ts';
import type { AssembledData } from '../../../src/lib/data/validate.ts';
import { loadFolder, PUBLISHED_DATA } from './load-files.ts';

let loaded: AssembledData;
beforeAll(async () => {
  loaded = await loadFolder(PUBLISHED_DATA);
});

describe('public/data provenance', () => {
  it('loads sources and stated_in', () => {
    expect(loaded.data.sources?.length).toBeGreaterThan(0);
    expect(loaded.data.stated_in?.length).toBeGreaterThan(0);
  });

  it('has every figure stated by its sources, with its qualifier and date', () => {
    expect(provenanceProblems(loaded.data)).toEqual([]);
  });

  it('uses only sources listed in sources.csv', () => {
    const known = new Set((loaded.data.sources ?? []).map((s) => s.source_id));
    const missing: string[] = [];
    for (const name of DATASET_NAMES) {
      const refColumns = Object.entries(SCHEMA[name].columns).filter(([, spec]) => spec.ref === 'sources').map(([column]) => column);
      for (const row of (loaded.data[name] ?? []) as unknown as Record<string, unknown>[]) {
        for (const column of refColumns) {
          const id = row[column];
          if (typeof id === 'string' && !known.has(id)) missing.push(`${SCHEMA[name].file} line ${String(row._line)}: ${id}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('marks a government share the source calls partly new as partly', () => {
    // Data-driven: any funding row a source says is partly new carries that flag.
    const partly = (loaded.data.stated_in ?? []).filter((r) => r.dataset === 'funding' && r.new_money === 'partly');
    for (const record of partly) {
      expect(loaded.data.funding?.find((f) => f.id === record.row_id)?.new_money).toBe('partly');
    }
  });
});
