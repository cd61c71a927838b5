import { beforeAll, describe, expect, it } from 'vitest';
import { buildHeadlines, populationCredit, sumQualified, type RegionHeadline } from '../../../src/lib/data/derive.ts';
import type { AssembledData } from '../../../src/lib/data/validate.ts';
import { loadFolder, FIXTURE_DATA } from './load-files.ts';

let loaded: AssembledData;
let headlines: RegionHeadline[];
beforeAll(async () => {
  loaded = await loadFolder(FIXTURE_DATA);
  headlines = buildHeadlines(loaded.data);
});

const figuresOf = (region: RegionHeadline) => region.programmes.flatMap((p) => p.figures);

describe('buildHeadlines', () => {
  it('has one section per combined authority, from the data', () => {
    expect(headlines.map((r) => r.code)).toEqual(['E47000004', 'E47000007']);
    expect(headlines[1]?.populationText).toBe('Population 2,919,600 in 2021 (Office for National Statistics)');
  });

  it('credits the populations to the source rows areas.csv names, not to a fixed census', () => {
    expect(populationCredit(loaded.data)).toBe('Population: Office for National Statistics, Census 2021: usual resident population by local authority, 28 June 2022.');
    const areas = (loaded.data.areas ?? []).map((area) => ({ ...area, population_year: 2024, population_source_id: 'other' }));
    const sources = [{ source_id: 'other', title: 'Mid-year estimates', publisher: 'A publisher', published: '2025-07', url: null, note: null, _line: 2 }];
    expect(populationCredit({ areas, sources })).toBe('Population: A publisher, Mid-year estimates, July 2025.');
    expect(buildHeadlines({ areas, sources })[0]?.populationText).toBe('Population 1,551,700 in 2024 (A publisher)');
    expect(populationCredit({})).toBeNull();
  });

  it('shows every figure row exactly once', () => {
    const ids = headlines.flatMap(figuresOf).map((f) => f.id).sort();
    const rows = [...(loaded.data.funding ?? []), ...(loaded.data.completions ?? []), ...(loaded.data.schools_reached ?? [])].map((r) => r.id).sort();
    expect(ids).toEqual(rows);
  });

  it.each([
    ['wm-deal-nrs-pilot', 'up to £5m', 'announced 18 July 2018'],
    ['lcr-bootcamps-completed-2024', '4,000+', 'by March 2024'],
    ['lcr-bootcamps-expected-2025', '6,500', 'by March 2025'],
    ['wm-deal-colleges', 'Multi-million', 'announced 18 July 2018'],
    ['wm-deal-portal-missing', undefined, undefined],
  ])('%s reads %s', (id, text, when) => {
    const figure = headlines.flatMap(figuresOf).find((f) => f.id === id);
    expect(figure?.value.text).toBe(text);
    expect(figure?.when).toBe(when);
  });

  it('orders a deal total before its parts and tags the parts', () => {
    const deal = headlines[1]?.programmes.find((p) => p.id === 'wm-skills-deal');
    expect(deal?.figures[0]?.id).toBe('wm-deal-total');
    expect(deal?.figures.find((f) => f.id === 'wm-deal-edtech')?.tags).toContain('Part of: Whole deal (up to £69m)');
  });

  it.each([
    // [line, new_money, tag expected on the card or null for none]
    ['wm-deal-government', 'partly', 'Partly new money'],
    ['wm-deal-government', 'yes', 'New money'],
    ['wm-deal-government', 'not_stated', 'Whether it is new money is not stated'],
    // An unquantified line has no amount to be new or not: no tag unless a source says.
    ['wm-deal-colleges', 'not_stated', null],
    ['wm-deal-colleges', 'partly', 'Partly new money'],
  ] as const)('tags %s with new_money %s', (id, newMoney, tag) => {
    const funding = (loaded.data.funding ?? []).map((line) => (line.id === id ? { ...line, new_money: newMoney } : line));
    const tags = buildHeadlines({ ...loaded.data, funding }).flatMap(figuresOf).find((f) => f.id === id)?.tags ?? [];
    const newMoneyTags = tags.filter((t) => /new money/i.test(t));
    expect(newMoneyTags).toEqual(tag === null ? [] : [tag]);
  });

  it('words an expectation over a period as a period, not a deadline', () => {
    const completions = (loaded.data.completions ?? []).map((c) => (c.id === 'lcr-innovation-zone-jobs' ? { ...c, as_of: '2024-12', period_years: 10 } : c));
    const figure = buildHeadlines({ ...loaded.data, completions }).flatMap(figuresOf).find((f) => f.id === 'lcr-innovation-zone-jobs');
    expect(figure?.when).toBe('over 10 years from December 2024');
  });

  it('resolves each figure to its source', () => {
    const figure = headlines.flatMap(figuresOf).find((f) => f.id === 'lcr-careers-hub-launch');
    expect(figure?.source).toMatchObject({ publisher: 'Invest Liverpool', publishedText: '30 May 2019' });
  });

  it('still shows figures when sources.csv is unavailable, without source details', () => {
    const withoutSources = buildHeadlines({ ...loaded.data, sources: undefined });
    const figure = withoutSources.flatMap(figuresOf).find((f) => f.id === 'wm-deal-total');
    expect(figure?.value.text).toBe('up to £69m');
    expect(figure?.source).toBeNull();
  });

  it('falls back to area codes when areas.csv is unavailable', () => {
    const withoutAreas = buildHeadlines({ ...loaded.data, areas: undefined });
    expect(withoutAreas.map((r) => r.name).sort()).toEqual(['E47000004', 'E47000007']);
  });

  it('adds a third combined authority from data alone', () => {
    const [area, programme, line] = [loaded.data.areas?.[0], loaded.data.programmes?.[0], loaded.data.funding?.[0]];
    if (!area || !programme || !line) throw new Error('seed data missing');
    const areas = [...(loaded.data.areas ?? []), { ...area, area_code: 'E47000001', area_name: 'Greater Manchester Combined Authority' }];
    const programmes = [...(loaded.data.programmes ?? []), { ...programme, programme_id: 'gm-x', area_code: 'E47000001', programme_name: 'GM programme' }];
    const funding = [...(loaded.data.funding ?? []), { ...line, id: 'gm-line', area_code: 'E47000001', programme_id: 'gm-x' }];
    const result = buildHeadlines({ ...loaded.data, areas, programmes, funding });
    expect(result.map((r) => r.name)).toContain('Greater Manchester Combined Authority');
    expect(result.find((r) => r.code === 'E47000001')?.programmes[0]?.figures[0]?.id).toBe('gm-line');
  });
});

describe('sumQualified', () => {
  it.each([
    [[], null],
    [[{ value: 1, qualifier: 'exact' }, { value: 2, qualifier: 'exact' }], { value: 3, qualifier: 'exact' }],
    [[{ value: 1, qualifier: 'exact' }, { value: 2, qualifier: 'up_to' }], { value: 3, qualifier: 'up_to' }],
    [[{ value: 1, qualifier: 'more_than' }, { value: 2, qualifier: 'exact' }], { value: 3, qualifier: 'more_than' }],
    [[{ value: 1, qualifier: 'about' }, { value: 2, qualifier: 'exact' }], { value: 3, qualifier: 'about' }],
    [[{ value: 1, qualifier: 'up_to' }, { value: 2, qualifier: 'more_than' }], null],
    [[{ value: 1, qualifier: 'about' }, { value: 2, qualifier: 'up_to' }], null],
  ] as const)('%j → %j', (parts, expected) => {
    expect(sumQualified(parts)).toEqual(expected);
  });
});

