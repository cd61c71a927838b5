/**
 * Printing each view: content stays (every chart's table and sources, every district's
 * name, every source's web address), controls and keyboard help go, and the map prints
 * as a static copy that fits the page. Each view is also printed to PDF.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { openPage } from './browser.ts';
import { REPO_ROOT } from './server.ts';
import { CHART_IDS } from '../../src/lib/charts/registry.ts';
import { exploreMap } from './map-live.ts';

const SHOTS = path.join(REPO_ROOT, 'screenshots');
const site = useSite();
mkdirSync(SHOTS, { recursive: true });

async function printed(hash: string, ready: string): Promise<Page> {
  const page = await openPage(site.browser, { width: 794, height: 1123 });
  await page.goto(`${site.server.url}${hash}`);
  await page.locator(ready).first().waitFor();
  await page.emulateMedia({ media: 'print' });
  return page;
}

/** No control is visible in the printed main content (a table's name buttons print as plain text). */
async function expectNoControls(page: Page): Promise<void> {
  const controls = await page.locator('main button:visible, main select:visible, main input:visible, main textarea:visible').evaluateAll((nodes) => nodes.filter((n) => !n.closest('th')).map((n) => `${n.tagName} ${n.className} ${(n.textContent ?? '').slice(0, 40)}`));
  expect(controls).toEqual([]);
}

/** Every external link that is visible on paper prints its address after it. */
async function expectAddressesPrinted(page: Page): Promise<number> {
  const links = await page.locator('main a[href^="http"]:visible').evaluateAll((nodes) => nodes.map((a) => ({ href: a.getAttribute('href') ?? '', after: getComputedStyle(a, '::after').content })));
  for (const link of links) expect(link.after, link.href).toContain(link.href);
  return links.length;
}

async function savePdf(page: Page, name: string): Promise<void> {
  const pdf = await page.pdf({ format: 'A4', printBackground: true });
  expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
  writeFileSync(path.join(SHOTS, `print-${name}.pdf`), pdf);
}

describe('print', () => {
  it('prints each chart with its table and sources and no controls', async () => {
    const page = await printed('#/compare', `figure[data-chart-id][data-chart-ready] svg[role="img"] >> nth=${CHART_IDS.length - 1}`);
    const figures = page.locator('figure[data-chart-id]');
    const count = await figures.count();
    expect(count).toBe(CHART_IDS.length);
    for (let i = 0; i < count; i++) {
      const fig = figures.nth(i);
      expect(await fig.locator('.chart-table table').isVisible()).toBe(true);
      expect(await fig.locator('.chart-footnotes').isVisible()).toBe(true);
      expect(await fig.locator('button:visible').count()).toBe(0);
    }
    await expectNoControls(page);
    expect(await expectAddressesPrinted(page)).toBeGreaterThan(0);
    // Axis labels are not clipped: no text (the first tick, "£0.00") starts left of its chart.
    const ticks = await page.locator('figure[data-chart-id] svg[role="img"]').evaluateAll((svgs) =>
      svgs.flatMap((svg) => {
        const box = svg.getBoundingClientRect();
        return [...svg.querySelectorAll("text")].map((t) => ({ text: t.textContent, by: Math.round(box.left - t.getBoundingClientRect().left), clipped: t.getBoundingClientRect().left < box.left - 0.5 }));
      }),
    );
    expect(ticks.length).toBeGreaterThan(0);
    expect(ticks.filter((t) => t.clipped)).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, 'print-compare.png'), fullPage: true });
    await savePdf(page, 'compare');
    await page.context().close();
  });

  // Before the reader reaches for the map its still drawing prints; once Leaflet has replaced it, a copy sized to the page does.
  it.each([
    ['still', '.map-stage .still svg', '.map-stage .still .number-key'],
    ['live', '.map-print svg', '.map-print-key'],
  ])('prints the %s map fitted to the page, every district name, source addresses, and no controls or keyboard help', async (state, drawing, key) => {
    const page = await openPage(site.browser, { width: 794, height: 1123 });
    await page.goto(`${site.server.url}#/map?region=E47000004`);
    await page.locator('.map-figure .map-stage path[data-code]').first().waitFor();
    if (state === 'live') await exploreMap(page);
    await page.emulateMedia({ media: 'print' });
    const names = await page.locator('table tbody th').evaluateAll((cells) => cells.map((c) => (c.textContent ?? '').replace('(show on the map)', '').trim()));
    expect(names.length).toBeGreaterThan(1);
    // Names print (they are buttons on screen).
    for (const th of await page.locator('table tbody th').all()) expect(await th.isVisible()).toBe(true);
    for (const th of await page.locator('table tbody th button').all()) expect(await th.isVisible()).toBe(true);
    // The live map is replaced by the static copy, which fits the page width.
    expect(await page.locator('.map-figure .map').isVisible()).toBe(false);
    const print = page.locator(drawing);
    expect(await print.isVisible()).toBe(true);
    const pageWidth = await page.evaluate(() => document.documentElement.clientWidth);
    const box = await print.boundingBox();
    expect((box?.x ?? 0) + (box?.width ?? Infinity)).toBeLessThanOrEqual(pageWidth);
    // Every district is labelled on it or numbered in its key.
    const printedText = `${await print.textContent()} ${(await page.locator(key).count()) > 0 ? await page.locator(key).textContent() : ''}`;
    for (const name of names) expect(printedText).toContain(name);
    expect(await page.locator('.focus-panel').isVisible()).toBe(false);
    expect(await page.locator('form.controls').isVisible()).toBe(false);
    await expectNoControls(page);
    expect(await expectAddressesPrinted(page)).toBeGreaterThan(0);
    await savePdf(page, `map-${state}`);
    await page.context().close();
  });

  it('prints the headline with every source address and no controls', async () => {
    const page = await printed('#/', 'main h1');
    await expectNoControls(page);
    expect(await expectAddressesPrinted(page)).toBeGreaterThan(0);
    await savePdf(page, 'headline');
    await page.context().close();
  });
});
