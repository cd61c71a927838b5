import { isolate } from '../../../src/lib/data/bidi.ts';
import { describe, expect, it } from 'vitest';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import type { BoundariesResult } from '../../../src/lib/map/boundaries.ts';
import { mapParamsQuery, mapViewModel, readMapParams, type MapParams, type MapViewModel } from '../../../src/lib/map/view-model.ts';
import { fixtureData, NEIGHBOUR_CODE, syntheticBoundaries } from './fixtures.ts';

const LCR = 'E47000004';
const WMCA = 'E47000007';
const data = fixtureData();
const ready = (boundaries = syntheticBoundaries(data)): BoundariesResult => ({ ok: true, boundaries });
const params = (p: Partial<MapParams> = {}): MapParams => ({ region: null, indicator: null, period: null, ...p });

function ok(view: MapViewModel): Extract<MapViewModel, { status: 'ok' }> {
  if (view.status !== 'ok') throw new Error(`expected a map, got: ${view.message}`);
  return view;
}

const codesOf = (data: RowsByDataset, region: string) => (data.areas ?? []).filter((a) => a.parent_code === region).map((a) => a.area_code);

describe('readMapParams and mapParamsQuery', () => {
  it.each([
    [{}, params(), {}],
    [{ region: WMCA, indicator: 'population', measure: 'total' }, params({ region: WMCA, indicator: 'population' }), { region: WMCA, indicator: 'population' }],
    [{ region: '', period: '2024-08-01/P1Y' }, params({ period: '2024-08-01/P1Y' }), { period: '2024-08-01/P1Y' }],
  ])('%j', (query, expected, back) => {
    expect(readMapParams(query)).toEqual(expected);
    expect(mapParamsQuery(readMapParams(query))).toEqual(back);
  });
});

describe('mapViewModel: which region and indicator', () => {
  it.each([
    ['no parameters: the first region, population', params(), LCR, 'population', 6],
    ['a region', params({ region: WMCA }), WMCA, 'population', 7],
    ['an unknown region falls back to the first', params({ region: 'not-a-region' }), LCR, 'population', 6],
    ['an unknown indicator falls back to the first', params({ region: WMCA, indicator: 'nonsense' }), WMCA, 'population', 7],
    ['a period where the indicator has none is dropped', params({ period: '2024' }), LCR, 'population', 6],
  ])('%s', (_, p, region, indicator, districts) => {
    const view = ok(mapViewModel(data, p, ready()));
    expect(view.params).toEqual({ region, indicator, period: null });
    expect(view.regionCode).toBe(region);
    expect(view.table.rows.map((r) => r.code)).toEqual(codesOf(data, region));
    expect(view.table.rows).toHaveLength(districts);
    expect(Object.keys(view.announcements).sort()).toEqual(codesOf(data, region).sort());
  });

  it('offers the national view first, then every combined authority that has districts, by short name', () => {
    expect(ok(mapViewModel(data, params(), null)).regions).toEqual([
      { value: 'E92000001', label: 'England: all combined authorities' },
      { value: LCR, label: 'Liverpool City Region' },
      { value: WMCA, label: 'West Midlands' },
    ]);
  });

  it.each([
    ['no areas file', {}, /areas file \(areas\.csv\) is unavailable/],
    ['areas with no districts', { ...data, areas: (data.areas ?? []).filter((a) => a.area_type === 'combined_authority') }, /No combined authority with districts/],
  ])('is unavailable with %s', (_, input, message) => {
    const view = mapViewModel(input, params(), ready());
    expect(view.status).toBe('unavailable');
    expect(view.status === 'unavailable' && view.message).toMatch(message);
  });
});

describe('mapViewModel: words', () => {
  const view = ok(mapViewModel(data, params({ region: LCR }), ready()));

  it('gives heading, summary, hint, captions and the embed title', () => {
    expect(view.heading).toBe('Population: Liverpool City Region');
    expect(view.summary).toBe(`In ${isolate('Liverpool City Region')}, ${isolate('Liverpool')} has the highest “${isolate('Population')}” (486,100) and ${isolate('Halton')} the lowest (128,500).`);
    expect(view.hint).toMatch(/No programme figures are published for individual districts yet/);
    expect(view.table.caption).toBe('Population by district, Liverpool City Region');
    expect(view.embedTitle).toBe('District map: Population, Liverpool City Region');
  });

  it('announces each district with its value and rank', () => {
    expect(view.announcements.E06000006).toBe(`${isolate('Halton')}: ${isolate('Population')} 128,500 (in 2021); rank 6 of 6, highest first.`);
    expect(view.announcements.E08000012).toBe(`${isolate('Liverpool')}: ${isolate('Population')} 486,100 (in 2021); rank 1 of 6, highest first.`);
  });

  it('lists each district in the table with its rank and source', () => {
    expect(view.table.rows.find((r) => r.code === 'E08000012')).toMatchObject({
      name: 'Liverpool',
      text: '486,100',
      when: 'in 2021',
      rank: '1 of 6',
      unquantified: false,
      sources: [{ id: 'ons-census-2021', source: expect.objectContaining({ id: 'ons-census-2021' }) }],
    });
  });

  it('builds a legend with round class bounds covering every district', () => {
    expect(view.legend.title).toBe('Population');
    expect(view.legend.classes.map((c) => c.label)).toEqual(['125,000 to under 150,000', '150,000 to under 175,000', '175,000 to under 200,000', '200,000 to under 300,000', '300,000 to 500,000']);
    expect(view.legend.classes.reduce((sum, c) => sum + c.count, 0)).toBe(6);
    expect(view.legend).toMatchObject({ noDataCount: 0, hasQualifiedValues: false });
  });
});

