/**
 * The static chart pages (dist/embed/<id>.html and dist/compare.html, scripts/build/static-charts.ts):
 * with JavaScript off each shows its charts drawn at build time, tables, summaries and
 * sources, and nothing the policy blocks. With JavaScript on, no script file loads before
 * the reader reaches for a chart (the starter is inline); then the interactive chart takes the drawing over
 * in place: the same marks, text and pixels, focus where it was, and a press made while
 * the script loaded answered. embed.html?chart=<id> forwards to the chart's page.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe.ts';
import { collectProblems, openPage } from './browser.ts';
import { useSite } from './site.ts';
import { newPage } from './static.ts';
import { NARROW_BELOW_PX, STATIC_CHART_WIDTHS, STATIC_COMPARE_PATH, staticChartPath } from '../../scripts/build/static-charts.ts';
import { CHART_IDS } from '../../src/lib/charts/registry.ts';
import { DIST_DIR } from './server.ts';

/** A host page that frames a static chart page and keeps every height it is sent. */
const HOST_PAGE = (src: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><script>window.heights = []; addEventListener('message', (event) => heights.push(event.data.height));</script></head><body><iframe src="${src}" width="600" height="150" title="chart"></iframe></body></html>`;
const site = useSite({ overrides: { '/host-static.html': HOST_PAGE(`/${staticChartPath(CHART_IDS[0] ?? '')}`) } });

/** What a reader sees of a drawing: each element with its geometry and classes from Plot, and every text. */
async function drawing(page: Page, scope = 'body'): Promise<{ width: string | null; marks: string[]; text: string[] }> {
  return page.locator(`${scope} figure svg[role="img"]:visible`).first().evaluate((svg) => {
    const GEOMETRY = ['d', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'width', 'height', 'transform', 'fill', 'stroke', 'points', 'cx', 'cy', 'r'];
    return {
      width: svg.getAttribute('width'),
      marks: [...svg.querySelectorAll('*')]
        .filter((element) => element.tagName.toLowerCase() !== 'style')
        .map((element) => [element.tagName.toLowerCase(), ...GEOMETRY.map((name) => element.getAttribute(name) ?? '')].join(' ')),
      text: [...svg.querySelectorAll('text, title')].map((element) => element.textContent ?? ''),
    };
  });
}

/** A page with JavaScript off at `address`, recording what the policy blocked. */
async function noScriptPage(browser: Browser, address: string): Promise<{ page: Page; blocked: string[] }> {
  const { page, blocked } = await newPage(browser, false, 700);
  await page.goto(address);
  return { page, blocked };
}

/** Waits until no static chart is left: every one has been taken over. */
const takenOver = (page: Page) => page.waitForFunction(() => document.querySelectorAll('[data-static-chart]').length === 0, undefined, { timeout: 30_000 });
const scriptsRequested = () => site.server.requests.filter((url) => url.endsWith('.js'));

describe.each(CHART_IDS.map((id) => [id]))('the static page for %s', (id) => {
  it('shows chart, table, summary and sources with JavaScript off, and no button that needs a script', async () => {
    const { page, blocked } = await noScriptPage(site.browser, `${site.server.url}${staticChartPath(id)}`);
    const figure = page.locator(`figure[data-chart-id="${id}"]`);
    // Drawn at each width; the page shows one.
    await expect.poll(() => figure.locator('svg[role="img"]').count()).toBe(Object.keys(STATIC_CHART_WIDTHS).length);
    expect(await figure.locator('svg[role="img"]:visible').count()).toBe(1);
    expect(await figure.locator('.chart-table table').isVisible()).toBe(true);
    expect((await figure.locator('[data-chart-summary]').textContent())?.trim()).not.toBe('');
    expect(await figure.locator('[data-source-id]').count()).toBeGreaterThan(0);
    expect(await page.locator('button:visible').count()).toBe(0);
    expect(await page.getByRole('link', { name: /City region skills dashboard/ }).getAttribute('href')).toMatch(/^\.\.\/#\/compare/);
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it.each([
    [375, STATIC_CHART_WIDTHS.narrow],
    [700, STATIC_CHART_WIDTHS.wide],
  ])('at %i px loads only its starter before the reader reaches for the chart, then takes the %i px drawing over unchanged', async (width, drawnAt) => {
    expect(width < NARROW_BELOW_PX).toBe(drawnAt === STATIC_CHART_WIDTHS.narrow);
    // A phone's pixel ratio: at a ratio of 1 Plot shifts hairlines by half a pixel for crisp edges, which the build cannot know.
    const page = await openPage(site.browser, { width, height: 900, deviceScaleFactor: 2 });
    const problems = collectProblems(page);
    site.server.requests.length = 0;
    await page.goto(`${site.server.url}${staticChartPath(id)}`);
    await page.waitForLoadState('networkidle');
    // The starter is inline: no script file at all until the reader reaches for the chart.
    expect(scriptsRequested()).toEqual([]);
    expect(site.server.requests.filter((url) => url.includes('/data/'))).toEqual([]);
    const built = await drawing(page);
    expect(built.width).toBe(String(drawnAt));
    const pixels = await page.locator('.chart-plot').first().screenshot();

    // The keyboard reaches the chart: the first control in it gets focus, and keeps it.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    await takenOver(page);
    await page.waitForLoadState('networkidle');
    expect(scriptsRequested().length).toBeGreaterThan(1);
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '')).toBe(focused);
    const live = await drawing(page);
    expect(live).toEqual(built);
    expect((await page.locator('.chart-plot').first().screenshot()).equals(pixels)).toBe(true);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });
});

describe('taking over a static chart', () => {
  const [id] = CHART_IDS;

  it('answers a press made before the script was in (the table toggle)', async () => {
    const page = await openPage(site.browser, { width: 700, height: 900 });
    await page.goto(`${site.server.url}${staticChartPath(id ?? '')}`);
    const toggle = page.locator('.chart-table-toggle button').first();
    // A click with no pointer movement first: the press itself starts the script.
    await toggle.dispatchEvent('click');
    await takenOver(page);
    await expect.poll(() => page.locator('.chart-table table').first().isVisible()).toBe(true);
    expect(await page.locator('.chart-table-toggle button').first().getAttribute('aria-expanded')).toBe('true');
    await page.context().close();
  });

  it('posts the page height to a host page from the start', async () => {
    const page = await openPage(site.browser, { width: 700, height: 900 });
    await page.goto(`${site.server.url}host-static.html`);
    await expect.poll(() => page.evaluate(() => (window as unknown as { heights: number[] }).heights.length)).toBeGreaterThan(0);
    const frameHeight = await page.frameLocator('iframe').locator('[data-report-height]').evaluate((element) => Math.ceil(element.getBoundingClientRect().height));
    expect(await page.evaluate(() => (window as unknown as { heights: number[] }).heights.at(-1))).toBe(frameHeight);
    await page.context().close();
  });
});

describe('embed.html?chart=<id>', () => {
  it.each(CHART_IDS.map((id) => [id]))('forwards %s to its static page, keeping the address', async (id) => {
    const page = await openPage(site.browser, { width: 700, height: 900 });
    await page.goto(`${site.server.url}embed.html?chart=${id}#top`);
    await page.waitForURL(`**/${staticChartPath(id)}?chart=${id}#top`);
    expect(await page.locator(`[data-static-chart="${id}"] figure[data-chart-id="${id}"]`).count()).toBe(1);
    await page.context().close();
  });

  it('forwards a map embed with a region to that region’s static map, and leaves one with an indicator chosen', async () => {
    const maps = JSON.parse(/data-static-maps="([^"]*)"/.exec(readFileSync(path.join(DIST_DIR, 'embed.html'), 'utf8'))?.[1]?.replace(/&quot;/g, '"') ?? '{}') as Record<string, string>;
    const [region, file] = Object.entries(maps)[0] ?? [];
    expect(file).toBeDefined();
    const page = await openPage(site.browser, { width: 700, height: 900 });
    await page.goto(`${site.server.url}embed.html?chart=map&region=${region}`);
    await page.waitForURL(`**/${file}?chart=map&region=${region}`);
    await page.goto(`${site.server.url}embed.html?chart=map&region=${region}&indicator=population`);
    expect(new URL(page.url()).pathname).toBe('/embed.html');
    await page.context().close();
  });

  it('takes over at once when the address asks for other switches', async () => {
    const page = await openPage(site.browser, { width: 700, height: 900 });
    await page.goto(`${site.server.url}embed.html?chart=deal-breakdown&measure=per_resident`);
    await takenOver(page);
    await expect.poll(() => page.locator('caption').first().textContent()).toMatch(/per resident/i);
    expect(await page.getByRole('link', { name: /City region skills dashboard/ }).getAttribute('href')).toBe('../#/compare?deal-breakdown.measure=per_resident');
    await page.context().close();
  });
});

