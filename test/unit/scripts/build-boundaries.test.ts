import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import type { GeometryCollection } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { BoundariesError, parseConfig, type BoundariesConfig } from '../../../scripts/boundaries/config.ts';
import { envelopeOf, fillTemplate, whereClauseForCodes } from '../../../scripts/boundaries/download.ts';
import { parseArgs } from '../../../scripts/boundaries/cli.ts';
import { missingDistricts, neededDistricts, readBoundaryInput, validateCodes, type DistrictCollection } from '../../../scripts/boundaries/input.ts';
import { buildBoundaries, erasedCodes, selectWithNeighbours, simplifyToFit } from '../../../scripts/boundaries/simplify.ts';
import { DISTRICTS_OBJECT } from '../../../src/lib/map/topology.ts';

const fixture = (name: string) => new URL(`../../fixtures/boundaries/${name}`, import.meta.url);
const AREAS = readFileSync(fixture('areas.csv'), 'utf8');
const GEOJSON: FeatureCollection = JSON.parse(readFileSync(fixture('districts.geojson'), 'utf8'));
const CONFIG: BoundariesConfig = parseConfig(JSON.parse(readFileSync(new URL('../../../boundaries.config.json', import.meta.url), 'utf8')));
const NEEDED = neededDistricts(AREAS);
const METADATA = { year: 2024, vintage: 'Test shapes', source: 'test' };

/** The fixture as TopoJSON shaped like the shared dev file: one object "geog", properties id and name. */
function asTopoJson(): unknown {
  const renamed: FeatureCollection = {
    type: 'FeatureCollection',
    features: GEOJSON.features.map((f) => ({ ...f, id: undefined, properties: { id: f.properties?.LAD24CD, name: f.properties?.LAD24NM } })),
  };
  return topology({ geog: renamed }, 1e5);
}

const codesOf = (collection: DistrictCollection) => collection.features.map((f) => f.id);

describe('parseConfig', () => {
  it('accepts the repository config', () => {
    expect(CONFIG.maxBytes).toBe(250_000);
    expect(CONFIG.vintage.year).toBe(2024);
    expect(CONFIG.download.queryUrlTemplate).toContain('Local_Authority_Districts_May_2024');
  });

  const base = JSON.parse(readFileSync(new URL('../../../boundaries.config.json', import.meta.url), 'utf8'));
  it.each([
    ['not an object', [], /JSON object/],
    ['no areas file', { ...base, areas: '' }, /"areas"/],
    ['negative size', { ...base, maxBytes: -1 }, /"maxBytes"/],
    ['bad retain list', { ...base, simplifyRetain: [0] }, /"simplifyRetain"/],
    ['no vintage', { ...base, vintage: null }, /"vintage"/],
    ['query without {where}', { ...base, download: { ...base.download, queryUrlTemplate: 'https://x.test/q' } }, /\{where\}/],
    ['context without {envelope}', { ...base, download: { ...base.download, contextUrlTemplate: 'https://x.test/q' } }, /\{envelope\}/],
  ])('rejects %s', (_, json, message) => {
    expect(() => parseConfig(json)).toThrow(message);
  });
});

describe('neededDistricts', () => {
  it('lists every local authority in areas.csv, read with the project validator', () => {
    expect(NEEDED).toEqual([
      { code: 'E08900001', name: 'Alpha' },
      { code: 'E08900002', name: 'Beta' },
      { code: 'E08900003', name: 'Gamma' },
    ]);
  });

  it('refuses an areas.csv with errors, naming the line', () => {
    const broken = AREAS.replace('E08900002,Beta', 'e08900002,Beta');
    expect(() => neededDistricts(broken)).toThrow(/areas\.csv has 1 error.*line 4, column area_code/s);
  });
});

describe('validateCodes', () => {
  it.each([
    ['good codes', [{ code: 'E08000012', name: 'Liverpool', geometryType: 'Polygon' }, { code: 'W06000001', name: 'Anglesey', geometryType: 'MultiPolygon' }], []],
    ['a missing code', [{ code: null, name: 'Nowhere', geometryType: 'Polygon' }], ['shape 1 (Nowhere) has no GSS code.']],
    ['a malformed code', [{ code: 'E8000012', name: null, geometryType: 'Polygon' }], ['shape 1 has "E8000012", which is not a GSS code such as E08000012.']],
    ['lower case', [{ code: 'e08000012', name: null, geometryType: 'Polygon' }], ['shape 1 has "e08000012", which is not a GSS code such as E08000012.']],
    [
      'a repeated code',
      [
        { code: 'E08000012', name: 'A', geometryType: 'Polygon' },
        { code: 'E08000012', name: 'B', geometryType: 'Polygon' },
      ],
      ['shape 2 (B) repeats code E08000012 (first used by shape 1).'],
    ],
    ['a point', [{ code: 'E08000012', name: null, geometryType: 'Point' }], ['shape 1 (E08000012) is a Point, not a Polygon or MultiPolygon.']],
    ['no geometry', [{ code: 'E08000012', name: null, geometryType: null }], ['shape 1 (E08000012) is a missing geometry, not a Polygon or MultiPolygon.']],
  ])('%s', (_, shapes, problems) => {
    expect(validateCodes(shapes)).toEqual(problems);
  });
});

