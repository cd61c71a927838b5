/**
 * Data contract for the shipped official indicators (public/data/indicators): they
 * validate cleanly against areas.csv, re-importing them changes nothing, and a figure
 * checked by hand against the ONS file is as published.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { importTidyFile } from '../../../../src/lib/data/indicators/import.ts';
import { getObservation, latestPeriod } from '../../../../src/lib/data/indicators/derive.ts';
import { loadIndicators, type LoadedIndicators } from '../../../../src/lib/data/indicators/load.ts';
import { ENGLAND_CODE } from '../../../../src/lib/data/indicators/schema.ts';
import { validateCsv } from '../../../../src/lib/data/validate.ts';
import { PUBLISHED_DATA } from '../load-files.ts';

const read = (file: string) => readFile(join(PUBLISHED_DATA, file), 'utf8');
let loaded: LoadedIndicators;
let districts: Set<string>;
beforeAll(async () => {
  districts = new Set(validateCsv('areas', await read('areas.csv')).rows.map((a) => a.area_code));
  loaded = await loadIndicators(read, { districts });
});

describe('public/data/indicators', () => {
  it('has no errors or warnings in any file', () => {
    expect(loaded.reports.flatMap((r) => [...r.errors, ...r.warnings])).toEqual([]);
    expect(loaded.reports.every((r) => r.status === 'ok')).toBe(true);
  });

  it('loads every indicator in indicators.csv, each with England for its latest period', () => {
    expect([...loaded.store.keys()]).toEqual(loaded.metadata.map((m) => m.indicator_id));
    for (const series of loaded.store.values()) {
      const latest = latestPeriod(series);
      expect(latest, series.meta.indicator_id).not.toBeNull();
      expect(getObservation(series, ENGLAND_CODE, latest?.raw ?? '')?.value, series.meta.indicator_id).not.toBeNull();
    }
  });

  it('is stable: importing the committed files again changes nothing', async () => {
    for (const file of new Set(loaded.metadata.map((m) => m.dataset))) {
      const text = await read(`indicators/${file}`);
      expect(importTidyFile(file, text, loaded.metadata, districts).csv, file).toBe(text);
    }
  });

  it('has Knowsley apprenticeship starts for 2024/25 as in the ONS file', () => {
    const starts = loaded.store.get('apprenticeship-starts');
    expect(starts && getObservation(starts, 'E08000011', '2024-08-01/P1Y')?.value).toBe(1228);
  });
});
