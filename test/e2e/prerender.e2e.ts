/**
 * The prerendered headline: dist/index.html already holds every figure (so it paints with
 * JavaScript off), the app takes that markup over without re-rendering it or flashing
 * "Loading", and files changed after the build still win once the page re-reads them.
 */
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { useServer, useSite } from './site.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { parsePrerendered, PRERENDERED_ATTRIBUTE } from '../../src/lib/app/prerendered.ts';
import { isIndicatorFile } from '../../src/lib/data/headline-indicators.ts';
import { loadHeadlineIndicators } from '../../src/lib/data/headline-indicators-load.ts';
import { loadDatasets } from '../../src/lib/data/load.ts';
import { COMBINED_AUTHORITY_PREFIX, ENGLAND_CODE } from '../../src/lib/data/indicators/schema.ts';
import { DIST_DIR } from './server.ts';
import { formatFigure } from '../../src/lib/data/format.ts';
import { defaultPair, glanceViewModel } from '../../src/lib/data/glance.ts';
import { SCHEMA, DATASET_NAMES } from '../../src/lib/data/schema.ts';
import { validateCsv } from '../../src/lib/data/validate.ts';
import type { RowsByDataset } from '../../src/lib/data/schema.ts';
import { collectProblems } from './browser.ts';
import { buildPromises } from '../../src/lib/data/promises.ts';
import { byId, cardTexts, dataFile, expectedCards, openAllFolds, publishedData } from './headline-data.ts';

/** The prerendered page shows the default pair: card value text for those regions' rows, from the CSVs themselves. */
let data: RowsByDataset;
let defaultCards: { id: string; text: string }[];
beforeAll(async () => {
  data = await publishedData();
  const pair = defaultPair(data);
  defaultCards = expectedCards(data)
    .filter((c) => c.region === pair.region || c.region === pair.compare)
    .map(({ id, text }) => ({ id, text }));
});

const site = useSite();

