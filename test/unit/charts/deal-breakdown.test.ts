import { beforeAll, describe, expect, it } from 'vitest';
import { dealBreakdown, dealBreakdownViewModel, dealRowGroups, dealSummary, dealTable, measureLine, parseMeasure, type DealBreakdownVM, type DealLine } from '../../../src/lib/charts/deal-breakdown/index.ts';
import { formatGbp, formatGbpPence } from '../../../src/lib/data/format.ts';
import { isolate } from '../../../src/lib/data/bidi.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import { fixtureData, PAIR, THIRD_AUTHORITY, without } from './fixtures.ts';

let data: RowsByDataset;
beforeAll(async () => {
  data = await fixtureData();
});

const lines = (vm: DealBreakdownVM): DealLine[] => vm.areas.flatMap((area) => area.programmes.flatMap((p) => p.lines));
const line = (vm: DealBreakdownVM, id: string) => lines(vm).find((l) => l.id === id);
const fundingRow = (id: string) => data.funding?.find((row) => row.id === id);
const population = (code: string) => data.areas?.find((area) => area.area_code === code)?.population ?? null;

describe('parseMeasure', () => {
  it.each([
    ['total', 'total'],
    ['per_resident', 'per_resident'],
    ['per_resident_per_year', 'per_resident_per_year'],
    [undefined, 'total'],
    ['', 'total'],
    ['PER_RESIDENT', 'total'],
    ['per_resident<script>', 'total'],
  ])('%s → %s', (input, expected) => {
    expect(parseMeasure(input)).toBe(expected);
  });
});

describe('measureLine', () => {
  it.each([
    ['total', { amount_gbp: 69_000_000, period_years: null }, 2_919_600, 69_000_000, 'ok'],
    ['per_resident', { amount_gbp: 69_000_000, period_years: null }, 2_919_600, 69_000_000 / 2_919_600, 'ok'],
    ['per_resident_per_year', { amount_gbp: 1_130_000, period_years: 5 }, 1_551_700, 1_130_000 / 1_551_700 / 5, 'ok'],
    ['per_resident_per_year', { amount_gbp: 11_200_000, period_years: null }, 1_551_700, null, 'period_not_published'],
    ['per_resident', { amount_gbp: 5, period_years: null }, null, null, 'population_unavailable'],
    ['per_resident', { amount_gbp: 5, period_years: null }, 0, null, 'population_unavailable'],
    ['total', { amount_gbp: null, period_years: null }, 100, null, 'not_quantified'],
    ['per_resident_per_year', { amount_gbp: null, period_years: 3 }, 100, null, 'not_quantified'],
  ] as const)('%s of %o with population %s', (measure, row, pop, value, status) => {
    expect(measureLine(row, pop, measure)).toEqual({ value, status });
  });
});

