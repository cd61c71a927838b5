/**
 * District boundaries as TopoJSON: the format the build pipeline writes and the map view
 * reads. Pure: no I/O, no DOM, so the pipeline (Node) and the view (browser) share it.
 */
import { neighbors } from 'topojson-client';
import type { GeometryObject, MultiPolygon, Polygon, Topology } from 'topojson-specification';
import { parseGssCode } from '../data/columns.ts';

/** Name of the one object in public/data/boundaries.topo.json. */
export const DISTRICTS_OBJECT = 'districts';

export interface DistrictProperties {
  name: string;
}

/** A district's shape: its GSS code is the geometry's id. */
export type DistrictGeometry = (Polygon<DistrictProperties> | MultiPolygon<DistrictProperties>) & { id: string };

/** What the pipeline records about the boundaries, for the attribution and for readers of the file. */
export interface BoundaryMetadata {
  /** Year of the boundaries (the "database right" year in the attribution). */
  year: number;
  /** Human description of the boundary set, e.g. "Local Authority Districts (May 2024), generalised (BGC)". */
  vintage: string;
  /** Where the shapes came from: the ONS query or "local file". */
  source: string;
}

export type BoundaryTopology = Topology<{ [DISTRICTS_OBJECT]: { type: 'GeometryCollection'; geometries: DistrictGeometry[] } }> & {
  metadata: BoundaryMetadata;
};

/** True when the text is a GSS code as the data contract defines it (E08000012). */
export function isGssCode(code: string): boolean {
  return parseGssCode(code).ok;
}

/**
 * Indices of the geometries that share a border (an arc) with any selected geometry, in
 * index order and excluding the selected ones. Touching at a single point is not a border.
 */
export function neighbourIndices(geometries: GeometryObject[], selected: ReadonlySet<number>): number[] {
  const adjacency = neighbors(geometries);
  const found = new Set<number>();
  for (const index of selected) {
    for (const other of adjacency[index] ?? []) {
      if (!selected.has(other)) found.add(other);
    }
  }
  return [...found].sort((a, b) => a - b);
}

/** The codes of `geometries` (by their id) that border any of `codes`. */
export function neighbourCodes(geometries: DistrictGeometry[], codes: Iterable<string>): string[] {
  const wanted = new Set(codes);
  const selected = new Set(geometries.flatMap((geometry, index) => (wanted.has(geometry.id) ? [index] : [])));
  return neighbourIndices(geometries, selected).map((index) => geometries[index]?.id ?? '');
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

function isPair(value: unknown): value is [number, number] {
  return Array.isArray(value) && value.length >= 2 && isFiniteNumber(value[0]) && isFiniteNumber(value[1]);
}

/**
 * Checks what topojson-client and Leaflet take on trust: the transform is two finite
 * pairs, every arc is a list of finite positions that decode to longitude and latitude,
 * and every arc index a shape uses names an arc in the file. Returns why the file cannot
 * be drawn, or null when it can. Linear in the size of the file.
 */
export function topologyProblem(arcs: readonly unknown[], transform: unknown, geometries: readonly { id: string; arcs: unknown }[]): string | null {
  let scale: [number, number] = [1, 1];
  let translate: [number, number] = [0, 0];
  const quantized = transform !== undefined && transform !== null;
  if (quantized) {
    const t = transform as { scale?: unknown; translate?: unknown };
    if (typeof transform !== 'object' || !isPair(t.scale) || !isPair(t.translate)) return 'the boundaries file’s transform is not two pairs of numbers';
    [scale, translate] = [t.scale, t.translate];
  }
  for (let a = 0; a < arcs.length; a++) {
    const arc = arcs[a];
    if (!Array.isArray(arc) || arc.length < 2) return `the boundaries file is damaged: arc ${a} is not a line of positions`;
    // Quantized arcs are delta-encoded: each position is the sum of the ones before it.
    let x = 0;
    let y = 0;
    for (const position of arc as unknown[]) {
      if (!isPair(position)) return `the boundaries file is damaged: arc ${a} has a position that is not two numbers`;
      [x, y] = quantized ? [x + position[0], y + position[1]] : position;
      const longitude = quantized ? x * scale[0] + translate[0] : x;
      const latitude = quantized ? y * scale[1] + translate[1] : y;
      if (!Number.isFinite(longitude) || !Number.isFinite(latitude) || Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
        return `the boundaries file is damaged: arc ${a} has a position outside longitude and latitude (${longitude}, ${latitude})`;
      }
    }
  }
  for (const geometry of geometries) {
    const problem = arcIndexProblem(geometry.arcs, arcs.length, 0);
    if (problem) return `the boundaries file is damaged: the shape of ${geometry.id} ${problem}`;
  }
  return null;
}

/** Polygon arcs are rings of arc indices; MultiPolygon arcs one more level. ~i (negative) is arc i reversed. */
function arcIndexProblem(value: unknown, arcCount: number, depth: number): string | null {
  if (!Array.isArray(value) || depth > 2) return 'is not a list of rings';
  for (const item of value as unknown[]) {
    if (Array.isArray(item)) {
      const problem = arcIndexProblem(item, arcCount, depth + 1);
      if (problem) return problem;
    } else if (!Number.isInteger(item) || depth === 0) {
      return 'has a ring that is not a list of arc numbers';
    } else {
      const index = (item as number) < 0 ? ~(item as number) : (item as number);
      if (index >= arcCount) return `uses arc ${index}, but the file has ${arcCount} arcs`;
    }
  }
  return null;
}
