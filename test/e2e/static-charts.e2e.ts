/**
 * The static chart pages (dist/embed/<id>.html, scripts/build/static-charts.ts): with
 * JavaScript off each shows its chart drawn at build time, its table, summary and sources,
 * nothing the policy blocks and no script at all; and the drawing is the one the
 * interactive embed draws at the same width (same marks, same text).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { staticChartPath, STATIC_CHART_WIDTH } from '../../scripts/build/static-charts.ts';
import { CHART_IDS } from '../../src/lib/charts/registry.ts';
import { DIST_DIR } from './server.ts';

const site = useSite();

/** Element names in document order, and the text of every <text>: what a reader sees of the drawing. */
async function drawing(page: Page): Promise<{ width: string | null; marks: string[]; text: string[] }> {
  return page.locator('figure svg[role="img"]').first().evaluate((svg) => ({
    width: svg.getAttribute('width'),
    marks: [...svg.querySelectorAll('*')].map((element) => element.tagName.toLowerCase()).filter((name) => name !== 'style'),
    text: [...svg.querySelectorAll('text')].map((element) => element.textContent ?? ''),
  }));
}

describe.each(CHART_IDS.map((id) => [id]))('the static page for %s', (id) => {
  it('shows chart, table, summary and sources with JavaScript off, and has no script', async () => {
    const html = readFileSync(path.join(DIST_DIR, staticChartPath(id)), 'utf8');
    expect(html).not.toMatch(/<script\b/i);
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 700, height: 900 } });
    const page = await context.newPage();
    const blocked: string[] = [];
    page.on('console', (message) => {
      if (message.text().includes('Content Security Policy')) blocked.push(message.text());
    });
    await page.goto(`${site.server.url}${staticChartPath(id)}`);
    const figure = page.locator(`figure[data-chart-id="${id}"]`);
    await expect.poll(() => figure.locator('svg[role="img"]').count()).toBe(1);
    expect(await figure.locator('svg[role="img"]').isVisible()).toBe(true);
    expect(await figure.locator('.chart-table table').isVisible()).toBe(true);
    expect((await figure.locator('[data-chart-summary]').textContent())?.trim()).not.toBe('');
    expect(await figure.locator('.chart-sources, details, a[href^="http"]').count()).toBeGreaterThan(0);
    expect(await page.locator('a[href^="../embed.html?chart="]').count()).toBe(1);
    expect(blocked).toEqual([]);
    await context.close();
  });

  it('draws what the interactive embed draws at the same width', async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 700, height: 900 } });
    const staticPage = await context.newPage();
    await staticPage.goto(`${site.server.url}${staticChartPath(id)}`);
    const built = await drawing(staticPage);
    await context.close();
    expect(built.width).toBe(String(STATIC_CHART_WIDTH));

    const live = await site.browser.newContext({ viewport: { width: 1000, height: 900 } });
    const page = await live.newPage();
    await page.goto(`${site.server.url}embed.html?chart=${id}`);
    await page.locator('figure svg[role="img"]').first().waitFor();
    // Draw the embed at the static page's width: its container decides the drawing's width.
    await page.locator('.chart-plot').first().evaluate((element, width) => {
      (element as HTMLElement).style.width = `${width}px`;
    }, STATIC_CHART_WIDTH);
    await expect.poll(async () => (await drawing(page)).width).toBe(String(STATIC_CHART_WIDTH));
    const hydrated = await drawing(page);
    expect(hydrated.marks).toEqual(built.marks);
    expect(hydrated.text).toEqual(built.text);
    await live.close();
  });
});
