/**
 * The map's official-statistics layers and the national view, on the invented files in
 * test/fixtures/map (never public/data) and synthetic square boundaries.
 */
import { isolate } from '../../../src/lib/data/bidi.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildIndicatorStore } from '../../../src/lib/data/indicators/derive.ts';
import type { LoadedIndicators } from '../../../src/lib/data/indicators/load.ts';
import { validateMetadata, validateTidyCsv } from '../../../src/lib/data/indicators/validate.ts';
import { nationalGeography } from '../../../src/lib/map/boundaries.ts';
import {
  mapViewModel,
  METADATA_PROBLEM,
  NO_OFFICIAL,
  withLoadedIndicators,
  withLoadFailure,
  type MapParams,
  type MapViewModel,
  type OfficialInput,
} from '../../../src/lib/map/view-model.ts';
import { fixtureData, syntheticBoundaries } from './fixtures.ts';

const LCR = 'E47000004';
const WMCA = 'E47000007';
const ENGLAND = 'E92000001';
const P24 = '2024-08-01/P1Y';
const P23 = '2023-08-01/P1Y';

const text = (name: string) => readFileSync(new URL(`../../fixtures/map/${name}`, import.meta.url), 'utf8');
const metadata = validateMetadata(text('indicators.csv')).rows;
const dataset = validateTidyCsv('indicators/stats.csv', text('stats.csv'), { metadata });
const store = buildIndicatorStore(metadata, [dataset]);
const loaded: OfficialInput = { metadata, store, problems: {} };

const data = fixtureData();
const boundaries = syntheticBoundaries(data);
const ready = { ok: true, boundaries } as const;
const params = (p: Partial<MapParams> = {}): MapParams => ({ region: null, indicator: null, period: null, ...p });

function ok(view: MapViewModel): Extract<MapViewModel, { status: 'ok' }> {
  if (view.status !== 'ok') throw new Error(`expected a map, got: ${view.message}`);
  return view;
}
const view = (p: Partial<MapParams>, official: OfficialInput = loaded) => ok(mapViewModel(data, params(p), ready, official));
const row = (v: ReturnType<typeof view>, code: string) => v.table.rows.find((r) => r.code === code);

it('the fixture files are valid', () => {
  expect(dataset.errors).toEqual([]);
  expect([...store.keys()]).toEqual(['rate', 'share']);
});

describe('the indicator picker', () => {
  it('groups official statistics first, then the announcement figures', () => {
    const v = view({ region: LCR });
    expect(v.indicatorGroups).toEqual([
      { label: 'Official statistics', options: [{ value: 'rate', label: 'Rate' }, { value: 'share', label: 'Share' }] },
      { label: 'From announcements', options: [{ value: 'population', label: 'Population' }] },
    ]);
    expect(v.indicators.map((o) => o.value)).toEqual(['rate', 'share', 'population']);
  });

  it('leaves out the official group when no metadata is loaded, and keeps population the default', () => {
    const v = view({ region: LCR }, NO_OFFICIAL);
    expect(v.indicatorGroups.map((g) => g.label)).toEqual(['From announcements']);
    expect(v.params).toEqual({ region: LCR, indicator: 'population', period: null });
  });
});

describe('loading official statistics lazily', () => {
  it.each([
    // With no indicator asked for, the map waits for the list, then opens on its first official statistic.
    ['metadata not read yet, no indicator asked for', { metadata: null, store: new Map(), problems: {} }, null, true, null, 'loading'],
    ["metadata read, no indicator asked for: the first official one's file", { metadata, store: new Map(), problems: {} }, null, false, metadata[0]?.indicator_id ?? 'missing', 'loading'],
    ['metadata not read yet, an official indicator asked for', { metadata: null, store: new Map(), problems: {} }, 'rate', true, null, 'loading'],
    ["metadata read, the indicator's file not yet", { metadata, store: new Map(), problems: {} }, 'rate', false, 'rate', 'loading'],
    ['both read', loaded, 'rate', false, null, 'ready'],
  ] as const)('%s', (_, official, indicator, needsMetadata, needsIndicator, mapStatus) => {
    const v = view({ region: LCR, indicator }, official);
    expect(v.needsMetadata).toBe(needsMetadata);
    expect(v.needsIndicator).toBe(needsIndicator);
    expect(v.map.status).toBe(mapStatus);
    if (mapStatus === 'loading') expect(v.table.rows).toEqual([]);
  });

  it.each([
    ['a broken dataset file', { metadata, store: new Map(), problems: { rate: 'indicators/stats.csv, line 3, column observation: expected a number' } }, /^Rate cannot be shown: indicators\/stats\.csv, line 3, column observation: expected a number\. The map shows population instead\.$/],
    ['a broken metadata file', { metadata: [], store: new Map(), problems: { [METADATA_PROBLEM]: 'indicators/indicators.csv could not be read' } }, /^The official statistics cannot be shown: indicators\/indicators\.csv could not be read\.$/],
  ])('%s: a notice, and population instead', (_, official, notice) => {
    const v = view({ region: LCR, indicator: 'rate' }, official);
    expect(v.notice).toMatch(notice);
    expect(v.params.indicator).toBe('population');
    expect(v.table.rows).toHaveLength(6);
    expect(v.map.status).toBe('ready');
  });
});

