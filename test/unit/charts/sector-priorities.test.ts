import { beforeAll, describe, expect, it } from 'vitest';
import { sectorPriorities, sectorPrioritiesViewModel, sectorSummary, sectorTable } from '../../../src/lib/charts/sector-priorities.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import { fixtureData, PAIR, THIRD_AUTHORITY, without } from './fixtures.ts';

let data: RowsByDataset;
beforeAll(async () => {
  data = await fixtureData();
});

describe('sectorPrioritiesViewModel', () => {
  it('has a row per sector in sectors.csv order, keyed by sector id', () => {
    const vm = sectorPrioritiesViewModel(data, PAIR);
    expect(vm.sectors.map((s) => s.id)).toEqual(data.sectors?.map((s) => s.sector_id));
    expect(vm.sectors.map((s) => s.label)).toEqual(data.sectors?.map((s) => s.label));
  });

  it('has a column per area and programme, and puts every mention in its cell', () => {
    const vm = sectorPrioritiesViewModel(data, PAIR);
    const mentions = data.sector_shortages ?? [];
    expect(vm.columns.map((c) => c.programmeId)).toEqual([...new Set(mentions.map((m) => m.programme_id))]);
    expect(vm.cells.flatMap((c) => c.mentions.map((m) => m.id)).sort()).toEqual(mentions.map((m) => m.id).sort());
    for (const mention of mentions) {
      const cell = vm.cells.find((c) => c.mentions.some((m) => m.id === mention.id));
      expect(cell?.sectorId).toBe(mention.sector);
      expect(cell?.columnKey).toBe(`${mention.area_code}|${mention.programme_id}`);
    }
  });

  it('tabulates relations in words with the source’s terms, and "Not named" for empty cells', () => {
    const table = sectorTable(sectorPrioritiesViewModel(data, PAIR));
    expect(table.rows.find((r) => r.id === 'logistics')?.cells).toContain('Training offered (“HGV drivers”)');
    expect(table.rows.find((r) => r.id === 'automotive')?.cells).toContain('Not named');
  });

  it('summarises which sectors are named for more than one area', () => {
    const summary = sectorSummary(sectorPrioritiesViewModel(data, PAIR));
    const shared = (data.sectors ?? []).filter((sector) => new Set(data.sector_shortages?.filter((m) => m.sector === sector.sector_id).map((m) => m.area_code)).size > 1);
    expect(shared.length).toBeGreaterThan(0);
    for (const sector of shared) expect(summary).toContain(sector.label);
    expect(summary).toContain('Named as a skills shortage');
  });

  it('adds a third combined authority as new columns with no code change', async () => {
    const vm = sectorPrioritiesViewModel(await fixtureData(THIRD_AUTHORITY), { a: 'E47000099', b: PAIR.b });
    expect(vm.columns.map((c) => c.regionName)).toContain('Testshire');
    expect(vm.cells.find((c) => c.columnKey === 'E47000099|ts-skills-fund')?.mentions[0]?.relation).toBe('shortage');
  });

  it('falls back to sector ids when sectors.csv is unavailable, and is unavailable without sector_shortages.csv', () => {
    const vm = sectorPrioritiesViewModel(without(data, 'sectors'), PAIR);
    expect(vm.labelsMissing).toBe(true);
    expect(vm.sectors.map((s) => s.label)).toEqual(vm.sectors.map((s) => s.id));
    expect(sectorPriorities.render(without(data, 'sector_shortages'), {}).status).toBe('unavailable');
  });
});
