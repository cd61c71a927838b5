import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildBoundaries, neededDistricts, parseConfig } from '../../../scripts/build-boundaries.ts';
import { attributionText, loadBoundaries, parseBoundaries, regionGeography, type Boundaries } from '../../../src/lib/map/boundaries.ts';
import { neighbourCodes } from '../../../src/lib/map/topology.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/boundaries/${name}`, import.meta.url), 'utf8');
const config = parseConfig(JSON.parse(readFileSync(new URL('../../../boundaries.config.json', import.meta.url), 'utf8')));
/** The pipeline's output for the hand-made fixture, round-tripped through JSON like the real file. */
const built = JSON.parse(JSON.stringify(buildBoundaries(JSON.parse(fixture('districts.geojson')), neededDistricts(fixture('areas.csv')), config, 'test').topology));

function parsed(): Boundaries {
  const result = parseBoundaries(built);
  if (!result.ok) throw new Error(result.reason);
  return result.boundaries;
}

describe('parseBoundaries', () => {
  it('reads the pipeline output and its year', () => {
    const boundaries = parsed();
    expect(boundaries.geometries.map((g) => g.id)).toEqual(['E08900001', 'E08900002', 'E08900003', 'E07900001', 'E07900002']);
    expect(boundaries.geometries[0]?.properties?.name).toBe('Alpha');
    expect(boundaries.year).toBe(2024);
  });

  it('tolerates a file without metadata, leaving the year unknown', () => {
    const result = parseBoundaries({ ...built, metadata: undefined });
    expect(result.ok && result.boundaries.year).toBeNull();
  });

  it('skips shapes without a valid GSS code', () => {
    const geometries = built.objects.districts.geometries;
    const result = parseBoundaries({ ...built, objects: { districts: { type: 'GeometryCollection', geometries: [{ ...geometries[0], id: 'nonsense' }, geometries[1]] } } });
    expect(result.ok && result.boundaries.geometries.map((g) => g.id)).toEqual(['E08900002']);
  });

  it.each([
    ['null', null, 'not TopoJSON'],
    ['GeoJSON', { type: 'FeatureCollection', features: [] }, 'not TopoJSON'],
    ['another object name', { type: 'Topology', arcs: [], objects: { geog: { type: 'GeometryCollection', geometries: [] } } }, 'no "districts" collection'],
    ['no usable districts', { type: 'Topology', arcs: [], objects: { districts: { type: 'GeometryCollection', geometries: [{ type: 'Point', coordinates: [0, 0] }] } } }, 'holds no districts'],
  ])('rejects %s', (_, json, reason) => {
    expect(parseBoundaries(json)).toEqual({ ok: false, reason: expect.stringContaining(reason) });
  });
});

describe('regionGeography', () => {
  it.each([
    ['Testshire', ['E08900001', 'E08900002'], ['E08900001', 'E08900002'], ['E08900003', 'E07900001'], []],
    ['Second', ['E08900003'], ['E08900003'], ['E08900001', 'E07900002'], []],
    ['a district added after the build', ['E08900001', 'E08999999'], ['E08900001'], ['E08900002', 'E08900003'], ['E08999999']],
    ['nothing drawable', ['E08999999'], [], [], ['E08999999']],
  ])('%s', (_, codes, districts, neighbours, missing) => {
    const geography = regionGeography(parsed(), codes);
    expect(geography.districts.map((d) => d.id)).toEqual(districts);
    expect(geography.neighbours.map((d) => d.id)).toEqual(neighbours);
    expect(geography.missing).toEqual(missing);
    expect(geography.outline === null).toBe(districts.length === 0);
  });

  it('outlines the region as its merged districts', () => {
    const outline = regionGeography(parsed(), ['E08900001', 'E08900002']).outline;
    // Alpha and Beta merge into one 0.2° × 0.1° rectangle.
    expect(outline?.coordinates).toHaveLength(1);
    const ring = outline?.coordinates[0]?.[0] ?? [];
    const xs = ring.map((p) => p[0] ?? 0);
    const ys = ring.map((p) => p[1] ?? 0);
    expect(Math.min(...xs)).toBeCloseTo(-3, 4);
    expect(Math.max(...xs)).toBeCloseTo(-2.8, 4);
    expect(Math.max(...ys) - Math.min(...ys)).toBeCloseTo(0.1, 4);
  });

  it('finds the same neighbours as the pipeline', () => {
    expect(neighbourCodes(parsed().geometries, ['E08900002'])).toEqual(['E08900001', 'E07900001']);
  });
});

describe('attributionText', () => {
  it.each([
    [2024, 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right 2024.'],
    [null, 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and database right (year not recorded in the boundaries file).'],
  ])('%s', (year, text) => {
    expect(attributionText(year)).toBe(text);
  });
});

describe('loadBoundaries', () => {
  const respond = (body: string, status = 200, headers: Record<string, string> = {}): typeof fetch => async () => new Response(body, { status, headers });
  it.each([
    ['a good file', respond(JSON.stringify(built)), true, null],
    ['a 404', respond('Not Found', 404), false, 'boundaries file is missing'],
    ['index.html in its place (a single-page host)', respond('<!doctype html><html></html>', 200, { 'content-type': 'text/html' }), false, 'boundaries file is missing'],
    ['a web page served as JSON', respond('\n  <html></html>', 200, { 'content-type': 'application/json' }), false, 'boundaries file is missing'],
    ['a server error', respond('oops', 500), false, 'answered 500'],
    ['invalid JSON', respond('not json'), false, 'not valid JSON'],
    ['valid JSON of the wrong shape', respond('{"type":"Topology"}'), false, 'not TopoJSON'],
    [
      'a network failure',
      async () => {
        throw new TypeError('Failed to fetch');
      },
      false,
      'could not be downloaded',
    ],
  ])('%s', async (_, fetchImpl, ok, reason) => {
    const result = await loadBoundaries('https://example.test/data/boundaries.topo.json', undefined, fetchImpl as typeof fetch);
    expect(result.ok).toBe(ok);
    if (!result.ok) expect(result.reason).toContain(reason);
  });
});
