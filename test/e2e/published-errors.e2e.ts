/**
 * A served funding.csv with 50,000 errors (issue 19 item 7): the data view renders the
 * first few per file and per column with counts, offers the full list as a CSV download,
 * and the rest of the dashboard still renders with the broken file left out. A chosen file
 * whose name holds a right-to-left override is shown with the character visible (item 5).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collectProblems, openPage } from './browser.ts';
import { useSite } from './site.ts';
import { SCHEMA } from '../../src/lib/data/schema.ts';

const ERRORS = 50_000;
const header = Object.keys(SCHEMA.funding.columns).join(',');
/** Synthetic rows, so the test does not depend on the published figures. Every row has a bad amount; every 10th a bad date as well, so two columns have errors. */
const VALID: Record<string, string> = {
  area_code: 'E47000007', programme_id: 'p', component: 'C', funder: 'F', funder_type: 'government', category: 'skills', amount_gbp: '£11.2m',
  qualifier: 'exact', stated_as: '', part_of: '', period_years: '', announced: '2024', source_id: 's', new_money: 'not_stated', note: '',
};
const rows = Array.from({ length: ERRORS }, (_, i) => Object.keys(SCHEMA.funding.columns).map((column) => (column === 'id' ? `bad-${i}` : column === 'announced' && i % 10 === 0 ? '04/2024' : (VALID[column] ?? ''))).join(','));
const site = useSite({ overrides: { '/data/funding.csv': `${[header, ...rows].join('\n')}\n` } });

describe('a published file with 50,000 errors', () => {
  it('renders a capped list with counts and a download of the full list, and the rest of the site', async () => {
    const page = await openPage(site.browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);
    const start = Date.now();
    await page.goto(`${site.server.url}#/data`);
    const table = page.getByRole('table', { name: /Errors in funding\.csv/ });
    await table.waitFor({ timeout: 30_000 });
    expect(Date.now() - start).toBeLessThan(20_000);
    const shownRows = await table.locator('tbody tr').count();
    expect(shownRows).toBeLessThanOrEqual(500);
    expect(shownRows).toBeGreaterThan(0);
    const cap = page.getByTestId('issue-cap').first();
    await expect(cap.textContent()).resolves.toMatch(/Showing the first \d+ of 55,000, at most 100 per column\./);
    const download = page.waitForEvent('download');
    await cap.getByRole('button', { name: 'Download all 55,000 as CSV' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('funding-errors.csv');
    const text = readFileSync((await file.path()) ?? '', 'utf8');
    expect(text.trimEnd().split('\r\n')).toHaveLength(55_001);
    // The rest of the site renders without the broken file.
    await page.goto(`${site.server.url}#/`);
    await page.locator('[data-glance]').first().waitFor();
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});

describe('a chosen file whose name holds U+202E', () => {
  it('is shown with the character visible and isolated, so it cannot pass for another name', async () => {
    const page = await openPage(site.browser, { width: 1280, height: 900 });
    await page.goto(`${site.server.url}#/data`);
    const name = 'funding\u202Evsc.csv';
    await page.getByLabel('Choose CSV files').setInputFiles([{ name, mimeType: 'text/csv', buffer: Buffer.from(`${header}\n`, 'utf8') }]);
    const heading = page.locator('.file-report h3').first();
    await heading.waitFor();
    await expect(heading.textContent()).resolves.toBe('funding⟨U+202E⟩vsc.csv');
    await expect(heading.locator('bdi').count()).resolves.toBe(1);
    await page.close();
  }, 60_000);
});
