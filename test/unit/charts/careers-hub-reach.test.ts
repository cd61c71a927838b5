import { beforeAll, describe, expect, it } from 'vitest';
import { careersHubReach, careersHubReachViewModel, careersRowGroups, careersSummary, careersTable } from '../../../src/lib/charts/careers-hub-reach.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import { fixtureData, PAIR, THIRD_AUTHORITY, without } from './fixtures.ts';

let data: RowsByDataset;
beforeAll(async () => {
  data = await fixtureData();
});

describe('careersHubReachViewModel', () => {
  it('draws actual figures solid, planned ones as dashed outlines, and lists unquantified rows', () => {
    const rows = careersRowGroups(careersHubReachViewModel(data, PAIR)).flatMap((g) => g.rows);
    for (const source of data.schools_reached ?? []) {
      const row = rows.find((r) => r.id === source.id);
      if (source.schools_and_colleges === null) {
        expect(row).toMatchObject({ kind: 'listed', bar: null });
        expect(row?.marker).toMatch(/^Not quantified/);
      } else {
        expect(row?.bar).toMatchObject({ value: source.schools_and_colleges, style: source.status === 'planned' ? 'planned' : 'solid' });
      }
    }
  });

  it('orders each programme’s figures by date', () => {
    const vm = careersHubReachViewModel(data, PAIR);
    for (const programme of vm.regions.flatMap((r) => r.programmes)) {
      expect(programme.items.map((i) => i.asOf)).toEqual([...programme.items.map((i) => i.asOf)].sort());
    }
  });

  it('summarises and tabulates every row, saying when a number is not published', () => {
    const vm = careersHubReachViewModel(data, PAIR);
    expect(careersTable(vm).rows.map((r) => r.id).sort()).toEqual((data.schools_reached ?? []).map((r) => r.id).sort());
    const summary = careersSummary(vm);
    expect(summary).toContain('is not published');
    for (const row of data.schools_reached ?? []) if (row.schools_and_colleges !== null) expect(summary).toContain(String(row.schools_and_colleges));
  });

  it('adds a third combined authority with no code change', async () => {
    const vm = careersHubReachViewModel(await fixtureData(THIRD_AUTHORITY), { a: 'E47000099', b: PAIR.b });
    expect(vm.regions.map((r) => r.info.name)).toContain('Testshire');
  });

  it('is unavailable without schools_reached.csv', () => {
    expect(careersHubReach.render(without(data, 'schools_reached'), {})).toMatchObject({ status: 'unavailable', missing: ['schools_reached'] });
  });
});
