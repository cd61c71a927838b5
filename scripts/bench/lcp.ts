/**
 * Lighthouse mobile LCP of the dashboard's "/" beside a bare page with the same
 * prerendered markup and CSS but no JavaScript, both served from one local static server.
 * The ratio shows what the app's JavaScript and data loading add to the first meaningful
 * paint, independent of the machine's speed.
 *
 * Two throttling methods, both Lighthouse's mobile profile (slow 4G, 4x CPU slowdown):
 * - devtools: the browser really is throttled and LCP is the paint it records.
 * - simulate (Lighthouse's default): LCP is estimated from an unthrottled load, counting
 *   every request that finished before the paint there. The dashboard asks for its
 *   scripts only after the first paint (public/start-app.js), so on both methods LCP
 *   waits only for the HTML and stylesheets, as on the bare page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveCompressed } from './static-server.ts';

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** dist/index.html with every script and preload removed: the same first paint, no app. */
export function barePage(indexHtml: string): string {
  return indexHtml
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>\s*/g, '');
}

export type Throttling = 'devtools' | 'simulate';

async function lcpOnce(port: number, url: string, throttlingMethod: Throttling): Promise<number> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyAudits: ['largest-contentful-paint'], throttlingMethod });
  const audit = result?.lhr.audits['largest-contentful-paint'];
  if (!audit || typeof audit.numericValue !== 'number') throw new Error(`Lighthouse gave no LCP for ${url}: ${result?.lhr.runtimeError?.message ?? audit?.errorMessage ?? 'no result'}`);
  return audit.numericValue;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

export interface LcpResult {
  throttling: Throttling;
  appMs: number[];
  bareMs: number[];
  appMedianMs: number;
  bareMedianMs: number;
  ratio: number;
}

export async function measureLcp(distDir: string, throttling: Throttling, runs = 3): Promise<LcpResult> {
  const bare = barePage(readFileSync(path.join(distDir, 'index.html'), 'utf8'));
  const server = await serveCompressed(distDir, { '/bare.html': bare });
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  try {
    const appMs: number[] = [];
    const bareMs: number[] = [];
    // Alternate the two pages so any drift in the machine's load affects both alike.
    for (let run = 0; run < runs; run++) {
      appMs.push(await lcpOnce(chrome.port, server.url, throttling));
      bareMs.push(await lcpOnce(chrome.port, `${server.url}bare.html`, throttling));
    }
    const appMedianMs = median(appMs);
    const bareMedianMs = median(bareMs);
    return { throttling, appMs, bareMs, appMedianMs, bareMedianMs, ratio: appMedianMs / bareMedianMs };
  } finally {
    chrome.kill();
    await server.close();
  }
}
