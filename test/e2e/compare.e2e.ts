/**
 * The compare view in the production build: every registry chart is drawn with its
 * caption, summary, table and sources; the measure switch lives in the URL and changes
 * the figures (expected values computed here from the CSVs); unquantified items show.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { formatFigure, formatGbpPence } from '../../src/lib/data/format.ts';
import { validateCsv } from '../../src/lib/data/validate.ts';
import { CHART_IDS as REGISTRY_IDS } from '../../src/lib/charts/registry.ts';
import { latestPeriod } from '../../src/lib/data/indicators/derive.ts';
import { loadIndicators } from '../../src/lib/data/indicators/load.ts';
import { COMBINED_AUTHORITY_PREFIX } from '../../src/lib/data/indicators/schema.ts';
import { axeViolations } from './axe.ts';
import { collectProblems, openPage } from './browser.ts';
import { dataFile } from './headline-data.ts';

const CHART_IDS: readonly string[] = REGISTRY_IDS;

const funding = validateCsv('funding', dataFile('funding.csv')).rows;
const areas = validateCsv('areas', dataFile('areas.csv')).rows;
const wmDeal = funding.find((row) => row.part_of === null && row.category === 'skills' && funding.some((part) => part.part_of === row.id));
const wmArea = areas.find((area) => area.area_code === wmDeal?.area_code);
const unquantifiedFunding = funding.filter((row) => row.category === 'skills' && row.amount_gbp === null);
const combinedAuthorities = areas.filter((area) => area.area_type === 'combined_authority');
// The official statistics as published: the first indicator in indicators.csv is each chart's default.
const official = await loadIndicators(async (file) => dataFile(file));
const defaultSeries = [...official.store.values()][0];

// COMPARE_DIST lets this file run against a build made elsewhere while others share dist/.
const site = useSite(process.env.COMPARE_DIST ? { root: process.env.COMPARE_DIST } : {});

async function openCompare(route = '#/compare', width = 1280): Promise<{ page: Page; problems: ReturnType<typeof collectProblems> }> {
  const page = await openPage(site.browser, { width, height: 900 });
  const problems = collectProblems(page);
  await page.goto(site.server.url + route);
  await page.locator('figure[data-chart-id][data-chart-ready]').nth(CHART_IDS.length - 1).waitFor();
  return { page, problems };
}

/** Distinct stroked line groups in a chart's SVG: one per series (the trend chart's lines are 2.5 px wide). */
const lineCount = (page: Page, id: string) => figure(page, id).locator('svg[role="img"] g[fill="none"][stroke-width="2.5"] path').count();

const figure = (page: Page, id: string) => page.locator(`figure[data-chart-id="${id}"]`);

/** The deal-breakdown table cell holding the measure for a funding line (the column after the row header). */
const measureCell = (page: Page, rowId: string) => figure(page, 'deal-breakdown').locator(`tr[data-row-id="${rowId}"] td`).first();

