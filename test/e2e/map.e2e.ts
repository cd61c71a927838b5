/**
 * The map view in Chromium. Tests that draw districts need a build made with boundaries:
 *   BOUNDARIES_FILE=/path/to/lad-2024-05-uk.topo.json npx tsx scripts/build-boundaries.ts && npx vite build
 * Without data/boundaries.topo.json in the build they are skipped; the fallback tests
 * always run (they remove the file from what the server serves).
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { validateCsv } from '../../src/lib/data/validate.ts';
import { collectProblems, launch, openPage, serveDist, type StaticServer } from './browser.ts';
import { DIST_DIR } from './server.ts';

/** E2E_DIST lets one engineer test their own build without touching the shared one. */
const ROOT = process.env.E2E_DIST ?? DIST_DIR;
const BOUNDARIES = path.join(ROOT, 'data/boundaries.topo.json');
const HAS_BOUNDARIES = existsSync(BOUNDARIES);
const SKIP_NOTE = HAS_BOUNDARIES ? '' : ` — SKIPPED: ${BOUNDARIES} is missing; build with BOUNDARIES_FILE set (see the top of this file)`;
if (!HAS_BOUNDARIES) {
  console.warn(`[map.e2e] Skipping the tests that draw districts: ${BOUNDARIES} is missing. Build with BOUNDARIES_FILE=… npx tsx scripts/build-boundaries.ts, then npx vite build. The no-boundaries fallback tests still run.`);
}

/** The districts of each combined authority, from the build's own areas.csv, so adding a region needs no test change. */
function districtsByRegion(): Map<string, string[]> {
  const { rows } = validateCsv('areas', readFileSync(path.join(ROOT, 'data/areas.csv'), 'utf8'));
  const regions = new Map<string, string[]>();
  for (const area of rows) {
    if (area.area_type === 'local_authority' && area.parent_code) regions.set(area.parent_code, [...(regions.get(area.parent_code) ?? []), area.area_code]);
  }
  return regions;
}

const REGIONS = districtsByRegion();
const DISTRICT_SHAPES = '.leaflet-overlay-pane path[data-area-code]:not([data-context="neighbour"])';
const NEIGHBOUR_SHAPES = '.leaflet-overlay-pane path[data-context="neighbour"]';

async function districtCodes(page: Page): Promise<string[]> {
  await page.locator(DISTRICT_SHAPES).first().waitFor();
  return page.locator(DISTRICT_SHAPES).evaluateAll((paths) => paths.map((p) => p.getAttribute('data-area-code') ?? ''));
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's WCAG 2.2 AA and best-practice violations, as "rule: selector" lines. */
async function axeViolations(page: Page): Promise<string[]> {
  // evaluate() rather than a script tag: the site's CSP rightly forbids inline scripts.
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(options: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] });
    return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')}`));
  });
}

const focusedCode = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-area-code') ?? null);

let browser: Browser;
beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

