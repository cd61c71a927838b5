/**
 * Lighthouse mobile LCP and total blocking time of a built page beside two "bare" pages
 * with the same prerendered markup, all served from one local static server:
 * - bare: the page with every script removed (its CSS kept, inline or linked). The ratio
 *   shows what the app's JavaScript adds to the first meaningful paint.
 * - text only: the page with every script, stylesheet and <style> removed, the same text
 *   and nothing else: the fastest paint that content can have. The ratio shows what CSS
 *   and scripts together add (a render-blocking stylesheet costs a round trip).
 *
 * Two throttling methods, both Lighthouse's mobile profile (slow 4G, 4x CPU slowdown):
 * - devtools: the browser really is throttled and LCP is the paint it records.
 * - simulate (Lighthouse's default): LCP is estimated from an unthrottled load, counting
 *   every request that finished before the paint there. The dashboard asks for its
 *   scripts only after the first paint (public/start-app.js), so on both methods LCP
 *   waits only for the HTML (its CSS is inline), as on the bare page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { serveCompressed } from './static-server.ts';
import { median } from 'd3-array';

const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A built page with every script and preload removed: the same first paint, no app. */
export function barePage(html: string): string {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>\s*/g, '')
    .replace(/<link\b[^>]*\brel="modulepreload"[^>]*>\s*/g, '');
}

/** A built page reduced to its text and markup: no script, no stylesheet, no <style>. */
export function textOnlyPage(html: string): string {
  return barePage(html)
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>\s*/g, '')
    .replace(/<link\b[^>]*\brel="stylesheet"[^>]*>\s*/g, '');
}

export type Throttling = 'devtools' | 'simulate';

interface Audited {
  lcpMs: number;
  tbtMs: number;
}

async function auditOnce(port: number, url: string, throttlingMethod: Throttling): Promise<Audited> {
  const result = await lighthouse(url, { port, output: 'json', logLevel: 'error', onlyAudits: ['largest-contentful-paint', 'total-blocking-time'], throttlingMethod });
  const lcp = result?.lhr.audits['largest-contentful-paint'];
  const tbt = result?.lhr.audits['total-blocking-time'];
  if (!lcp || typeof lcp.numericValue !== 'number') throw new Error(`Lighthouse gave no LCP for ${url}: ${result?.lhr.runtimeError?.message ?? lcp?.errorMessage ?? 'no result'}`);
  if (!tbt || typeof tbt.numericValue !== 'number') throw new Error(`Lighthouse gave no total blocking time for ${url}: ${tbt?.errorMessage ?? 'no result'}`);
  return { lcpMs: lcp.numericValue, tbtMs: tbt.numericValue };
}

export interface LcpResult {
  throttling: Throttling;
  /** The page measured, relative to dist (e.g. "index.html"). */
  page: string;
  appMs: number[];
  bareMs: number[];
  textOnlyMs: number[];
  tbtMs: number[];
  appMedianMs: number;
  bareMedianMs: number;
  textOnlyMedianMs: number;
  tbtMedianMs: number;
  /** app ÷ bare (scripts removed, CSS kept). */
  ratio: number;
  /** app ÷ text only (scripts and CSS removed). */
  textOnlyRatio: number;
}

/** `page` is a built HTML file with its query, e.g. "index.html" or "embed/deal-breakdown.html". */
export async function measureLcp(distDir: string, throttling: Throttling, runs = 3, page = 'index.html'): Promise<LcpResult> {
  const file = page.replace(/[?#].*$/, '');
  const html = readFileSync(path.join(distDir, file), 'utf8');
  // Beside the page, so its relative URLs resolve the same way.
  const dir = path.posix.dirname(`/${file}`).replace(/\/$/, '');
  const bareUrl = `${dir}/__bench-bare.html`;
  const textUrl = `${dir}/__bench-text-only.html`;
  const server = await serveCompressed(distDir, { [bareUrl]: barePage(html), [textUrl]: textOnlyPage(html) });
  const chrome = await chromeLauncher.launch({ chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', chromeFlags: CHROME_FLAGS });
  try {
    const appMs: number[] = [];
    const tbtMs: number[] = [];
    const bareMs: number[] = [];
    const textOnlyMs: number[] = [];
    // Alternate the pages so any drift in the machine's load affects them alike.
    for (let run = 0; run < runs; run++) {
      const app = await auditOnce(chrome.port, new URL(page === 'index.html' ? '' : page, server.url).href, throttling);
      appMs.push(app.lcpMs);
      tbtMs.push(app.tbtMs);
      bareMs.push((await auditOnce(chrome.port, new URL(bareUrl.slice(1), server.url).href, throttling)).lcpMs);
      textOnlyMs.push((await auditOnce(chrome.port, new URL(textUrl.slice(1), server.url).href, throttling)).lcpMs);
    }
    const appMedianMs = median(appMs) ?? Number.NaN;
    const bareMedianMs = median(bareMs) ?? Number.NaN;
    const textOnlyMedianMs = median(textOnlyMs) ?? Number.NaN;
    return {
      throttling,
      page,
      appMs,
      bareMs,
      textOnlyMs,
      tbtMs,
      appMedianMs,
      bareMedianMs,
      textOnlyMedianMs,
      tbtMedianMs: median(tbtMs) ?? Number.NaN,
      ratio: appMedianMs / bareMedianMs,
      textOnlyRatio: appMedianMs / textOnlyMedianMs,
    };
  } finally {
    chrome.kill();
    await server.close();
  }
}