describe('compare view', () => {
  it('draws every chart with a caption, an accessible summary, a table and linked sources', async () => {
    const { page, problems } = await openCompare();
    expect(await page.locator('figure[data-chart-id]').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-chart-id')))).toEqual(CHART_IDS);
    for (const id of CHART_IDS) {
      const fig = figure(page, id);
      expect((await fig.locator('figcaption').textContent())?.trim()).not.toBe('');
      const svg = fig.locator('svg[role="img"]');
      expect(await svg.getAttribute('aria-label')).toBeTruthy();
      const summaryId = await svg.getAttribute('aria-describedby');
      const summary = (await page.locator(`#${summaryId}`).textContent()) ?? '';
      expect(summary.length).toBeGreaterThan(40);
      await expect(fig.locator('[data-chart-summary]').isVisible()).resolves.toBe(true);

      const toggle = fig.getByRole('button', { name: /Show table/ });
      expect(await toggle.getAttribute('aria-expanded')).toBe('false');
      expect(await fig.locator('table').isVisible()).toBe(false);
      await toggle.click();
      expect(await fig.getByRole('button', { name: /Hide table/ }).getAttribute('aria-expanded')).toBe('true');
      const table = fig.locator('table');
      expect(await table.isVisible()).toBe(true);
      expect((await table.locator('caption').textContent())?.trim()).not.toBe('');
      expect(await table.locator('thead th[scope="col"]').count()).toBeGreaterThan(1);
      expect(await table.locator('tbody th[scope="row"]').count()).toBeGreaterThan(0);

      expect(await fig.locator('.chart-footnotes li[data-source-id]').count()).toBeGreaterThan(0);
      expect(await fig.locator('.chart-footnotes a[href^="http"]').count()).toBeGreaterThan(0);
    }
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('switches the deal breakdown to £ per resident, in the URL and in the figures', async () => {
    expect(wmDeal && wmArea && wmDeal.amount_gbp !== null).toBe(true);
    const amount = wmDeal?.amount_gbp ?? NaN;
    const totalText = formatFigure(amount, wmDeal?.qualifier ?? 'exact', 'gbp').long;
    const perResidentText = `up to ${formatGbpPence(amount / (wmArea?.population ?? NaN))}`;

    const { page, problems } = await openCompare();
    const deal = figure(page, 'deal-breakdown');
    await deal.getByRole('button', { name: /Show table/ }).click();
    expect(await measureCell(page, wmDeal?.id ?? '').textContent()).toBe(totalText);

    const perResident = deal.getByRole('button', { name: '£ per resident', exact: true });
    await perResident.click();
    expect(await perResident.getAttribute('aria-pressed')).toBe('true');
    await page.waitForFunction(() => location.hash.includes('measure=per_resident'));
    await expect.poll(() => measureCell(page, wmDeal?.id ?? '').textContent()).toBe(perResidentText);
    // The chart itself redraws with the new figure, not just the table.
    await expect.poll(() => deal.locator('svg[role="img"]').textContent()).toContain(perResidentText);
    expect(await deal.locator('figcaption').textContent()).toContain(`population in ${wmArea?.population_year}`);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('redraws only the chart whose switch is used, and namespaces its parameter by chart id', async () => {
    const { page, problems } = await openCompare();
    // Watch every other chart's figure for any change, and tag each drawn SVG to spot replacement.
    await page.evaluate((ids) => {
      const state = window as unknown as { __mutations: Record<string, number> };
      state.__mutations = {};
      for (const id of ids) {
        const fig = document.querySelector(`figure[data-chart-id="${id}"]`);
        if (!fig) throw new Error(`no figure ${id}`);
        fig.querySelector('svg[role="img"]')?.setAttribute('data-first-draw', '');
        state.__mutations[id] = 0;
        new MutationObserver((records) => {
          state.__mutations[id] = (state.__mutations[id] ?? 0) + records.length;
        }).observe(fig, { childList: true, subtree: true, characterData: true });
      }
    }, CHART_IDS);
    await figure(page, 'deal-breakdown').getByRole('button', { name: '£ per resident', exact: true }).click();
    await page.waitForFunction(() => location.hash === '#/compare?deal-breakdown.measure=per_resident');
    await figure(page, 'deal-breakdown').locator('svg[role="img"]:not([data-first-draw])').waitFor();
    // Give any stray redraw (Svelte flush, the resize debounce) time to happen.
    await page.waitForTimeout(400);
    const mutations = await page.evaluate(() => (window as unknown as { __mutations: Record<string, number> }).__mutations);
    expect(mutations['deal-breakdown']).toBeGreaterThan(0);
    for (const id of CHART_IDS.filter((other) => other !== 'deal-breakdown')) {
      expect({ id, mutations: mutations[id] }).toEqual({ id, mutations: 0 });
      expect(await figure(page, id).locator('svg[role="img"][data-first-draw]').count()).toBe(1);
    }
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('draws each key swatch as real SVG shapes, from the same definition as exported images', async () => {
    const { page } = await openCompare();
    const shapes = await page.evaluate(() =>
      [...document.querySelectorAll('.chart-legend svg.swatch > *')].map((node) => ({ svg: node.namespaceURI === 'http://www.w3.org/2000/svg', size: node instanceof SVGGraphicsElement ? node.getBBox().width + node.getBBox().height : 0 })),
    );
    expect(shapes.length).toBeGreaterThan(3);
    for (const shape of shapes) expect(shape.svg && shape.size > 0).toBe(true);
    await page.context().close();
  });

  it('reads the measure from a shared link, and falls back to £ total for a malformed one', async () => {
    const shared = await openCompare('#/compare?measure=per_resident_per_year');
    expect(await shared.page.getByRole('button', { name: '£ per resident per year', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(await figure(shared.page, 'deal-breakdown').locator('svg[role="img"]').textContent()).toContain('Period not published');
    await shared.page.context().close();

    const malformed = await openCompare('#/compare?measure=%3Cscript%3E');
    expect(await malformed.page.getByRole('button', { name: '£ total', exact: true }).getAttribute('aria-pressed')).toBe('true');
    expect(malformed.problems.all()).toEqual([]);
    await malformed.page.context().close();
  });

  it('shows unquantified items as visible, labelled entries', async () => {
    const { page } = await openCompare();
    const deal = figure(page, 'deal-breakdown');
    const chartText = (await deal.locator('svg[role="img"]').textContent()) ?? '';
    expect(unquantifiedFunding.length).toBeGreaterThan(0);
    for (const row of unquantifiedFunding) {
      expect(chartText).toContain(row.component);
      // The source's words are isolated (FSI…PDI) inside the quotation marks.
      if (row.stated_as) expect(chartText).toContain(`“\u2068${row.stated_as}\u2069”`);
    }
    await expect(deal.getByText('Not quantified', { exact: false }).first().isVisible()).resolves.toBe(true);
    expect(await figure(page, 'careers-hub-reach').locator('svg[role="img"]').textContent()).toContain('Not quantified');
    await page.context().close();
  });

  it('fits a 320 px screen and redraws when its container resizes', async () => {
    const { page } = await openCompare('#/compare', 320);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    for (const id of CHART_IDS) {
      const width = Number(await figure(page, id).locator('svg[role="img"]').getAttribute('width'));
      expect(width).toBeLessThanOrEqual(320);
    }
    const svg = figure(page, 'deal-breakdown').locator('svg[role="img"]');
    const narrow = Number(await svg.getAttribute('width'));
    await page.setViewportSize({ width: 1100, height: 900 });
    await expect.poll(async () => Number(await svg.getAttribute('width'))).toBeGreaterThan(narrow);
    await page.context().close();
  });

  it('ranks every combined authority in the official statistics, and draws the pair and England over time', async () => {
    expect(defaultSeries).toBeDefined();
    if (!defaultSeries) return;
    const period = latestPeriod(defaultSeries);
    const inData = new Set(defaultSeries.rows.filter((row) => row.period === period?.raw && row.areaCode.startsWith(COMBINED_AUTHORITY_PREFIX)).map((row) => row.areaCode));
    const { page, problems } = await openCompare();
    const ranking = figure(page, 'indicator-ranking');
    await ranking.getByRole('button', { name: /Show table/ }).click();
    const rankedCodes = await ranking.locator('tbody tr[data-row-id]').evaluateAll((rows) => rows.map((row) => (row.getAttribute('data-row-id') ?? '').split('-')[0]));
    expect(new Set(rankedCodes.filter((code) => code?.startsWith('E47')))).toEqual(inData);
    expect(rankedCodes).toContain('E92000001');
    expect(await ranking.locator('[data-chart-summary]').textContent()).toMatch(/(highest|lowest) of \d+ combined authorities/);
    expect(await ranking.locator('[data-attribution]').textContent()).toContain('Open Government Licence');
    // One line per chosen region with figures, plus England.
    expect(await lineCount(page, 'indicator-trend')).toBe(3);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('changes the region pair with the picker: the URL, the title and every chart follow', async () => {
    const other = combinedAuthorities.find((area) => !funding.some((row) => row.area_code === area.area_code || areas.find((a) => a.area_code === row.area_code)?.parent_code === area.area_code));
    expect(other).toBeDefined();
    const { page, problems } = await openCompare();
    expect(await page.locator('[data-region-pair] select').first().locator('option').count()).toBe(combinedAuthorities.length);
    await page.getByLabel('First region').selectOption(other?.area_code ?? '');
    await page.waitForFunction((code) => new URLSearchParams(location.hash.split('?')[1]).get('a') === code, other?.area_code);
    await expect.poll(() => page.locator('h1').textContent()).toContain(other?.short_name);
    // No announcements for that region: said in words, not an empty drawing.
    await expect.poll(() => figure(page, 'deal-breakdown').locator('.chart-notes, [data-chart-empty]').first().textContent()).toContain(`No funding announcements for \u2068${other?.short_name}\u2069 are in the data yet`);
    await expect.poll(() => figure(page, 'indicator-ranking').locator('[data-chart-summary]').textContent()).toContain(other?.short_name);
    await expect.poll(() => figure(page, 'indicator-trend').locator('[data-chart-summary]').textContent()).toContain(other?.short_name);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('keeps Observable Plot out of the headline view', async () => {
    const page = await openPage(site.browser, { width: 1280, height: 900 });
    const scripts: string[] = [];
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url());
    });
    await page.goto(site.server.url);
    await page.locator('[data-glance]').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(scripts.filter((url) => /CompareView/.test(url))).toEqual([]);
    await page.context().close();
  });
});
