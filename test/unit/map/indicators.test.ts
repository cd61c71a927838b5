import { isolate } from '../../../src/lib/data/bidi.ts';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES, SCHEMA, type DatasetName, type RowsByDataset } from '../../../src/lib/data/schema.ts';
import { assembleDatasets } from '../../../src/lib/data/validate.ts';
import { districtsOf } from '../../../src/lib/data/areas.ts';
import {
  addQuantities,
  describeFigure,
  rankFigures,
  rankShort,
  regionIndicators,
  summarise,
  type DistrictFigure,
  type Indicator,
} from '../../../src/lib/map/indicators.ts';
const withoutIsolates = (text: string) => text.replace(/[\u2068\u2069]/gu, '');

const published = (name: DatasetName) => readFileSync(new URL(`../../fixtures/dashboard/${SCHEMA[name].file}`, import.meta.url), 'utf8');

/** The fixture data, with extra CSV lines appended to some files. */
function dataWith(extra: Partial<Record<DatasetName, string[]>> = {}): RowsByDataset {
  const texts = Object.fromEntries(DATASET_NAMES.map((name) => [name, { text: [published(name).trimEnd(), ...(extra[name] ?? [])].join('\n') + '\n' }]));
  const { data, reports } = assembleDatasets(texts);
  const broken = reports.filter((r) => r.status !== 'ok');
  expect(broken.flatMap((r) => r.errors)).toEqual([]);
  return data;
}

const LCR = 'E47000004';
const WMCA = 'E47000007';

describe('districtsOf', () => {
  it.each([
    [LCR, ['Halton', 'Knowsley', 'Liverpool', 'St Helens', 'Sefton', 'Wirral']],
    [WMCA, ['Birmingham', 'Coventry', 'Dudley', 'Sandwell', 'Solihull', 'Walsall', 'Wolverhampton']],
    ['E47999999', []],
  ])('%s', (code, names) => {
    expect(districtsOf(dataWith(), code).map((d) => d.short_name)).toEqual(names);
  });

  it('is empty when areas.csv is unavailable', () => {
    expect(districtsOf({}, LCR)).toEqual([]);
    expect(regionIndicators({}, LCR)).toEqual([]);
  });
});

describe('regionIndicators with the published data', () => {
  it('offers population only, since no programme figure is published for a district', () => {
    const indicators = regionIndicators(dataWith(), LCR);
    expect(indicators.map((i) => i.id)).toEqual(['population']);
    expect(indicators[0]?.figures.find((f) => f.code === 'E08000012')).toMatchObject({
      name: 'Liverpool',
      value: 486100,
      text: '486,100',
      when: 'in 2021',
      sourceIds: ['ons-census-2021'],
    });
  });
});

describe('regionIndicators with district-level programme figures', () => {
  const data = dataWith({
    funding: [
      'liv-bootcamps-2024,E08000012,lcr-skills-bootcamps,Liverpool share,Liverpool City Region Combined Authority,combined_authority,skills,4861000,exact,,,,2024-04,pse-2024-lcr-bootcamps,not_stated,',
      'liv-bootcamps-2024-part,E08000012,lcr-skills-bootcamps,Part of the share,Liverpool City Region Combined Authority,combined_authority,skills,1000000,exact,,liv-bootcamps-2024,,2024-04,pse-2024-lcr-bootcamps,not_stated,',
      'wir-bootcamps-2024,E08000015,lcr-skills-bootcamps,Wirral share,Liverpool City Region Combined Authority,combined_authority,skills,3000000,up_to,,,,2024-05,pse-2024-lcr-bootcamps,not_stated,',
      'sef-bootcamps-2024,E08000014,lcr-skills-bootcamps,Sefton share,Liverpool City Region Combined Authority,combined_authority,skills,,unquantified,a share,,,2024-05,pse-2024-lcr-bootcamps,not_stated,',
    ],
    completions: [
      'kno-bootcamps-2023,E08000011,lcr-skills-bootcamps,completed,300,exact,,2023-03,,pse-2024-lcr-bootcamps,,',
      'kno-bootcamps-2024,E08000011,lcr-skills-bootcamps,completed,500,more_than,,2024-03,,pse-2024-lcr-bootcamps,,',
    ],
    schools_reached: ['hal-hub,E06000006,lcr-careers-hub,12,exact,,actual,2019-01,il-2019-lcr-careers-hub,'],
  });
  const indicators = regionIndicators(data, LCR);
  const byId = (id: string) => indicators.find((i) => i.id === id) as Indicator;
  const figure = (id: string, code: string) => byId(id).figures.find((f) => f.code === code) as DistrictFigure;

  it('picks up every group, with a per-resident rate except for schools', () => {
    expect(indicators.map((i) => i.id)).toEqual([
      'population',
      'funding:lcr-skills-bootcamps:skills',
      'funding-per-resident:lcr-skills-bootcamps:skills',
      'completions:lcr-skills-bootcamps:completed',
      'completions-per-100k:lcr-skills-bootcamps:completed',
      'schools:lcr-careers-hub:actual',
    ]);
    expect(byId('completions-per-100k:lcr-skills-bootcamps:completed').label).toBe('Skills Bootcamps: people completed the course, per 100,000 residents');
  });

  it('does not offer another region the figures', () => {
    expect(regionIndicators(data, WMCA).map((i) => i.id)).toEqual(['population']);
  });

  it.each([
    ['funding:lcr-skills-bootcamps:skills', 'E08000012', 4861000, 'exact', '£4,861,000'],
    ['funding:lcr-skills-bootcamps:skills', 'E08000015', 3000000, 'up_to', 'up to £3m'],
    ['funding:lcr-skills-bootcamps:skills', 'E08000014', null, 'unquantified', 'A share'],
    ['funding:lcr-skills-bootcamps:skills', 'E06000006', null, 'unquantified', 'No figure published'],
    ['funding-per-resident:lcr-skills-bootcamps:skills', 'E08000012', 10, 'exact', '£10.00'],
    ['funding-per-resident:lcr-skills-bootcamps:skills', 'E08000015', 3000000 / 320200, 'up_to', 'up to £9.37'],
    ['completions:lcr-skills-bootcamps:completed', 'E08000011', 500, 'more_than', '500+'],
    ['completions-per-100k:lcr-skills-bootcamps:completed', 'E08000011', (500 / 154500) * 100000, 'more_than', '324+'],
    ['schools:lcr-careers-hub:actual', 'E06000006', 12, 'exact', '12'],
    ['schools:lcr-careers-hub:actual', 'E08000012', null, 'unquantified', 'No figure published'],
  ])('%s for %s is %s (%s): "%s"', (id, code, value, qualifier, text) => {
    const found = figure(id, code);
    if (value === null) expect(found.value).toBeNull();
    else expect(found.value).toBeCloseTo(value, 6);
    expect(found.qualifier).toBe(qualifier);
    expect(found.text).toBe(text);
  });

  it('takes the latest count, and says when it is from', () => {
    expect(figure('completions:lcr-skills-bootcamps:completed', 'E08000011')).toMatchObject({ when: 'as of March 2024', long: 'more than 500', sourceIds: ['pse-2024-lcr-bootcamps'] });
  });
});

