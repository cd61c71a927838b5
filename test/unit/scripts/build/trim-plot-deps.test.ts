// @vitest-environment jsdom
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { shouldTrim, trimmedModule } from '../../../../scripts/build/trim-plot-deps.ts';

describe('shouldTrim', () => {
  it.each([
    ['d3-geo', '/app/node_modules/d3/src/index.js', true],
    ['d3-scale-chromatic', 'C:\\app\\node_modules\\d3\\src\\index.js', true],
    // Our own code, or another package, importing the package directly gets the real one.
    ['d3-geo', '/app/src/lib/map/geometry.ts', false],
    ['d3-geo', '/app/node_modules/d3-geo-projection/src/index.js', false],
    ['d3-scale', '/app/node_modules/d3/src/index.js', false],
    ['d3-geo', undefined, false],
  ])('%s imported from %s → %s', (source, importer, expected) => {
    expect(shouldTrim(source, importer)).toBe(expected);
  });
});

describe('trimmedModule', () => {
  it('exports every name as a function that throws an error naming the plugin', async () => {
    const code = trimmedModule('d3-geo', ['geoPath', 'geoMercator']);
    const module = (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as Record<string, () => unknown>;
    expect(Object.keys(module).sort()).toEqual(['geoMercator', 'geoPath']);
    expect(() => module.geoPath?.()).toThrow(/d3-geo is left out of this build by scripts\/build\/trim-plot-deps\.ts/);
  });

  it('re-exports the kept names from the real package instead of standing in for them', () => {
    const code = trimmedModule('d3-geo', ['geoPath', 'geoTransform'], ['geoTransform']);
    expect(code).toContain('export { geoTransform } from "d3-geo";');
    expect(code).toContain('export const geoPath = unavailable;');
    expect(code).not.toContain('export const geoTransform');
  });

  it('refuses an export name it cannot write as an identifier', () => {
    expect(() => trimmedModule('d3-geo', ['default', 'not-valid'])).toThrow(/"not-valid" is not an identifier/);
  });
});

describe('Plot in this build', () => {
  // The unit tests run Plot through the same plugin as the build (vite.config.ts inlines it).
  it('fails loudly, not silently, if a chart asks for a map projection', () => {
    expect(() => Plot.plot({ projection: 'mercator', marks: [], document })).toThrow(/trim-plot-deps/);
  });

  it('fails loudly if a chart asks for a named colour scheme', () => {
    expect(() => Plot.plot({ color: { type: 'ordinal', scheme: 'blues', domain: ['a', 'b', 'c'] }, marks: [Plot.dot(['a'], { fill: (d: string) => d })], document })).toThrow(/trim-plot-deps/);
  });

  it('still draws with explicit colours', () => {
    const svg = Plot.plot({ marks: [Plot.dot([1, 2], { x: (d: number) => d, fill: '#0072B2' })], document });
    expect(svg.querySelectorAll('circle')).toHaveLength(2);
  });
});