describe('an official indicator without intervals (rate)', () => {
  const v = view({ region: LCR, indicator: 'rate' });

  it('shows the latest period by default, and lists every period', () => {
    expect(v.params).toEqual({ region: LCR, indicator: 'rate', period: P24 });
    expect(v.periods).toEqual([
      { value: P23, label: '2023/24' },
      { value: P24, label: '2024/25' },
    ]);
    expect(v.heading).toBe('Rate: Liverpool City Region, 2024/25');
  });

  it.each([
    ['E08000011', { name: 'Knowsley', text: '1,228 per 100,000 people', interval: null, rank: 'The highest of 6 districts', comparison: '269 per 100,000 people higher than England', flag: null, when: '2024/25' }],
    ['E08000012', { text: '833 per 100,000 people', rank: 'The lowest of 6 districts', comparison: '126 per 100,000 people lower than England' }],
    ['E08000015', { text: '1,036 per 100,000 people', rank: '3rd lowest of 6 districts' }],
  ])('table row %s', (code, expected) => {
    expect(row(v, code)).toMatchObject({ ...expected, sources: [{ id: 'ons-els-stats', source: expect.objectContaining({ title: 'Fixture statistics', publisher: 'Department for Education', url: 'https://example.org/fixture' }) }] });
  });

  it('marks England in the legend, with the unit said once in its title', () => {
    expect(v.legend.title).toBe('Rate, 2024/25 (per 100,000 people)');
    expect(v.legend.england?.text).toBe('959 per 100,000 people');
    const index = v.legend.england?.classIndex ?? -1;
    const englandClass = v.legend.classes[index];
    expect(englandClass && englandClass.lower <= 959 && 959 <= englandClass.upper).toBe(true);
    expect(v.legend.classes.every((c) => !c.label.includes('per'))).toBe(true);
  });

  it('says value, rank, England and the plain difference in the tooltip and live region, with the licence', () => {
    if (v.map.status !== 'ready') throw new Error(v.map.status);
    const knowsley = v.map.drawing.districts.find((d) => d.code === 'E08000011');
    expect(knowsley?.tooltipLines).toEqual([`${isolate('Rate')}: 1,228 per 100,000 people (2024/25)`, 'The highest of 6 districts', 'England: 959 per 100,000 people', '269 per 100,000 people higher than England']);
    expect(v.announcements.E08000011).toBe('Knowsley: Rate 1,228 per 100,000 people (2024/25); the highest of 6 districts. England: 959 per 100,000 people. 269 per 100,000 people higher than England.');
    expect(knowsley?.description).toBe(v.announcements.E08000011);
    // The label drops the unit in words; the key's title says it.
    expect(knowsley?.labelLines).toEqual(['Knowsley', '1,228']);
    expect(v.summary).toBe(`In ${isolate('Liverpool City Region')}, ${isolate('Knowsley')} has the highest “${isolate('Rate')}” (1,228 per 100,000 people) and ${isolate('Liverpool')} the lowest (833 per 100,000 people). England: 959 per 100,000 people.`);
    expect(v.figureAttribution).toBe('Source: Office for National Statistics and Department for Education, licensed under the Open Government Licence v3.0.');
    expect(v.caveat).toBe('A fixture caveat in our words.');
    expect(v.table.official).toBe(true);
  });
});