describe('addQuantities', () => {
  const q = (value: number | null, qualifier: 'exact' | 'about' | 'up_to' | 'more_than' | 'unquantified') => ({ value, qualifier, statedAs: null });
  it.each([
    ['one line', [q(5, 'about')], q(5, 'about')],
    ['exact + exact', [q(1, 'exact'), q(2, 'exact')], q(3, 'exact')],
    ['exact + ceiling', [q(1, 'exact'), q(2, 'up_to')], q(3, 'up_to')],
    ['floor + floor', [q(1, 'more_than'), q(2, 'more_than')], q(3, 'more_than')],
    ['ceiling + floor has no honest sum', [q(1, 'up_to'), q(2, 'more_than')], q(null, 'unquantified')],
    ['anything + unquantified', [q(1, 'exact'), q(null, 'unquantified')], q(null, 'unquantified')],
    ['nothing', [], q(null, 'unquantified')],
  ])('%s', (_, parts, expected) => {
    expect(addQuantities(parts)).toEqual(expected);
  });
});

function figures(values: (number | null)[]): DistrictFigure[] {
  return values.map((value, i) => ({ code: `E0800000${i}`, name: `D${i}`, value, qualifier: value === null ? 'unquantified' : 'exact', text: String(value), long: value === null ? 'no figure' : String(value), when: null, sourceIds: [] }));
}

describe('rankFigures', () => {
  it.each([
    [[30, 10, 20], ['1 of 3', '3 of 3', '2 of 3']],
    [[5, 5, 1], ['1 of 3', '1 of 3', '3 of 3']],
    [[7, null, 3], ['1 of 2', 'Not ranked', '2 of 2']],
    [[null, null], ['Not ranked', 'Not ranked']],
  ])('%j → %j', (values, expected) => {
    const list = figures(values);
    const ranks = rankFigures(list);
    expect(list.map((f) => rankShort(ranks.get(f.code)))).toEqual(expected);
  });
});

describe('summarise and describeFigure', () => {
  const indicator = (values: (number | null)[]): Indicator => ({ id: 'x', label: 'Population', unit: 'count', figures: figures(values) });
  it.each([
    [[3, 1, 2], 'In Region, D0 has the highest “Population” (3) and D1 the lowest (1).'],
    [[3, 3, 1], 'In Region, D0 and D1 have the highest “Population” (3) and D2 the lowest (1).'],
    [[4, 4, null], 'All 2 districts with a figure have the same value for “Population” in Region: 4. 1 of the 3 districts have no figure.'],
    [[4, null], 'D0 is the only district with a figure for “Population” in Region: 4. 1 of the 2 districts have no figure.'],
    [[null, null], 'No district of Region has a published figure for “Population”.'],
  ])('%j', (values, text) => {
    // Names and labels are isolated (FSI…PDI); the words around them read as written.
    const summary = summarise(indicator(values), 'Region');
    expect(summary).toContain(isolate('Region'));
    expect(withoutIsolates(summary)).toBe(text);
  });

  it('describes a focused district with its name, value and rank', () => {
    const [first] = figures([486100]);
    expect(describeFigure({ ...(first as DistrictFigure), name: 'Liverpool', long: '486,100', when: 'in 2021' }, 'Population', { rank: 1, of: 6 })).toBe(
      `${isolate('Liverpool')}: ${isolate('Population')} 486,100 (in 2021); rank 1 of 6, highest first.`,
    );
  });
});