describe.skipIf(!HAS_BOUNDARIES)(`map: draws districts${SKIP_NOTE}`, () => {
  let server: StaticServer;
  beforeAll(async () => {
    server = await serveDist({ root: ROOT });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('knows the two seed regions from areas.csv', () => {
    expect(REGIONS.get('E47000004')).toHaveLength(6);
    expect(REGIONS.get('E47000007')).toHaveLength(7);
  });

  it.each([
    ['#/map', 'E47000004', 6],
    ['#/map?region=E47000004', 'E47000004', 6],
    ['#/map?region=E47000007', 'E47000007', 7],
    ['#/map?region=not-a-region', 'E47000004', 6],
  ])('%s shows the region’s %s districts (%i), grey neighbours and the attribution', async (route, region, count) => {
    const page = await openPage(browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);
    await page.goto(server.url + route);
    const codes = await districtCodes(page);
    expect(codes).toHaveLength(count);
    expect(codes).toEqual(REGIONS.get(region));
    expect(await page.locator(NEIGHBOUR_SHAPES).count()).toBeGreaterThan(0);
    // Neighbours are context only: not focusable, not in the table.
    expect(await page.locator(`${NEIGHBOUR_SHAPES}[tabindex]`).count()).toBe(0);
    expect(await page.locator('tbody tr[data-row-code]').count()).toBe(count);
    await expect.poll(() => page.locator('.attribution').textContent()).toMatch(/Office for National Statistics.*Open Government Licence v\.3\.0.*database right 2024/s);
    await page.waitForLoadState('networkidle');
    expect(problems.all()).toEqual([]);
    // No basemap is configured, so nothing leaves the site.
    expect(server.requests.every((p) => !p.startsWith('http'))).toBe(true);
    await page.context().close();
  });

  it('every district shape is labelled for assistive technology and carries its code', async () => {
    const page = await openPage(browser, { width: 375, height: 812 });
    await page.goto(`${server.url}#/map?region=E47000007`);
    await districtCodes(page);
    const shapes = await page.locator(DISTRICT_SHAPES).evaluateAll((paths) => paths.map((p) => ({ tabindex: p.getAttribute('tabindex'), label: p.getAttribute('aria-label') ?? '' })));
    for (const shape of shapes) {
      expect(shape.tabindex).toBe('0');
      expect(shape.label).toMatch(/^[A-Z][A-Za-z ]+: Population [\d,]+ \(in 2021\); rank \d of 7, highest first\.$/);
    }
    await page.context().close();
  });

  it('keyboard: Tab reaches a district; arrows move between districts, updating the live region and the table', async () => {
    const page = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(`${server.url}#/map`);
    await districtCodes(page);
    await page.locator('#map-indicator').focus();
    for (let i = 0; i < 8 && !(await focusedCode(page)); i++) await page.keyboard.press('Tab');
    const first = await focusedCode(page);
    expect(first).toBe(REGIONS.get('E47000004')?.[0]);

    const live = page.locator('[aria-live="polite"].focus-status');
    await expect.poll(() => live.textContent()).toMatch(/^Halton: Population 128,500 \(in 2021\); rank 6 of 6, highest first\.$/);
    expect(await page.locator('tbody tr[aria-current="true"]').getAttribute('data-row-code')).toBe(first);
    // Focus shows what hover shows: the tooltip.
    await expect.poll(() => page.locator('.leaflet-tooltip.map-tooltip').textContent()).toContain('Rank 6 of 6');

    await page.keyboard.press('ArrowLeft');
    const second = await focusedCode(page);
    expect(second).not.toBe(first);
    expect(REGIONS.get('E47000004')).toContain(second);
    await expect.poll(() => page.locator('tbody tr[aria-current="true"]').getAttribute('data-row-code')).toBe(second);
    const name = await page.locator(`tbody tr[data-row-code="${second}"] th button`).evaluate((button) => button.firstChild?.textContent ?? '');
    await expect.poll(() => live.textContent()).toContain(`${name}: Population`);
    expect(await page.locator('tbody tr[aria-current="true"]').count()).toBe(1);

    // Arrow keys must not scroll the page or pan the map away.
    const scroll = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => window.scrollY)).toBe(scroll);
    await page.context().close();
  });

  it.each(['E47000004', 'E47000007'])('keyboard: in %s every district can be reached with the arrow keys', async (region) => {
    const page = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(`${server.url}#/map?region=${region}`);
    const codes = await districtCodes(page);
    const reached = new Set<string>([codes[0] ?? '']);
    const queue = [codes[0] ?? ''];
    while (queue.length > 0) {
      const from = queue.shift() ?? '';
      for (const key of ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown']) {
        await page.locator(`${DISTRICT_SHAPES}[data-area-code="${from}"]`).focus();
        await page.keyboard.press(key);
        const to = await focusedCode(page);
        if (to && !reached.has(to)) {
          reached.add(to);
          queue.push(to);
        }
      }
    }
    expect([...reached].sort()).toEqual([...codes].sort());
    await page.context().close();
  });

  it.each([375, 1280])('has no axe-core violations at %ipx, with a district focused', async (width) => {
    const page = await openPage(browser, { width, height: 900 });
    await page.goto(`${server.url}#/map?region=E47000007`);
    await districtCodes(page);
    await page.locator(DISTRICT_SHAPES).first().focus();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the table’s district buttons move focus to the district on the map', async () => {
    const page = await openPage(browser, { width: 375, height: 812 });
    await page.goto(`${server.url}#/map?region=E47000007`);
    await districtCodes(page);
    await page.locator('tbody tr[data-row-code="E08000026"] button').click();
    expect(await focusedCode(page)).toBe('E08000026');
    await page.context().close();
  });

  it('the region switch puts the region in the URL and redraws', async () => {
    const page = await openPage(browser, { width: 1280, height: 900 });
    await page.goto(`${server.url}#/map`);
    await districtCodes(page);
    await page.locator('#map-region').selectOption('E47000007');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('region=E47000007');
    await expect.poll(async () => (await districtCodes(page)).length).toBe(7);
    await page.context().close();
  });

  it('can be left and reopened: the old map is removed, a new one drawn, nothing throws', async () => {
    const page = await openPage(browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);
    await page.goto(`${server.url}#/map`);
    await districtCodes(page);
    for (const hash of ['#/', '#/map?region=E47000007', '#/compare', '#/map']) {
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await page.locator('main h1').first().waitFor();
      if (hash.startsWith('#/map')) await districtCodes(page);
      else await expect.poll(() => page.locator('.leaflet-container').count()).toBe(0);
    }
    expect(await page.locator('.leaflet-container').count()).toBe(1);
    expect(await districtCodes(page)).toHaveLength(6);
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('loads Leaflet and the boundaries only when the map view opens', async () => {
    const page = await openPage(browser, { width: 1280, height: 900 });
    server.requests.length = 0;
    await page.goto(server.url, { waitUntil: 'networkidle' });
    expect(server.requests.filter((p) => /leaflet|boundaries/.test(p))).toEqual([]);
    await page.evaluate(() => {
      location.hash = '#/map';
    });
    await districtCodes(page);
    expect(server.requests.some((p) => /\/assets\/leaflet[^/]*\.js$/.test(p))).toBe(true);
    expect(server.requests.some((p) => p.endsWith('/data/boundaries.topo.json'))).toBe(true);
    await page.context().close();
  });
});

describe('map: without boundaries, the figures are shown as a table', () => {
  let withoutFile: string;
  let servers: StaticServer[] = [];

  beforeAll(() => {
    // A copy of the build without the boundaries file, so the server answers 404 for it.
    withoutFile = mkdtempSync(path.join(tmpdir(), 'map-e2e-'));
    cpSync(ROOT, withoutFile, { recursive: true, filter: (source) => path.basename(source) !== 'boundaries.topo.json' });
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
    rmSync(withoutFile, { recursive: true, force: true });
  });

  it.each([
    ['missing (404)', () => serveDist({ root: withoutFile }), /built without a boundaries file/],
    ['not JSON', () => serveDist({ root: ROOT, overrides: { '/data/boundaries.topo.json': 'this is not json' } }), /not valid JSON/],
    ['not TopoJSON', () => serveDist({ root: ROOT, overrides: { '/data/boundaries.topo.json': '{"type":"FeatureCollection","features":[]}' } }), /not TopoJSON/],
    [
      'damaged (an arc index out of range)',
      () => serveDist({ root: ROOT, overrides: { '/data/boundaries.topo.json': JSON.stringify({ type: 'Topology', arcs: [[[0, 0], [1, 1]]], objects: { districts: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', id: 'E08000025', arcs: [[5]] }] } } }) } }),
      /damaged: the shape of E08000025 uses arc 5/,
    ],
  ])('boundaries file %s', async (_, start, reason) => {
    const server = await start();
    servers.push(server);
    for (const width of [375, 1280]) {
      const page = await openPage(browser, { width, height: 900 });
      const problems = collectProblems(page);
      await page.goto(`${server.url}#/map?region=E47000007`);
      const notice = page.locator('.map-fallback');
      await notice.waitFor();
      expect(await notice.innerText()).toMatch(/The map cannot be drawn:/);
      expect(await notice.innerText()).toMatch(reason);
      expect(await notice.innerText()).toMatch(/shown in the table below/);
      expect(await page.locator('tbody tr[data-row-code]').count()).toBe(7);
      expect(await page.locator('.leaflet-container').count()).toBe(0);
      expect(await axeViolations(page)).toEqual([]);
      await page.waitForLoadState('networkidle');
      // The only acceptable problem is the 404 itself.
      expect(problems.pageErrors).toEqual([]);
      expect(problems.badResponses.filter((r) => !r.endsWith('/data/boundaries.topo.json'))).toEqual([]);
      await page.context().close();
    }
  });
});
