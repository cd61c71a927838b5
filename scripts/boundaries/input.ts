/**
 * Inputs of the boundaries pipeline: the districts areas.csv needs, and a boundary file
 * (TopoJSON or GeoJSON keyed by GSS code) read into the app's own district features.
 */
import type { FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { validateCsv } from '../../src/lib/data/validate.ts';
import { parseBoundaries, type DistrictFeature } from '../../src/lib/map/boundaries.ts';
import { DISTRICTS_OBJECT, isGssCode } from '../../src/lib/map/topology.ts';
import { BoundariesError, isRecord, OUTPUT_PATH, type BoundariesConfig } from './config.ts';

export type { DistrictFeature };

export interface NeededDistrict {
  code: string;
  name: string;
}

export interface DistrictCollection {
  type: 'FeatureCollection';
  features: DistrictFeature[];
}

/** The districts the map needs: every local authority in areas.csv, read with the project's own validator. */
export function neededDistricts(areasCsv: string): NeededDistrict[] {
  const { rows, errors } = validateCsv('areas', areasCsv);
  if (errors.length > 0) {
    const listed = errors.slice(0, 5).map((e) => `line ${e.line}${e.column ? `, column ${e.column}` : ''}: expected ${e.expected}`);
    throw new BoundariesError(`areas.csv has ${errors.length} error(s), so the needed districts are unknown:\n  ${listed.join('\n  ')}`);
  }
  return rows.filter((area) => area.area_type === 'local_authority').map((area) => ({ code: area.area_code, name: area.area_name }));
}

function isTopology(value: unknown): value is Topology {
  return isRecord(value) && value.type === 'Topology' && isRecord(value.objects) && Array.isArray(value.arcs);
}

export function isFeatureCollection(value: unknown): value is FeatureCollection<Geometry | null> {
  return isRecord(value) && value.type === 'FeatureCollection' && Array.isArray(value.features);
}

function firstText(properties: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/** One input shape's key, before it is trusted. */
export interface KeyedShape {
  code: string | null;
  name: string | null;
  geometryType: string | null;
}

/**
 * Problems with the codes in a boundary file: a shape without a code, a code that is not
 * a GSS code, a code used twice, or a district that is not a polygon. Empty when all is well.
 */
export function validateCodes(shapes: KeyedShape[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  shapes.forEach((shape, index) => {
    const where = `shape ${index + 1}${shape.name ? ` (${shape.name})` : ''}`;
    if (shape.code === null) {
      problems.push(`${where} has no GSS code.`);
      return;
    }
    if (!isGssCode(shape.code)) problems.push(`${where} has "${shape.code}", which is not a GSS code such as E08000012.`);
    const first = seen.get(shape.code);
    if (first !== undefined) problems.push(`${where} repeats code ${shape.code} (first used by shape ${first + 1}).`);
    else seen.set(shape.code, index);
    if (shape.geometryType !== 'Polygon' && shape.geometryType !== 'MultiPolygon') {
      problems.push(`${where} (${shape.code}) is a ${shape.geometryType ?? 'missing geometry'}, not a Polygon or MultiPolygon.`);
    }
  });
  return problems;
}

/** Parsed JSON of a boundary file → polygons keyed by GSS code. Throws with every problem listed. */
export function readBoundaryInput(input: unknown, config: Pick<BoundariesConfig, 'codeProperties' | 'nameProperties'>): DistrictCollection {
  let collection: FeatureCollection<Geometry | null>;
  if (isTopology(input)) {
    const names = Object.keys(input.objects);
    const collections = names.filter((name) => input.objects[name]?.type === 'GeometryCollection');
    const chosen = collections.length === 1 ? collections[0] : collections.find((name) => name === DISTRICTS_OBJECT);
    if (chosen === undefined) {
      throw new BoundariesError(`The TopoJSON file must hold one GeometryCollection of districts; it holds ${names.length ? names.map((n) => `"${n}"`).join(', ') : 'none'}.`);
    }
    const object = input.objects[chosen];
    if (!object || object.type !== 'GeometryCollection') throw new BoundariesError(`TopoJSON object "${chosen}" is not a GeometryCollection.`);
    collection = feature(input, object) as FeatureCollection<Geometry | null>;
  } else if (isFeatureCollection(input)) {
    collection = input;
  } else {
    throw new BoundariesError('The boundary file is neither TopoJSON (type "Topology") nor a GeoJSON FeatureCollection.');
  }

  const keyed = collection.features.map((shape) => {
    const properties = isRecord(shape.properties) ? shape.properties : {};
    const code = firstText(properties, config.codeProperties) ?? (typeof shape.id === 'string' && shape.id !== '' ? shape.id : null);
    return { code, name: firstText(properties, config.nameProperties), geometry: shape.geometry };
  });
  const problems = validateCodes(keyed.map((k) => ({ code: k.code, name: k.name, geometryType: k.geometry?.type ?? null })));
  if (problems.length > 0) {
    const more = problems.length > 10 ? `\n  …and ${problems.length - 10} more` : '';
    throw new BoundariesError(`The boundary file's district codes are not usable:\n  ${problems.slice(0, 10).join('\n  ')}${more}`);
  }
  return {
    type: 'FeatureCollection',
    features: keyed.map((k) => ({
      type: 'Feature',
      id: k.code ?? '',
      properties: { name: k.name ?? k.code ?? '' },
      geometry: k.geometry as Polygon | MultiPolygon,
    })),
  };
}

/** Needed districts whose code is not among `present`. */
export function missingFrom(present: Iterable<string>, needed: readonly NeededDistrict[]): NeededDistrict[] {
  const codes = new Set(present);
  return needed.filter((district) => !codes.has(district.code));
}

/** Needed districts that have no shape in the collection. */
export function missingDistricts(collection: DistrictCollection, needed: readonly NeededDistrict[]): NeededDistrict[] {
  return missingFrom(
    collection.features.map((f) => f.id),
    needed,
  );
}

export function listDistricts(districts: readonly NeededDistrict[]): string {
  return districts.map((d) => `${d.code} (${d.name})`).join(', ');
}

export function missingDistrictsMessage(missing: readonly NeededDistrict[]): string {
  return `The boundaries have no shape for ${missing.length} district(s) in areas.csv: ${listDistricts(missing)}. Check the codes in areas.csv, or use boundaries of the same vintage as the codes.`;
}

/**
 * Districts of areas.csv that the shipped file (read as the map view reads it) has no
 * shape for: empty when the file is current. Throws when the file is not usable at all.
 */
export function districtsMissingFromOutput(outputJson: unknown, needed: readonly NeededDistrict[]): NeededDistrict[] {
  const parsed = parseBoundaries(outputJson);
  if (!parsed.ok) throw new BoundariesError(`${OUTPUT_PATH}: ${parsed.reason}.`);
  return missingFrom(
    parsed.boundaries.geometries.map((g) => g.id),
    needed,
  );
}
