/**
 * The shipped datasets: they validate cleanly, and the figures the five sources publish
 * are present with the qualifier the source uses.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SCHEMA } from '../../../src/lib/data/schema.ts';
import type { AssembledData } from '../../../src/lib/data/validate.ts';
import { loadFolder, PUBLISHED_DATA } from './load-files.ts';

let loaded: AssembledData;
beforeAll(async () => {
  loaded = await loadFolder(PUBLISHED_DATA);
});

describe('public/data', () => {
  it('has no errors or warnings in any file', () => {
    const problems = loaded.reports.flatMap((r) => [...r.errors, ...r.warnings]);
    expect(problems).toEqual([]);
    expect(loaded.reports.every((r) => r.status === 'ok')).toBe(true);
  });

  it.each([
    ['funding', 'lcr-bootcamps-2024', 11_200_000, 'exact'],
    ['funding', 'lcr-kq-futures-2024', 1_130_000, 'exact'],
    ['funding', 'lcr-innovation-zone-programme', 160_000_000, 'exact'],
    ['funding', 'lcr-innovation-zone-investment', 800_000_000, 'up_to'],
    ['funding', 'wm-deal-total', 69_000_000, 'up_to'],
    ['funding', 'wm-deal-government', 49_000_000, 'up_to'],
    ['funding', 'wm-deal-wmca', 20_000_000, 'exact'],
    ['funding', 'wm-deal-nrs-pilot', 5_000_000, 'up_to'],
    ['funding', 'wm-deal-edtech', 1_000_000, 'exact'],
    ['funding', 'wm-deal-careers', 1_000_000, 'exact'],
    ['funding', 'wm-deal-colleges', null, 'unquantified'],
    ['funding', 'wm-deal-sme-apprenticeships', null, 'unquantified'],
    ['funding', 'wm-deal-work-experience-portal', null, 'unquantified'],
    ['completions', 'lcr-bootcamps-completed-2024', 4000, 'more_than'],
    ['completions', 'lcr-bootcamps-places-2024', 2500, 'exact'],
    ['completions', 'lcr-bootcamps-expected-2025', 6500, 'exact'],
    ['completions', 'lcr-strategy-businesses', 50, 'exact'],
    ['completions', 'lcr-innovation-zone-jobs', 8000, 'exact'],
    ['completions', 'lcr-innovation-zone-projects', 20, 'exact'],
    ['completions', 'wm-deal-apprenticeships', null, 'unquantified'],
    ['schools_reached', 'lcr-careers-hub-launch', 33, 'exact'],
    ['schools_reached', 'lcr-careers-hub-extension', 120, 'exact'],
  ] as const)('%s %s is %s (%s)', (dataset, id, value, qualifier) => {
    const rows = (loaded.data[dataset] ?? []) as { id: string; qualifier: string }[];
    const row = rows.find((r) => r.id === id) as Record<string, unknown> | undefined;
    expect(row).toBeDefined();
    expect(row?.[SCHEMA[dataset].figure.column]).toBe(value);
    expect(row?.qualifier).toBe(qualifier);
  });

  it('ties each count to a funding line of the same area and programme when it names one in funded_by', () => {
    const funding = new Map((loaded.data.funding ?? []).map((line) => [line.id, line]));
    for (const count of (loaded.data.completions ?? []).filter((c) => c.funded_by)) {
      const line = funding.get(count.funded_by ?? '');
      expect(line, count.id).toBeDefined();
      expect([line?.area_code, line?.programme_id], count.id).toEqual([count.area_code, count.programme_id]);
    }
  });

  it('lists the eight Gatsby Benchmarks and six strategy outcomes', () => {
    const items = loaded.data.programme_items ?? [];
    expect(items.filter((i) => i.item_type === 'benchmark')).toHaveLength(8);
    expect(items.filter((i) => i.item_type === 'outcome')).toHaveLength(6);
  });

  it('has each combined authority population equal to the sum of its districts', () => {
    const areas = loaded.data.areas ?? [];
    for (const ca of areas.filter((a) => a.area_type === 'combined_authority')) {
      const sum = areas.filter((a) => a.parent_code === ca.area_code).reduce((total, a) => total + a.population, 0);
      expect(sum).toBe(ca.population);
    }
  });
});
