/**
 * Plane geometry for the map: where to put a district's label, and which district lies
 * in the direction of an arrow key. Pure. Positions are GeoJSON [longitude, latitude];
 * districts are small enough that treating them as flat is fine.
 */
import type { MultiPolygon, Polygon, Position } from 'geojson';

type Ring = Position[];

function ringArea(ring: Ring): number {
  let twice = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    twice += xj * yi - xi * yj;
  }
  return twice / 2;
}

function ringCentroid(ring: Ring): [number, number] {
  let twiceArea = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    const cross = xj * yi - xi * yj;
    twiceArea += cross;
    cx += (xi + xj) * cross;
    cy += (yi + yj) * cross;
  }
  if (twiceArea === 0) {
    const first = ring[0] ?? [0, 0];
    return [first[0] ?? 0, first[1] ?? 0];
  }
  return [cx / (3 * twiceArea), cy / (3 * twiceArea)];
}

function insideRing(x: number, y: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Whether the point is inside the polygon (inside its outer ring and outside its holes). */
export function insidePolygon(x: number, y: number, polygon: Ring[]): boolean {
  const [outer, ...holes] = polygon;
  return outer !== undefined && insideRing(x, y, outer) && !holes.some((hole) => insideRing(x, y, hole));
}

function polygonsOf(geometry: Polygon | MultiPolygon): Ring[][] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Area in square degrees (holes subtracted): only for comparing districts' sizes. */
export function geometryArea(geometry: Polygon | MultiPolygon): number {
  return polygonsOf(geometry).reduce((sum, polygon) => sum + polygon.reduce((part, ring, index) => part + (index === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0), 0);
}

/** Web Mercator y of a latitude, in degree-like units so it compares with longitude spans. */
function mercatorY(latitude: number): number {
  const clamped = Math.max(-85, Math.min(85, latitude));
  return (Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * 180) / Math.PI;
}

/**
 * Width ÷ height of a [west, south, east, north] box as drawn by the map (Web Mercator),
 * so the map's box can take the region's shape instead of leaving empty bands.
 */
export function drawnAspectRatio([west, south, east, north]: [number, number, number, number]): number {
  const height = mercatorY(north) - mercatorY(south);
  const width = east - west;
  return width > 0 && height > 0 ? width / height : 1;
}

/** [west, south, east, north] of some shapes; null when they have no positions. */
export function boundsOf(geometries: readonly (Polygon | MultiPolygon)[]): [number, number, number, number] | null {
  let [west, south, east, north] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const geometry of geometries) {
    for (const polygon of polygonsOf(geometry)) {
      for (const [x = NaN, y = NaN] of polygon[0] ?? []) {
        west = Math.min(west, x);
        east = Math.max(east, x);
        south = Math.min(south, y);
        north = Math.max(north, y);
      }
    }
  }
  return Number.isFinite(west) && Number.isFinite(south) ? [west, south, east, north] : null;
}

/** The polygon with the largest area (a district's mainland rather than an island). */
function largestPolygon(geometry: Polygon | MultiPolygon): Ring[] | undefined {
  let best: Ring[] | undefined;
  let bestArea = -Infinity;
  for (const polygon of polygonsOf(geometry)) {
    const area = polygon.reduce((sum, ring, index) => sum + (index === 0 ? 1 : -1) * Math.abs(ringArea(ring)), 0);
    if (area > bestArea) {
      best = polygon;
      bestArea = area;
    }
  }
  return best;
}

/**
 * A point inside the district to anchor its label: the centroid of its largest part when
 * that lies inside it, otherwise the middle of the widest inside stretch of the
 * horizontal line through the centroid (for crescents and peninsulas such as Wirral).
 */
export function labelPoint(geometry: Polygon | MultiPolygon): [number, number] {
  const polygon = largestPolygon(geometry);
  const outer = polygon?.[0];
  if (!polygon || !outer || outer.length === 0) return [0, 0];
  const [cx, cy] = ringCentroid(outer);
  if (insidePolygon(cx, cy, polygon)) return [cx, cy];
  const crossings: number[] = [];
  for (const ring of polygon) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi = 0, yi = 0] = ring[i] ?? [];
      const [xj = 0, yj = 0] = ring[j] ?? [];
      if (yi > cy !== yj > cy) crossings.push(((xj - xi) * (cy - yi)) / (yj - yi) + xi);
    }
  }
  crossings.sort((a, b) => a - b);
  let best: [number, number] | null = null;
  let widest = -Infinity;
  for (let i = 0; i + 1 < crossings.length; i += 2) {
    const [start = 0, end = 0] = [crossings[i], crossings[i + 1]];
    if (end - start > widest) {
      widest = end - start;
      best = [(start + end) / 2, cy];
    }
  }
  const first = outer[0] ?? [0, 0];
  return best ?? [first[0] ?? 0, first[1] ?? 0];
}

export type Direction = 'left' | 'right' | 'up' | 'down';

export interface PlacedDistrict {
  code: string;
  /** [longitude, latitude] of the district's label point. */
  point: [number, number];
}

const ARROW_DIRECTIONS: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

export function directionOfKey(key: string): Direction | null {
  return ARROW_DIRECTIONS[key] ?? null;
}

/**
 * The district an arrow key should move to: the nearest one lying within 60° of the
 * arrow's direction, with districts straight ahead preferred over ones off to the side.
 * Null when nothing lies that way, so focus stays put at the edge of the region.
 */
export function districtInDirection(districts: readonly PlacedDistrict[], fromCode: string, direction: Direction): string | null {
  const from = districts.find((d) => d.code === fromCode);
  if (!from) return null;
  // Longitude degrees shrink with latitude; scale them so distances match what is drawn.
  const xScale = Math.cos((from.point[1] * Math.PI) / 180);
  let best: string | null = null;
  let bestScore = Infinity;
  for (const candidate of districts) {
    if (candidate.code === fromCode) continue;
    const dx = (candidate.point[0] - from.point[0]) * xScale;
    const dy = candidate.point[1] - from.point[1];
    const [ahead, aside] = direction === 'right' ? [dx, dy] : direction === 'left' ? [-dx, dy] : direction === 'up' ? [dy, dx] : [-dy, dx];
    if (ahead <= 0 || Math.abs(aside) > ahead * Math.tan(Math.PI / 3)) continue;
    // Sideways distance counts double, so a district straight ahead beats a nearer diagonal one.
    const score = ahead + 2 * Math.abs(aside);
    if (score < bestScore) {
      bestScore = score;
      best = candidate.code;
    }
  }
  return best;
}
