/**
 * Content-Security-Policy in the production build: every page carries the policy as a
 * <meta> tag, dist/_headers carries the same policy for hosts that read it, and no view
 * (every link in the main navigation, the data checker with files loaded, and the embed
 * page once it exists) does anything the policy blocks.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { contentSecurityPolicy } from '../../scripts/build/csp.ts';
import { inlineScriptHashes, inlineStyleHashes } from '../../scripts/build/security-plugin.ts';
import { STATIC_COMPARE_PATH } from '../../scripts/build/static-charts.ts';
import { openPage } from './browser.ts';
import { DIST_DIR, REPO_ROOT } from './server.ts';

const CSP_SELECTOR = 'meta[http-equiv="Content-Security-Policy"]';

/** A built page's own policy: the site's, plus the hashes of the CSS (and any inline script) the build put in it. */
const pagePolicy = (file: string) => {
  const html = readFileSync(path.join(DIST_DIR, file), 'utf8');
  return contentSecurityPolicy({ styleHashes: inlineStyleHashes(html), scriptHashes: inlineScriptHashes(html) });
};
/** Every dashboard page's inline style hashes, as dist/_headers repeats them for each (the static compare page has its policy in its meta tag only). */
const siteHashes = (hashes: (html: string) => string[]) => [...new Set(readdirSync(DIST_DIR).filter((file) => file.endsWith('.html') && file !== STATIC_COMPARE_PATH).flatMap((file) => hashes(readFileSync(path.join(DIST_DIR, file), 'utf8'))))].sort();

const site = useSite();

interface Watched {
  page: Page;
  /** Everything the policy blocked, from the page's own events and from the console. */
  violations(): Promise<string[]>;
}

