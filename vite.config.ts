import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { prerenderHeadline } from './scripts/build/prerender.ts';
import { inlineCriticalCss } from './scripts/build/inline-css.ts';
import { staticCharts } from './scripts/build/static-charts.ts';
import { STATIC_MAP_SCRIPT, staticMaps } from './scripts/build/static-maps.ts';
import { securityHeaders } from './scripts/build/security-plugin.ts';
import { trimPlotDependencies } from './scripts/build/trim-plot-deps.ts';

type ChunkingContext = { getModuleInfo(id: string): { importedIds: readonly string[]; dynamicallyImportedIds: readonly string[] } | null };
/** Each page's entry script, as the bundler names modules (absolute paths); the static map pages' loader is one too. */
const PAGE_ENTRIES = {
  app: fileURLToPath(new URL('./src/main.ts', import.meta.url)),
  embed: fileURLToPath(new URL('./src/embed.ts', import.meta.url)),
  [STATIC_MAP_SCRIPT]: fileURLToPath(new URL('./src/static-map.ts', import.meta.url)),
};
const pageReach = new WeakMap<ChunkingContext, Record<string, Set<string>>>();

/** Every module a page can ever run: its entry's imports, static and lazy, followed through. */
function reachableFrom(ctx: ChunkingContext, entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  for (let id = queue.pop(); id !== undefined; id = queue.pop()) {
    if (seen.has(id)) continue;
    seen.add(id);
    const info = ctx.getModuleInfo(id);
    queue.push(...(info?.importedIds ?? []), ...(info?.dynamicallyImportedIds ?? []));
  }
  return seen;
}

/**
 * Chunk for a module the pages load up front: "app" when only the dashboard ever uses
 * it, "embed" when only the embed page does, else "shared". A module one page loads up
 * front and the other loads lazily goes in "shared" too: otherwise the lazy import would
 * fetch the first page's chunk and run its entry script. The static map pages' live map
 * (loaded lazily by their loader) reaches only what the embed page reaches: what the embed
 * page loads up front and the live map needs goes in "embed-map", so the live map never
 * runs the embed page's entry and the dashboard never loads embed code.
 */
function pageChunk(moduleId: string, ctx: ChunkingContext): string | null {
  let reach = pageReach.get(ctx);
  if (!reach) {
    reach = Object.fromEntries(Object.entries(PAGE_ENTRIES).map(([page, entry]) => [page, reachableFrom(ctx, entry)]));
    pageReach.set(ctx, reach);
  }
  // Vite's lazy-import helper on its own: the static map loader uses it and nothing else of "shared".
  if (moduleId.includes('vite/preload-helper')) return 'preload-helper';
  // The static map loader stays its own entry chunk (a group chunk would need a re-exporting facade).
  if (moduleId === PAGE_ENTRIES[STATIC_MAP_SCRIPT]) return null;
  const pages = Object.keys(PAGE_ENTRIES).filter((page) => reach[page]?.has(moduleId));
  if (pages.includes('app') && pages.includes('embed')) return 'shared';
  if (pages.length === 1) return pages[0] ?? null;
  if (pages.length === 2 && pages.includes('embed') && pages.includes(STATIC_MAP_SCRIPT)) return 'embed-map';
  // Used by several; or by no entry script but imported by the HTML itself (Vite's modulepreload polyfill).
  return pages.length > 1 || !moduleId.endsWith('.html') ? 'shared' : null;
}

export default defineConfig({
  // Relative base so the built site works from any sub-path on any static host.
  base: './',
  // Build-only: prerender the headline into index.html; inline each page's (small) CSS so it
  // paints after one request; CSP meta tag (allowing that CSS by hash) and dist/_headers.
  // Build-only too: a static page per chart and per map region, drawn at build time (embed/<id>.html, embed/map-<region>.html).
  // Everywhere: leave Plot's unused projections and colour schemes out (see the plugin).
  plugins: [trimPlotDependencies(), svelte(), prerenderHeadline(), inlineCriticalCss(), securityHeaders(), staticCharts(), staticMaps()],
  build: {
    target: 'es2022',
    // Source maps stay out of dist/ (hosts would publish them) unless asked for: SOURCEMAP=1 npm run build.
    sourcemap: process.env.SOURCEMAP === '1',
    rolldownOptions: {
      // The build is small and its time is spent in HTML prerendering by design; the timing report is noise.
      checks: { bundlerTimings: false },
      // Entries keep their exports: the static map pages' starter calls the loader's (src/static-map.ts).
      // (allow-extension: they may export more, as the per-page chunking needs.)
      preserveEntrySignatures: 'allow-extension',
      // The dashboard, the page other sites put in an iframe (one chart or the map), and the
      // static map pages' loader (lazy imports only; the pages' inline starter calls its exports: scripts/build/static-maps.ts).
      input: { main: 'index.html', embed: 'embed.html', [STATIC_MAP_SCRIPT]: PAGE_ENTRIES[STATIC_MAP_SCRIPT] },
      output: {
        // What each page statically needs in as few files as possible: on a phone each extra
        // request costs a round trip. Lazy views keep their own chunks. Per page, so the
        // dashboard never loads embed code and the embed page never loads the headline.
        // Not recursive: Svelte and the data layer must stay in "shared", not follow App into "app".
        // The charts' shared helpers in one chunk rather than several tiny ones (fewer round trips).
        codeSplitting: {
          groups: [
            { name: pageChunk, debugName: 'page', tags: ['$initial'], includeDependenciesRecursively: false },
            // Plot's mark helpers (rows.ts) in their own chunk: the map uses the kit's palette and text measures, never Plot.
            { name: 'chart-kit', test: /[\\/]src[\\/]lib[\\/]charts[\\/](areas|controls|dates|define|figures|palette|text)\.ts$/, includeDependenciesRecursively: false },
            { name: 'chart-rows', test: /[\\/]src[\\/]lib[\\/]charts[\\/]rows\.ts$/, includeDependenciesRecursively: false },
          ],
        },
      },
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    // Run Plot and d3 through Vite's plugins, so chart tests see the trimmed build's d3.
    server: { deps: { inline: ['@observablehq/plot', 'd3'] } },
    // Property tests run hundreds of cases; on a busy 2-core machine 5 s is too tight to mean anything.
    testTimeout: 30_000,
  },
});
