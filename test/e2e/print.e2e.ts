/**
 * Printing the compare view: every chart keeps its table (even when collapsed on screen)
 * and its sources; switches and buttons are hidden.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { openPage } from './browser.ts';
import { REPO_ROOT } from './server.ts';
import { CHART_IDS } from '../../src/lib/charts/registry.ts';

const site = useSite();
mkdirSync(path.join(REPO_ROOT, 'screenshots'), { recursive: true });

describe('print', () => {
  it('prints each chart with its table and sources and no controls', async () => {
    const page = await openPage(site.browser, { width: 794, height: 1123 });
    await page.goto(`${site.server.url}#/compare`);
    await page.locator('figure[data-chart-id][data-chart-ready] svg[role="img"]').nth(CHART_IDS.length - 1).waitFor();
    await page.emulateMedia({ media: 'print' });
    const figures = page.locator('figure[data-chart-id]');
    const count = await figures.count();
    expect(count).toBe(CHART_IDS.length);
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
