/**
 * The headline view in the production build: every figure row in public/data appears
 * as a card whose text matches the row, with its source; a broken file yields the error
 * panel while every other dataset still renders.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { formatPartialDate } from '../../src/lib/data/format.ts';
import type { RowsByDataset } from '../../src/lib/data/schema.ts';
import { collectProblems, launch, openPage, type StaticServer } from './browser.ts';
import { useServer } from './site.ts';
import { allRows, byId, expectedCards, mergedIds, noteIds, openAllFolds, pairRoutes, publishedData, shownRows, type ExpectedCard } from './headline-data.ts';
import { REPO_ROOT } from './server.ts';

let data: RowsByDataset;
let cards: ExpectedCard[];
beforeAll(async () => {
  data = await publishedData();
  cards = expectedCards(data);
});
const sourceOf = (id: string) => (data.sources ?? []).find((s) => s.source_id === id);

let browser: Browser;
beforeAll(async () => {
  browser = await launch(inject('chromiumPath'));
});
afterAll(async () => {
  await browser?.close();
});

async function openHeadline(server: StaticServer, width: number, route = ''): Promise<{ page: Page; problems: ReturnType<typeof collectProblems> }> {
  const page = await openPage(browser, { width, height: 900 });
  const problems = collectProblems(page);
  await page.goto(server.url + route);
  await page.locator('[data-figure-id]').first().waitFor({ state: 'attached' });
  return { page, problems };
}

describe('headline view with the published data', () => {
  const server = useServer();

  it('shows each figure row once, under "All figures" for its region: as a card with the row’s formatted value and qualifier, on the card it pays for, or as a note', async () => {
    expect(cards.length).toBeGreaterThan(20);
    const seen: { cards: { id: string; text: string }[]; merged: string[]; notes: string[] } = { cards: [], merged: [], notes: [] };
    for (const { route, regions } of pairRoutes(data)) {
      const page = await openPage(browser, { width: 1280, height: 900 });
      const problems = collectProblems(page);
      await page.goto(server.url + route);
      // The prerendered markup shows the default pair until the app has taken over.
      await page.locator(`[data-glance] thead th[data-area-code="${regions[0]}"]`).waitFor();
      // A region with figures shows them; the cards shown are exactly the chosen regions' rows.
      const expected = cards.filter((c) => regions.includes(c.region));
      if (expected.length > 0) await page.locator('[data-figure-id]').first().waitFor({ state: 'attached' });
      const shown = await shownRows(page);
      expect(byId(shown.cards), route || '#/').toEqual(byId(expected.map(({ id, text }) => ({ id, text }))));
      seen.cards.push(...shown.cards);
      seen.merged.push(...shown.merged);
      seen.notes.push(...shown.notes);
      expect(problems.all()).toEqual([]);
      await page.context().close();
    }
    // Every row appears somewhere, once: as a card, merged into the card it pays for, or as a note.
    const ids = (list: string[]) => [...new Set(list)].sort();
    expect(ids([...seen.cards.map((c) => c.id), ...seen.merged, ...seen.notes])).toEqual(ids(allRows(data).map((r) => r.id)));
    expect(ids(seen.merged)).toEqual(ids([...mergedIds(data)]));
    expect(ids(seen.notes)).toEqual(ids([...noteIds(data)]));
  });

  it('shows the hand-checked figures of the default pair', async () => {
    const { page } = await openHeadline(server, 1280);
    // Spot checks written out by hand, independent of the formatter.
    const valueOf = (id: string) => page.locator(`[data-figure-id="${id}"] [data-role="value"]`).textContent();
    expect(await valueOf('wm-deal-nrs-pilot')).toBe('up to £5m');
    expect(await valueOf('lcr-bootcamps-completed-2024')).toBe('4,000+');
    expect(await valueOf('wm-deal-work-experience-portal')).toBe('Not quantified');
    // The SME apprenticeships: one card, "hundreds", naming the funding line.
    const sme = page.locator('[data-also-ids~="wm-deal-sme-apprenticeships"]');
    expect(await sme.count()).toBe(1);
    expect(await sme.locator('[data-role="value"]').textContent()).toBe('Hundreds');
    expect(await sme.textContent()).toContain('New apprenticeships at SMEs');
    expect(await page.locator('[data-figure-id="lcr-bootcamps-expected-2025"]').textContent()).toContain('by March 2025');
    // "4,000+" is explained on the page in words, and "up to" once.
    const key = (await page.locator('.qualifier-key').textContent()) ?? '';
    expect(key).toContain('“4,000+” means more than 4,000');
    expect(key).toContain('the amount may turn out lower');
    expect(key.match(/may turn out lower/g)).toHaveLength(1);
    await page.context().close();
  });

  it('opens each card’s source with title, publisher and date in one click', async () => {
    for (const { route, regions } of pairRoutes(data).slice(0, 1)) {
      const { page } = await openHeadline(server, 1280, route);
      await openAllFolds(page);
      for (const expected of cards.filter((c) => regions.includes(c.region))) {
        const source = sourceOf(expected.sourceId);
        const card = page.locator(`[data-figure-id="${expected.id}"]`);
        await card.locator('summary', { hasText: 'Source' }).click();
        const details = card.locator('details.source');
        await expect.poll(() => details.getAttribute('open')).not.toBeNull();
        const text = await details.textContent();
        expect(text).toContain(source?.title);
        expect(text).toContain(source?.publisher);
        expect(text).toContain(formatPartialDate(source?.published ?? ''));
        if (source?.url) expect(await details.locator('a').getAttribute('href')).toBe(source.url);
      }
      await page.context().close();
    }
  });

  it('is readable at 320 px with no horizontal scrolling', async () => {
    const { page } = await openHeadline(server, 320);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.context().close();
  });
});

describe('headline view with a broken funding.csv', () => {
  const server = useServer({ overrides: { '/data/funding.csv': readFileSync(join(REPO_ROOT, 'test/fixtures/data/funding-broken.csv')) } });

  it('names the file, line and column in an error panel and still renders the other datasets', async () => {
    const { page } = await openHeadline(server, 375);
    const panel = page.getByTestId('data-error-panel');
    await panel.waitFor();
    const text = await panel.textContent();
    expect(text).toContain('funding.csv');
    expect(text).toContain('line 3, column amount_gbp: "£5m"');
    // No funding card is shown from the broken file, not even its valid rows.
    expect(await page.locator('[data-figure-id="wm-deal-total"]').count()).toBe(0);
    // Everything else still renders.
    for (const id of ['lcr-bootcamps-completed-2024', 'lcr-careers-hub-launch', 'wm-deal-apprenticeships']) {
      expect(await page.locator(`[data-figure-id="${id}"]`).count(), id).toBe(1);
    }
    await page.context().close();
  });
});
