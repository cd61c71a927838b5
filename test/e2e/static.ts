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
