/**
 * Copy with citation: each figure card and each chart puts plain text on the clipboard,
 * carrying the figure's qualifier words and its source (publisher, date, web address, or
 * that none is known). Where the browser refuses or has no clipboard, the text is shown
 * in a read-only field, focused and selected, for the reader to copy. axe checks both.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { formatFigure, formatPartialDate } from '../../src/lib/data/format.ts';
import { validateCsv } from '../../src/lib/data/validate.ts';
import { dataFile, openAllFolds } from './headline-data.ts';
import { axeViolations } from './axe.ts';
import { collectProblems } from './browser.ts';
import { useSite } from './site.ts';


const sources = new Map(validateCsv('sources', dataFile('sources.csv')).rows.map((s) => [s.source_id, s]));
const funding = validateCsv('funding', dataFile('funding.csv')).rows;
/** A quantified funding line whose source has a web address, and one whose source has none, from the data. */
const withUrl = funding.find((l) => l.amount_gbp !== null && sources.get(l.source_id)?.url);
const withoutUrl = funding.find((l) => l.amount_gbp !== null && sources.get(l.source_id) && !sources.get(l.source_id)?.url);

const site = useSite();

async function open(context: BrowserContext, route = ''): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${site.server.url}${route}`);
  await page.waitForLoadState('networkidle');
  // The headline's programme sections are folded; a reader opens one to reach its cards.
  await openAllFolds(page);
  return page;
}

const clipboardText = (page: Page) => page.evaluate(() => navigator.clipboard.readText());

describe('with clipboard access granted', () => {
  it('copies a figure card as plain text with its qualifier and source', async () => {
    if (!withUrl) throw new Error('the data have no funding line with a linked source');
    const context = await site.browser.newContext({ viewport: { width: 375, height: 812 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await open(context);
    const problems = collectProblems(page);
    const card = page.locator(`[data-figure-id="${withUrl.id}"]`);
    await card.getByRole('button', { name: /^Copy/ }).click();
    await expect.poll(() => card.locator('[data-copy-status]').textContent()).toContain('Copied');
    const text = await clipboardText(page);
    const source = sources.get(withUrl.source_id);
    const value = formatFigure(withUrl.amount_gbp, withUrl.qualifier, 'gbp', withUrl.stated_as).long;
    expect(text.toLowerCase().startsWith(`${value}: ${withUrl.component}`.toLowerCase())).toBe(true);
    expect(text).toContain(`(${source?.publisher}, ${formatPartialDate(source?.published ?? '')}: ${source?.url})`);
    expect(text).not.toMatch(/[<>]/);
    expect(await card.locator('textarea').count()).toBe(0);
    expect(problems.all()).toEqual([]);
    await context.close();
  });

  it('says so when the source has no web address', async () => {
    if (!withoutUrl) return; // Every source in the data has a web address.
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await open(context);
    await page.locator(`[data-figure-id="${withoutUrl.id}"]`).getByRole('button', { name: /^Copy/ }).click();
    await expect.poll(() => clipboardText(page)).toContain('no web address is known');
    await context.close();
  });

  it('copies a chart’s title, summary and sources', async () => {
    const context = await site.browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
    const page = await open(context, '#/compare');
    const chart = page.locator('figure[data-chart-id]').first();
    await chart.locator('[data-chart-summary]').waitFor();
    const title = (await chart.locator('.chart-title').textContent())?.trim() ?? '';
    const summary = (await chart.locator('[data-chart-summary]').textContent())?.trim() ?? '';
    await chart.getByRole('button', { name: /^Copy/ }).click();
    await expect.poll(() => clipboardText(page)).toContain(summary);
    const lines = (await clipboardText(page)).split('\n');
    expect(lines[0]).toBe(/[.!?]$/.test(title) ? title : `${title}.`);
    expect(lines.slice(2).length).toBeGreaterThan(0);
    for (const line of lines.slice(2)) expect(line).toMatch(/^Source: /);
    await context.close();
  });
});

describe('when the clipboard is refused or missing', () => {
  it.each([
    ['refused', () => Object.defineProperty(navigator.clipboard, 'writeText', { value: () => Promise.reject(new DOMException('Write permission denied.', 'NotAllowedError')) })],
    ['missing', () => Object.defineProperty(navigator, 'clipboard', { value: undefined })],
  ])('%s: shows the text selected in a read-only field, and passes axe', async (_name, script) => {
    if (!withUrl) throw new Error('the data have no funding line with a linked source');
    const context = await site.browser.newContext({ viewport: { width: 375, height: 812 } });
    await context.addInitScript(script);
    const page = await open(context);
    const card = page.locator(`[data-figure-id="${withUrl.id}"]`);
    await card.getByRole('button', { name: /^Copy/ }).click();
    const field = card.locator('textarea[data-copy-text]');
    await field.waitFor();
    const state = await field.evaluate((el: HTMLTextAreaElement) => ({ focused: document.activeElement === el, readOnly: el.readOnly, start: el.selectionStart, end: el.selectionEnd, length: el.value.length, value: el.value }));
    expect(state).toMatchObject({ focused: true, readOnly: true, start: 0, end: state.length });
    expect(state.value).toContain(sources.get(withUrl.source_id)?.url ?? '');
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
