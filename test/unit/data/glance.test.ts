import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { choosePair, defaultPair, glanceViewModel, isDefaultHeadlineRoute, pickRegion, type GlanceVM } from '../../../src/lib/data/glance.ts';
import { readFile } from 'node:fs/promises';
import { loadIndicators, type LoadedIndicators } from '../../../src/lib/data/indicators/load.ts';
import type { AssembledData } from '../../../src/lib/data/validate.ts';
import { FIXTURE_DATA, loadFolder } from './load-files.ts';

const LCR = 'E47000004';
const WM = 'E47000007';
const GM = 'E47000001';

/** The fixture with a combined authority that has no announcements, listed first. */
const fixtureAreas = readFileSync(join(FIXTURE_DATA, 'areas.csv'), 'utf8');
const [header, ...areaRows] = fixtureAreas.trimEnd().split('\n');
const withGreaterManchester = [
  header,
  `${GM},Greater Manchester Combined Authority,Greater Manchester,combined_authority,,296000,2021,ons-census-2021,`,
  'E08000001,Bolton,Bolton,local_authority,E47000001,296000,2021,ons-census-2021,',
  ...areaRows,
].join('\n');

let fixture: AssembledData;
let withGm: AssembledData;
beforeAll(async () => {
  fixture = await loadFolder(FIXTURE_DATA);
  withGm = await loadFolder(FIXTURE_DATA, { 'areas.csv': withGreaterManchester });
  expect(withGm.reports.filter((r) => r.errors.length > 0)).toEqual([]);
});

const cell = (vm: GlanceVM, row: string, column: number) => vm.rows.find((r) => r.key === row)?.cells[column];

describe('the region pair', () => {
  it('defaults to the first two combined authorities with announcement figures, in data order', () => {
    expect(defaultPair(fixture.data)).toEqual({ region: LCR, compare: WM });
    // Greater Manchester is first in areas.csv but has no figures, so it is not a default.
    expect(defaultPair(withGm.data)).toEqual({ region: LCR, compare: WM });
    expect(defaultPair({})).toEqual({ region: null, compare: null });
  });

  it.each([
    ['no parameters', {}, { region: LCR, compare: WM }],
    ['both chosen', { region: GM, compare: WM }, { region: GM, compare: WM }],
    ['only the region, which is the default comparison', { region: WM }, { region: WM, compare: LCR }],
    ['only the region', { region: GM }, { region: GM, compare: WM }],
    ['an unknown region', { region: 'E47999999', compare: GM }, { region: LCR, compare: GM }],
    ['the same region twice', { region: GM, compare: GM }, { region: GM, compare: WM }],
    ['a district code', { region: 'E08000001' }, { region: LCR, compare: WM }],
    ['markup in the URL', { region: '<script>', compare: '"' }, { region: LCR, compare: WM }],
  ])('reads the URL: %s', (_name, params, expected) => {
    expect(choosePair(withGm.data, params)).toEqual(expected);
  });

  it.each([
    ['region to a new one', 'region', GM, { region: GM, compare: WM }],
    ['region to the comparison: swaps', 'region', WM, { region: WM, compare: LCR }],
    ['comparison to the region: swaps', 'compare', LCR, { region: WM, compare: LCR }],
    ['comparison to a new one', 'compare', GM, { region: LCR, compare: GM }],
  ] as const)('picks the %s', (_name, which, code, expected) => {
    expect(pickRegion({ region: LCR, compare: WM }, which, code)).toEqual(expected);
  });

  it('hydrates the prerendered markup only for the default route', () => {
    expect(isDefaultHeadlineRoute({})).toBe(true);
    expect(isDefaultHeadlineRoute({ other: 'x' })).toBe(true);
    expect(isDefaultHeadlineRoute({ region: LCR })).toBe(false);
    expect(isDefaultHeadlineRoute({ compare: WM })).toBe(false);
  });
});

