/**
 * Static map first (scripts/build/static-maps.ts, components/map/MapStage.svelte): every
 * region's static map page shows its map as SVG, key, table and sources with JavaScript
 * off; with JavaScript it loads only its small loader until the reader reaches for the
 * map, then Leaflet takes over in place, drawing the same districts in the same colours;
 * the dashboard's map view paints the same drawing and waits for the reader too.
 * Regions, districts and shapes come from the build's own data, so a region added to the
 * data needs no change here.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { validateCsv } from '../../src/lib/data/validate.ts';
import { STATIC_MAP_WIDTHS, staticMapPath } from '../../src/lib/map/static-map.ts';
import { exploreMap, fillsByCode, LIVE_DISTRICTS, STILL_DISTRICTS } from './map-live.ts';
import { DIST_DIR } from './server.ts';
import { useSite } from './site.ts';
import { axeViolations } from './axe.ts';
import { newPage } from './static.ts';

const site = useSite();
const AREAS = validateCsv('areas', readFileSync(path.join(DIST_DIR, 'data/areas.csv'), 'utf8')).rows;
const SHAPES = new Set<string>(
  (JSON.parse(readFileSync(path.join(DIST_DIR, 'data/boundaries.topo.json'), 'utf8')) as { objects: { districts: { geometries: { id: string }[] } } }).objects.districts.geometries.map((g) => g.id),
);
const NATIONAL = 'E92000001';
const districtsOf = (region: string) => AREAS.filter((a) => a.area_type === 'local_authority' && a.parent_code === region).map((a) => a.area_code);
/** Combined authorities with districts in areas.csv: the regions the map offers. */
const REGIONS = AREAS.filter((a) => a.area_type === 'combined_authority' && districtsOf(a.area_code).length > 0).map((a) => a.area_code);
/** What each page maps: a region's districts with a shape, or for England each combined authority with one. */
const mappedOf = (region: string) => (region === NATIONAL ? REGIONS.filter((r) => districtsOf(r).some((d) => SHAPES.has(d))) : districtsOf(region).filter((d) => SHAPES.has(d)));
const PAGES = [NATIONAL, ...REGIONS];
const FIRST = REGIONS[0] ?? '';

/** The still drawing shown (a static map page carries a second one, for the other page width, hidden). */
const stillFills = (page: Page) =>
  page.locator(STILL_DISTRICTS).evaluateAll((paths) => paths.filter((p) => (p.closest('svg')?.getBoundingClientRect().width ?? 0) > 0).map((p) => ({ code: p.getAttribute('data-code'), fill: p.getAttribute('fill') })));
const liveFills = (page: Page) => page.locator(LIVE_DISTRICTS).evaluateAll((paths) => paths.map((p) => ({ code: p.getAttribute('data-area-code'), fill: p.getAttribute('fill') })));
/** Observable Plot's default class name, in its chunk (the charts keep it: scripts/build/csp.ts). */
const PLOT_CLASS = 'plot-d6a7b5';
const isLeaflet = (url: string) => /\/assets\/leaflet[^/]*\.js$/.test(url);