/** Every script the page requests, as paths under dist/. */
function scriptsRequested(page: Page): string[] {
  const scripts: string[] = [];
  page.on('request', (request) => {
    if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname.replace(/^\//, ''));
  });
  return scripts;
}
/** The chunk with papaparse in it, known by a name papaparse gives extra fields (minifiers keep property strings). */
const holdsCsvParser = (script: string) => readFileSync(join(DIST_DIR, script), 'utf8').includes('__parsed_extra');
const PHONE = { width: 375, height: 812 };

/** A page in a fresh browser context at `route`, its problems collected; with JavaScript on, once the network is idle. */
async function visit(route: string, options: { javaScript: boolean; viewport?: { width: number; height: number } }) {
  const context = await site.browser.newContext({ javaScriptEnabled: options.javaScript, viewport: options.viewport ?? PHONE });
  const page = await context.newPage();
  const problems = collectProblems(page);
  await page.goto(site.server.url + route);
  if (options.javaScript) await page.waitForLoadState('networkidle');
  return { context, page, problems };
}

describe('with JavaScript off', () => {
  it('shows every figure card with the value its CSV row gives, and the sources', async () => {
    const { context, page } = await visit('', { javaScript: false });
    expect(await page.locator('h1').first().textContent()).toContain('at a glance');
    expect(defaultCards.length).toBeGreaterThan(0);
    expect(byId(await cardTexts(page))).toEqual(byId(defaultCards));
    // The glance gives the default pair's key figures, as the view-model computes them.
    const vm = glanceViewModel(data, {});
    const heads = await page.locator('[data-glance] thead th').allTextContents();
    vm.columns.forEach((column, i) => expect(heads[i]).toContain(column.name));
    for (const row of vm.rows) {
      for (const cell of row.cells) expect(await page.locator(`[data-glance-cell="${cell.key}"] .glance-value`).textContent(), cell.key).toBe(cell.text);
    }
    // No dead controls: the pickers need JavaScript, so they are hidden.
    expect(await page.locator('select:visible, main button:visible').count()).toBe(0);
    expect(await page.locator('.loading').count()).toBe(0);
    // Folds and sources open without script: <details> is native.
    await openAllFolds(page);
    const card = page.locator('[data-figure-id="wm-deal-nrs-pilot"]');
    await card.locator('summary', { hasText: 'Source' }).click();
    expect(await card.locator('details.source').getAttribute('open')).not.toBeNull();
    await context.close();
  });

  it('tracks every target or plan, on its card and in the Promises section, as of today', async () => {
    const { context, page } = await visit('', { javaScript: false });
    const rows = { funding: validateCsv('funding', dataFile('funding.csv')).rows, completions: validateCsv('completions', dataFile('completions.csv')).rows, schools_reached: validateCsv('schools_reached', dataFile('schools_reached.csv')).rows };
    // The page was built moments ago, so its day is today's (the same clock the status reads).
    const promises = buildPromises(rows, new Date());
    expect(promises.length).toBeGreaterThan(0);
    const listed = await page.locator('[data-promises] [data-promise-id]').evaluateAll((items) => items.map((item) => ({ id: item.getAttribute('data-promise-id'), state: item.getAttribute('data-promise-state'), text: item.textContent ?? '' })));
    expect(listed.map((p) => p.id).sort()).toEqual(promises.map((p) => p.id).sort());
    for (const promise of promises) {
      const item = listed.find((p) => p.id === promise.id);
      expect(item?.state, promise.id).toBe(promise.state);
      expect(item?.text, promise.id).toContain(promise.detail);
      // Cards show for the default pair; the Promises section lists every region's.
      if (!defaultCards.some((c) => c.id === promise.id)) continue;
      const onCard = page.locator(`[data-figure-id="${promise.id}"] [data-role="promise"]`);
      expect(await onCard.textContent(), promise.id).toBe(promise.detail);
    }
    // Every overdue target says so in the words a reader sees.
    for (const promise of promises.filter((p) => p.state === 'overdue')) {
      expect(listed.find((p) => p.id === promise.id)?.text).toMatch(/Target date passed \([^)]+\): no outcome is published in the data/);
    }
    await context.close();
  });

  it('names a file holding the data the markup was rendered from, with the fingerprint of each published file it read', async () => {
    const { context, page } = await visit('', { javaScript: false });
    const file = (await page.locator(`#app[${PRERENDERED_ATTRIBUTE}]`).getAttribute(PRERENDERED_ATTRIBUTE)) ?? '';
    expect(file).toMatch(/^\.\/assets\/prerendered-[0-9a-f]{12}\.json$/);
    const baked = parsePrerendered(readFileSync(join(DIST_DIR, file), 'utf8'));
    if (!baked) throw new Error(`${file} does not read back as prerendered data`);
    // Every announcement dataset and every file behind the headline's official statistics, fingerprinted as served.
    const served = (path: string) => new TextDecoder('utf-8').decode(readFileSync(join(DIST_DIR, 'data', path)));
    const sha256 = (path: string) => createHash('sha256').update(served(path)).digest('hex');
    const datasetFiles = DATASET_NAMES.map((name) => SCHEMA[name].file);
    for (const path of datasetFiles) expect(baked.files[path], path).toBe(sha256(path));
    const indicatorFiles = Object.keys(baked.files).filter(isIndicatorFile);
    expect(indicatorFiles).toContain('indicators/indicators.csv');
    expect(indicatorFiles.length).toBeGreaterThan(1);
    for (const path of indicatorFiles) expect(baked.files[path], path).toBe(sha256(path));
    // The data as the app's own loaders give it from those files.
    const read = async (path: string) => served(path);
    expect(baked.datasets).toEqual(await loadDatasets(read));
    expect(baked.indicators).toEqual(await loadHeadlineIndicators(read));
    // Only England and the combined authorities: no district rows the headline does not show.
    const areas = new Set([...(baked.indicators?.store.values() ?? [])].flatMap((series) => series.rows.map((row) => row.areaCode)));
    expect([...areas].filter((code) => code !== ENGLAND_CODE && !code.startsWith(COMBINED_AUTHORITY_PREFIX))).toEqual([]);
    await context.close();
  });
});

