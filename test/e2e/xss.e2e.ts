/**
 * Data is text: script payloads in every text column of every CSV must show as text on
 * every view and never run. Checked in the production build with the CSVs swapped by
 * the test server, with the Content-Security-Policy bypassed (the rendering itself must
 * be safe; the CSP is a second line) and with it on (no violations should even be
 * attempted). Also: a javascript: source URL is refused and never becomes a link;
 * uploaded files and file names on #/data are shown as text; and the build-time
 * prerender of the headline escapes hostile CSVs.
 *
 * Serves E2E_DIST when set (e.g. a build in /tmp), else dist/.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hostileDataFiles, IMG_PAYLOAD, JAVASCRIPT_URL, PAYLOADS, sourcesWithJavascriptUrl } from '../fixtures/xss/hostile-data.ts';
import { collectProblems, launch, serveDist, type StaticServer } from './browser.ts';
import { useServer } from './site.ts';
import { DIST_DIR, REPO_ROOT } from './server.ts';
import { exploreMap } from './map-live.ts';

const DIST = process.env.E2E_DIST ?? DIST_DIR;
const ROUTES = ['#/', '#/compare', '#/map', '#/data'] as const;

const published = (file: string) => readFileSync(join(REPO_ROOT, 'public/data', file), 'utf8');
const hostileFiles = hostileDataFiles(published);
const asOverrides = (files: Record<string, string>) => Object.fromEntries(Object.entries(files).map(([file, text]) => [`/data/${file}`, text]));

interface Visit {
  page: Page;
  /** Messages of any alert/confirm/prompt the page opened (dismissed at once). */
  dialogs: string[];
  pageErrors: string[];
}

let browser: Browser;
beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

async function visit(server: StaticServer, route: string, options: { bypassCSP: boolean; javaScriptEnabled?: boolean }): Promise<Visit> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const problems = collectProblems(page);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // Record CSP violations: with the policy on, an injected handler would be blocked, not run.
  await page.addInitScript(() => {
    const store = window as unknown as { __cspViolations: string[] };
    store.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => store.__cspViolations.push(`${event.violatedDirective}: ${event.sample || event.blockedURI}`));
  });
  await page.goto(server.url + route);
  await page.waitForLoadState('networkidle');
  if (options.javaScriptEnabled !== false) {
    // The view and its data have loaded once no "Loading…" status is left.
    await page.waitForFunction(() => !document.querySelector('main .loading'), undefined, { timeout: 20_000 });
  }
  return { page, dialogs, pageErrors: problems.pageErrors };
}

/** Open what is folded away and point at charts and map shapes, so tooltips and popups render too. */
async function revealEverything(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const details of document.querySelectorAll('details')) details.open = true;
  });
  // The map's live layer (tooltips, labels) loads when the reader reaches for the map.
  if ((await page.locator('main .map-stage .still').count()) > 0) await exploreMap(page);
  const shapes = page.locator('main .leaflet-interactive');
  const shapeCount = Math.min(await shapes.count(), 15);
  for (let i = 0; i < shapeCount; i++) {
    await shapes.nth(i).hover({ force: true, timeout: 2_000 }).catch(() => undefined);
    await shapes.nth(i).click({ force: true, timeout: 2_000 }).catch(() => undefined);
  }
  const charts = page.locator('main svg');
  const chartCount = Math.min(await charts.count(), 8);
  for (let i = 0; i < chartCount; i++) {
    const box = await charts.nth(i).boundingBox();
    if (!box || box.width < 40) continue;
    for (const fraction of [0.2, 0.4, 0.6, 0.8]) await page.mouse.move(box.x + box.width * fraction, box.y + box.height / 2);
  }
}

