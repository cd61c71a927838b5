/**
 * Vite plugin: leaves d3's map projections (d3-geo) and named colour schemes
 * (d3-scale-chromatic) out of the bundle.
 *
 * Observable Plot imports from the `d3` umbrella package, and `Plot.plot()` links every
 * projection and scheme whether a chart uses them or not: about 17 KB gzip on each chart
 * embed. Our charts give every colour explicitly (src/lib/charts/palette.ts) and the map is
 * drawn by Leaflet, so neither is ever called. For imports made by the umbrella package
 * only, each export is replaced by a function that throws an error naming this file; our
 * own code can still import either package directly and gets the real one.
 *
 * Applied in dev and in tests as well as the build, so a chart that starts to need a
 * projection or a scheme fails its unit and browser tests rather than in production.
 */
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

export const TRIMMED_PACKAGES = ['d3-geo', 'd3-scale-chromatic'] as const;
type TrimmedPackage = (typeof TRIMMED_PACKAGES)[number];

/** Exports Plot calls while its modules load (geoTransform builds its reflectY helper), kept real. */
const KEPT_EXPORTS: Readonly<Record<TrimmedPackage, readonly string[]>> = {
  'd3-geo': ['geoTransform'],
  'd3-scale-chromatic': [],
};

const VIRTUAL_PREFIX = '\0trimmed:';
/** The umbrella package's own files (its index re-exports every d3 module). */
const UMBRELLA_FILE = /[\\/]node_modules[\\/]d3[\\/]/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

function isTrimmed(source: string): source is TrimmedPackage {
  return (TRIMMED_PACKAGES as readonly string[]).includes(source);
}

/**
 * Module text standing in for a package: the same export names, each throwing when used,
 * except `kept`, re-exported from the real package (this plugin never redirects its own imports).
 */
export function trimmedModule(pkg: string, exportNames: readonly string[], kept: readonly string[] = []): string {
  const message = `${pkg} is left out of this build by scripts/build/trim-plot-deps.ts. A chart that needs map projections or named colour schemes must remove it from TRIMMED_PACKAGES there.`;
  // Calling it, or reading from it (schemes are arrays Plot indexes), throws the message.
  const lines = [`const fail = () => { throw new Error(${JSON.stringify(message)}); };`, 'const unavailable = new Proxy(function () {}, { apply: fail, construct: fail, get: fail });'];
  if (kept.length > 0) lines.push(`export { ${kept.join(', ')} } from ${JSON.stringify(pkg)};`);
  for (const name of exportNames) {
    if (!IDENTIFIER.test(name)) throw new Error(`Cannot stand in for ${pkg}: its export "${name}" is not an identifier.`);
    if (!kept.includes(name)) lines.push(`export const ${name} = unavailable;`);
  }
  return lines.join('\n');
}

/** True when `importer` is the d3 umbrella package asking for one of the trimmed packages. */
export function shouldTrim(source: string, importer: string | undefined): boolean {
  return isTrimmed(source) && importer !== undefined && UMBRELLA_FILE.test(importer);
}

export function trimPlotDependencies(): Plugin {
  const require = createRequire(import.meta.url);
  return {
    name: 'city-region:trim-plot-deps',
    enforce: 'pre',
    resolveId(source, importer) {
      return shouldTrim(source, importer) ? VIRTUAL_PREFIX + source : null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL_PREFIX)) return null;
      const pkg = id.slice(VIRTUAL_PREFIX.length);
      if (!isTrimmed(pkg)) return null;
      // The real package's export list, so the stand-in matches whatever d3 version is installed.
      const real = require(pkg) as Record<string, unknown>;
      return trimmedModule(pkg, Object.keys(real), KEPT_EXPORTS[pkg]);
    },
  };
}
