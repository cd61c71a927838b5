/**
 * What a reader really downloads before touching anything: a built page opened in
 * Chromium, and every JavaScript file it fetches until its view is drawn and the network
 * is quiet, each gzipped as it is sent. Code loaded on a click (image export, say) is not
 * counted.
 *
 * Measured in a browser rather than read off the bundle, because the pages choose their
 * code at run time: the dashboard starts after its first paint (public/start-app.js) and
 * an embed picks its view and then its chart through two levels of lazy imports.
 */
import path from 'node:path';
import { launch, openPage } from '../lib/browser.ts';
import { fileGzipBytes } from './sizes.ts';
import { serveCompressed } from './static-server.ts';

export interface PageToWeigh {
  /** Name in the report. */
  id: string;
  /** Path and query relative to the site root, e.g. "embed.html?chart=x". */
  path: string;
  /** Selector that shows the page has drawn its view. */
  ready: string;
  /** Then point at the page's static chart and wait until the interactive one has taken it over (take-over.ts). */
  interact?: boolean;
}

export interface PageWeight {
  id: string;
  /** Script files fetched, relative to dist, in request order. */
  files: string[];
  gzipBytes: number;
}

/** Drawn chart, drawn map (its static drawing, or Leaflet) or the map's "not available" note: the embed has finished its work. */
const EMBED_READY = 'figure svg[role="img"], .map-stage, .leaflet-container, .map-fallback';

/** The embed page for each chart id (or the map's id); `interactive` ids are static pages, weighed once the reader reaches for the chart. */
export function embedPages(ids: readonly string[], interactive: ReadonlySet<string> = new Set()): PageToWeigh[] {
  return ids.map((id) => ({ id, path: `embed.html?chart=${encodeURIComponent(id)}`, ready: EMBED_READY, interact: interactive.has(id) }));
}

export async function measurePageWeights(distDir: string, pages: readonly PageToWeigh[]): Promise<PageWeight[]> {
  const server = await serveCompressed(distDir);
  const browser = await launch(process.env.CHROME_PATH);
  try {
    const weights: PageWeight[] = [];
    for (const { id, path: pagePath, ready, interact } of pages) {
      const page = await openPage(browser, { width: 640, height: 600 });
      const files: string[] = [];
      page.on('request', (request) => {
        if (request.resourceType() === 'script') files.push(decodeURIComponent(new URL(request.url()).pathname).replace(/^\//, ''));
      });
      await page.goto(new URL(pagePath, server.url).href);
      await page.locator(ready).first().waitFor({ timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      if (interact) {
        await page.locator('[data-static-chart]').first().dispatchEvent('pointerover');
        await page.waitForFunction(() => document.querySelectorAll('[data-static-chart]').length === 0, undefined, { timeout: 30_000 });
        await page.waitForLoadState('networkidle');
      }
      const alert = await page.locator('[role="alert"]').count();
      if (alert > 0) throw new Error(`${pagePath} showed an error: ${await page.locator('[role="alert"]').first().textContent()}`);
      const unique = [...new Set(files)];
      weights.push({ id, files: unique, gzipBytes: unique.reduce((sum, file) => sum + fileGzipBytes(path.join(distDir, file)), 0) });
      await page.context().close();
    }
    return weights;
  } finally {
    await browser.close();
    await server.close();
  }
}
