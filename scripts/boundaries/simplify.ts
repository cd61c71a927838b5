/**
 * From district shapes to the shipped file: pick the needed districts and their
 * neighbours, then quantise and simplify until the file fits its size budget without
 * erasing any district.
 */
import type { FeatureCollection, Position } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { planarRingArea, presimplify, quantile, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryObject, Objects, Topology } from 'topojson-specification';
import { DISTRICTS_OBJECT, neighbourIndices, type BoundaryMetadata, type BoundaryTopology } from '../../src/lib/map/topology.ts';
import { BoundariesError, type BoundariesConfig } from './config.ts';
import { missingDistricts, missingDistrictsMessage, readBoundaryInput, type DistrictCollection, type NeededDistrict } from './input.ts';

/**
 * The needed districts plus every district sharing a border with one of them, in input
 * order. Borders are found from the shapes' shared arcs, so the input's shared edges
 * must coincide exactly (true of ONS boundaries and of TopoJSON).
 */
export function selectWithNeighbours(collection: DistrictCollection, neededCodes: readonly string[]): { selection: DistrictCollection; neighbourCodes: string[] } {
  const wanted = new Set(neededCodes);
  const topo = topology({ all: collection as FeatureCollection });
  const all = topo.objects.all;
  const geometries = (all && all.type === 'GeometryCollection' ? all.geometries : []) as GeometryObject[];
  const selected = new Set(collection.features.flatMap((f, index) => (wanted.has(f.id) ? [index] : [])));
  const neighbours = new Set(neighbourIndices(geometries, selected));
  const features = collection.features.filter((_, index) => selected.has(index) || neighbours.has(index));
  return {
    selection: { type: 'FeatureCollection', features },
    neighbourCodes: features.filter((f) => !wanted.has(f.id)).map((f) => f.id),
  };
}

const hasArea = (ring: Position[] | undefined): boolean => ring !== undefined && ring.length >= 4 && planarRingArea(ring as [number, number][]) > 0;

/** Codes whose shape has no ring with an area left, i.e. that simplification or quantising erased. */
export function erasedCodes(topo: Topology): string[] {
  const object = topo.objects[DISTRICTS_OBJECT];
  if (!object || object.type !== 'GeometryCollection') return [];
  return feature(topo, object)
    .features.filter((shape) => {
      const geometry = shape.geometry;
      const polygons: Position[][][] = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
      return !polygons.some((polygon) => hasArea(polygon[0]));
    })
    .map((shape) => String(shape.id));
}

export function withMetadata(topo: Topology, metadata: BoundaryMetadata): BoundaryTopology {
  // Metadata first so a person opening the file sees what it is.
  const { type, ...rest } = topo;
  return { type, metadata, ...rest } as unknown as BoundaryTopology;
}

export function byteSize(topo: Topology): number {
  return Buffer.byteLength(JSON.stringify(topo), 'utf8');
}

/**
 * Quantises and simplifies the selection, keeping as much detail as fits `maxBytes`, and
 * never erasing a district: if a district would vanish before the file fits, it fails.
 */
export function simplifyToFit(selection: DistrictCollection, metadata: BoundaryMetadata, config: Pick<BoundariesConfig, 'maxBytes' | 'quantization' | 'simplifyRetain'>): { topology: BoundaryTopology; bytes: number; retained: number } {
  const base = topology({ [DISTRICTS_OBJECT]: selection as FeatureCollection }) as unknown as Topology<Objects>;
  const weighted = presimplify(base, sphericalTriangleArea);
  let smallest = Infinity;
  for (const retain of config.simplifyRetain) {
    const simplified = quantize(simplify(weighted, retain >= 1 ? 0 : quantile(weighted, retain)), config.quantization);
    const erased = erasedCodes(simplified);
    if (erased.length > 0) {
      throw new BoundariesError(`Simplifying the boundaries to fit ${config.maxBytes} bytes would erase ${erased.join(', ')}; raise maxBytes or quantization in boundaries.config.json.`);
    }
    const output = withMetadata(simplified, metadata);
    const bytes = byteSize(output);
    if (bytes <= config.maxBytes) return { topology: output, bytes, retained: retain };
    smallest = Math.min(smallest, bytes);
  }
  throw new BoundariesError(`The boundaries do not fit ${config.maxBytes} bytes even at the strongest simplification configured (smallest ${smallest} bytes); add smaller fractions to simplifyRetain in boundaries.config.json.`);
}

/** Everything between a parsed input and the output file: select, check, simplify. */
export function buildBoundaries(input: unknown, needed: NeededDistrict[], config: BoundariesConfig, source: string): { topology: BoundaryTopology; bytes: number; retained: number; neighbourCodes: string[] } {
  const collection = readBoundaryInput(input, config);
  const missing = missingDistricts(collection, needed);
  if (missing.length > 0) throw new BoundariesError(missingDistrictsMessage(missing));
  const { selection, neighbourCodes } = selectWithNeighbours(
    collection,
    needed.map((d) => d.code),
  );
  const metadata: BoundaryMetadata = { year: config.vintage.year, vintage: config.vintage.description, source };
  return { ...simplifyToFit(selection, metadata, config), neighbourCodes };
}