describe(`the static compare page (${STATIC_COMPARE_PATH})`, () => {
  it('shows every chart with its table, summary and sources with JavaScript off', async () => {
    const { page, blocked } = await noScriptPage(site.browser, `${site.server.url}${STATIC_COMPARE_PATH}`);
    expect(await page.locator('h1').textContent()).toMatch(/^Compare /);
    for (const id of CHART_IDS) {
      const figure = page.locator(`figure[data-chart-id="${id}"]`);
      expect(await figure.count()).toBe(1);
      expect(await figure.locator('.chart-table table').isVisible()).toBe(true);
      expect((await figure.locator('[data-chart-summary]').textContent())?.trim()).not.toBe('');
      expect(await figure.locator('[data-source-id]').count()).toBeGreaterThan(0);
    }
    expect(await figure(page, 'svg[role="img"]')).toBeGreaterThan(0);
    expect(await page.locator('button:visible, .chart-controls:visible').count()).toBe(0);
    expect(await page.getByRole('link', { name: 'Map' }).getAttribute('href')).toBe('./#/map');
    expect(blocked).toEqual([]);
    await page.context().close();
  });

  it('takes the charts over when a control is pressed, and answers the press', async () => {
    const page = await openPage(site.browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);
    await page.goto(`${site.server.url}${STATIC_COMPARE_PATH}`);
    const choice = page.locator('.chart-controls button[aria-pressed="false"]').first();
    const chartId = await choice.evaluate((button) => button.closest('[data-static-chart]')?.getAttribute('data-static-chart') ?? '');
    const label = ((await choice.textContent()) ?? '').trim();
    await choice.dispatchEvent('click');
    await takenOver(page);
    const figure = page.locator(`figure[data-chart-id="${chartId}"]`);
    await expect.poll(async () => (await figure.locator('.chart-controls button[aria-pressed="true"]').allTextContents()).map((text) => text.replace(/^\s*✓\s*/, '').trim())).toContain(label);
    await figure.locator('svg[role="img"]').first().waitFor();
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it.each([375, 1280])('has no axe WCAG A/AA violations at %i px', async (width) => {
    const page = await openPage(site.browser, { width, height: 900 });
    await page.goto(`${site.server.url}${STATIC_COMPARE_PATH}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(DIST_DIR, '..', 'screenshots', `static-compare-${width}.png`), fullPage: true });
    await page.context().close();
  });
});

/** How many figures hold a `selector`. */
const figure = (page: Page, selector: string) => page.locator(`figure ${selector}`).count();

it('leaves no chart page without its chart', () => {
  for (const file of [...CHART_IDS.map(staticChartPath), STATIC_COMPARE_PATH]) expect(readFileSync(path.join(DIST_DIR, file), 'utf8')).toContain('<svg');
});
