// @vitest-environment jsdom
import type { Feature, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { mapCsv, mapFileName, mapImage, mapTableRecords, renderMapSvg, widestText, type MapFileView } from '../../../src/lib/export/map-files.ts';
import { serialiseSvg } from '../../../src/lib/export/svg.ts';

const square = (west: number, south: number, size: number): Feature<Polygon> => ({
  type: 'Feature',
  properties: {},
  geometry: { type: 'Polygon', coordinates: [[[west, south], [west + size, south], [west + size, south + size], [west, south + size], [west, south]]] },
});

const ONS = { id: 'ons-census-2021', title: 'Census 2021 first results', publisher: 'Office for National Statistics', publishedText: '28 June 2022', url: 'https://www.ons.gov.uk/census', note: null };

function view(overrides: Partial<MapFileView> = {}): MapFileView {
  return {
    heading: 'Population: Test Region',
    summary: 'In Test Region, Alpha has the highest population (200,000) and =Beta the lowest (100,000).',
    params: { region: 'E47000004', indicator: 'population', period: null },
    legend: {
      title: 'Population',
      classes: [
        { lower: 100_000, upper: 150_000, colour: '#fde725', label: '100,000 to under 150,000', count: 1 },
        { lower: 150_000, upper: 200_000, colour: '#2a788e', label: '150,000 to 200,000', count: 1 },
      ],
      noDataCount: 0,
      hasQualifiedValues: false,
    },
    table: {
      areaHeading: 'District',
      valueHeading: 'Population',
      note: 'Rank 1 is the highest figure.',
      rows: [
        { code: 'E08000001', name: 'Alpha', text: '200,000', when: '2021', rank: '1 of 2', sources: [{ id: ONS.id, source: ONS }], value: 200_000, qualifier: 'exact' },
        { code: 'E08000002', name: '=Beta', text: '100,000', when: '2021', rank: '2 of 2', sources: [{ id: ONS.id, source: ONS }, { id: 'gone', source: null }], value: 100_000, qualifier: 'exact', interval: '95,000 to 105,000', comparison: '=Lower than England' },
      ],
    },
    map: {
      status: 'ready',
      attribution: 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024.',
      drawing: {
        districts: [
          { code: 'E08000001', feature: square(-3, 53.4, 0.1), fill: '#2a788e', labelLines: ['Alpha', '200,000'], labelPoint: [-2.95, 53.45], description: '', tooltipTitle: '', tooltipLines: [] },
          { code: 'E08000002', feature: square(-2.9, 53.4, 0.004), fill: null, labelLines: ['=Beta', '100,000'], labelPoint: [-2.898, 53.402], description: '', tooltipTitle: '', tooltipLines: [] },
        ],
        neighbours: [{ code: 'E08000099', feature: square(-3.2, 53.2, 0.5) }],
        outline: null,
      },
    },
    ...overrides,
  };
}

describe('map CSV', () => {
  it('has code, name, value, number, interval, period, rank and source, with formulas neutralised', () => {
    const records = mapTableRecords(view());
    expect(records[0]).toEqual(['Area code', 'District', 'Population', 'Population (number)', 'Population (qualifier)', '95% confidence interval', 'Compared with England', 'Period', 'Rank', 'Source']);
    expect(records[1]).toEqual(['E08000001', 'Alpha', '200,000', 200_000, 'exact', null, null, '2021', '1 of 2', 'Office for National Statistics, 28 June 2022: Census 2021 first results https://www.ons.gov.uk/census']);
    expect(records[2]?.slice(5, 7)).toEqual(['95,000 to 105,000', '=Lower than England']);
    expect(mapCsv(view())).toContain(",'=Lower than England,");
    expect(records[2]?.[9]).toContain('Source details unavailable (gone)');
    const csv = mapCsv(view());
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain("\r\nE08000002,'=Beta,");
  });

  it('leaves out number and interval columns the model does not carry', () => {
    const rows = view().table.rows.map(({ code, name, text, when, rank, sources }) => ({ code, name, text, when, rank, sources }));
    const records = mapTableRecords(view({ table: { ...view().table, rows } }));
    expect(records[0]).toEqual(['Area code', 'District', 'Population', 'Period', 'Rank', 'Source']);
  });

  it('names files after the region and indicator', () => {
    expect(mapFileName(view(), 'png')).toBe('map-E47000004-population.png');
    expect(mapFileName(view({ params: { region: 'E47000004', indicator: 'ons:gcse <x>', period: '2023-24' } }), 'csv')).toBe('map-E47000004-ons-gcse-x-2023-24.csv');
  });
});

describe('map image', () => {
  it('is null until the map is drawn', () => {
    expect(mapImage(view({ map: { status: 'fallback' } }), 'https://example.org/')).toBeNull();
  });

  it('carries title, summary, every district, the key, sources, boundary attribution with its year and licence', () => {
    const image = mapImage(view(), 'https://example.org/#/map');
    expect(image).not.toBeNull();
    if (!image) return;
    const svg = renderMapSvg(document, image);
    const text = serialiseSvg(svg);
    expect(svg.querySelector('title')?.textContent).toBe('Population: Test Region');
    expect(svg.querySelector('.export-subtitle')?.textContent).toContain('highest population');
    expect(svg.querySelectorAll('path[data-code]')).toHaveLength(2);
    // The big district is labelled; the tiny one gets a number and a line in the key.
    expect(svg.querySelector('.export-map-label')?.textContent).toBe('Alpha200,000');
    expect(svg.querySelector('.export-map-number')?.textContent).toBe('1');
    expect(svg.querySelector('.export-map-key')?.textContent).toBe('1  =Beta: 100,000');
    expect([...svg.querySelectorAll('.export-legend text')].map((t) => t.textContent)).toEqual([
      '100,000 to under 150,000 (1 district)',
      '150,000 to 200,000 (1 district)',
      'No figure published (0 districts)',
      'Neighbouring district outside the region',
      'Combined authority boundary',
    ]);
    const footer = svg.querySelector('.export-footer')?.textContent ?? '';
    expect(footer).toContain('Source: Office for National Statistics, 28 June 2022 (Census 2021 first results)');
    expect(footer).toContain('database right 2024');
    expect(footer).toContain('Open Government Licence v3.0');
    expect(footer).toContain('From https://example.org/#/map');
    // No data district: hatched through the pattern defined in the file.
    expect(svg.querySelector('path[data-code="E08000002"]')?.getAttribute('fill')).toBe('url(#export-no-data)');
    expect(svg.querySelector('pattern#export-no-data')).not.toBeNull();
    expect(widestText(image)).toBeLessThanOrEqual(image.width);
    const reparsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(reparsed.getElementsByTagName('parsererror')).toHaveLength(0);
  });

  it('keeps hostile text as text', () => {
    const payload = '<script>alert(1)</script>';
    const image = mapImage(view({ heading: payload, summary: payload }), 'https://example.org/');
    if (!image) throw new Error('no image');
    const text = serialiseSvg(renderMapSvg(document, image));
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
  });
});

describe('long web addresses', () => {
  it('are split over lines that fit the image', () => {
    const long = { ...ONS, url: `https://www.ons.gov.uk/${'peoplepopulationandcommunity/'.repeat(8)}census2021` };
    const base = view();
    const rows = base.table.rows.map((row) => ({ ...row, sources: [{ id: long.id, source: long }] }));
    const image = mapImage(view({ table: { ...base.table, rows } }), 'https://example.org/');
    if (!image) throw new Error('no image');
    expect(widestText(image)).toBeLessThanOrEqual(image.width);
  });
});
