/**
 * embed.html in the production build: one chart (or the map) with its title, summary,
 * sources and a link back; only the code that chart needs; unknown ids listed; the
 * height message resizes the host's iframe through public/embed-resize.js; axe is clean.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { FORWARDED_EMBED, takeOverCharts } from './static.ts';
import { axeViolations } from './axe.ts';
import { collectProblems, EXPECTED_WITHOUT_BOUNDARIES, openPage } from './browser.ts';
import { REPO_ROOT } from './server.ts';
import { CHART_IDS } from '../../src/lib/charts/registry.ts';
import { validateMetadata } from '../../src/lib/data/indicators/validate.ts';

const indicatorMeta = validateMetadata(readFileSync(path.join(REPO_ROOT, 'public/data/indicators/indicators.csv'), 'utf8')).rows;

const SHOTS = path.join(REPO_ROOT, 'screenshots');

/** A council page framing `src`. */
const hostPage = (src: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title></head>
<body style="margin:0">
<h1>A council page</h1>
<!-- Shadows a named global (DOM clobbering): the resize script must not depend on one. -->
<div id="cityRegionDashboardResize"></div><img name="getElementsByTagName" alt="">
<iframe id="frame" src="${src}" title="Skills funding" width="100%" height="150" style="border:0;display:block"></iframe>
<script src="/embed-resize.js"></script>
</body></html>`;

const site = useSite({ overrides: { '/host.html': hostPage('/embed.html?chart=deal-breakdown'), '/host-map.html': hostPage('/embed.html?chart=map&region=E47000004') } });
mkdirSync(SHOTS, { recursive: true });

async function openEmbed(query: string, width = 1280): Promise<{ page: Page; problems: ReturnType<typeof collectProblems> }> {
  const page = await openPage(site.browser, { width, height: 900 });
  const problems = collectProblems(page);
  site.server.requests.length = 0;
  await page.goto(`${site.server.url}embed.html${query}`);
  return { page, problems };
}

describe('chart embed', () => {
  it('shows one chart with title, summary, sources and a link back, without site navigation or Leaflet', async () => {
    const { page, problems } = await openEmbed('?chart=deal-breakdown&measure=per_resident');
    // The static page it forwards to takes over at once: the address asks for another measure.
    await takeOverCharts(page);
    await page.locator('figure[data-chart-id="deal-breakdown"] svg[role="img"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('figure[data-chart-id]').count()).toBe(1);
    expect(await page.locator('nav, .site-header').count()).toBe(0);
    expect(await page.locator('.chart-title').textContent()).toBeTruthy();
    expect(((await page.locator('[data-chart-summary]').textContent()) ?? '').length).toBeGreaterThan(40);
    expect(await page.locator('[data-source-id]').count()).toBeGreaterThan(0);
    // The switch from the embed URL is applied and carried into the link back.
    expect(await page.locator('caption').first().textContent()).toMatch(/per resident/i);
    const back = page.getByRole('link', { name: /City region skills dashboard/ });
    expect(await back.getAttribute('href')).toBe('../#/compare?deal-breakdown.measure=per_resident');
    expect(await page.getByRole('button', { name: /^Embed/ }).count()).toBe(0);
    expect(await page.title()).toMatch(/Skills funding|funding/i);
    expect(site.server.requests.filter((url) => /leaflet|MapView|boundaries/i.test(url))).toEqual([]);
    // Only the datasets this chart uses.
    expect(site.server.requests.filter((url) => url.includes('/data/')).sort()).toEqual(['/data/areas.csv', '/data/funding.csv', '/data/programmes.csv', '/data/sources.csv']);
    expect(problems.all(FORWARDED_EMBED)).toEqual([]);
    await page.context().close();
  });

  it('says which ids exist for an unknown chart', async () => {
    const { page, problems } = await openEmbed('?chart=%3Cscript%3Ealert(1)%3C%2Fscript%3E');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('There is no chart called “<script>alert(1)</script>”');
    for (const id of [...CHART_IDS, 'map']) expect(text).toContain(id);
    expect(await page.locator('main script').count()).toBe(0);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('embeds the map without loading Plot', async () => {
    const { page, problems } = await openEmbed('?chart=map&region=E47000007');
    // It forwards to the region's static map page. The static drawing paints first (Leaflet waits for the reader); without a boundaries file the fallback stands in.
    await page.locator('.map-stage, .map-fallback').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await page.locator('#map-region').inputValue()).toBe('E47000007');
    expect(await page.getByRole('link', { name: /City region skills dashboard/ }).getAttribute('href')).toMatch(/^\.\/#\/map\?region=E47000007/);
    // Only the map, its key, pickers and source: not the page heading, introduction or keyboard help.
    expect(await page.locator('h1').evaluate((h) => h.getBoundingClientRect().width <= 1)).toBe(true);
    expect(await page.locator('.lede').count()).toBe(0);
    expect(await page.getByText('Tab to a district on the map').isVisible()).toBe(false);
    expect(site.server.requests.filter((url) => /ChartFigure|plot/i.test(url))).toEqual([]);
    expect(problems.all(new RegExp([FORWARDED_EMBED.source, EXPECTED_WITHOUT_BOUNDARIES?.source].filter(Boolean).join('|')))).toEqual([]);
    // The map's own switches change the embed, not its address (the router is not involved).
    const address = await page.evaluate(() => location.href);
    // The pickers wait for the live map, which a pointer on them starts.
    await page.locator('#map-region').hover();
    await page.locator('#map-region').selectOption('E47000004');
    await expect.poll(() => page.getByRole('link', { name: /City region skills dashboard/ }).getAttribute('href')).toMatch(/^\.\/#\/map\?region=E47000004/);
    expect(await page.locator('.map-heading').textContent()).toContain('Liverpool City Region');
    expect(await page.evaluate(() => location.href)).toBe(address);
    await page.context().close();
  });

  it.each([375, 1280])('has no axe WCAG A/AA violations at %i px, and looks right', async (width) => {
    const { page } = await openEmbed('?chart=deal-breakdown', width);
    await page.locator('figure svg[role="img"]:visible').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `embed-deal-breakdown-${width}.png`), fullPage: true });
    await page.context().close();
  });

  it.each(['indicator-ranking', 'indicator-trend'])('embeds %s with its source and licence, loading only its indicator’s file; axe is clean', async (id) => {
    const meta = indicatorMeta.at(-1);
    expect(meta).toBeDefined();
    const { page, problems } = await openEmbed(`?chart=${id}&indicator=${meta?.indicator_id}&a=E47000001&b=E47000004`);
    await takeOverCharts(page);
    const fig = page.locator(`figure[data-chart-id="${id}"][data-chart-ready]`);
    await fig.locator('svg[role="img"]').waitFor();
    await page.waitForLoadState('networkidle');
    expect(await fig.locator('[data-source-id]').first().textContent()).toContain(meta?.source_title);
    expect(await fig.locator('[data-attribution]').textContent()).toContain('Open Government Licence');
    expect(await fig.locator('[data-chart-summary]').textContent()).toContain('Greater Manchester');
    // indicators.csv and the one dataset file holding the indicator, nothing else from indicators/.
    expect([...new Set(site.server.requests.filter((url) => url.includes('/data/indicators/')))].sort()).toEqual([`/data/indicators/${meta?.dataset}`, '/data/indicators/indicators.csv']);
    expect(await page.getByRole('link', { name: /City region skills dashboard/ }).getAttribute('href')).toContain('a=E47000001');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, `embed-${id}-1280.png`), fullPage: true });
    expect(problems.all(FORWARDED_EMBED)).toEqual([]);
    await page.context().close();
  });

  it('has no axe violations on the map embed', async () => {
    const { page } = await openEmbed('?chart=map', 1280);
    await page.locator('.map-stage, .map-fallback').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'embed-map-1280.png'), fullPage: true });
    await page.context().close();
  });
});

describe('host page resizing', () => {
  // Both before any interaction: the static pages they forward to report their height from the start.
  it.each([
    ['deal-breakdown', 'host.html', 'figure svg[role="img"]'],
    ['map', 'host-map.html', '.map-stage svg[role="img"]'],
  ])('sets the iframe height from the %s embed’s messages, and again when the width changes', async (chart, host, drawn) => {
    const page = await openPage(site.browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);
    const messages: unknown[] = [];
    await page.exposeFunction('recordMessage', (data: unknown) => messages.push(data));
    await page.addInitScript(() => {
      window.addEventListener('message', (event) => (window as unknown as { recordMessage: (d: unknown) => void }).recordMessage(event.data));
    });
    await page.goto(`${site.server.url}${host}`);
    const frame = page.frameLocator('#frame');
    await frame.locator(drawn).first().waitFor();
    const contentHeight = async () => (await page.frames()[1]?.evaluate(() => Math.ceil(document.querySelector('.embed')?.getBoundingClientRect().height ?? 0))) ?? 0;
    const frameHeight = () => page.locator('#frame').evaluate((el) => el.getBoundingClientRect().height);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight())), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    const wide = await frameHeight();
    expect(wide).toBeGreaterThan(400);
    expect(messages.some((m) => typeof m === 'object' && m !== null && (m as { type?: string }).type === 'city-region-dashboard:resize' && (m as { chart?: string }).chart === chart)).toBe(true);

    await page.setViewportSize({ width: 375, height: 800 });
    await expect.poll(frameHeight, { timeout: 10_000 }).not.toBe(wide);
    await expect.poll(async () => Math.abs((await frameHeight()) - (await contentHeight())), { timeout: 10_000 }).toBeLessThanOrEqual(1);
    // Whether the narrow frame is taller depends on how many regions the data holds, so only
    // "it changed and follows the content" is asserted (above).
    expect(problems.all(FORWARDED_EMBED)).toEqual([]);
    await page.context().close();
  });
});