/** A page that records CSP violations from before its first script runs. */
async function watchedPage(width = 1280): Promise<Watched> {
  const page = await openPage(site.browser, { width, height: 900 });
  const consoleHits: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) consoleHits.push(`console: ${message.text()}`);
  });
  // Init scripts are injected through DevTools, so the policy under test does not block them.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.defineProperty(window, '__cspViolations', { value: seen });
    document.addEventListener('securitypolicyviolation', (event) => {
      seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} at ${event.sourceFile}:${event.lineNumber} ${event.sample}`);
    });
  });
  return {
    page,
    violations: async () => [...(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)), ...consoleHits],
  };
}

async function settle(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // Lazy views render after their chunk and data arrive; give effects a frame or two.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

/** Every route the main navigation links to, plus a map deep link with a parameter. */
async function navRoutes(): Promise<string[]> {
  const { page } = await watchedPage();
  await page.goto(site.server.url);
  const hrefs = await page.locator('nav[aria-label="Main"] a[href^="#/"]').evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''));
  await page.context().close();
  return [...new Set([...hrefs, '#/map?region=E47000007'])];
}

describe('the policy itself', () => {
  it('is a meta tag right after the charset, before anything it governs, with no eval and no inline script but the starter, by hash', async () => {
    const html = readFileSync(path.join(DIST_DIR, 'index.html'), 'utf8');
    const head = html.slice(0, html.indexOf('</head>'));
    expect(head).toMatch(/^<!doctype html>\s*<html[^>]*>\s*<head>\s*<meta charset="UTF-8" \/>\s*<meta http-equiv="Content-Security-Policy"/i);
    const { page } = await watchedPage();
    await page.goto(site.server.url);
    const policy = await page.locator(CSP_SELECTOR).getAttribute('content');
    expect(policy).toBe(pagePolicy('index.html'));
    const directives = new Map((policy ?? '').split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
    // The one inline script is the starter (public/start-app.js), allowed by its hash alone.
    expect(directives.get('script-src')).toEqual(["'self'", ...inlineScriptHashes(html)]);
    expect(inlineScriptHashes(html)).toHaveLength(1);
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('object-src')).toEqual(["'none'"]);
    expect(directives.get('style-src')).not.toContain("'unsafe-inline'");
    // Browsers ignore frame-ancestors in a meta tag and log an error: it belongs in the header.
    expect(directives.has('frame-ancestors')).toBe(false);
    // No third-party origin anywhere.
    expect([...directives.values()].flat().filter((v) => /^(https?:|\*)/.test(v))).toEqual([]);
    await page.context().close();
  });

  it('is in every built HTML page', () => {
    const pages = readdirSync(DIST_DIR).filter((file) => file.endsWith('.html'));
    expect(pages).toContain('index.html');
    for (const file of pages) {
      expect(readFileSync(path.join(DIST_DIR, file), 'utf8'), file).toContain(`<meta http-equiv="Content-Security-Policy" content="${pagePolicy(file)}" />`);
    }
  });

  it('is repeated in dist/_headers with frame-ancestors, which only a header can carry', () => {
    const headers = readFileSync(path.join(DIST_DIR, '_headers'), 'utf8');
    expect(headers).toContain(`Content-Security-Policy: ${contentSecurityPolicy({ frameAncestors: "'none'", styleHashes: siteHashes(inlineStyleHashes), scriptHashes: siteHashes(inlineScriptHashes) })}\n`);
    expect(headers).toMatch(/^\/embed\/\*\n {2}Content-Security-Policy: frame-ancestors \*$/m);
    expect(headers).toMatch(/^\/compare\.html\n {2}Content-Security-Policy: frame-ancestors 'none'$/m);
    expect(headers).toMatch(/^\/embed\.html\n {2}Content-Security-Policy: .*frame-ancestors \*$/m);
    expect(headers).toContain('X-Content-Type-Options: nosniff');
    expect(headers).toContain('Referrer-Policy: strict-origin-when-cross-origin');
  });

  it('is a policy the detector below really enforces (a forbidden inline style is reported)', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(site.server.url);
    await settle(page);
    await page.evaluate(() => {
      const style = document.createElement('style');
      style.textContent = 'body { outline: 1px solid red; }';
      document.head.append(style);
    });
    await expect.poll(async () => (await violations()).join('\n')).toContain('style-src-elem');
    await page.context().close();
  });
});

describe('no view is blocked by the policy', () => {
  it('on every route in the main navigation, at phone and desktop widths', async () => {
    const routes = await navRoutes();
    expect(routes).toEqual(expect.arrayContaining(['#/', '#/map', '#/compare', '#/data']));
    for (const route of routes) {
      for (const width of [375, 1280]) {
        const { page, violations } = await watchedPage(width);
        await page.goto(site.server.url + route);
        await page.locator('main h1').first().waitFor();
        await settle(page);
        expect(await violations(), `${route} @${width}`).toEqual([]);
        await page.context().close();
      }
    }
  });

  it('while the data checker validates uploaded files (worker and file reading)', async () => {
    const { page, violations } = await watchedPage();
    await page.goto(`${site.server.url}#/data`);
    await page.locator('main h1').first().waitFor();
    const input = page.locator('input[type="file"]').first();
    if ((await input.count()) > 0) {
      const dataDir = path.join(REPO_ROOT, 'public/data');
      const files = readdirSync(dataDir).filter((file) => file.endsWith('.csv')).map((file) => path.join(dataDir, file));
      await input.setInputFiles(files);
      await settle(page);
      await page.waitForTimeout(500);
    }
    expect(await violations()).toEqual([]);
    await page.context().close();
  });

  it.runIf(existsSync(path.join(DIST_DIR, 'embed.html')))('on the embed page', async () => {
    const { page, violations } = await watchedPage(600);
    await page.goto(`${site.server.url}embed.html`);
    await settle(page);
    expect(await page.locator(CSP_SELECTOR).getAttribute('content')).toBe(pagePolicy('embed.html'));
    expect(await violations()).toEqual([]);
    await page.context().close();
  });
});
