/** Headless Chromium for the browser tests and the scripts: launch, pages, problem collection, serving the build. */
import { chromium, type Browser, type Page } from 'playwright-core';
import { findChromium } from './chromium.ts';
import { serveStatic, type ServeOptions, type StaticServer } from './serve.ts';

export type { ServeOptions, StaticServer };

// Flags keep headless Chromium quiet and deterministic: no sandbox (root in
// containers), no GPU, and no background traffic that could show up as
// unexpected network requests.
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Launch headless Chromium. In tests pass `inject('chromiumPath')` (resolved
 * once by globalSetup); scripts outside vitest may omit it.
 */
export function launch(executablePath: string = findChromium()): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS] });
}

export interface ViewportOptions {
  width: number;
  height: number;
  deviceScaleFactor?: number;
  reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * New page in its own context (isolated storage). Close with
 * `page.context().close()`, or just close the browser.
 */
export async function openPage(browser: Browser, viewport: ViewportOptions): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: viewport.deviceScaleFactor ?? 1,
    reducedMotion: viewport.reducedMotion ?? 'no-preference',
  });
  return context.newPage();
}

export interface PageProblems {
  /** console.error messages (includes Chromium's "Failed to load resource" lines). */
  consoleErrors: string[];
  /** Uncaught exceptions and unhandled rejections in the page. */
  pageErrors: string[];
  /** Requests that never got a response (network error, aborted, blocked). */
  failedRequests: string[];
  /** Responses with status >= 400, as "<status> <url>". */
  badResponses: string[];
  /** Everything above, prefixed by kind, less lines matching `expected`; `expect(p.all()).toEqual([])` gives a readable diff. */
  all(expected?: RegExp): string[];
}

/** Start recording errors for a page. Call before `page.goto` so load-time errors are caught. */
export function collectProblems(page: Page): PageProblems {
  const problems: PageProblems = {
    consoleErrors: [],
    pageErrors: [],
    failedRequests: [],
    badResponses: [],
    all: (expected?: RegExp) => [
      ...problems.pageErrors.map((m) => `pageerror: ${m}`),
      ...problems.consoleErrors.map((m) => `console.error: ${m}`),
      ...problems.failedRequests.map((m) => `requestfailed: ${m}`),
      ...problems.badResponses.map((m) => `response: ${m}`),
    ].filter((line) => !expected?.test(line)),
  };
  page.on('console', (msg) => {
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.consoleErrors.push(loc.url ? `${msg.text()} (${loc.url}:${loc.lineNumber})` : msg.text());
    }
  });
  page.on('pageerror', (err) => problems.pageErrors.push(err.stack ?? err.message));
  page.on('requestfailed', (req) =>
    problems.failedRequests.push(`${req.failure()?.errorText ?? 'failed'} ${req.method()} ${req.url()}`),
  );
  page.on('response', (res) => {
    if (res.status() >= 400) problems.badResponses.push(`${res.status()} ${res.url()}`);
  });
  return problems;
}

/** Serve the production build (`dist/` by default); see ServeOptions for sub-paths and overrides. */
export function serveDist(options: ServeOptions = {}): Promise<StaticServer> {
  return serveStatic(options);
}
