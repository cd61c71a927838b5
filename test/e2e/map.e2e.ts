/**
 * The map view in Chromium. The boundaries are committed (public/data/boundaries.topo.json),
 * so every test runs on a fresh clone; the fallback tests remove or replace the file in
 * what the server serves. Regions, districts and figures come from the build's areas.csv.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatIndicatorValue } from '../../src/lib/data/indicators/format.ts';
import { parsePeriod } from '../../src/lib/data/indicators/period.ts';
import { validateMetadata, validateTidyCsv } from '../../src/lib/data/indicators/validate.ts';
import { validateCsv } from '../../src/lib/data/validate.ts';
import { collectProblems, launch, openPage, serveDist, type PageProblems, type StaticServer } from './browser.ts';
import { useServer } from './site.ts';
import { FORWARDED_EMBED } from './static.ts';
import { DIST_DIR } from './server.ts';
import { exploreMap, LIVE_DISTRICTS } from './map-live.ts';

/** E2E_DIST lets one engineer test their own build without touching the shared one. */
const ROOT = process.env.E2E_DIST ?? DIST_DIR;
const AREAS = validateCsv('areas', readFileSync(path.join(ROOT, 'data/areas.csv'), 'utf8')).rows;

/** The districts of each combined authority, from the build's own areas.csv, so adding a region needs no test change. */
function districtsByRegion(): Map<string, string[]> {
  const regions = new Map<string, string[]>(AREAS.filter((area) => area.area_type === 'combined_authority').map((area) => [area.area_code, []]));
  for (const area of AREAS) {
    if (area.area_type === 'local_authority' && area.parent_code) regions.get(area.parent_code)?.push(area.area_code);
  }
  return regions;
}

const REGIONS = districtsByRegion();
/** The map opens on the first combined authority in areas.csv when the URL names none. */
const FIRST_REGION = [...REGIONS.keys()][0] ?? '';
const districtsOf = (region: string) => REGIONS.get(region) ?? [];

/** What the map announces for a district's population: name, figure and rank in its region, from areas.csv. */
/** Announcements isolate names and labels (FSI…PDI); these checks read the words around them. */
const withoutIsolates = (text: string | null) => (text ?? '').replace(/[\u2068\u2069]/gu, '');

function populationAnnouncement(code: string): string {
  const district = AREAS.find((area) => area.area_code === code);
  const siblings = AREAS.filter((area) => area.area_type === 'local_authority' && area.parent_code === district?.parent_code);
  const rank = [...siblings].sort((a, b) => b.population - a.population).findIndex((area) => area.area_code === code) + 1;
  return `${district?.short_name}: Population ${district?.population.toLocaleString('en-GB')} (in ${district?.population_year}); rank ${rank} of ${siblings.length}, highest first.`;
}
/** The build's official statistics: an indicator's metadata and its tidy file, read as the data layer reads them. */
const INDICATOR_META = validateMetadata(readFileSync(path.join(ROOT, 'data/indicators/indicators.csv'), 'utf8')).rows;
function indicatorRows(id: string) {
  const meta = INDICATOR_META.find((m) => m.indicator_id === id);
  if (!meta) throw new Error(`indicators.csv has no ${id}`);
  const file = `indicators/${meta.dataset}`;
  const rows = validateTidyCsv(file, readFileSync(path.join(ROOT, 'data', file), 'utf8'), { metadata: INDICATOR_META }).rows.filter((r) => r.indicatorId === id);
  return { meta, rows };
}
/** The cell text of the period an indicator's file labels `label` ("2024/25"). */
function periodWithLabel(rows: readonly { period: string }[], label: string): string {
  const period = [...new Set(rows.map((r) => r.period))].find((raw) => {
    const parsed = parsePeriod(raw);
    return parsed.ok && parsed.period.label === label;
  });
  if (!period) throw new Error(`no period labelled ${label}`);
  return period;
}
/** Combined authorities in areas.csv that have districts: the shapes of the national view. */
const MAPPED_REGIONS = [...REGIONS.entries()].filter(([, codes]) => codes.length > 0).map(([code]) => code);

const DISTRICT_SHAPES = LIVE_DISTRICTS;
const NEIGHBOUR_SHAPES = '.leaflet-overlay-pane path[data-context="neighbour"]';