describe('a period with missing and flagged values (rate, 2023/24)', () => {
  const v = view({ region: LCR, indicator: 'rate', period: P23 });

  it('keeps the missing value out of the colours and ranks, never as zero', () => {
    expect(row(v, 'E08000011')).toMatchObject({ text: 'Not available', unquantified: true, rank: 'Not ranked', comparison: 'No comparison with England' });
    expect(v.legend).toMatchObject({ noDataCount: 1, noDataLabel: 'Not available' });
    if (v.map.status !== 'ready') throw new Error(v.map.status);
    expect(v.map.drawing.districts.find((d) => d.code === 'E08000011')?.fill).toBeNull();
    expect(v.summary).toMatch(/1 of the 6 districts have no figure\./);
  });

  it('marks the flagged row in the table, tooltip and live region', () => {
    expect(row(v, 'E08000014')?.flag).toBe('Low reliability. Estimate based on a small number of learners');
    if (v.map.status !== 'ready') throw new Error(v.map.status);
    expect(v.map.drawing.districts.find((d) => d.code === 'E08000014')?.tooltipLines.at(-1)).toBe("⚑ Publisher's flag: Low reliability. Estimate based on a small number of learners");
    expect(v.announcements.E08000014).toMatch(/Publisher's flag: Low reliability\. Estimate based on a small number of learners\.$/);
  });

  it.each([
    ['an unknown period falls back to the latest', 'not-a-period', P24],
    ['a known period is kept', P23, P23],
  ])('%s', (_, period, expected) => {
    expect(view({ region: LCR, indicator: 'rate', period }).params.period).toBe(expected);
  });
});

describe('an official indicator with intervals (share, lower is better)', () => {
  const v = view({ region: LCR, indicator: 'share' });

  it.each([
    ['E06000006', '25.1%', '23.0% to 27.2%', 'Higher than England (worse)'],
    ['E08000011', '20.3%', '18.0% to 22.6%', 'Similar to England'],
    ['E08000012', '15.2%', '14.0% to 16.4%', 'Lower than England (better)'],
    ['E08000015', '18.0%', null, '2.0 percentage points lower than England'],
    ['E08000013', 'Not available', null, 'No comparison with England'],
  ])('%s: %s, interval %s, %s', (code, text, interval, comparison) => {
    expect(row(v, code)).toMatchObject({ text, interval, comparison });
  });

  it('keeps the % on the legend classes', () => {
    expect(v.legend.title).toBe('Share, 2023');
    expect(v.legend.classes[0]?.label).toMatch(/^\d+(\.\d)?% to (under )?\d+(\.\d)?%$/);
  });
});

describe('an indicator absent for a region', () => {
  const v = view({ region: WMCA, indicator: 'share' });

  it('lists every district as not published, with a summary that says so', () => {
    expect(v.table.rows).toHaveLength(7);
    expect(v.table.rows.every((r) => r.text === 'No data' && r.rank === 'Not ranked')).toBe(true);
    expect(v.summary).toMatch(new RegExp(`^No district of ${isolate('West Midlands')} has a published figure for “${isolate('Share')}”\\.`));
    expect(v.legend.classes).toEqual([]);
    expect(v.params.period).toBe('2023-01-01/P1Y');
  });
});

describe('the national view', () => {
  it('maps each combined authority as one shape, coloured by population summed from its districts', () => {
    const v = view({ region: ENGLAND, indicator: 'population' });
    expect(v.national).toBe(true);
    expect(v.regionCode).toBe(ENGLAND);
    expect(v.regions[0]).toEqual({ value: ENGLAND, label: 'England: all combined authorities' });
    const sumOf = (region: string) => (data.areas ?? []).filter((a) => a.parent_code === region).reduce((s, a) => s + a.population, 0);
    expect(v.table.rows.map((r) => [r.code, r.text])).toEqual([
      [LCR, sumOf(LCR).toLocaleString('en-GB')],
      [WMCA, sumOf(WMCA).toLocaleString('en-GB')],
    ]);
    expect(v.table.areaHeading).toBe('Combined authority');
    if (v.map.status !== 'ready') throw new Error(v.map.status);
    expect(v.map.drawing.activatable).toBe(true);
    expect(v.map.drawing.districts.map((d) => d.code)).toEqual([LCR, WMCA]);
    expect(v.map.drawing.outline).toBeNull();
    expect(v.announcements[LCR]).toMatch(/Press Enter to open its district map\.$/);
    expect(v.legend).toMatchObject({ noun: { one: 'combined authority' }, showsOutline: false });
  });

  it('colours by an official indicator from the combined-authority rows, ranked among combined authorities', () => {
    const v = view({ region: ENGLAND, indicator: 'rate' });
    expect(row(v, LCR)).toMatchObject({ text: '1,050 per 100,000 people', rank: 'The highest of 2 combined authorities', comparison: '91 per 100,000 people higher than England' });
    expect(row(v, WMCA)).toMatchObject({ text: '1,000 per 100,000 people', rank: 'The lowest of 2 combined authorities' });
    expect(v.heading).toBe("Rate: England's combined authorities, 2024/25");
  });

  it('offers only population among the announcement figures', () => {
    expect(view({ region: ENGLAND }).indicatorGroups.at(-1)?.options.map((o) => o.value)).toEqual(['population']);
  });
});

describe('nationalGeography', () => {
  it('dissolves each group of districts into one shape, reporting groups with no shape', () => {
    const lcr = (data.areas ?? []).filter((a) => a.parent_code === LCR).map((a) => a.area_code);
    const geography = nationalGeography(boundaries, [
      { code: LCR, name: 'Liverpool City Region', districtCodes: lcr },
      { code: 'E47999999', name: 'Nowhere', districtCodes: ['E06999999'] },
    ]);
    expect(geography.districts.map((d) => d.id)).toEqual([LCR]);
    // Six touching squares merge into one polygon with no inner borders.
    expect(geography.districts[0]?.geometry.type).toBe('MultiPolygon');
    expect(geography.districts[0]?.geometry.coordinates).toHaveLength(1);
    expect(geography.missing).toEqual(['E47999999']);
    expect(geography.neighbours.map((n) => n.id)).not.toContain(lcr[0]);
  });
});

describe('withLoadedIndicators and withLoadFailure', () => {
  const empty: OfficialInput = { metadata: null, store: new Map(), problems: {} };
  const report = (file: string, status: 'ok' | 'broken' | 'missing') => ({ file, status, rowCount: 0, warnings: [], errors: status === 'ok' ? [] : [{ severity: 'error' as const, file, line: 3, column: 'observation', value: 'abc', expected: 'a number' }] });

  it.each([
    ['metadata only', { metadata, store: new Map(), reports: [report('indicators/indicators.csv', 'ok')] }, [], { metadata: 2, series: [], problems: {} }],
    ['a series', { metadata, store, reports: [report('indicators/indicators.csv', 'ok'), report('indicators/stats.csv', 'ok')] }, ['rate'], { metadata: 2, series: ['rate', 'share'], problems: {} }],
    ['a broken file', { metadata, store: new Map(), reports: [report('indicators/indicators.csv', 'ok'), report('indicators/stats.csv', 'broken')] }, ['rate'], { metadata: 2, series: [], problems: { rate: 'indicators/stats.csv, line 3, column observation: expected a number' } }],
    ['a broken metadata file', { metadata: [], store: new Map(), reports: [report('indicators/indicators.csv', 'broken')] }, [], { metadata: 0, series: [], problems: { [METADATA_PROBLEM]: 'indicators/indicators.csv, line 3, column observation: expected a number' } }],
  ] as const)('%s', (_, result, ids, expected) => {
    const next = withLoadedIndicators(empty, result as unknown as LoadedIndicators, ids);
    expect(next.metadata?.length).toBe(expected.metadata);
    expect([...next.store.keys()]).toEqual(expected.series);
    expect(next.problems).toEqual(expected.problems);
  });

  it('words a failed download for the metadata and for an indicator', () => {
    expect(withLoadFailure(empty, [], new Error('offline')).problems).toEqual({ [METADATA_PROBLEM]: 'the file could not be downloaded (offline)' });
    expect(withLoadFailure({ ...empty, metadata }, ['rate'], new Error('offline')).problems).toEqual({ rate: 'the file could not be downloaded (offline)' });
  });
});
