import { describe, expect, it } from 'vitest';
import { staticMapAttributes, staticMapParams, staticMapPath } from '../../../src/lib/map/static-map.ts';
import { mapAnnouncement, mapRegionCodes, mapViewModel, NATIONAL_REGION, type MapViewModel } from '../../../src/lib/map/view-model.ts';
import { fixtureData } from './fixtures.ts';

describe('staticMapPath', () => {
  it.each([
    ['E47000004', 'embed/map-E47000004.html'],
    ['E92000001', 'embed/map-E92000001.html'],
    ['W06000015', 'embed/map-W06000015.html'],
  ])('%s → %s', (code, path) => {
    expect(staticMapPath(code)).toBe(path);
  });

  it.each([[''], ['e47000004'], ['E4700000'], ['E470000041'], ['../E47000004'], ['E47000004.html'], ['E47 00004']])('refuses %j, which is not a GSS code', (code) => {
    expect(() => staticMapPath(code)).toThrow(/GSS area code/);
  });
});

describe('staticMapAttributes and staticMapParams', () => {
  it.each([
    [{ region: 'E47000004', indicator: 'apprenticeship-starts', period: '2024-08-01/P1Y' }, { 'data-map-region': 'E47000004', 'data-map-indicator': 'apprenticeship-starts', 'data-map-period': '2024-08-01/P1Y' }],
    [{ region: 'E92000001', indicator: 'population', period: null }, { 'data-map-region': 'E92000001', 'data-map-indicator': 'population' }],
    [{ region: null, indicator: null, period: null }, {}],
  ])('%j is written as %j and read back', (params, attributes) => {
    expect(staticMapAttributes(params)).toEqual(attributes);
    // As the browser's dataset names them: data-map-region → mapRegion.
    const dataset = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [name.replace(/^data-/, '').replace(/-(\w)/g, (_, c: string) => c.toUpperCase()), value]));
    expect(staticMapParams(dataset)).toEqual(Object.fromEntries(Object.entries(params).filter(([, value]) => value !== null)));
  });

  it('ignores empty and unrelated attributes', () => {
    expect(staticMapParams({ mapRegion: '', mapIndicator: 'population', staticMap: '', other: 'x' })).toEqual({ indicator: 'population' });
  });
});

describe('mapRegionCodes', () => {
  it('lists the national view first, then every combined authority with districts, in areas.csv order', () => {
    const data = fixtureData();
    const regions = (data.areas ?? []).filter((a) => a.area_type === 'combined_authority').map((a) => a.area_code);
    expect(mapRegionCodes(data)).toEqual([NATIONAL_REGION, ...regions]);
  });

  it('includes a combined authority added to the data, with no code change', () => {
    const data = fixtureData({
      areas: ['E47000099,Sixteenth Combined Authority,Sixteenth,combined_authority,,1000,2021,ons-census-2021,', 'E06000099,Sixteenth District,Sixteenth District,local_authority,E47000099,1000,2021,ons-census-2021,'],
    });
    expect(mapRegionCodes(data).at(-1)).toBe('E47000099');
  });

  it('leaves out a combined authority with no districts, and is empty without areas', () => {
    const data = fixtureData({ areas: ['E47000098,Empty Combined Authority,Empty,combined_authority,,0,2021,ons-census-2021,'] });
    expect(mapRegionCodes(data)).not.toContain('E47000098');
    expect(mapRegionCodes({ ...data, areas: undefined })).toEqual([]);
  });
});

describe('mapAnnouncement', () => {
  const data = fixtureData();
  const view = mapViewModel(data, { region: null, indicator: 'population', period: null }, null);
  const ok = view as Extract<MapViewModel, { status: 'ok' }>;
  const first = Object.keys(ok.announcements)[0] ?? '';

  it.each([
    ['nothing focused', null, ok.focusHint],
    ['a focused district', first, ok.announcements[first]],
    ['a code the view does not map', 'E06000999', ok.focusHint],
  ])('%s', (_, code, expected) => {
    expect(mapAnnouncement(view, code)).toBe(expected);
  });

  it('is empty when the map is unavailable', () => {
    expect(mapAnnouncement({ status: 'unavailable', message: 'no areas' }, first)).toBe('');
  });
});
