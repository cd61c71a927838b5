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
