import type { Browser, Page } from 'playwright-core';

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

/** A page in a fresh context, with or without JavaScript, that records what the policy blocked, page errors and every script requested. */
export async function newPage(browser: Browser, javaScriptEnabled: boolean, width = 1000): Promise<{ page: Page; blocked: string[]; scripts: string[]; errors: string[] }> {
  const context = await browser.newContext({ javaScriptEnabled, viewport: { width, height: 900 } });
  const page = await context.newPage();
  const blocked: string[] = [];
  const scripts: string[] = [];
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) blocked.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname);
  });
  return { page, blocked, scripts, errors };
}
