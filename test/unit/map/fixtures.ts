/**
 * Map test fixtures: the frozen dashboard data (test/fixtures/dashboard), optionally with
 * CSV lines appended, and synthetic boundaries generated for its district codes, so the
 * map-drawing tests never depend on the ONS file or skip.
 */
import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { topology } from 'topojson-server';
import { expect } from 'vitest';
import { DATASET_NAMES, SCHEMA, type DatasetName, type RowsByDataset } from '../../../src/lib/data/schema.ts';
import { assembleDatasets } from '../../../src/lib/data/validate.ts';
import { parseBoundaries, type Boundaries } from '../../../src/lib/map/boundaries.ts';

const fixtureText = (name: DatasetName) => readFileSync(new URL(`../../fixtures/dashboard/${SCHEMA[name].file}`, import.meta.url), 'utf8');

/** The fixture data, with extra CSV lines appended to some files; fails the test if the result has errors. */
export function fixtureData(extra: Partial<Record<DatasetName, string[]>> = {}): RowsByDataset {
  const texts = Object.fromEntries(DATASET_NAMES.map((name) => [name, { text: [fixtureText(name).trimEnd(), ...(extra[name] ?? [])].join('\n') + '\n' }]));
  const { data, reports } = assembleDatasets(texts);
  expect(reports.filter((r) => r.status !== 'ok').flatMap((r) => r.errors)).toEqual([]);
  return data;
}

/** Code of the made-up district drawn beside the first region, to stand for a neighbour. */
export const NEIGHBOUR_CODE = 'E06999001';

function square(code: string, name: string, left: number, bottom: number): Feature<Polygon, { name: string }> {
  // Rounded so neighbouring squares share exact corners (-3 + 3 × 0.1 is -2.6999999999999997), as real districts share arcs.
  const round = (n: number) => Math.round(n * 1e6) / 1e6;
  const size = 0.1;
  const [x, y] = [round(left), round(bottom)];
  return {
    type: 'Feature',
    id: code,
    properties: { name },
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [x, y],
          [round(x + size), y],
          [round(x + size), round(y + size)],
          [x, round(y + size)],
          [x, y],
        ],
      ],
    },
  };
}

/**
 * A TopoJSON file shaped like the pipeline's output: each combined authority's districts
 * as a row of 0.1° squares near 3°W 53°N (one row per region, so regions do not touch),
 * plus one neighbour square left of the first region. Not real geography.
 */
export function syntheticTopology(data: RowsByDataset, options: { leaveOut?: readonly string[] } = {}): unknown {
  const areas = data.areas ?? [];
  const regions = areas.filter((a) => a.area_type === 'combined_authority');
  const features: Feature<Polygon, { name: string }>[] = [];
  regions.forEach((region, row) => {
    const districts = areas.filter((a) => a.parent_code === region.area_code);
    districts.forEach((district, column) => {
      if (!options.leaveOut?.includes(district.area_code)) features.push(square(district.area_code, district.area_name, -3 + column * 0.1, 53 + row * 0.2));
    });
  });
  features.push(square(NEIGHBOUR_CODE, 'Neighbour', -3.1, 53));
  const collection: FeatureCollection<Polygon, { name: string }> = { type: 'FeatureCollection', features };
  const built = topology({ districts: collection }, 1e5);
  // Round-tripped through JSON, as the browser reads the real file.
  return JSON.parse(JSON.stringify({ ...built, metadata: { year: 2024, vintage: 'synthetic test squares', source: 'test' } }));
}

export function syntheticBoundaries(data: RowsByDataset, options: { leaveOut?: readonly string[] } = {}): Boundaries {
  const result = parseBoundaries(syntheticTopology(data, options));
  if (!result.ok) throw new Error(result.reason);
  return result.boundaries;
}