/** Anything the payloads would have created had they been parsed as HTML. */
function findInjected(): string[] {
  const found: string[] = [];
  for (const element of document.querySelectorAll('*')) {
    for (const attribute of element.getAttributeNames()) {
      if (/^on/i.test(attribute)) found.push(`<${element.localName} ${attribute}>`);
      if (/^(href|src|xlink:href|action|formaction)$/i.test(attribute) && /^\s*javascript:/i.test(element.getAttribute(attribute) ?? '')) {
        found.push(`<${element.localName} ${attribute}="${element.getAttribute(attribute)}">`);
      }
    }
  }
  for (const element of document.querySelectorAll('iframe, object, embed')) found.push(`<${element.localName}>`);
  for (const image of document.querySelectorAll('img')) {
    if (/^(x|y)$/.test(image.getAttribute('src') ?? '')) found.push(`<img src=${image.getAttribute('src')}>`);
  }
  for (const script of document.querySelectorAll('script')) {
    const text = script.textContent ?? '';
    // The prerendered data block holds the CSV texts as JSON with "<" escaped; any other script with data in it is injected.
    if (script.type === 'application/json' ? text.includes('<') : text.includes('__xss')) found.push(`<script type="${script.type}">${text.slice(0, 80)}`);
  }
  return found;
}

async function expectNothingRan(visit: Visit, { cspOn }: { cspOn: boolean }): Promise<void> {
  const { page } = visit;
  expect(await page.evaluate(findInjected)).toEqual([]);
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  expect(visit.dialogs).toEqual([]);
  expect(visit.pageErrors).toEqual([]);
  if (cspOn) expect(await page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations)).toEqual([]);
}

describe.each([
  ['with the CSP bypassed', true],
  ['with the CSP on', false],
])('payloads in every text column (%s)', (_mode, bypassCSP) => {
  const server = useServer({ root: DIST, overrides: asOverrides(hostileFiles) });

  it.each(ROUTES)('%s shows them as text and runs nothing', async (route) => {
    const current = await visit(server, route, { bypassCSP });
    const { page } = current;
    if (route === '#/') {
      // The hostile files replaced the prerendered data, and the payload is on screen as text.
      await page.getByText(IMG_PAYLOAD).first().waitFor({ timeout: 20_000 });
      expect(await page.getByText(PAYLOADS[2]).count()).toBeGreaterThan(0);
    }
    // Every hostile file validated, so nothing was left out unrendered.
    expect(await page.getByTestId('data-error-panel').count()).toBe(0);
    await revealEverything(page);
    await expectNothingRan(current, { cspOn: !bypassCSP });
    await page.context().close();
  });

  it('would notice a payload that did get into the page (canary)', async () => {
    const current = await visit(server, '#/', { bypassCSP });
    await current.page.evaluate(() => {
      const image = document.createElement('img');
      image.setAttribute('src', 'x');
      image.setAttribute('onerror', 'window.__xss=1');
      document.querySelector('main')?.append(image);
    });
    await current.page.waitForTimeout(500);
    expect(await current.page.evaluate(findInjected)).toEqual(['<img onerror>', '<img src=x>']);
    const ran = await current.page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss);
    const violations = await current.page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
    // Without the CSP the handler runs; with it, it is blocked and reported.
    expect(ran).toBe(bypassCSP ? 1 : undefined);
    expect(violations.length > 0).toBe(!bypassCSP);
    await current.page.context().close();
  });
});

describe('a javascript: URL in sources.csv', () => {
  const server = useServer({ root: DIST, overrides: { '/data/sources.csv': sourcesWithJavascriptUrl(published('sources.csv')) } });

  it('is reported on the error panel as text, with its line and column', async () => {
    const current = await visit(server, '#/', { bypassCSP: true });
    const panel = current.page.getByTestId('data-error-panel');
    await panel.waitFor({ timeout: 20_000 });
    const text = await panel.textContent();
    expect(text).toContain('sources.csv');
    expect(text).toContain(`line 2, column url: "${JAVASCRIPT_URL}"`);
    await current.page.context().close();
  });

  it.each(ROUTES)('%s never renders it as a link', async (route) => {
    const current = await visit(server, route, { bypassCSP: true });
    await revealEverything(current.page);
    expect(await current.page.locator('a[href*="javascript:" i]').count()).toBe(0);
    await expectNothingRan(current, { cspOn: false });
    await current.page.context().close();
  });
});

