/**
 * What a reader of each embed really downloads before touching anything: embed.html for
 * that chart (or the map) opened in Chromium, and every JavaScript file it fetches until
 * the view is drawn and the network is quiet, each gzipped as it is sent. Code loaded on
 * a click (image export, say) is not counted, as for the headline view.
 *
 * Measured in a browser rather than read off the bundle, because the embed picks its view
 * and then its chart at run time, through two levels of lazy imports.
 */
import path from 'node:path';
import { launch, openPage } from '../../test/e2e/browser.ts';
import { fileGzipBytes } from './sizes.ts';
import { serveCompressed } from './static-server.ts';

export interface EmbedWeight {
  /** The embed's chart= value. */
  id: string;
  /** Script files fetched, relative to dist, in request order. */
  files: string[];
  gzipBytes: number;
}

/** Drawn chart, drawn map or the map's "not available" note: the embed has finished its work. */
const VIEW_READY = 'figure svg[role="img"], .leaflet-container, .map-fallback';

export async function measureEmbedWeights(distDir: string, ids: readonly string[]): Promise<EmbedWeight[]> {
  const server = await serveCompressed(distDir);
  const browser = await launch(process.env.CHROME_PATH);
  try {
    const weights: EmbedWeight[] = [];
    for (const id of ids) {
      const page = await openPage(browser, { width: 640, height: 600 });
      const files: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') files.push(decodeURIComponent(new URL(request.url()).pathname).replace(/^\//, ''));
      });
      await page.goto(new URL(`embed.html?chart=${encodeURIComponent(id)}`, server.url).href);
      await page.locator(VIEW_READY).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      const alert = await page.locator('[role="alert"]').count();
      if (alert > 0) throw new Error(`The ${id} embed showed an error: ${await page.locator('[role="alert"]').first().textContent()}`);
      const unique = [...new Set(files)];
      weights.push({ id, files: unique, gzipBytes: unique.reduce((sum, file) => sum + fileGzipBytes(path.join(distDir, file)), 0) });
      await page.context().close();
    }
    return weights.sort((a, b) => b.gzipBytes - a.gzipBytes);
  } finally {
    await browser.close();
    await server.close();
  }
}
