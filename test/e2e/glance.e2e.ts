/**
 * The headline's first screen on a phone (375 × 812): the chosen pair's key figures and
 * official outcomes against England before any scrolling, with JavaScript on and off; the
 * region picker's URL round trip; a region with no announcements; ids that collide across
 * datasets; axe. Expectations come from the published data through the app's view-models.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadHeadlineIndicators } from '../../src/lib/data/headline-indicators-load.ts';
import { glanceViewModel, regionOptions, type GlanceVM } from '../../src/lib/data/glance.ts';
import type { LoadedIndicators } from '../../src/lib/data/indicators/load.ts';
import type { RowsByDataset } from '../../src/lib/data/schema.ts';
import { validateCsv } from '../../src/lib/data/validate.ts';
import { collectProblems } from './browser.ts';
import { axeViolations } from './axe.ts';
import { dataFile, openAllFolds, publishedData } from './headline-data.ts';
import { REPO_ROOT } from './server.ts';
import { useSite } from './site.ts';

const PHONE = { width: 375, height: 812 };

let data: RowsByDataset;
let indicators: LoadedIndicators | null;
let vm: GlanceVM;
beforeAll(async () => {
  data = await publishedData();
  indicators = await loadHeadlineIndicators((file) => readFile(join(REPO_ROOT, 'public/data', file), 'utf8'));
  vm = glanceViewModel(data, {}, indicators);
});

/** Every glance cell of the view-model is on the page with its text, and wholly inside the first screen. */
async function expectFirstScreen(page: Page, expected: GlanceVM): Promise<void> {
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  const heads = await page.locator('[data-glance] thead th').evaluateAll((ths) => ths.map((th) => th.getAttribute('data-area-code')));
  expect(heads).toEqual(expected.columns.map((c) => c.code));
  for (const row of expected.rows) {
    for (const cell of row.cells) {
      const locator = page.locator(`[data-glance-cell="${cell.key}"]`);
      expect(await locator.locator('.glance-value').textContent(), cell.key).toBe(cell.text);
      const text = (await locator.textContent()) ?? '';
      for (const detail of cell.details) expect(text, cell.key).toContain(detail);
      const box = await locator.boundingBox();
      expect(box, cell.key).not.toBeNull();
      expect((box?.y ?? 0) + (box?.height ?? 0), `${cell.key} ends within the first screen`).toBeLessThanOrEqual(PHONE.height);
    }
  }
}