describe('readBoundaryInput', () => {
  it('reads GeoJSON keyed by LAD24CD', () => {
    const collection = readBoundaryInput(GEOJSON, CONFIG);
    expect(codesOf(collection)).toEqual(['E08900001', 'E08900002', 'E08900003', 'E07900001', 'E07900002', 'E07900003', 'E07900004']);
    expect(collection.features[0]?.properties.name).toBe('Alpha');
  });

  it('reads TopoJSON keyed by an "id" property, like the shared development file', () => {
    expect(codesOf(readBoundaryInput(asTopoJson(), CONFIG))).toHaveLength(7);
  });

  it('falls back to the feature id when no property holds the code', () => {
    const byId: FeatureCollection = { type: 'FeatureCollection', features: GEOJSON.features.map((f) => ({ ...f, id: f.properties?.LAD24CD, properties: {} })) };
    expect(codesOf(readBoundaryInput(byId, CONFIG))[0]).toBe('E08900001');
  });

  it.each([
    ['neither format', { type: 'Feature' }, /neither TopoJSON/],
    ['several topology objects', { type: 'Topology', arcs: [], objects: { a: { type: 'GeometryCollection', geometries: [] }, b: { type: 'GeometryCollection', geometries: [] } } }, /holds "a", "b"/],
    ['a bad code', { ...GEOJSON, features: [{ ...GEOJSON.features[0], properties: { LAD24CD: 'X123' } }] }, /not a GSS code/],
  ])('rejects %s', (_, input, message) => {
    expect(() => readBoundaryInput(input, CONFIG)).toThrow(message);
  });
});

describe('selectWithNeighbours', () => {
  const collection = readBoundaryInput(GEOJSON, CONFIG);

  it.each([
    ['all needed districts', ['E08900001', 'E08900002', 'E08900003'], ['E08900001', 'E08900002', 'E08900003', 'E07900001', 'E07900002'], ['E07900001', 'E07900002']],
    ['one district', ['E08900002'], ['E08900001', 'E08900002', 'E07900001'], ['E08900001', 'E07900001']],
    ['a district alone on the map', ['E07900003'], ['E07900003'], []],
    // Corner meets Delta at a single point: not a shared border.
    ['a point contact is not a border', ['E07900001'], ['E08900002', 'E07900001'], ['E08900002']],
  ])('%s', (_, needed, selected, neighbours) => {
    const result = selectWithNeighbours(collection, needed);
    expect(codesOf(result.selection)).toEqual(selected);
    expect(result.neighbourCodes).toEqual(neighbours);
  });
});

describe('missingDistricts', () => {
  it('names districts in areas.csv that have no shape', () => {
    const collection = readBoundaryInput({ ...GEOJSON, features: GEOJSON.features.filter((f) => f.properties?.LAD24CD !== 'E08900002') }, CONFIG);
    expect(missingDistricts(collection, NEEDED)).toEqual([{ code: 'E08900002', name: 'Beta' }]);
  });

  it('makes buildBoundaries fail with the code and name', () => {
    const input = { ...GEOJSON, features: GEOJSON.features.filter((f) => f.properties?.LAD24CD !== 'E08900003') };
    expect(() => buildBoundaries(input, NEEDED, CONFIG, 'test')).toThrow(/no shape for 1 district.*E08900003 \(Gamma\)/);
  });
});

/** A district with a wiggly edge of many points, so simplification has something to remove. */
function wigglyDistrict(code: string, points: number): Feature<Polygon> {
  const ring = Array.from({ length: points }, (_, i) => {
    const angle = (2 * Math.PI * i) / points;
    const radius = 0.1 + 0.01 * Math.sin(angle * 37);
    return [-2 + radius * Math.cos(angle), 53 + radius * Math.sin(angle)];
  });
  ring.push(ring[0] as number[]);
  return { type: 'Feature', id: code, properties: { name: code }, geometry: { type: 'Polygon', coordinates: [ring] } };
}