describe('mapViewModel: the drawing', () => {
  it('draws every district with colour, label, tooltip and description, and the neighbour in grey', () => {
    const view = ok(mapViewModel(data, params({ region: LCR }), ready()));
    if (view.map.status !== 'ready') throw new Error(view.map.status);
    const { drawing } = view.map;
    expect(drawing.districts.map((d) => d.code)).toEqual(codesOf(data, LCR));
    expect(drawing.neighbours.map((n) => n.code)).toEqual([NEIGHBOUR_CODE]);
    expect(drawing.outline?.type).toBe('MultiPolygon');
    const halton = drawing.districts.find((d) => d.code === 'E06000006');
    expect(halton).toMatchObject({
      fill: view.legend.classes[0]?.colour,
      labelLines: ['Halton', '128,500'],
      tooltipTitle: 'Halton',
      tooltipLines: [`${isolate('Population')}: 128,500 (in 2021)`, 'Rank 6 of 6, highest first'],
      description: view.announcements.E06000006,
    });
    // The label sits inside the district's square.
    const [x = NaN, y = NaN] = halton?.labelPoint ?? [];
    expect(x).toBeGreaterThan(-3);
    expect(x).toBeLessThan(-2.9);
    expect(y).toBeGreaterThan(53);
    expect(y).toBeLessThan(53.1);
    // Six 0.1° squares in a row, drawn in Web Mercator: about 6 ÷ 1.66 wide.
    expect(view.map.aspectRatio).toBeGreaterThan(3);
    expect(view.map.aspectRatio).toBeLessThan(4.5);
    expect(view.map.attribution).toMatch(/database right 2024\.$/);
    expect(view.map.label).toBe('Map of population in the districts of Liverpool City Region');
    expect(view.map.missingNote).toBeNull();
  });

  it.each([
    ['while the boundaries load', null, { status: 'loading', message: 'Loading the district boundaries…' }],
    ['when the file failed', { ok: false, reason: 'the boundaries file is not valid JSON' } as const, { status: 'fallback', reason: 'the boundaries file is not valid JSON' }],
    ['when no district of the region has a shape', ready(syntheticBoundaries(data, { leaveOut: codesOf(data, WMCA) })), { status: 'fallback', reason: 'no district of West Midlands has a boundary in the boundaries file' }],
  ])('falls back %s, still listing every district', (_, boundaries, panel) => {
    const view = ok(mapViewModel(data, params({ region: WMCA }), boundaries));
    expect(view.map).toEqual(panel);
    expect(view.table.rows).toHaveLength(7);
  });

  it('names districts missing from the boundaries file and draws the rest', () => {
    const view = ok(mapViewModel(data, params({ region: WMCA }), ready(syntheticBoundaries(data, { leaveOut: ['E08000028', 'E08000031'] }))));
    if (view.map.status !== 'ready') throw new Error(view.map.status);
    expect(view.map.drawing.districts).toHaveLength(5);
    expect(view.map.missingNote).toBe('No boundary is available for Sandwell and Wolverhampton, so they appear in the table only.');
  });
});

describe('mapViewModel with district-level programme figures', () => {
  const withFigures = fixtureData({
    funding: [
      'wir-bootcamps-2024,E08000015,lcr-skills-bootcamps,Wirral share,Liverpool City Region Combined Authority,combined_authority,skills,3000000,up_to,,,,2024-05,pse-2024-lcr-bootcamps,not_stated,',
      'sef-bootcamps-2024,E08000014,lcr-skills-bootcamps,Sefton share,Liverpool City Region Combined Authority,combined_authority,skills,,unquantified,a share,,,2024-05,pse-2024-lcr-bootcamps,not_stated,',
    ],
  });
  const view = ok(mapViewModel(withFigures, params({ region: LCR, indicator: 'funding:lcr-skills-bootcamps:skills' }), ready(syntheticBoundaries(withFigures))));

  it('offers the figures as indicators and drops the population-only hint', () => {
    expect(view.indicators.map((i) => i.value)).toEqual(['population', 'funding:lcr-skills-bootcamps:skills', 'funding-per-resident:lcr-skills-bootcamps:skills']);
    expect(view.hint).toBeNull();
  });

  it('keeps unquantified and missing figures out of the colours and ranks, never as zero', () => {
    expect(view.legend).toMatchObject({ noDataCount: 5, hasQualifiedValues: true });
    expect(view.table.rows.find((r) => r.code === 'E08000014')).toMatchObject({ text: 'A share', unquantified: true, rank: 'Not ranked' });
    expect(view.table.rows.find((r) => r.code === 'E08000015')).toMatchObject({ text: 'up to £3m', rank: '1 of 1' });
    if (view.map.status !== 'ready') throw new Error(view.map.status);
    expect(view.map.drawing.districts.find((d) => d.code === 'E08000014')?.fill).toBeNull();
  });
});
