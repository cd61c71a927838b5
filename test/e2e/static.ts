import type { Page } from 'playwright-core';

/**
 * Makes a static chart page (embed/<id>.html, compare.html) interactive, as a reader does
 * by pointing at a chart, and waits until every static chart has been taken over.
 * Does nothing on a page without static charts.
 */
export async function takeOverCharts(page: Page): Promise<void> {
  const island = page.locator('[data-static-chart]').first();
  if ((await island.count()) > 0) await island.dispatchEvent('pointerover');
  await page.waitForFunction(() => document.querySelectorAll('[data-static-chart]').length === 0, undefined, { timeout: 30_000 });
}

/**
 * embed.html?chart=<id> forwards to the chart's static page while embed.html is still
 * loading, so Chromium may report that first request as aborted: expected, not a fault.
 */
export const FORWARDED_EMBED = /^requestfailed: net::ERR_ABORTED GET \S+\/embed\.html\?chart=[^&\s]+(&\S*)?$/;