describe('simplifyToFit', () => {
  const tiny: DistrictCollection = { type: 'FeatureCollection', features: [wigglyDistrict('E08900001', 4000) as DistrictCollection['features'][number]] };
  const fitConfig = { quantization: 1e5, simplifyRetain: CONFIG.simplifyRetain };

  it('keeps every point when the file already fits', () => {
    const result = simplifyToFit(readBoundaryInput(GEOJSON, CONFIG), METADATA, { ...fitConfig, maxBytes: 150_000 });
    expect(result.retained).toBe(1);
    expect(result.bytes).toBeLessThanOrEqual(150_000);
  });

  it('simplifies until the file fits, keeping every district', () => {
    const withSquares: DistrictCollection = { type: 'FeatureCollection', features: [...tiny.features, ...readBoundaryInput(GEOJSON, CONFIG).features] };
    const unsimplified = simplifyToFit(withSquares, METADATA, { ...fitConfig, maxBytes: 10_000_000 });
    const maxBytes = Math.floor(unsimplified.bytes / 4);
    const result = simplifyToFit(withSquares, METADATA, { ...fitConfig, maxBytes });
    expect(result.retained).toBeLessThan(1);
    expect(result.bytes).toBeLessThanOrEqual(maxBytes);
    expect(JSON.stringify(result.topology).length).toBe(result.bytes);
    const object = result.topology.objects[DISTRICTS_OBJECT] as GeometryCollection;
    expect(object.geometries.map((g) => g.id).sort()).toEqual(codesOf(withSquares).sort());
    expect(erasedCodes(result.topology)).toEqual([]);
  });

  it('records the vintage for the attribution', () => {
    const result = simplifyToFit(tiny, METADATA, { ...fitConfig, maxBytes: 1_000_000 });
    expect(result.topology.metadata).toEqual(METADATA);
    expect(Object.keys(result.topology).slice(0, 2)).toEqual(['type', 'metadata']);
  });

  it('fails with a reason when nothing configured fits', () => {
    expect(() => simplifyToFit(tiny, METADATA, { ...fitConfig, maxBytes: 100 })).toThrow(BoundariesError);
    expect(() => simplifyToFit(tiny, METADATA, { ...fitConfig, maxBytes: 100 })).toThrow(/do not fit 100 bytes/);
  });
});

describe('erasedCodes', () => {
  it('finds a district whose rings have collapsed to nothing', () => {
    const flat: FeatureCollection = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', id: 'E08900001', properties: {}, geometry: { type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] } },
        { type: 'Feature', id: 'E08900002', properties: {}, geometry: { type: 'Polygon', coordinates: [[[5, 5], [6, 5], [5, 5], [5, 5]]] } },
      ],
    };
    expect(erasedCodes(topology({ [DISTRICTS_OBJECT]: flat }))).toEqual(['E08900002']);
  });
});

describe('buildBoundaries', () => {
  it.each([
    ['GeoJSON', () => GEOJSON],
    ['TopoJSON', asTopoJson],
  ])('turns %s into the districts plus neighbours, under the size limit', (_, input) => {
    const built = buildBoundaries(input(), NEEDED, CONFIG, 'test');
    const object = built.topology.objects[DISTRICTS_OBJECT] as GeometryCollection;
    expect(object.geometries.map((g) => g.id)).toEqual(['E08900001', 'E08900002', 'E08900003', 'E07900001', 'E07900002']);
    expect(built.neighbourCodes).toEqual(['E07900001', 'E07900002']);
    expect(built.bytes).toBeLessThanOrEqual(CONFIG.maxBytes);
    expect(built.topology.metadata.year).toBe(2024);
    const alpha = feature(built.topology, object.geometries[0] as GeometryCollection['geometries'][number]);
    expect(alpha).toMatchObject({ id: 'E08900001', properties: { name: 'Alpha' } });
  });
});

describe('ONS query helpers', () => {
  it('builds an ArcGIS where clause from GSS codes only', () => {
    expect(whereClauseForCodes('LAD24CD', ['E08000011', 'E08000012'])).toBe("LAD24CD IN ('E08000011','E08000012')");
    expect(() => whereClauseForCodes('LAD24CD', ["E08000011') OR 1=1 --"])).toThrow(/not a GSS code/);
  });

  it('fills URL templates with encoded values and leaves unknown placeholders', () => {
    expect(fillTemplate('https://x.test/q?where={where}&other={other}', { where: "A IN ('B')" })).toBe('https://x.test/q?where=A%20IN%20(\'B\')&other={other}');
  });

  it('computes the widened envelope of the needed districts', () => {
    const needed = readBoundaryInput({ ...GEOJSON, features: GEOJSON.features.slice(0, 3) }, CONFIG);
    expect(envelopeOf(needed, 0.05)).toBe('-3.050000,52.950000,-2.750000,53.250000');
  });
});

describe('parseArgs', () => {
  it.each([
    [[], { check: false, configPath: 'boundaries.config.json', areasPath: null, outPath: null }],
    [['--check', '--out', 'x.json', '--areas', 'a.csv', '--config', 'c.json'], { check: true, configPath: 'c.json', areasPath: 'a.csv', outPath: 'x.json' }],
  ])('%j', (argv, expected) => {
    expect(parseArgs(argv)).toEqual(expected);
  });

  it.each([[['--out']], [['--bogus']]])('rejects %j', (argv) => {
    expect(() => parseArgs(argv)).toThrow(BoundariesError);
  });
});
