import { describe, expect, it } from 'vitest';
import { buildHash, parseHash } from '../../../src/lib/app/hash.ts';

describe('parseHash', () => {
  it.each([
    ['', '/', {}],
    ['#', '/', {}],
    ['#/', '/', {}],
    ['#/map', '/map', {}],
    ['#/map/', '/map', {}],
    ['#map', '/map', {}],
    ['#/map?region=E47000007', '/map', { region: 'E47000007' }],
    ['#/compare?measure=per_resident&x=1', '/compare', { measure: 'per_resident', x: '1' }],
    ['#/compare?measure=%E0%A4%A', '/compare', { measure: '\uFFFD%A' }],
    ['#/compare?=&&measure', '/compare', { '': '', measure: '' }],
    ['#/a?b=<script>', '/a', { b: '<script>' }],
  ])('%j → %s %j', (hash, path, params) => {
    expect(parseHash(hash)).toEqual({ path, params });
  });

  it('returns frozen params so a route is a value', () => {
    expect(Object.isFrozen(parseHash('#/x?a=1').params)).toBe(true);
  });
});

describe('buildHash', () => {
  it.each([
    ['/', {}, '#/'],
    ['/map', { region: 'E47000007' }, '#/map?region=E47000007'],
    ['/compare', { measure: null, chart: undefined }, '#/compare'],
    ['/compare', { q: 'a b&c' }, '#/compare?q=a%20b%26c'],
  ])('%s %j → %s', (path, params, hash) => {
    expect(buildHash(path, params)).toBe(hash);
  });

  it('round-trips through parseHash', () => {
    const params = { region: 'E47000004', indicator: 'population', q: 'x=y&z' };
    expect(parseHash(buildHash('/map', params))).toEqual({ path: '/map', params });
  });
});