describe('static map pages', () => {
  it('the build writes one page per region the map offers, and England', () => {
    const written = readdirSync(path.join(DIST_DIR, 'embed')).filter((file) => file.startsWith('map-'));
    expect(written.sort()).toEqual(PAGES.map((region) => path.basename(staticMapPath(region))).sort());
  });

  it.each([
    ['E47000004', 'embed/map-E47000004.html'],
    ['E92000001', 'embed/map-E92000001.html'],
  ])('staticMapPath(%s) is %s', (region, file) => {
    expect(staticMapPath(region)).toBe(file);
    expect(existsSync(path.join(DIST_DIR, file))).toBe(true);
  });

  it('with JavaScript off, every page shows its map with one shape per area, the key, the table and sources, and nothing is blocked', async () => {
    const { page, blocked } = await newPage(site.browser, false, 700);
    for (const region of PAGES) {
      await page.goto(`${site.server.url}${staticMapPath(region)}`);
      const expected = mappedOf(region);
      const svg = page.locator('.map-stage svg[role="img"]:visible');
      expect(await svg.count(), region).toBe(1);
      expect(await svg.isVisible()).toBe(true);
      expect(await svg.getAttribute('aria-label')).toMatch(/^Map of /);
      expect((await stillFills(page)).map((shape) => shape.code).sort(), region).toEqual([...expected].sort());
      expect(await page.locator('.legend').isVisible()).toBe(true);
      expect(await page.locator('.legend li').count()).toBeGreaterThan(1);
      expect(await page.locator('table tbody tr[data-row-code]').count(), region).toBe(region === NATIONAL ? REGIONS.length : districtsOf(region).length);
      expect((await page.locator('.summary').textContent())?.trim()).not.toBe('');
      expect(await page.locator('.attribution').textContent()).toMatch(/Office for National Statistics.*Open Government Licence/s);
      expect(await page.locator('table tbody details, table tbody a[href^="http"]').count()).toBeGreaterThan(0);
      // What needs a script is hidden or disabled without one.
      expect(await page.locator('[data-map-explore]').isVisible()).toBe(false);
      expect(await page.locator('.controls select:not([disabled])').count()).toBe(0);
      expect(await page.getByRole('link', { name: /City region skills dashboard/ }).count()).toBe(1);
    }
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it.each([
    [375, STATIC_MAP_WIDTHS.narrow],
    [1280, STATIC_MAP_WIDTHS.wide],
  ])('at %ipx it shows the drawing made for that width (%ipx), the same areas in the same colours', async (width, drawn) => {
    const { page } = await newPage(site.browser, false, width);
    await page.goto(`${site.server.url}${staticMapPath(FIRST)}`);
    const shown = page.locator('.map-stage svg[role="img"]:visible');
    expect(await shown.count()).toBe(1);
    expect(await shown.getAttribute('viewBox')).toMatch(new RegExp(`^0 0 ${drawn} `));
    const codes = Object.keys(fillsByCode(await stillFills(page))).sort();
    expect(codes).toEqual([...mappedOf(FIRST)].sort());
    await page.context().close();
  });

  it.each([375, 1280])('has no axe-core violations as a page without its script, at %ipx', async (width) => {
    // axe needs JavaScript, so the page is served without its one (inline) script instead: the markup a reader without JavaScript gets.
    const { page } = await newPage(site.browser, true, width);
    await page.route('**/embed/map-*.html', async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      expect(html).toMatch(/<script type="module" data-embed-scripts=/);
      await route.fulfill({ response, body: html.replace(/<script\b[\s\S]*?<\/script>/g, '') });
    });
    await page.goto(`${site.server.url}${staticMapPath(FIRST)}`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-map-explore]').isVisible()).toBe(false);
    expect(await axeViolations(page, ['best-practice'])).toEqual([]);
    await page.context().close();
  });

  it('with JavaScript, requests no script file before interaction (its starter is inline); a pointer on the map takes it over in place', async () => {
    const { page, blocked, scripts, errors } = await newPage(site.browser, true);
    await page.goto(`${site.server.url}${staticMapPath(FIRST)}`);
    await page.locator('[data-map-explore]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts).toEqual([]);
    const built = fillsByCode(await stillFills(page));

    await page.locator('.map-stage .still').hover();
    await page.locator(LIVE_DISTRICTS).first().waitFor();
    expect(scripts.some(isLeaflet)).toBe(true);
    // The same districts in the same colours, and the static drawing gone once Leaflet has drawn.
    await expect.poll(async () => fillsByCode(await liveFills(page))).toEqual(built);
    await expect.poll(() => page.locator('.map-stage .still').count()).toBe(0);
    expect(await page.locator('.controls select:not([disabled])').count()).toBeGreaterThan(0);
    expect(await page.locator('.map-actions').count()).toBe(1);
    // The map never needs Plot (its chunk is recognised by Plot's default class name).
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((url) => readFileSync(path.join(DIST_DIR, url.replace(/^\//, '')), 'utf8').includes(PLOT_CLASS))).toEqual([]);
    expect(blocked).toEqual([]);
    expect(errors).toEqual([]);
    expect(await axeViolations(page, ['best-practice'])).toEqual([]);
    await page.context().close();
  });

  it.each([
    ['Leaflet', '**/assets/leaflet*.js'],
    ['the loader', '**/assets/static-map-*.js'],
  ])('if %s cannot be downloaded, the static map stays, and the next reach for it tries again', async (_what, blocked) => {
    const { page } = await newPage(site.browser, true);
    await page.route(blocked, (route) => route.abort());
    await page.goto(`${site.server.url}${staticMapPath(FIRST)}`);
    await page.locator('[data-map-explore]').waitFor();
    await page.locator('.map-stage .still').hover();
    await page.waitForLoadState('networkidle');
    expect(await page.locator(`${STILL_DISTRICTS}`).count()).toBeGreaterThan(0);
    expect(await page.locator('.leaflet-container').count()).toBe(0);
    await page.unroute(blocked);
    await page.mouse.move(0, 0);
    await page.locator('.map-stage .still').hover();
    await page.locator(LIVE_DISTRICTS).first().waitFor();
    await page.context().close();
  });

  it('keyboard: "Explore the map" starts the live map and moves focus to its first area', async () => {
    const { page, errors } = await newPage(site.browser, true);
    await page.goto(`${site.server.url}${staticMapPath(FIRST)}`);
    await page.locator('[data-map-explore]').waitFor();
    for (let i = 0; i < 10 && !(await page.evaluate(() => document.activeElement?.hasAttribute('data-map-explore'))); i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.hasAttribute('data-map-explore'))).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-area-code') ?? null)).toBe(mappedOf(FIRST)[0]);
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-area-code') ?? null)).not.toBeNull();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('the national page agrees with its live map: one shape per combined authority, same colours', async () => {
    const { page } = await newPage(site.browser, false);
    await page.goto(`${site.server.url}${staticMapPath(NATIONAL)}`);
    const built = fillsByCode(await stillFills(page));
    await page.context().close();
    expect(Object.keys(built).sort()).toEqual([...mappedOf(NATIONAL)].sort());
    const live = await newPage(site.browser, true);
    await live.page.goto(`${site.server.url}${staticMapPath(NATIONAL)}`);
    await live.page.locator('[data-map-explore]').waitFor();
    await live.page.locator('.map-stage .still').hover();
    await live.page.locator(LIVE_DISTRICTS).first().waitFor();
    await expect.poll(async () => fillsByCode(await liveFills(live.page))).toEqual(built);
    await live.page.context().close();
  });
});

describe('the dashboard map view', () => {
  it('paints the static drawing the build made, and loads Leaflet only when the reader reaches for the map', async () => {
    const { page: still } = await newPage(site.browser, false);
    await still.goto(`${site.server.url}${staticMapPath(FIRST)}`);
    const built = fillsByCode(await stillFills(still));
    await still.context().close();

    const { page, scripts, errors } = await newPage(site.browser, true, 1280);
    await page.goto(`${site.server.url}#/map?region=${FIRST}`);
    await page.locator(STILL_DISTRICTS).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(fillsByCode(await stillFills(page))).toEqual(built);
    expect(scripts.filter(isLeaflet)).toEqual([]);
    expect(await page.locator('table tbody tr[data-row-code]').count()).toBe(districtsOf(FIRST).length);
    expect(await axeViolations(page, ['best-practice'])).toEqual([]);

    await exploreMap(page);
    expect(scripts.some(isLeaflet)).toBe(true);
    expect(fillsByCode(await liveFills(page))).toEqual(built);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a table row\'s "show on the map" starts the live map and focuses that district', async () => {
    const { page } = await newPage(site.browser, true, 375);
    await page.goto(`${site.server.url}#/map?region=${FIRST}`);
    await page.locator(STILL_DISTRICTS).first().waitFor();
    const target = districtsOf(FIRST).at(-1) ?? '';
    await page.locator(`tbody tr[data-row-code="${target}"] button`).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-area-code') ?? null)).toBe(target);
    await page.context().close();
  });
});
