import { describe, expect, it } from 'vitest';
import { configuredTiles, tileConfig } from '../../../src/lib/map/tiles.ts';

describe('tileConfig', () => {
  const url = 'https://tiles.example.org/{z}/{x}/{y}.png';
  it.each([
    ['nothing configured', {}, null],
    ['a URL without attribution', { VITE_TILE_URL: url }, null],
    ['attribution without a URL', { VITE_TILE_ATTRIBUTION: '© Someone' }, null],
    ['a blank attribution', { VITE_TILE_URL: url, VITE_TILE_ATTRIBUTION: '  ' }, null],
    ['plain http', { VITE_TILE_URL: 'http://tiles.example.org/{z}/{x}/{y}.png', VITE_TILE_ATTRIBUTION: '© Someone' }, null],
    ['a URL that is not a tile template', { VITE_TILE_URL: 'https://tiles.example.org/map.png', VITE_TILE_ATTRIBUTION: '© Someone' }, null],
    ['both set', { VITE_TILE_URL: url, VITE_TILE_ATTRIBUTION: ' © Someone ' }, { url, attribution: '© Someone' }],
  ])('%s', (_, env, expected) => {
    expect(tileConfig(env)).toEqual(expected);
  });

  it('uses no tiles by default, so the map makes no third-party requests', () => {
    expect(configuredTiles()).toBeNull();
  });
});
