import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseBoundaries, regionGeography } from '../../../src/lib/map/boundaries.ts';
import { mapViewModel } from '../../../src/lib/map/view-model.ts';
import { fixtureData, syntheticTopology } from './fixtures.ts';

const data = fixtureData();
type Topo = { arcs: number[][][]; transform?: unknown; objects: { districts: { geometries: { id: string; arcs: unknown }[] } } };
/** A fresh copy of the synthetic file to damage. */
const topo = (): Topo => structuredClone(syntheticTopology(data)) as Topo;
const firstGeometry = (t: Topo) => t.objects.districts.geometries[0] as { id: string; arcs: unknown };

describe('malformed boundaries are refused with a reason, before anything is drawn', () => {
  it('accepts the well-formed synthetic file', () => {
    expect(parseBoundaries(topo()).ok).toBe(true);
  });

  it.each<[string, (t: Topo) => void, RegExp]>([
    ['an arc index past the end', (t) => (firstGeometry(t).arcs = [[t.arcs.length + 5]]), /shape of E06000006 uses arc \d+, but the file has \d+ arcs/],
    ['a reversed arc index past the end', (t) => (firstGeometry(t).arcs = [[~(t.arcs.length + 1)]]), /uses arc \d+, but the file has/],
    ['a fractional arc index', (t) => (firstGeometry(t).arcs = [[0.5]]), /ring that is not a list of arc numbers/],
    ['arcs that are not rings', (t) => (firstGeometry(t).arcs = [0, 1]), /ring that is not a list of arc numbers/],
    ['a transform that makes coordinates infinite', (t) => (t.transform = { scale: [1e308, 1e308], translate: [0, 0] }), /outside longitude and latitude \((-)?Infinity/],
    ['a transform far outside the globe', (t) => (t.transform = { scale: [1, 1], translate: [500, 0] }), /outside longitude and latitude/],
    ['a transform that is not numbers', (t) => (t.transform = { scale: ['1', '1'], translate: [0, 0] }), /transform is not two pairs of numbers/],
    ['an arc position that is not numbers', (t) => ((t.arcs[0] as unknown[])[1] = ['x', 1]), /arc 0 has a position that is not two numbers/],
    ['an arc with one position', (t) => (t.arcs[0] = [[0, 0]]), /arc 0 is not a line of positions/],
  ])('%s', (_, damage, reason) => {
    const file = topo();
    damage(file);
    const result = parseBoundaries(JSON.parse(JSON.stringify(file)));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
    // The map view shows its fallback with that reason, and the table.
    const view = mapViewModel(data, { region: null, indicator: null, period: null }, result);
    expect(view.status === 'ok' && view.map).toEqual({ status: 'fallback', reason: expect.stringMatching(reason) });
  });

  it('leaves out a shape whose arcs are not a list, drawing the others', () => {
    const file = topo();
    firstGeometry(file).arcs = 'none';
    const result = parseBoundaries(file);
    expect(result.ok && regionGeography(result.boundaries, ['E06000006', 'E08000011']).missing).toEqual(['E06000006']);
  });

  it('any arc indices either pass the check and draw, or are refused with a reason (never throw)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer({ min: -100, max: 100 }), { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }), (rings) => {
        const file = topo();
        firstGeometry(file).arcs = rings;
        const result = parseBoundaries(file);
        if (result.ok) expect(() => regionGeography(result.boundaries, ['E06000006', 'E08000011'])).not.toThrow();
        else expect(result.reason).toMatch(/^the boundaries file is damaged/);
      }),
      { numRuns: 200 },
    );
  });
});