describe('uploads on #/data', () => {
  const server = useServer({ root: DIST });

  it('shows hostile cells and file names as text', async () => {
    const current = await visit(server, '#/data', { bypassCSP: true });
    const { page } = current;
    const input = page.locator('input[type="file"]');
    expect(await input.count()).toBe(1);
    const [header = '', ...rows] = (hostileFiles['funding.csv'] ?? '').split('\n');
    // A bad amount puts the payload in the issue list; the other rows are valid and sampled.
    const badRow = rows[0]?.replace(/,(\d+),(exact|up_to|about|more_than),/, `,${IMG_PAYLOAD},$2,`) ?? '';
    const funding = [header, badRow, ...rows.slice(1)].join('\n');
    await input.setInputFiles([
      { name: 'funding.csv', mimeType: 'text/csv', buffer: Buffer.from(funding) },
      { name: `${PAYLOADS[0]}.csv`, mimeType: 'text/csv', buffer: Buffer.from(hostileFiles['sources.csv'] ?? '') },
      { name: `${PAYLOADS[1]}.txt`, mimeType: 'text/plain', buffer: Buffer.from('not a csv') },
    ]);
    await page.locator('[data-file="funding.csv"][data-status="done"]').waitFor({ timeout: 30_000 });
    await page.waitForLoadState('networkidle');
    expect(await page.getByText(IMG_PAYLOAD).count()).toBeGreaterThan(0);
    await revealEverything(page);
    await expectNothingRan(current, { cspOn: false });
    await page.context().close();
  });
});

/** This process's environment minus what vitest sets (NODE_ENV=test, VITEST…), which would make the child build a dev build. */
function buildEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('VITEST')));
}

describe('the build-time prerender with hostile CSVs', () => {
  let workDir: string;
  let server: StaticServer;
  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'xss-build-'));
    const publicDir = join(workDir, 'public');
    const outDir = join(workDir, 'dist');
    cpSync(join(REPO_ROOT, 'public'), publicDir, { recursive: true });
    for (const [file, text] of Object.entries(hostileFiles)) writeFileSync(join(publicDir, 'data', file), text);
    await promisify(execFile)('npx', ['vite', 'build', '-c', 'test/fixtures/xss/vite.hostile.config.ts'], {
      cwd: REPO_ROOT,
      env: { ...buildEnv(), XSS_PUBLIC_DIR: publicDir, XSS_OUT_DIR: outDir },
      maxBuffer: 16 * 1024 * 1024,
    });
    server = await serveDist({ root: outDir });
  }, 180_000);
  afterAll(async () => {
    await server?.close();
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('escapes every payload in index.html', async () => {
    const html = await (await fetch(server.url)).text();
    expect(html).toContain('&lt;img src=x onerror=window.__xss=1>');
    // Each payload's opening "<" must be written &lt;, so none of them is markup.
    const unescaped = ['<img src=x', '<img src=y', '<svg onload', '<script>window.__xss', '<iframe', '<a href="javascript:'].filter((raw) => html.includes(raw));
    expect(unescaped).toEqual([]);
  });

  it('shows the payloads as text before any script runs', async () => {
    const current = await visit(server, '#/', { bypassCSP: true, javaScriptEnabled: false });
    expect(await current.page.getByText(IMG_PAYLOAD).count()).toBeGreaterThan(0);
    expect(await current.page.evaluate(findInjected)).toEqual([]);
    expect(current.dialogs).toEqual([]);
    await current.page.context().close();
  });

  it('hydrates without running them', async () => {
    const current = await visit(server, '#/', { bypassCSP: true });
    await current.page.getByText(IMG_PAYLOAD).first().waitFor();
    await revealEverything(current.page);
    await expectNothingRan(current, { cspOn: false });
    await current.page.context().close();
  });
});