describe('dealBreakdownViewModel on the published data', () => {
  it('has one area per combined authority, in areas.csv order', () => {
    const vm = dealBreakdownViewModel(data, { measure: 'total', ...PAIR });
    expect(vm.areas.map((area) => area.info.code)).toEqual(data.areas?.filter((a) => a.area_type === 'combined_authority').map((a) => a.area_code));
  });

  it('divides each amount by the population of its own area for £ per resident', () => {
    const vm = dealBreakdownViewModel(data, { measure: 'per_resident', ...PAIR });
    for (const dealLine of lines(vm).filter((l) => l.amount !== null)) {
      expect(dealLine.measureValue).toBeCloseTo((dealLine.amount ?? 0) / (population(dealLine.areaCode) ?? NaN), 10);
    }
    const whole = fundingRow('wm-deal-total');
    expect(line(vm, 'wm-deal-total')?.figure.text).toBe(`up to ${formatGbpPence((whole?.amount_gbp ?? 0) / (population('E47000007') ?? 1))}`);
  });

  it('divides by period_years for £ per resident per year, and lists lines with no period instead of guessing', () => {
    const vm = dealBreakdownViewModel(data, { measure: 'per_resident_per_year', ...PAIR });
    const kq = fundingRow('lcr-kq-futures-2024');
    expect(line(vm, 'lcr-kq-futures-2024')?.measureValue).toBeCloseTo((kq?.amount_gbp ?? 0) / (population('E47000004') ?? 1) / (kq?.period_years ?? NaN), 12);
    const noPeriod = lines(vm).filter((l) => l.amount !== null && fundingRow(l.id)?.period_years === null);
    expect(noPeriod.length).toBeGreaterThan(0);
    for (const l of noPeriod) {
      expect(l.status).toBe('period_not_published');
      expect(l.measureValue).toBeNull();
      expect(l.figure.text).toBe('Period not published');
    }
    const rows = dealRowGroups(vm).flatMap((g) => g.rows);
    expect(rows.find((r) => r.id === 'lcr-bootcamps-2024')).toMatchObject({ kind: 'listed', bar: null });
  });

  it('says when only one line can be computed, and calls it the only line rather than the largest', () => {
    const rendered = dealBreakdown.render(data, { measure: 'per_resident_per_year', ...PAIR });
    if (rendered.status !== 'ok') throw new Error('unavailable');
    const vm = dealBreakdownViewModel(data, { measure: 'per_resident_per_year', ...PAIR });
    const measured = lines(vm).filter((l) => l.status === 'ok');
    if (measured.length === 1) {
      expect(rendered.summary).not.toContain('largest single line');
      expect(rendered.summary).toContain(`Only one line can be shown in pounds per resident per year: ${isolate(measured[0]?.programmeName ?? '')}`);
      expect(rendered.caption.join(' ')).toContain('The scale runs to that one value');
    } else {
      expect(rendered.caption.join(' ')).not.toContain('Only one line');
    }
    // With several lines, "largest" is said and the note is not.
    const total = dealBreakdown.render(data, { measure: 'total', ...PAIR });
    if (total.status !== 'ok') throw new Error('unavailable');
    expect(total.summary).toContain('The largest single line is');
    expect(total.caption.join(' ')).not.toContain('Only one line');
  });

  it('lists unquantified lines by name, with the source’s words, and never draws them as bars', () => {
    const vm = dealBreakdownViewModel(data, { measure: 'total', ...PAIR });
    const unquantified = data.funding?.filter((row) => row.category === 'skills' && row.amount_gbp === null) ?? [];
    expect(unquantified.length).toBeGreaterThan(0);
    const rows = dealRowGroups(vm).flatMap((g) => g.rows);
    for (const row of unquantified) {
      const drawn = rows.find((r) => r.id === row.id);
      expect(drawn?.kind).toBe('listed');
      expect(drawn?.bar).toBeNull();
      expect(drawn?.marker).toMatch(/^Not quantified/);
      if (row.stated_as) expect(drawn?.marker).toContain(row.stated_as);
      expect(dealTable(vm).rows.find((r) => r.id === row.id)?.cells).toContain(row.stated_as ? `${row.stated_as} (no exact figure published)` : 'not quantified: no figure published');
    }
    expect(dealSummary(vm)).toContain('multi-million');
  });

  it('flags ceilings and draws them as outlined bars', () => {
    const vm = dealBreakdownViewModel(data, { measure: 'total', ...PAIR });
    const rows = dealRowGroups(vm).flatMap((g) => g.rows);
    for (const row of data.funding?.filter((r) => r.category === 'skills' && r.amount_gbp !== null) ?? []) {
      expect(line(vm, row.id)?.ceiling).toBe(row.qualifier === 'up_to');
      expect(rows.find((r) => r.id === row.id)?.bar?.style).toBe(row.qualifier === 'up_to' ? 'ceiling' : 'solid');
    }
    expect(line(vm, 'wm-deal-total')?.figure.text).toBe(`up to ${formatGbp(fundingRow('wm-deal-total')?.amount_gbp ?? 0)}`);
  });

  it('never adds parts to the whole they belong to', () => {
    const vm = dealBreakdownViewModel(data, { measure: 'total', ...PAIR });
    const wm = vm.areas.find((area) => area.info.code === 'E47000007');
    expect(wm?.total.countedIds).toEqual(['wm-deal-total']);
    expect(wm?.total.value).toEqual({ value: fundingRow('wm-deal-total')?.amount_gbp, qualifier: 'up_to' });
    const parts = data.funding?.filter((row) => row.part_of === 'wm-deal-total') ?? [];
    for (const part of parts) expect(line(vm, part.id)?.role).toMatch(/^(funder_share|component)$/);
    expect(line(vm, 'wm-deal-government')?.role).toBe('funder_share');
    expect(line(vm, 'wm-deal-wmca')?.role).toBe('funder_share');
    expect(line(vm, 'wm-deal-nrs-pilot')?.role).toBe('component');
  });

  it('keeps wider and expected investment out of the skills totals, listing it as context', () => {
    const vm = dealBreakdownViewModel(data, { measure: 'total', ...PAIR });
    const lcr = vm.areas.find((area) => area.info.code === 'E47000004');
    const skillsRoots = data.funding?.filter((row) => row.area_code === 'E47000004' && row.category === 'skills') ?? [];
    expect(lcr?.total.value?.value).toBe(skillsRoots.reduce((sum, row) => sum + (row.amount_gbp ?? 0), 0));
    const nonSkills = data.funding?.filter((row) => row.category !== 'skills').map((row) => row.id) ?? [];
    expect(nonSkills.length).toBeGreaterThan(0);
    expect(vm.context.map((c) => c.id)).toEqual(nonSkills);
    for (const id of nonSkills) expect(line(vm, id)).toBeUndefined();
    // KQ Futures is carved from the (non-skills) Innovation Zone budget: it is skills funding in its own right.
    expect(line(vm, 'lcr-kq-futures-2024')?.role).toBe('standalone');
    expect(line(vm, 'lcr-kq-futures-2024')?.paidFromLabel).toContain('not counted as skills funding');
  });

  it('says the announcements come from different years, from the announced column', () => {
    const vm = dealBreakdownViewModel(data, { measure: 'total', ...PAIR });
    const years = [...new Set(data.funding?.filter((r) => r.category === 'skills').map((r) => r.announced.slice(0, 4)))];
    expect(years.length).toBeGreaterThan(1);
    const caption = dealBreakdown.render(data, {});
    expect(caption.status).toBe('ok');
    if (caption.status !== 'ok') return;
    for (const year of years) expect(caption.caption.join(' ')).toContain(year);
    expect(vm.areas.flatMap((a) => a.announcedYears).map(String).sort()).toEqual(years.sort());
  });

  it('names the denominator and its year for per-resident measures', () => {
    const rendered = dealBreakdown.render(data, { measure: 'per_resident', ...PAIR });
    if (rendered.status !== 'ok') throw new Error('expected a chart');
    const year = String(data.areas?.[0]?.population_year);
    expect(rendered.caption.join(' ')).toContain(`population in ${year}`);
    expect(rendered.sources.map((s) => s.id)).toContain(data.areas?.[0]?.population_source_id);
  });

  it('falls back to £ total for a malformed measure in the URL', () => {
    const rendered = dealBreakdown.render(data, { measure: 'per_pony', ...PAIR });
    if (rendered.status !== 'ok') throw new Error('expected a chart');
    expect(rendered.controls[0]?.value).toBe('total');
    expect(rendered.table.rows.find((r) => r.id === 'wm-deal-total')?.cells).toContain(`up to ${formatGbp(69_000_000)}`);
  });
});