describe('glanceViewModel', () => {
  it('gives both regions’ key figures with their qualifiers spelt out', () => {
    const vm = glanceViewModel(fixture.data, {});
    expect(vm.columns.map((c) => [c.code, c.name, c.residentsText])).toEqual([
      [LCR, 'Liverpool City Region', '1,551,700 residents'],
      [WM, 'West Midlands', '2,919,600 residents'],
    ]);
    // LCR: the bootcamps' £11.2m plus KQ Futures' £1.13m, carved from wider investment (not skills funding, so not a whole to count instead).
    expect(cell(vm, 'announced:funding', 0)).toMatchObject({ text: '£12.33m', quantified: true, details: ['£7.95 per resident'] });
    // WM: the whole deal only; its parts are inside it.
    expect(cell(vm, 'announced:funding', 1)).toMatchObject({ text: 'up to £69m', details: ['up to £23.63 per resident'] });
    expect(cell(vm, 'announced:funding', 1)?.links).toEqual([{ anchor: 'programme-wm-skills-deal', name: 'West Midlands Skills Deal' }]);
    expect(cell(vm, 'announced:trained', 0)).toMatchObject({ text: 'more than 4,000', details: ['by March 2024'] });
    expect(cell(vm, 'announced:trained', 1)).toMatchObject({ text: 'None in the data', quantified: false });
    expect(cell(vm, 'announced:schools', 0)).toMatchObject({ text: '33', details: ['in January 2019', '120 planned (May 2019)'] });
    expect(cell(vm, 'announced:schools', 1)).toMatchObject({ text: 'No count published', details: ['more planned, number not given (July 2018)'] });
  });

  it('says in words when a region has no announcements, and still gives its population and map', () => {
    const vm = glanceViewModel(withGm.data, { region: GM });
    const gm = vm.columns[0];
    expect(gm).toMatchObject({ code: GM, name: 'Greater Manchester', residentsText: '296,000 residents', mapHref: `#/map?region=${GM}`, programmes: [] });
    expect(gm?.emptyText).toBe('No funding announcements for Greater Manchester are in the data yet.');
    expect(cell(vm, 'announced:funding', 0)?.text).toBe(gm?.emptyText);
    expect(vm.columns[1]?.emptyText).toBeNull();
  });

  it('counts a deal once when a part names it, and keeps ceilings and floors apart', () => {
    const funding = (fixture.data.funding ?? []).map((l) => (l.id === 'lcr-kq-futures-2024' ? { ...l, qualifier: 'more_than' as const } : l));
    const lcr = { ...fixture.data, funding: funding.map((l) => (l.id === 'lcr-bootcamps-2024' ? { ...l, qualifier: 'up_to' as const } : l)) };
    expect(cell(glanceViewModel(lcr, {}), 'announced:funding', 0)).toMatchObject({ text: 'Cannot be totalled', quantified: false });
    const noAmounts = { ...fixture.data, funding: (fixture.data.funding ?? []).map((l) => (l.area_code === WM ? { ...l, amount_gbp: null, qualifier: 'unquantified' as const } : l)) };
    expect(cell(glanceViewModel(noAmounts, {}), 'announced:funding', 1)).toMatchObject({ text: 'No amount published', details: ['1 line with no published amount'] });
    const withoutPopulation = { ...fixture.data, areas: undefined };
    expect(cell(glanceViewModel(withoutPopulation, {}), 'announced:funding', 0)?.details).toEqual([]);
  });

  it('explains each qualifier that appears, once, with an example from the data', () => {
    const vm = glanceViewModel(fixture.data, {});
    expect(vm.qualifierNotes.map((n) => [n.term, n.meaning])).toEqual([
      ['“4,000+”', 'means more than 4,000: the source gives a floor, and the real number is higher.'],
      ['“Up to”', 'is a ceiling: the amount may turn out lower.'],
      ['“Not quantified”', 'means the source gives no number; it is never counted as zero.'],
      ['“Expected”, “planned”', 'are targets or plans, not achievements, and are shown apart from what has been achieved.'],
    ]);
    expect(glanceViewModel(withGm.data, { region: GM, compare: GM }).qualifierNotes.length).toBeGreaterThan(0);
  });

  it('keeps keys unique by construction, even when ids collide across datasets and with made-up keys', () => {
    const [first] = fixture.data.funding ?? [];
    if (!first) throw new Error('The fixture has funding rows.');
    const funding = [...(fixture.data.funding ?? []), { ...first, id: 'funding:E47000004', _line: 99 }];
    const completions = (fixture.data.completions ?? []).map((c, i) => (i === 0 ? { ...c, id: 'lcr-bootcamps-2024' } : c));
    const vm = glanceViewModel({ ...fixture.data, funding, completions }, {});
    const keys = [...vm.columns.map((c) => c.key), ...vm.rows.map((r) => r.key), ...vm.rows.flatMap((r) => r.cells.map((c) => `${r.key}/${c.key}`))];
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('shows nothing but a message when no areas or figures are available', () => {
    expect(glanceViewModel({}, {}).columns).toEqual([]);
  });
});

describe('official statistics on the headline', () => {
  const INDICATOR_FIXTURES = join(import.meta.dirname, '../../fixtures/indicators');
  const read = (overrides: Record<string, string> = {}) => async (file: string) => {
    if (file in overrides) return overrides[file] ?? '';
    const name = file.replace(/^indicators\//, '');
    return readFile(join(INDICATOR_FIXTURES, name === 'indicators.csv' ? name : `source/${name}`), 'utf8');
  };
  let indicators: LoadedIndicators;
  beforeAll(async () => {
    indicators = await loadIndicators(read());
  });

  it('shows the first three headline indicators at a glance, against England in words, by the shared rule', () => {
    const vm = glanceViewModel(fixture.data, {}, indicators);
    const outcomes = vm.rows.filter((r) => r.key.startsWith('outcome:'));
    expect(outcomes.map((r) => [r.key, r.label, r.caption, r.source?.text])).toEqual([
      ['outcome:starts', 'Starts', 'per 100,000 people, 2024/25', 'Department for Education'],
      ['outcome:level-3', 'Level 3 or above', '2023', 'Office for National Statistics'],
      ['outcome:no-quals', 'No qualifications', '2023', 'Office for National Statistics'],
    ]);
    const cells = outcomes.map((r) => r.cells.map((c) => [c.text, ...c.details]));
    // No interval: the difference as published, no claim of significance; the unit is said once in the caption.
    expect(cells[0]).toEqual([
      ['1,150', 'England 959', '191 higher than England'],
      ['1,000', 'England 959', '41 higher than England'],
    ]);
    // Intervals: separate for LCR (lower, and on this measure worse), overlapping for WM.
    expect(cells[1]).toEqual([
      ['62.9%', 'England 67.8%', 'Lower than England (worse)'],
      ['66.9%', 'England 67.8%', 'Similar to England'],
    ]);
  });

  it('gives each region an Outcomes group with value, period, England, comparison, change, rank and source', () => {
    const vm = glanceViewModel(fixture.data, {}, indicators);
    const [lcr, wm] = vm.columns;
    expect(lcr?.outcomes.map((o) => o.indicatorId)).toEqual(['starts', 'level-3', 'no-quals']);
    expect(lcr?.outcomes[0]).toMatchObject({
      key: 'outcome:starts:E47000004',
      value: '1,150 per 100,000 people',
      period: '2024/25',
      england: '959 per 100,000 people',
      comparison: '191 per 100,000 people higher than England',
      change: 'up 50 per 100,000 people since 2023/24',
      sourceId: 'ons-els-rates',
    });
    expect(lcr?.outcomes[0]?.rank).toMatch(/highest of \d+ combined authorities/);
    expect(lcr?.outcomes[0]?.source).toMatchObject({ publisher: 'Department for Education', licence: 'Open Government Licence v3.0' });
    expect(wm?.outcomes.find((o) => o.indicatorId === 'no-quals')?.flag).toMatch(/low reliability/i);
    expect(lcr?.outcomesNote).toBeNull();
    // The sources list carries each dataset once, after sources.csv's.
    expect(vm.sources.filter((s) => s.id.startsWith('ons-els-')).map((s) => s.id)).toEqual(['ons-els-rates', 'ons-els-survey']);
    expect(vm.attribution).toContain('Open Government Licence v3.0');
  });

  it('says so when a region has no official statistics, or a file could not be read', async () => {
    const none = glanceViewModel(withGm.data, { region: 'E47000001' }, await loadIndicators(read({ 'indicators/rates.csv': 'areacd\n' })));
    expect(none.columns[0]?.outcomes.map((o) => o.indicatorId)).toEqual([]);
    expect(none.columns[0]?.outcomesNote).toMatch(/could not be read \(indicators\/rates\.csv\)/);
    const gm = glanceViewModel(withGm.data, { region: 'E47000001' }, indicators);
    // Greater Manchester has starts only in the fixture.
    expect(gm.columns[0]?.outcomes.map((o) => o.indicatorId)).toEqual(['starts']);
    expect(gm.columns[0]?.outcomesNote).toBe('The other official statistics have no figure for Greater Manchester.');
    expect(gm.rows.find((r) => r.key === 'outcome:level-3')?.cells[0]?.text).toBe('No figure published');
    expect(glanceViewModel(fixture.data, {}, null).rows.map((r) => r.key)).toEqual(['announced:funding', 'announced:trained', 'announced:schools']);
  });
});