describe('the first screen with the published data', () => {
  const site = useSite();

  it('gives both default regions’ key figures and outcomes against England before any scrolling', async () => {
    const outcomeRows = vm.rows.filter((r) => r.key.startsWith('outcome:'));
    expect(outcomeRows.length).toBeGreaterThanOrEqual(2);
    expect(outcomeRows.flatMap((r) => r.cells).some((c) => c.details.some((d) => /England/.test(d)))).toBe(true);
    for (const javaScriptEnabled of [true, false]) {
      const context = await site.browser.newContext({ viewport: PHONE, javaScriptEnabled });
      const page = await context.newPage();
      const problems = collectProblems(page);
      await page.goto(site.server.url);
      if (javaScriptEnabled) await page.waitForLoadState('networkidle');
      await expectFirstScreen(page, vm);
      // Each outcome row names its source.
      for (const row of outcomeRows) expect(await page.locator(`[data-glance-row="${row.key}"] th`).textContent()).toContain(`Source: ${row.source?.text}`);
      expect(await page.locator('select:visible').count()).toBe(javaScriptEnabled ? vm.columns.length : 0);
      expect(problems.all()).toEqual([]);
      await context.close();
    }
  });

  it('keeps the chosen regions in the URL: picking, reloading and sharing give the same pair', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const problems = collectProblems(page);
    await page.goto(site.server.url);
    await page.waitForLoadState('networkidle');
    const other = regionOptions(data).find((o) => o.code !== vm.pair.region && o.code !== vm.pair.compare);
    if (!other || !vm.pair.region || !vm.pair.compare) throw new Error('The published data has fewer than three combined authorities.');
    await page.locator('#headline-compare').selectOption(other.code);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/?region=${vm.pair.region}&compare=${other.code}`);
    await page.locator(`[data-glance] thead th[data-area-code="${other.code}"]`).waitFor();
    // Choosing the comparison's region as the main one swaps the two.
    await page.locator('#headline-region').selectOption(other.code);
    await expect.poll(() => page.evaluate(() => location.hash)).toBe(`#/?region=${other.code}&compare=${vm.pair.region}`);
    await page.reload();
    await page.locator(`[data-glance] thead th[data-area-code="${other.code}"]`).waitFor();
    expect(await page.locator('#headline-region').inputValue()).toBe(other.code);
    expect(await page.locator('#headline-compare').inputValue()).toBe(vm.pair.region);
    await expectFirstScreen(page, glanceViewModel(data, { region: other.code, compare: vm.pair.region }, indicators));
    // The chosen regions' sections follow under "All figures".
    expect(await page.locator('section.region').evaluateAll((s) => s.map((e) => e.getAttribute('data-area-code')))).toEqual([other.code, vm.pair.region]);
    // A link to a programme's section keeps the route.
    const link = page.locator('[data-glance] td a[href^="#programme-"]').first();
    if ((await link.count()) > 0) {
      await link.click();
      expect(await page.evaluate(() => location.hash)).toBe(`#/?region=${other.code}&compare=${vm.pair.region}`);
      expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    }
    // A reload aborts whatever was still loading (the favicon, say): that is not a fault.
    expect(problems.all(/net::ERR_ABORTED/)).toEqual([]);
    await context.close();
  });

  it('gives each chosen region an Outcomes group whose cards open their source with its licence', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.server.url);
    await page.waitForLoadState('networkidle');
    await openAllFolds(page);
    for (const column of vm.columns) {
      const group = page.locator(`[data-outcomes-for="${column.code}"]`);
      expect(await group.locator('[data-outcome-id]').evaluateAll((cards) => cards.map((c) => c.getAttribute('data-outcome-id')))).toEqual(column.outcomes.map((o) => o.indicatorId));
      for (const outcome of column.outcomes) {
        const card = group.locator(`[data-outcome-id="${outcome.indicatorId}"]`);
        const text = (await card.textContent()) ?? '';
        for (const part of [outcome.value, outcome.period, `England: ${outcome.england}`, outcome.comparison, ...(outcome.change ? [outcome.change] : [])]) expect(text, outcome.key).toContain(part);
        await card.locator('summary', { hasText: 'Source' }).click();
        const details = card.locator('details.source');
        const sourceText = (await details.textContent()) ?? '';
        for (const part of [outcome.source?.title, outcome.source?.publisher, outcome.source?.publishedText, outcome.source?.licence]) expect(sourceText, outcome.key).toContain(part);
        if (outcome.source?.url) expect(await details.locator('a').getAttribute('href')).toBe(outcome.source.url);
      }
    }
    await context.close();
  });

  it.each([375, 1280])('has no axe WCAG A/AA violations at %i px', async (width) => {
    const context = await site.browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(site.server.url);
    await page.waitForLoadState('networkidle');
    // Folded content is skipped by axe: check it open too.
    expect(await axeViolations(page)).toEqual([]);
    await openAllFolds(page);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

/** A combined authority with one district and no announcement rows, added to the served areas.csv. */
const EMPTY_REGION = { code: 'E47999901', name: 'Testshire', district: 'E06999901' };
function areasWithEmptyRegion(): string {
  const areas = dataFile('areas.csv');
  const sourceId = validateCsv('areas', areas).rows[0]?.population_source_id ?? '';
  return `${areas.trimEnd()}\n${EMPTY_REGION.code},${EMPTY_REGION.name} Combined Authority,${EMPTY_REGION.name},combined_authority,,100000,2021,${sourceId},\n${EMPTY_REGION.district},Testshire District,Testshire District,local_authority,${EMPTY_REGION.code},100000,2021,${sourceId},\n`;
}

describe('a region with no announcement figures', () => {
  const site = useSite({ overrides: { '/data/areas.csv': areasWithEmptyRegion() } });

  it('says so in words and still shows its population, its map link and its official statistics section', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const problems = collectProblems(page);
    await page.goto(`${site.server.url}#/?region=${EMPTY_REGION.code}`);
    const section = page.locator(`section.region[data-area-code="${EMPTY_REGION.code}"]`);
    await section.waitFor();
    const message = `No funding announcements for ${EMPTY_REGION.name} are in the data yet.`;
    expect(await section.locator('[data-role="no-announcements"]').textContent()).toBe(message);
    expect(await page.locator(`[data-glance-cell="funding:${EMPTY_REGION.code}"]`).textContent()).toContain(message);
    expect(await section.textContent()).toContain('Population 100,000');
    expect(await section.locator(`a[href="#/map?region=${EMPTY_REGION.code}"]`).count()).toBe(1);
    expect(await section.locator(`[data-outcomes-for="${EMPTY_REGION.code}"]`).textContent()).toContain(`No official statistics are published for ${EMPTY_REGION.name}`);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.all()).toEqual([]);
    await context.close();
  });
});