describe('dealBreakdownViewModel with changed data', () => {
  it('shows a third combined authority with no code change, excluding its unquantified line from the total', async () => {
    const extended = await fixtureData(THIRD_AUTHORITY);
    const vm = dealBreakdownViewModel(extended, { measure: 'per_resident', a: 'E47000099', b: PAIR.a });
    const third = vm.areas.find((area) => area.info.code === 'E47000099');
    expect(third?.info.name).toBe('Testshire');
    expect(third?.total.countedIds).toEqual(['ts-fund-total']);
    expect(third?.total.notQuantifiedIds).toEqual(['ts-fund-unquantified']);
    expect(third?.total.value?.value).toBeCloseTo(3_000_000 / 1_000_000, 12);
    expect(dealRowGroups(vm).map((g) => g.key)).toContain('E47000099');
    expect(dealSummary(vm)).toContain('Testshire');
    expect(dealSummary(vm)).toContain('several million');
  });

  it('gives no total, rather than a wrong one, when ceilings and floors are mixed', async () => {
    const extended = await fixtureData({
      'funding.csv': [
        'lcr-floor,E47000004,lcr-skills-bootcamps,Floor line,Liverpool City Region Combined Authority,combined_authority,skills,1000000,more_than,,,,2024-04,pse-2024-lcr-bootcamps,not_stated,',
        'lcr-ceiling,E47000004,lcr-skills-bootcamps,Ceiling line,Liverpool City Region Combined Authority,combined_authority,skills,1000000,up_to,,,,2024-04,pse-2024-lcr-bootcamps,not_stated,',
      ],
    });
    const lcr = dealBreakdownViewModel(extended, { measure: 'total', ...PAIR }).areas.find((a) => a.info.code === 'E47000004');
    expect(lcr?.total.value).toBeNull();
    expect(lcr?.total.unavailableReason).toMatch(/upper limits to lower limits/);
  });

  it('says the population is unavailable when areas.csv is missing, instead of dividing by nothing', () => {
    const vm = dealBreakdownViewModel(without(data, 'areas'), { measure: 'per_resident', ...PAIR });
    for (const l of lines(vm).filter((x) => x.amount !== null)) expect(l.status).toBe('population_unavailable');
    expect(vm.areas.map((a) => a.info.name)).toEqual(['E47000004', 'E47000007']);
    expect(dealBreakdown.render(without(data, 'areas'), { measure: 'per_resident', ...PAIR }).status).toBe('ok');
  });

  it('is honestly unavailable when funding.csv is missing', () => {
    const rendered = dealBreakdown.render(without(data, 'funding'), {});
    expect(rendered).toMatchObject({ status: 'unavailable', missing: ['funding'] });
    if (rendered.status === 'unavailable') expect(rendered.reason).toContain('funding.csv');
  });

  it('still draws with programme names and sources unavailable, using ids', () => {
    const rendered = dealBreakdown.render(without(data, 'programmes', 'sources'), {});
    if (rendered.status !== 'ok') throw new Error('expected a chart');
    expect(rendered.table.rows.find((r) => r.id === 'wm-deal-total')?.cells[3]).toBe('wm-skills-deal');
    expect(rendered.sources.every((s) => s.source === null)).toBe(true);
  });
});

describe('dealBreakdownViewModel at scale', () => {
  it.each([
    ['a part_of chain 20,000 lines deep', (i: number) => (i === 0 ? null : `chain-${i - 1}`)],
    ['20,000 parts of one whole', (i: number) => (i === 0 ? null : 'chain-0')],
  ])('orders %s, wholes before parts, without recursion or quadratic work', (_name, partOf) => {
    const template = data.funding?.find((row) => row.category === 'skills' && row.amount_gbp !== null && row.part_of === null);
    if (!template) throw new Error('the fixture has no skills line');
    const funding = Array.from({ length: 20_000 }, (_, i) => ({ ...template, id: `chain-${i}`, part_of: partOf(i) }));
    const started = performance.now();
    const vm = dealBreakdownViewModel({ ...data, funding }, { measure: 'total', ...PAIR });
    const ordered = lines(vm);
    expect(ordered).toHaveLength(20_000);
    expect(ordered[0]?.id).toBe('chain-0');
    expect(new Set(ordered.map((l) => l.id)).size).toBe(20_000);
    // Generous for a shared machine; the recursive version overflowed the stack here after 3.8 s.
    expect(performance.now() - started).toBeLessThan(5000);
  });
});