/** The live map's district codes, once the reader has reached for the map (it paints a static drawing first). */
async function districtCodes(page: Page): Promise<string[]> {
  await exploreMap(page);
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

/** A fresh page at a route of `server`, once its districts are drawn: the page, its problems and the drawn districts' codes. */
async function openMap(server: StaticServer, route: string, viewport = { width: 1280, height: 900 }): Promise<{ page: Page; problems: PageProblems; codes: string[] }> {
  const page = await openPage(browser, viewport);
  const problems = collectProblems(page);
  await page.goto(server.url + route);
  return { page, problems, codes: await districtCodes(page) };
}

const focusedCode = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('data-area-code') ?? null);

let browser: Browser;
beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

describe('map: draws districts', () => {
  const server = useServer({ root: ROOT });

  it('knows every combined authority in areas.csv, each with districts', () => {
    expect(REGIONS.size).toBeGreaterThanOrEqual(2);
    for (const codes of REGIONS.values()) expect(codes.length).toBeGreaterThan(0);
  });

  it.each([
    ['#/map', FIRST_REGION],
    ...[...REGIONS.keys()].map((region) => [`#/map?region=${region}`, region]),
    ['#/map?region=not-a-region', FIRST_REGION],
  ])('%s shows the districts of %s, grey neighbours and the attribution', async (route, region) => {
    const count = districtsOf(region).length;
    const { page, problems, codes } = await openMap(server, route);
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

  it('#/map?region=E47000001 draws Greater Manchester’s districts from areas.csv, with no axe-core violations', async () => {
    const { page, problems, codes } = await openMap(server, '#/map?region=E47000001');
    expect(codes).toEqual(districtsOf('E47000001'));
    expect(codes.length).toBeGreaterThan(0);
    expect(await page.locator('#map-region').inputValue()).toBe('E47000001');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('every district shape is labelled for assistive technology and carries its code', async () => {
    const { page } = await openMap(server, '#/map?region=E47000007&indicator=population', { width: 375, height: 812 });
    const shapes = await page.locator(DISTRICT_SHAPES).evaluateAll((paths) => paths.map((p) => ({ tabindex: p.getAttribute('tabindex'), label: p.getAttribute('aria-label') ?? '' })));
    for (const shape of shapes) {
      expect(shape.tabindex).toBe('0');
      expect(withoutIsolates(shape.label)).toMatch(new RegExp(`^[A-Z][A-Za-z ]+: Population [\\d,]+ \\(in \\d{4}\\); rank \\d+ of ${districtsOf('E47000007').length}, highest first\\.$`));
    }
    await page.context().close();
  });

  it('keyboard: Tab reaches a district; arrows move between districts, updating the live region and the table', async () => {
    const { page } = await openMap(server, '#/map?indicator=population');
    await page.locator('#map-indicator').focus();
    for (let i = 0; i < 8 && !(await focusedCode(page)); i++) await page.keyboard.press('Tab');
    const first = await focusedCode(page);
    expect(first).toBe(districtsOf(FIRST_REGION)[0]);

    const live = page.locator('[aria-live="polite"].focus-status');
    await expect.poll(async () => withoutIsolates(await live.textContent())).toBe(populationAnnouncement(first ?? ''));
    expect(await page.locator('tbody tr[aria-current="true"]').getAttribute('data-row-code')).toBe(first);
    // Focus shows what hover shows: the tooltip.
    await expect.poll(() => page.locator('.leaflet-tooltip.map-tooltip').textContent()).toMatch(new RegExp(`Rank \\d+ of ${districtsOf(FIRST_REGION).length}`));

    await page.keyboard.press('ArrowLeft');
    const second = await focusedCode(page);
    expect(second).not.toBe(first);
    expect(districtsOf(FIRST_REGION)).toContain(second);
    await expect.poll(() => page.locator('tbody tr[aria-current="true"]').getAttribute('data-row-code')).toBe(second);
    const name = await page.locator(`tbody tr[data-row-code="${second}"] th button`).evaluate((button) => button.firstChild?.textContent ?? '');
    await expect.poll(async () => withoutIsolates(await live.textContent())).toContain(`${name}: Population`);
    expect(await page.locator('tbody tr[aria-current="true"]').count()).toBe(1);

    // Arrow keys must not scroll the page or pan the map away.
    const scroll = await page.evaluate(() => window.scrollY);
    await page.keyboard.press('ArrowDown');
    expect(await page.evaluate(() => window.scrollY)).toBe(scroll);
    await page.context().close();
  });

  it.each([...REGIONS.keys()])('keyboard: in %s every district can be reached with the arrow keys', async (region) => {
    const { page, codes } = await openMap(server, `#/map?region=${region}`);
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
    const { page } = await openMap(server, '#/map?region=E47000007', { width, height: 900 });
    await page.locator(DISTRICT_SHAPES).first().focus();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the table’s district buttons move focus to the district on the map', async () => {
    const { page } = await openMap(server, '#/map?region=E47000007', { width: 375, height: 812 });
    await page.locator('tbody tr[data-row-code="E08000026"] button').click();
    expect(await focusedCode(page)).toBe('E08000026');
    await page.context().close();
  });

  it('the region switch puts the region in the URL and redraws', async () => {
    const { page } = await openMap(server, '#/map');
    await page.locator('#map-region').selectOption('E47000007');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain('region=E47000007');
    await expect.poll(async () => (await districtCodes(page)).length).toBe(districtsOf('E47000007').length);
    await page.context().close();
  });

  it('can be left and reopened: the old map is removed, a new one drawn, nothing throws', async () => {
    const { page, problems } = await openMap(server, '#/map');
    for (const hash of ['#/', '#/map?region=E47000007', '#/compare', '#/map']) {
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await page.locator('main h1').first().waitFor();
      if (hash.startsWith('#/map')) await districtCodes(page);
      else await expect.poll(() => page.locator('.leaflet-container').count()).toBe(0);
    }
    expect(await page.locator('.leaflet-container').count()).toBe(1);
    expect(await districtCodes(page)).toHaveLength(districtsOf(FIRST_REGION).length);
    expect(problems.pageErrors).toEqual([]);
    await page.context().close();
  });

  it('loads the boundaries only when the map view opens, and Leaflet only when the reader reaches for the map', async () => {
    const page = await openPage(browser, { width: 1280, height: 900 });
    server.requests.length = 0;
    await page.goto(server.url, { waitUntil: 'networkidle' });
    expect(server.requests.filter((p) => /leaflet|boundaries/.test(p))).toEqual([]);
    await page.evaluate(() => {
      location.hash = '#/map';
    });
    await page.locator('.map-stage .still svg').waitFor();
    await page.waitForLoadState('networkidle');
    expect(server.requests.some((p) => p.endsWith('/data/boundaries.topo.json'))).toBe(true);
    expect(server.requests.filter((p) => /\/assets\/leaflet[^/]*\.js$/.test(p))).toEqual([]);
    await districtCodes(page);
    expect(server.requests.some((p) => /\/assets\/leaflet[^/]*\.js$/.test(p))).toBe(true);
    expect(server.requests.some((p) => p.endsWith('/data/boundaries.topo.json'))).toBe(true);
    await page.context().close();
  });
});

describe('map: official statistics and the national view', () => {
  const server = useServer({ root: ROOT });

  const STARTS = 'apprenticeship-starts';
  const starts = indicatorRows(STARTS);
  const P2425 = periodWithLabel(starts.rows, '2024/25');
  const KNOWSLEY = AREAS.find((a) => a.short_name === 'Knowsley')?.area_code ?? '';
  const startsRoute = `#/map?region=E47000004&indicator=${STARTS}&period=${encodeURIComponent(P2425)}`;

  it("#/map?region=E47000004 with no indicator opens on the first official statistic in indicators.csv, at its latest period", async () => {
    const { page } = await openMap(server, '#/map?region=E47000004', { width: 375, height: 812 });
    const first = INDICATOR_META[0];
    await expect.poll(() => page.locator('#map-indicator').inputValue()).toBe(first?.indicator_id);
    if (first?.indicator_id === STARTS) {
      const latest = [...new Set(starts.rows.filter((r) => r.areaCode === KNOWSLEY && r.value !== null).map((r) => r.period))].sort().pop();
      const knowsley = starts.rows.find((r) => r.areaCode === KNOWSLEY && r.period === latest);
      await expect.poll(() => page.locator(`tbody tr[data-row-code="${KNOWSLEY}"]`).innerText()).toContain(formatIndicatorValue(starts.meta, knowsley?.value ?? NaN));
    }
    await page.context().close();
  });

  it(`${startsRoute}: every district coloured, Knowsley's value as in the ONS file, England in the legend, sources a click away`, async () => {
    const { page, problems, codes } = await openMap(server, startsRoute);
    expect(codes).toEqual(districtsOf('E47000004'));
    // A coloured district has a palette fill, not the "no data" hatch.
    const fills = await page.locator(DISTRICT_SHAPES).evaluateAll((paths) => paths.map((p) => p.getAttribute('fill') ?? ''));
    expect(fills.every((fill) => /^#[0-9a-f]{6}$/i.test(fill))).toBe(true);

    const knowsley = starts.rows.find((r) => r.areaCode === KNOWSLEY && r.period === P2425);
    expect(knowsley?.value).not.toBeNull();
    const expected = formatIndicatorValue(starts.meta, knowsley?.value ?? NaN);
    const row = page.locator(`tbody tr[data-row-code="${KNOWSLEY}"]`);
    expect(await row.innerText()).toContain(expected);
    expect(await row.innerText()).toMatch(/England/);

    const england = starts.rows.find((r) => r.areaCode === 'E92000001' && r.period === P2425);
    expect(await page.locator('[data-england]').innerText()).toContain(formatIndicatorValue(starts.meta, england?.value ?? NaN));
    expect(await page.locator('#map-period').inputValue()).toBe(P2425);
    expect(await page.locator('#map-indicator optgroup').evaluateAll((groups) => groups.map((g) => g.getAttribute('label')))).toEqual(['Official statistics', 'From announcements']);
    expect(await page.locator('#map-indicator optgroup[label="Official statistics"] option').count()).toBe(INDICATOR_META.length);

    await row.locator('details.source summary').click();
    const source = await row.locator('details.source').innerText();
    expect(source).toContain(starts.meta.source_title);
    expect(source).toContain(starts.meta.publisher);
    expect(source).toContain(starts.meta.licence);
    expect(await page.locator('.attribution').innerText()).toMatch(/Open Government Licence v3\.0/);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('marks rows the publisher flags in the table and the tooltip', async () => {
    // The first flagged row (status or note) for a district in areas.csv, in any indicator's file.
    const flagged = INDICATOR_META.flatMap((meta) => indicatorRows(meta.indicator_id).rows.map((row) => ({ meta, row }))).find(
      ({ row }) => (row.status !== null || row.notes !== null) && AREAS.some((a) => a.area_code === row.areaCode && a.area_type === 'local_authority'),
    );
    // The published files flag rows today; if a release ever flags none, there is nothing to mark.
    if (!flagged) return;
    const region = AREAS.find((a) => a.area_code === flagged.row.areaCode)?.parent_code ?? '';
    const { page } = await openMap(server, `#/map?region=${region}&indicator=${flagged.meta.indicator_id}&period=${encodeURIComponent(flagged.row.period)}`);
    const row = page.locator(`tbody tr[data-row-code="${flagged.row.areaCode}"]`);
    await expect.poll(() => row.locator('[data-flag]').count()).toBe(1);
    expect(await row.locator('[data-flag]').innerText()).toMatch(/^⚑ Publisher's flag: /);
    await page.locator(`${DISTRICT_SHAPES}[data-area-code="${flagged.row.areaCode}"]`).focus();
    await expect.poll(() => page.locator('.leaflet-tooltip.map-tooltip').textContent()).toMatch(/⚑ Publisher's flag: /);
    expect(await page.locator('[aria-live="polite"].focus-status').textContent()).toMatch(/Publisher's flag: /);
    await page.context().close();
  });

  it('reads only the indicator file the map needs, and none for population', async () => {
    const page = await openPage(browser, { width: 1280, height: 900 });
    server.requests.length = 0;
    await page.goto(`${server.url}#/map?region=E47000004&indicator=population`);
    await districtCodes(page);
    await page.waitForLoadState('networkidle');
    const datasetFiles = (requests: string[]) => requests.filter((p) => /\/data\/indicators\/(?!indicators\.csv)/.test(p));
    expect(datasetFiles(server.requests)).toEqual([]);
    await page.locator('#map-indicator').selectOption(STARTS);
    await expect.poll(() => page.locator(`tbody tr[data-row-code="${KNOWSLEY}"]`).innerText()).toContain('per 100,000');
    expect(datasetFiles(server.requests).map((p) => p.split('/').pop())).toEqual([starts.meta.dataset]);
    await page.context().close();
  });

  it('the indicator and period pickers round-trip through the URL', async () => {
    const { page } = await openMap(server, '#/map?region=E47000004');
    await page.locator('#map-indicator').selectOption(STARTS);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`indicator=${STARTS}`);
    await page.locator('#map-period').waitFor();
    const periods = await page.locator('#map-period option').evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
    const earlier = periods.at(-2) ?? '';
    await page.locator('#map-period').selectOption(earlier);
    await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash))).toContain(`period=${earlier}`);
    const hash = await page.evaluate(() => location.hash);
    await page.reload();
    await districtCodes(page);
    expect(await page.evaluate(() => location.hash)).toBe(hash);
    expect(await page.locator('#map-indicator').inputValue()).toBe(STARTS);
    await expect.poll(() => page.locator('#map-period').inputValue()).toBe(earlier);
    expect(await page.locator('h2').first().innerText()).toContain(parsePeriod(earlier).ok ? (parsePeriod(earlier) as { period: { label: string } }).period.label : '');
    await page.context().close();
  });

  it(`#/map?region=E92000001 draws one shape per combined authority in areas.csv (${MAPPED_REGIONS.length} today), with no axe-core violations`, async () => {
    for (const width of [375, 1280]) {
      const { page, problems, codes } = await openMap(server, '#/map?region=E92000001', { width, height: 900 });
      expect([...codes].sort()).toEqual([...MAPPED_REGIONS].sort());
      expect(await page.locator('#map-region').inputValue()).toBe('E92000001');
      expect(await page.locator('#map-region option').first().innerText()).toBe('England: all combined authorities');
      expect(await page.locator('tbody tr[data-row-code]').count()).toBe(MAPPED_REGIONS.length);
      expect(await axeViolations(page)).toEqual([]);
      // The national view forwards to its static map page; that may abort embed.html's own request.
      expect(problems.all(FORWARDED_EMBED)).toEqual([]);
      await page.context().close();
    }
  });

  it('national view: keyboard (Tab, arrows, Home/End, live region) and Enter opens the district map', async () => {
    const { page, codes } = await openMap(server, `#/map?region=E92000001&indicator=${STARTS}`);
    await page.locator('#map-period').focus();
    for (let i = 0; i < 8 && !(await focusedCode(page)); i++) await page.keyboard.press('Tab');
    const first = await focusedCode(page);
    expect(first).toBe(codes[0]);
    const live = page.locator('[aria-live="polite"].focus-status');
    const name = AREAS.find((a) => a.area_code === first)?.short_name ?? '';
    await expect.poll(() => live.textContent()).toMatch(new RegExp(`^${name}: Apprenticeship starts .*combined authorities.*Press Enter to open its district map\\.$`));
    await page.keyboard.press('End');
    expect(await focusedCode(page)).toBe(codes.at(-1));
    await page.keyboard.press('Home');
    expect(await focusedCode(page)).toBe(codes[0]);
    await page.keyboard.press('ArrowRight');
    const moved = await focusedCode(page);
    expect(codes).toContain(moved);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`region=${moved}`);
    await expect.poll(async () => (await districtCodes(page)).sort().join()).toBe([...districtsOf(moved ?? '')].sort().join());
    expect(await page.evaluate(() => location.hash)).toContain(`indicator=${STARTS}`);
    await page.context().close();
  });

  it('national view: clicking a combined authority opens its district map', async () => {
    const { page } = await openMap(server, '#/map?region=E92000001');
    const target = MAPPED_REGIONS[0] ?? '';
    await page.locator(`${DISTRICT_SHAPES}[data-area-code="${target}"]`).click({ force: true });
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`region=${target}`);
    await expect.poll(async () => (await districtCodes(page)).length).toBe(districtsOf(target).length);
    await page.context().close();
  });

  it('the map embed shows an official indicator and the national view', async () => {
    for (const query of [`?chart=map&region=E47000004&indicator=${STARTS}&period=${encodeURIComponent(P2425)}`, '?chart=map&region=E92000001']) {
      const { page, problems, codes } = await openMap(server, `embed.html${query}`);
      if (query.includes('E92000001')) expect(codes.length).toBe(MAPPED_REGIONS.length);
      else {
        expect(codes).toEqual(districtsOf('E47000004'));
        await expect.poll(() => page.locator(`tbody tr[data-row-code="${KNOWSLEY}"]`).innerText()).toContain('per 100,000');
      }
      expect(await axeViolations(page)).toEqual([]);
      // The national view forwards to its static map page; that may abort embed.html's own request.
      expect(problems.all(FORWARDED_EMBED)).toEqual([]);
      await page.context().close();
    }
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
    ['missing (404)', () => serveDist({ root: withoutFile }), /boundaries file is missing/],
    // A single-page host (vite preview) answers a missing file with index.html.
    ['answered with index.html', () => serveDist({ root: ROOT, overrides: { '/data/boundaries.topo.json': readFileSync(path.join(ROOT, 'index.html')) } }), /boundaries file is missing/],
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
      expect(await page.locator('tbody tr[data-row-code]').count()).toBe(districtsOf('E47000007').length);
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
