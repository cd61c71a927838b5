import type { MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { boundsOf, directionOfKey, districtInDirection, drawnAspectRatio, geometryArea, insidePolygon, labelPoint, type PlacedDistrict } from '../../../src/lib/map/geometry.ts';

const square = (x0: number, y0: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [[[x0, y0], [x0 + size, y0], [x0 + size, y0 + size], [x0, y0 + size], [x0, y0]]],
});

// A "C" open to the east: its centroid falls in the gap, outside the shape.
const cShape: Polygon = {
  type: 'Polygon',
  coordinates: [[[0, 0], [3, 0], [3, 1], [1, 1], [1, 2], [3, 2], [3, 3], [0, 3], [0, 0]]],
};

describe('labelPoint', () => {
  it.each<[string, Polygon | MultiPolygon, [number, number]]>([
    ['a square: its centre', square(0, 0, 2), [1, 1]],
    ['a C shape: inside the shape, not in its gap', cShape, [0.5, 1.5]],
    ['a district with an island: on the mainland', { type: 'MultiPolygon', coordinates: [square(10, 10, 0.5).coordinates, square(0, 0, 4).coordinates] }, [2, 2]],
  ])('%s', (_, geometry, expected) => {
    const [x, y] = labelPoint(geometry);
    const polygon = geometry.type === 'Polygon' ? geometry.coordinates : (geometry.coordinates[1] ?? []);
    expect(insidePolygon(x, y, polygon)).toBe(true);
    expect(x).toBeCloseTo(expected[0], 1);
    expect(y).toBeCloseTo(expected[1], 1);
  });
});

describe('geometryArea, boundsOf and drawnAspectRatio', () => {
  it('measures areas with holes subtracted', () => {
    const withHole: Polygon = { type: 'Polygon', coordinates: [...square(0, 0, 4).coordinates, ...square(1, 1, 1).coordinates] };
    expect(geometryArea(withHole)).toBe(15);
  });

  it('finds the bounding box', () => {
    expect(boundsOf([square(0, 0, 1), square(2, 3, 1)])).toEqual([0, 0, 3, 4]);
    expect(boundsOf([])).toBeNull();
  });

  it.each<[[number, number, number, number], number]>([
    [[0, -1, 2, 1], 1],
    // At 53°N a degree of latitude is drawn about 1.66 times as tall as a degree of longitude is wide.
    [[-3, 53, -2, 54], 0.6],
    [[0, 0, 0, 1], 1],
  ])('%j → %d', (box, ratio) => {
    expect(drawnAspectRatio(box)).toBeCloseTo(ratio, 1);
  });
});

describe('districtInDirection', () => {
  // A 3 × 2 grid, plus one district further east on the top row.
  //   D E . G
  //   A B C
  const grid: PlacedDistrict[] = [
    { code: 'A', point: [0, 0] },
    { code: 'B', point: [1, 0] },
    { code: 'C', point: [2, 0] },
    { code: 'D', point: [0, 1] },
    { code: 'E', point: [1, 1] },
    { code: 'G', point: [3.5, 1] },
  ];
  it.each([
    ['A', 'right', 'B'],
    ['B', 'right', 'C'],
    ['B', 'left', 'A'],
    ['A', 'up', 'D'],
    ['E', 'down', 'B'],
    ['D', 'right', 'E'],
    // C is nearer but off to the side; G is straight ahead.
    ['E', 'right', 'G'],
    ['C', 'up', 'E'],
    ['A', 'left', null],
    ['A', 'down', null],
    ['Z', 'right', null],
  ] as const)('from %s going %s → %s', (from, direction, expected) => {
    expect(districtInDirection(grid, from, direction)).toBe(expected);
  });

  it.each([
    ['ArrowLeft', 'left'],
    ['ArrowRight', 'right'],
    ['ArrowUp', 'up'],
    ['ArrowDown', 'down'],
    ['Enter', null],
  ])('%s → %s', (key, direction) => {
    expect(directionOfKey(key)).toBe(direction);
  });
});