describe('with JavaScript on', () => {
  it('hydrates the prerendered markup: no loading message, no card re-created, no layout shift, no warnings', async () => {
    const context = await site.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const problems = collectProblems(page);
    const warnings: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await page.addInitScript(() => {
      const record = { loadingShown: false, cardsRemoved: 0, layoutShift: 0 };
      Object.defineProperty(window, '__prerender', { value: record });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
          if (!entry.hadRecentInput) record.layoutShift += entry.value;
        }
      }).observe({ type: 'layout-shift', buffered: true });
      new MutationObserver((mutations) => {
        for (const mutation of mutations) {
          for (const node of mutation.addedNodes) {
            if (node instanceof Element && (node.matches('.loading') || node.querySelector('.loading'))) record.loadingShown = true;
          }
          for (const node of mutation.removedNodes) {
            if (node instanceof Element && (node.matches('[data-figure-id]') || node.querySelector('[data-figure-id]'))) record.cardsRemoved++;
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const scripts = scriptsRequested(page);
    await page.goto(site.server.url);
    await page.waitForLoadState('networkidle');
    // The served CSVs were re-read (App's load) and found unchanged, so the CSV parser and validator never loaded.
    expect(site.server.requests).toContain('/data/funding.csv');
    expect(scripts.filter(holdsCsvParser)).toEqual([]);
    const record = await page.evaluate(() => (window as unknown as { __prerender: { loadingShown: boolean; cardsRemoved: number; layoutShift: number } }).__prerender);
    expect(record.loadingShown).toBe(false);
    expect(record.cardsRemoved).toBe(0);
    expect(record.layoutShift).toBeLessThan(0.01);
    expect(byId(await cardTexts(page))).toEqual(byId(defaultCards));
    expect(problems.all()).toEqual([]);
    expect(warnings).toEqual([]);
    // Hydrated, not static: the skip link's handler moves focus to main without changing the route.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(new URL(page.url()).hash).toBe('');
    await context.close();
  });

  it('asks for the app code only after the prerendered figures have painted', async () => {
    const { context, page, problems } = await visit('', { javaScript: true });
    const timings = await page.evaluate(() => ({
      firstPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
      scripts: performance
        .getEntriesByType('resource')
        .filter((entry) => /\/assets\/.*\.js$/.test(entry.name))
        .map((entry) => ({ name: entry.name, startTime: entry.startTime })),
    }));
    expect(timings.firstPaint).toBeGreaterThan(0);
    expect(timings.scripts.length).toBeGreaterThan(0);
    for (const script of timings.scripts) expect(script.startTime, script.name).toBeGreaterThanOrEqual(timings.firstPaint);
    expect(problems.all()).toEqual([]);
    await context.close();
  });

  it('paints from the HTML alone: its CSS is inline, and no stylesheet is fetched, then or when the app and a lazy view load', async () => {
    const { context, page, problems } = await visit('', { javaScript: true });
    // Styled: the inlined stylesheet's custom properties apply.
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--ink').trim())).not.toBe('');
    await page.goto(`${site.server.url}#/compare`);
    await page.locator('main h1').first().waitFor();
    await page.waitForLoadState('networkidle');
    const requested = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
    const inlined = await page.locator('link[rel="stylesheet"][disabled]').evaluateAll((links) => links.map((link) => (link as HTMLLinkElement).href));
    expect(inlined.length).toBeGreaterThan(0);
    for (const href of inlined) expect(requested, href).not.toContain(href);
    expect(problems.all()).toEqual([]);
    await context.close();
  });

  it('opens another view from a deep link without leaving the headline markup behind', async () => {
    const { context, page, problems } = await visit('#/data', { javaScript: true, viewport: { width: 1280, height: 900 } });
    expect(await page.locator('[data-figure-id]').count()).toBe(0);
    expect(await page.locator('main h1').count()).toBe(1);
    expect(await page.locator('main h1').textContent()).not.toContain('headline figures');
    expect(problems.all()).toEqual([]);
    await context.close();
  });
});

describe('when a CSV was replaced after the build', () => {
  const original = dataFile('funding.csv');
  const changed = original.replace(/^(lcr-bootcamps-2024,.*?),11200000,/m, '$1,11300000,');
  const changedServer = useServer({ overrides: { '/data/funding.csv': changed } });

  it('shows the served file’s figure once the page has re-read it', async () => {
    expect(changed).not.toBe(original);
    const row = validateCsv('funding', changed).rows.find((r) => r.id === 'lcr-bootcamps-2024');
    const expected = formatFigure(row?.amount_gbp ?? null, row?.qualifier ?? 'exact', 'gbp', row?.stated_as ?? null).text;
    expect(expected).toBe('£11.3m');
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const scripts = scriptsRequested(page);
    await page.goto(changedServer.url);
    const value = page.locator('[data-figure-id="lcr-bootcamps-2024"] [data-role="value"]');
    await expect.poll(() => value.textContent()).toBe(expected);
    // A changed file is checked in full, with the parser and validator fetched for it.
    expect(scripts.filter(holdsCsvParser).length).toBeGreaterThan(0);
    await context.close();
  });
});