/** Ids that collide across datasets and with keys the code makes up, all valid for the checker. */
function collidingFiles(): { funding: string; completions: string; fundingId: string } {
  const funding = dataFile('funding.csv');
  const first = validateCsv('funding', funding).rows[0];
  if (!first) throw new Error('The published data has no funding rows.');
  const completions = dataFile('completions.csv');
  const fundingLine = funding.split('\n')[1] ?? '';
  // A funding line whose id is a key the views could make up; a completion with a funding line's id, in the same programme.
  const madeUp = fundingLine.replace(/^[^,]+,/, `total-${first.area_code},`);
  // Built from the file's own header, so the row stays valid when the schema gains a column.
  const cells: Record<string, string> = { id: first.id, area_code: first.area_code, programme_id: first.programme_id, measure: 'completed', value: '10', qualifier: 'exact', as_of: '2024', source_id: first.source_id, note: 'Collision test.' };
  const completion = (completions.split('\n')[0] ?? '').replace(/^\uFEFF/, '').trim().split(',').map((column) => cells[column] ?? '').join(',');
  return { funding: `${funding.trimEnd()}\n${madeUp}\n`, completions: `${completions.trimEnd()}\n${completion}\n`, fundingId: first.id };
}

describe('ids that collide across datasets', () => {
  const files = (() => {
    try {
      return collidingFiles();
    } catch {
      return null;
    }
  })();
  const site = useSite({ overrides: files ? { '/data/funding.csv': files.funding, '/data/completions.csv': files.completions } : {} });

  it('never blanks the page: every section renders or says why', async () => {
    expect(files).not.toBeNull();
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const problems = collectProblems(page);
    await page.goto(site.server.url);
    await page.waitForLoadState('networkidle');
    // The served files differ from the baked ones: wait for the page to show them. Either both
    // colliding cards render, or the programme's section says it could not be shown (its
    // boundary caught the error); the rest of the page stays.
    const colliding = page.locator(`[data-figure-id="${files?.fundingId}"]`);
    const alerts = page.locator('main [role="alert"]');
    await expect.poll(async () => (await colliding.count()) === 2 || (await alerts.count()) > 0, { timeout: 10_000 }).toBe(true);
    for (const alert of await alerts.allTextContents()) expect(alert).toMatch(/could not be shown: /);
    expect(((await page.locator('main').innerText()) ?? '').length).toBeGreaterThan(1000);
    expect(await page.locator('[data-glance] [data-glance-cell]').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-figure-id]').count()).toBeGreaterThan(5);
    expect(problems.pageErrors).toEqual([]);
    await context.close();
  });
});
