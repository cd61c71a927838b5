import { isolate } from '../../../src/lib/data/bidi.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHeadlines, populationCredit, sumQualified, type RegionHeadline } from '../../../src/lib/data/derive.ts';
import type { AssembledData } from '../../../src/lib/data/validate.ts';
import { loadFolder, FIXTURE_DATA } from './load-files.ts';

const TODAY = new Date(Date.UTC(2026, 11, 1));
let loaded: AssembledData;
let headlines: RegionHeadline[];
beforeAll(async () => {
  loaded = await loadFolder(FIXTURE_DATA);
  headlines = buildHeadlines(loaded.data, TODAY);
});

const figuresOf = (region: RegionHeadline) => region.programmes.flatMap((p) => p.figures);

describe('buildHeadlines', () => {
  it('has one section per combined authority, from the data', () => {
    expect(headlines.map((r) => r.code)).toEqual(['E47000004', 'E47000007']);
    expect(headlines[1]?.populationText).toBe(`Population 2,919,600 in 2021 (${isolate('Office for National Statistics')})`);
  });

  it('credits the populations to the source rows areas.csv names, not to a fixed census', () => {
    expect(populationCredit(loaded.data)).toBe(`Population: ${isolate('Office for National Statistics')}, ${isolate('Census 2021: usual resident population by local authority')}, 28 June 2022.`);
    const areas = (loaded.data.areas ?? []).map((area) => ({ ...area, population_year: 2024, population_source_id: 'other' }));
    const sources = [{ source_id: 'other', title: 'Mid-year estimates', publisher: 'A publisher', published: '2025-07', url: null, note: null, _line: 2 }];
    expect(populationCredit({ areas, sources })).toBe(`Population: ${isolate('A publisher')}, ${isolate('Mid-year estimates')}, July 2025.`);
    expect(buildHeadlines({ areas, sources })[0]?.populationText).toBe(`Population 1,551,700 in 2024 (${isolate('A publisher')})`);
    expect(populationCredit({})).toBeNull();
  });

  it('shows every figure row exactly once: as a card, on another row’s card, or as a note', () => {
    const shown = (region: RegionHeadline) => region.programmes.flatMap((p) => [...p.figures.flatMap((f) => [f.id, ...f.alsoIds]), ...p.notes.map((n) => n.id)]);
    const rows = [...(loaded.data.funding ?? []), ...(loaded.data.completions ?? []), ...(loaded.data.schools_reached ?? [])].map((r) => r.id).sort();
    expect(headlines.flatMap(shown).sort()).toEqual(rows);
  });

  it('makes a count with no number and no words for one a note under its programme, not a card', () => {
    const bootcamps = headlines[0]?.programmes.find((p) => p.id === 'lcr-skills-bootcamps');
    const unquantified = (loaded.data.completions ?? []).filter((c) => c.value === null && c.stated_as === null && c.programme_id === 'lcr-skills-bootcamps');
    expect(unquantified.length).toBeGreaterThan(0);
    for (const row of unquantified) {
      expect(bootcamps?.figures.some((f) => f.id === row.id)).toBe(false);
      expect(bootcamps?.notes.find((n) => n.id === row.id)?.text).toBe(`People completed the course by 2020: no number is published. ${row.note}`);
    }
    // Words instead of a number ("hundreds") keep their card; so do unquantified targets and funding lines.
    expect(figuresOf(headlines[1] as RegionHeadline).find((f) => f.id === 'wm-deal-apprenticeships')?.value.text).toBe('Hundreds');
    expect(figuresOf(headlines[1] as RegionHeadline).find((f) => f.id === 'wm-careers-hub')?.value.text).toBe('Not quantified');
    expect(figuresOf(headlines[1] as RegionHeadline).find((f) => f.id === 'wm-deal-work-experience-portal')?.value.text).toBe('Not quantified');
  });

  describe('a count linked to its funding line by funded_by', () => {
    const link = (countId: string, lineId: string, change: (l: NonNullable<AssembledData['data']['funding']>[number]) => object = () => ({})) => {
      const completions = (loaded.data.completions ?? []).map((c) => (c.id === countId ? { ...c, funded_by: lineId } : c));
      const funding = (loaded.data.funding ?? []).map((l) => (l.id === lineId ? { ...l, ...change(l) } : l));
      return buildHeadlines({ ...loaded.data, completions, funding }, TODAY).flatMap(figuresOf);
    };

    it('shows a funding line with no amount on the count’s card, once', () => {
      const figures = link('wm-deal-apprenticeships', 'wm-deal-sme-apprenticeships');
      expect(figures.filter((f) => f.id === 'wm-deal-sme-apprenticeships')).toEqual([]);
      const card = figures.find((f) => f.id === 'wm-deal-apprenticeships');
      expect(card).toMatchObject({ alsoIds: ['wm-deal-sme-apprenticeships'], label: 'New apprenticeships at SMEs: places funded' });
      expect(card?.value.text).toBe('Hundreds');
      expect(card?.tags).toContain('Funding amount not published');
      expect(card?.tags).toContain(`Part of: ${isolate('Whole deal')} (up to £69m)`);
    });

    it.each([
      ['the line has an amount', { amount_gbp: 100000, qualifier: 'exact' }, 'Paid for by: New apprenticeships at SMEs (£100,000)'],
      ['the line has another source', { source_id: 'pse-2024-lcr-bootcamps' }, 'Paid for by: New apprenticeships at SMEs (Not quantified)'],
      ['the line is in another programme', { programme_id: 'lcr-skills-bootcamps' }, null],
    ] as const)('keeps two cards when %s', (_name, change, tag) => {
      const figures = link('wm-deal-apprenticeships', 'wm-deal-sme-apprenticeships', () => change);
      const ids = figures.map((f) => f.id);
      expect(ids).toContain('wm-deal-apprenticeships');
      expect(ids).toContain('wm-deal-sme-apprenticeships');
      const tags = figures.find((f) => f.id === 'wm-deal-apprenticeships')?.tags ?? [];
      expect(tags.filter((t) => t.startsWith('Paid for by'))).toEqual(tag ? [tag] : []);
    });
  });

  it('names the district on a district’s row', () => {
    const [line] = loaded.data.funding ?? [];
    if (!line) throw new Error('seed data missing');
    const funding = [...(loaded.data.funding ?? []), { ...line, id: 'kno-share', area_code: 'E08000011', part_of: null }];
    const figures = buildHeadlines({ ...loaded.data, funding }, TODAY).flatMap(figuresOf);
    expect(figures.find((f) => f.id === 'kno-share')?.district).toBe('Knowsley');
    expect(figures.find((f) => f.id === 'kno-share')?.citation).toContain(', Knowsley, ');
    expect(figures.find((f) => f.id === line.id)?.district).toBeNull();
  });

  it('groups sectors by how the programme names them, giving the source wording once where it differs', () => {
    const bootcamps = headlines[0]?.programmes.find((p) => p.id === 'lcr-skills-bootcamps');
    expect(bootcamps?.sectors.map((g) => g.relation)).toEqual(['Training offered']);
    const mentions = bootcamps?.sectors[0]?.mentions ?? [];
    expect(mentions.find((m) => m.id === 'lcr-bootcamps-construction')).toEqual({ id: 'lcr-bootcamps-construction', label: 'Construction', wording: null });
    expect(mentions.find((m) => m.id === 'lcr-bootcamps-hgv')?.wording).toBe('HGV drivers');
    expect(bootcamps?.sectors[0]?.sources.map((s) => s.source?.publisher)).toEqual(['Public Sector Executive']);
    const kq = headlines[0]?.programmes.find((p) => p.id === 'lcr-kq-futures');
    expect(kq?.sectors.map((g) => g.relation)).toEqual(['Named as a skills shortage', 'Career pathway']);
  });

  it('puts each target’s status on its card, as of the given day', () => {
    const figures = headlines.flatMap(figuresOf);
    expect(figures.find((f) => f.id === 'lcr-bootcamps-expected-2025')?.promise?.headline).toBe('Target date passed');
    expect(figures.find((f) => f.id === 'lcr-bootcamps-completed-2024')?.promise).toBeNull();
    const earlier = buildHeadlines(loaded.data, new Date(Date.UTC(2024, 5, 1))).flatMap(figuresOf);
    expect(earlier.find((f) => f.id === 'lcr-bootcamps-expected-2025')?.promise?.headline).toBe('Due March 2025');
  });

  it.each([
    ['lcr-bootcamps-2024', '£11.2m: New funding for 2,500 places, Skills Bootcamps, Liverpool City Region, announced April 2024 (Public Sector Executive, April 2024: https://www.publicsectorexecutive.com/articles/mayors-skills-bootcamps-benefitting-thousands-liverpool)'],
    ['lcr-bootcamps-completed-2024', 'More than 4,000: people completed the course, Skills Bootcamps, Liverpool City Region, by March 2024 (Public Sector Executive, April 2024: https://'],
    ['wm-deal-nrs-pilot', 'Up to £5m: National Retraining Scheme pilot, West Midlands Skills Deal, West Midlands, announced 18 July 2018 (Made in the Midlands, July 2018: https://'],
    ['lcr-innovation-zone-jobs', '(“£1m investment to boost Liverpool’s high-tech skills and outreach programme”, publisher not stated, 2024; no web address is known) Expected, not yet achieved. Target date passed (2024)'],
    ['lcr-innovation-zone-programme', 'Wider investment (not skills funding).'],
  ])('cites %s as plain text with its source', (id, text) => {
    expect(headlines.flatMap(figuresOf).find((f) => f.id === id)?.citation).toContain(text.replace('’', "'"));
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
    expect(deal?.figures.find((f) => f.id === 'wm-deal-edtech')?.tags).toContain(`Part of: ${isolate('Whole deal')} (up to £69m)`);
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
    const figure = buildHeadlines({ ...loaded.data, completions }, TODAY).flatMap(figuresOf).find((f) => f.id === 'lcr-innovation-zone-jobs');
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

