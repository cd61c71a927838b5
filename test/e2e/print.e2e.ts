/**
 * Printing the compare view: every chart keeps its table (even when collapsed on screen)
 * and its sources; switches and buttons are hidden.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, openPage, serveDist, type StaticServer } from './browser.ts';
import { REPO_ROOT } from './server.ts';

let browser: Browser;
let server: StaticServer;
beforeAll(async () => {
  [browser, server] = await Promise.all([launch(inject('chromiumPath')), serveDist()]);
  mkdirSync(path.join(REPO_ROOT, 'screenshots'), { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('print', () => {
  it('prints each chart with its table and sources and no controls', async () => {
    const page = await openPage(browser, { width: 794, height: 1123 });
    await page.goto(`${server.url}#/compare`);
    await page.locator('figure[data-chart-id] svg[role="img"]').nth(3).waitFor();
    await page.emulateMedia({ media: 'print' });
    const figures = page.locator('figure[data-chart-id]');
    const count = await figures.count();
    expect(count).toBe(4);
    for (let i = 0; i < count; i++) {
      const fig = figures.nth(i);
      expect(await fig.locator('.chart-table table').isVisible()).toBe(true);
      expect(await fig.locator('.chart-footnotes').isVisible()).toBe(true);
      expect(await fig.locator('button:visible').count()).toBe(0);
    }
    expect(await page.locator('main button:visible, main select:visible').count()).toBe(0);
    await page.screenshot({ path: path.join(REPO_ROOT, 'screenshots', 'print-compare.png'), fullPage: true });
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    expect(pdf.subarray(0, 4).toString('latin1')).toBe('%PDF');
    await page.context().close();
  });
});
