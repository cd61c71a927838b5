/**
 * Reading public/data/boundaries.topo.json in the browser: checking its shape, and
 * turning it into GeoJSON for one region (its districts, their grey neighbours, and the
 * region's outline). Parsing is pure; `loadBoundaries` is the only I/O.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { feature, merge } from 'topojson-client';
import { DISTRICTS_OBJECT, isGssCode, neighbourCodes, topologyProblem, type BoundaryTopology, type DistrictGeometry } from './topology.ts';

export const BOUNDARIES_FILE = 'boundaries.topo.json';

export interface Boundaries {
  topology: BoundaryTopology;
  geometries: DistrictGeometry[];
  /** The year in the attribution; null when the file does not record it. */
  year: number | null;
}

export type BoundariesResult = { ok: true; boundaries: Boundaries } | { ok: false; reason: string };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks the file is the pipeline's output, a Topology with a "districts" collection of coded polygons, and that it can be drawn. */
export function parseBoundaries(json: unknown): BoundariesResult {
  if (!isRecord(json) || json.type !== 'Topology' || !Array.isArray(json.arcs) || !isRecord(json.objects)) {
    return { ok: false, reason: 'the boundaries file is not TopoJSON' };
  }
  const object = json.objects[DISTRICTS_OBJECT];
  if (!isRecord(object) || object.type !== 'GeometryCollection' || !Array.isArray(object.geometries)) {
    return { ok: false, reason: `the boundaries file has no "${DISTRICTS_OBJECT}" collection` };
  }
  const geometries: DistrictGeometry[] = [];
  for (const geometry of object.geometries as unknown[]) {
    if (!isRecord(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') || !Array.isArray(geometry.arcs)) continue;
    if (typeof geometry.id !== 'string' || !isGssCode(geometry.id)) continue;
    const name = isRecord(geometry.properties) && typeof geometry.properties.name === 'string' ? geometry.properties.name : geometry.id;
    geometries.push({ ...(geometry as unknown as DistrictGeometry), properties: { name } });
  }
  if (geometries.length === 0) return { ok: false, reason: 'the boundaries file holds no districts' };
  // Checked before anything is drawn: a bad arc index or an infinite coordinate would otherwise throw inside topojson-client or Leaflet.
  const problem = topologyProblem(json.arcs, json.transform, geometries);
  if (problem) return { ok: false, reason: problem };
  const metadata = isRecord(json.metadata) ? json.metadata : {};
  const year = typeof metadata.year === 'number' && Number.isInteger(metadata.year) ? metadata.year : null;
  const topology = { ...json, objects: { [DISTRICTS_OBJECT]: { type: 'GeometryCollection', geometries } } } as unknown as BoundaryTopology;
  return { ok: true, boundaries: { topology, geometries, year } };
}

/** The attribution the ONS licence asks for, with the boundaries' year. */
export function attributionText(year: number | null): string {
  const right = year === null ? 'database right (year not recorded in the boundaries file)' : `database right ${year}`;
  return `Source: Office for National Statistics licensed under the Open Government Licence v.3.0. Contains OS data © Crown copyright and ${right}.`;
}

export type DistrictFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };

export interface RegionGeography {
  /** The region's districts that have a shape, in the order asked for. */
  districts: DistrictFeature[];
  /** Codes asked for that have no shape in the file (e.g. areas.csv changed since the build). */
  missing: string[];
  /** Districts bordering the region, drawn grey for orientation. */
  neighbours: DistrictFeature[];
  /** The combined authority's outline: its districts merged. */
  outline: MultiPolygon | null;
}

function toFeature(boundaries: Boundaries, geometry: DistrictGeometry): DistrictFeature {
  return { ...(feature(boundaries.topology, geometry) as Feature<Polygon | MultiPolygon, { name: string }>), id: geometry.id };
}

export function regionGeography(boundaries: Boundaries, districtCodes: readonly string[]): RegionGeography {
  const byCode = new Map(boundaries.geometries.map((g) => [g.id, g]));
  const present = districtCodes.flatMap((code) => {
    const geometry = byCode.get(code);
    return geometry ? [geometry] : [];
  });
  const neighbours = neighbourCodes(boundaries.geometries, districtCodes).flatMap((code) => {
    const geometry = byCode.get(code);
    return geometry ? [toFeature(boundaries, geometry)] : [];
  });
  return {
    districts: present.map((g) => toFeature(boundaries, g)),
    missing: districtCodes.filter((code) => !byCode.has(code)),
    neighbours,
    outline: present.length > 0 ? merge(boundaries.topology, present) : null,
  };
}

/** Fetches and parses the boundaries; never throws, so the view can fall back to a table. */
export async function loadBoundaries(url: string, signal?: AbortSignal, fetchImpl: typeof fetch = fetch): Promise<BoundariesResult> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal });
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, reason: 'the boundaries file could not be downloaded' };
  }
  if (!response.ok) {
    // Read the error body so the request completes rather than hanging open.
    await response.text().catch(() => '');
  }
  const missing = { ok: false, reason: 'the boundaries file is missing from this copy of the dashboard' } as const;
  if (response.status === 404) return missing;
  if (!response.ok) return { ok: false, reason: `the server answered ${response.status} for the boundaries file` };
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    if (signal?.aborted) throw error;
    return { ok: false, reason: 'the boundaries file could not be downloaded' };
  }
  // Single-page hosts (vite preview among them) answer a missing file with index.html: that is a missing file, not bad JSON.
  if ((response.headers.get('content-type') ?? '').includes('text/html') || /^\s*</.test(text)) return missing;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'the boundaries file is not valid JSON' };
  }
  return parseBoundaries(json);
}

export interface RegionGroup {
  code: string;
  name: string;
  districtCodes: readonly string[];
}

/**
 * The national view: each combined authority as one shape, its districts dissolved with
 * topojson's merge (shared borders drop out, so no inner lines are drawn). Groups with no
 * district in the file are `missing`; districts in no group are the grey context.
 */
export function nationalGeography(boundaries: Boundaries, groups: readonly RegionGroup[]): RegionGeography {
  const byCode = new Map(boundaries.geometries.map((g) => [g.id, g]));
  const grouped = new Set(groups.flatMap((g) => g.districtCodes));
  const districts: DistrictFeature[] = [];
  const missing: string[] = [];
  for (const group of groups) {
    const present = group.districtCodes.flatMap((code) => byCode.get(code) ?? []);
    if (present.length === 0) {
      missing.push(group.code);
      continue;
    }
    districts.push({ type: 'Feature', id: group.code, properties: { name: group.name }, geometry: merge(boundaries.topology, present) });
  }
  return {
    districts,
    missing,
    neighbours: boundaries.geometries.filter((g) => !grouped.has(g.id)).map((g) => toFeature(boundaries, g)),
    outline: null,
  };
}
