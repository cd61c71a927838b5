/**
 * The data checker (#/data) in the production build: officers' files are checked in a
 * module worker, errors are shown line by line, a preview swaps in uploaded figures, and
 * no request ever carries an uploaded file. Set E2E_DIST to test a build outside dist/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { collectProblems, openPage } from './browser.ts';
import { DIST_DIR, REPO_ROOT } from './server.ts';

const PUBLISHED_FUNDING = readFileSync(path.join(REPO_ROOT, 'public/data/funding.csv'), 'utf8');
const PUBLISHED_PROGRAMMES = readFileSync(path.join(REPO_ROOT, 'public/data/programmes.csv'), 'utf8');
/** A string that appears only in uploaded files, to spot it in any request. */
const MARKER = 'UPLOAD-MARKER-7f3a9c';

const site = useSite({ root: process.env.E2E_DIST ?? DIST_DIR });

interface Opened {
  page: Page;
  /** Every request the page made, with its body. */
  requests: Request[];
  problems: ReturnType<typeof collectProblems>;
}

async function openDataView(width = 1280): Promise<Opened> {
  const page = await openPage(site.browser, { width, height: 900 });
  const problems = collectProblems(page);
  const requests: Request[] = [];
  page.on('request', (request) => requests.push(request));
  await page.goto(`${site.server.url}#/data`);
  await page.getByRole('heading', { level: 1, name: 'Check your data files' }).waitFor();
  return { page, requests, problems };
}

function csvFile(name: string, text: string) {
  return { name, mimeType: 'text/csv', buffer: Buffer.from(text, 'utf8') };
}

async function choose(page: Page, ...files: ReturnType<typeof csvFile>[]): Promise<void> {
  // Found by its label, so the input is properly labelled.
  await page.getByLabel('Choose CSV files').setInputFiles(files);
}

async function waitChecked(page: Page, fileName: string): Promise<void> {
  // "Checked: …" appears once the file's own check and the cross-file check are both done.
  await page
    .locator(`[data-file="${fileName}"][data-status="done"] [data-role="status"]`)
    .getByText(/^Checked:/)
    .waitFor({ timeout: 20_000 });
}

/** Nothing the page sent (URL or body) contains uploaded content, and nothing was sent except GETs. */
function expectNothingUploaded(requests: Request[]): void {
  const leaks = requests.filter((r) => r.url().includes(MARKER) || (r.postData() ?? '').includes(MARKER));
  expect(leaks.map((r) => r.url())).toEqual([]);
  expect(requests.filter((r) => r.method() !== 'GET').map((r) => `${r.method()} ${r.url()}`)).toEqual([]);
  expect(site.server.requests.filter((p) => p.includes(MARKER))).toEqual([]);
}

const BROKEN_FUNDING = [
  'id,area_code,programme_id,component,funder,funder_type,category,amount_gbp,qualifier,stated_as,part_of,period_years,announced,source_id,new_money,note',
  `wm-deal-total,E47000007,wm-skills-deal,${MARKER},DfE,government,skills,69000000,up_to,,,,2018-07-18,mitm-2018-wm-skills-deal,not_stated,`,
  'lcr-bootcamps-2024,E47000004,lcr-skills-bootcamps,Bootcamps,LCRCA,combined_authority,skills,£11.2m,exact,,,,2024-04,pse-2024-lcr-bootcamps,not_stated,',
  'ragged-row,E47000004,lcr-skills-bootcamps,Too few cells',
].join('\n');

describe('data view', () => {
  it('shows line-level errors for a broken upload, checked in a worker, with nothing sent anywhere', async () => {
    const { page, requests, problems } = await openDataView();
    await expect(page.getByTestId('privacy-note').textContent()).resolves.toMatch(/nothing is uploaded or sent anywhere/);
    await choose(page, csvFile('funding.csv', BROKEN_FUNDING));
    await waitChecked(page, 'funding.csv');

    const report = page.locator('[data-file="funding.csv"]');
    const table = report.getByRole('table', { name: /Errors in funding\.csv/ });
    const rows = await table.locator('tbody tr').evaluateAll((trs) =>
      trs.map((tr) => Object.fromEntries(['line', 'column', 'value'].map((role) => [role, tr.querySelector(`[data-role="${role}"]`)?.textContent?.trim() ?? '']))),
    );
    expect(rows).toEqual([
      { line: '3', column: 'amount_gbp', value: '£11.2m' },
      { line: '4', column: 'whole row', value: '–' },
    ]);
    await expect(table.locator('tbody tr').first().textContent()).resolves.toMatch(/no currency sign/);
    await expect(report.getByRole('status').textContent()).resolves.toMatch(/2 errors/);
    // A worker script was fetched: the check ran off the main thread in the production build.
    expect(requests.some((r) => /validate\.worker-[\w-]+\.js$/.test(r.url()))).toBe(true);

    expectNothingUploaded(requests);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('previews an uploaded figure on the headline view, then goes back to the published data', async () => {
    const { page, requests, problems } = await openDataView();
    const edited = PUBLISHED_FUNDING.replace(
      /^(wm-deal-edtech,E47000007,wm-skills-deal,)EdTech for adult learners,(.*?),1000000,/m,
      `$1EdTech for adult learners,$2,2000000,`,
    ).replace('Adult retraining pilot developed with employers.', `Adult retraining pilot developed with employers. ${MARKER}`);
    expect(edited).toContain(',2000000,');
    await choose(page, csvFile('funding.csv', edited));
    await waitChecked(page, 'funding.csv');
    await expect(page.locator('[data-file="funding.csv"]').getByRole('status').textContent()).resolves.toMatch(/Checked: no errors/);

    await page.getByRole('button', { name: 'Preview with these files' }).click();
    const figure = page.locator('[data-figure-id="wm-deal-edtech"]');
    await expect.poll(() => figure.textContent(), { timeout: 10_000 }).toContain('£2m');
    expect(new URL(page.url()).hash).toBe('#/');
    const banner = page.locator('.preview-banner');
    await expect(banner.textContent()).resolves.toMatch(/Previewing your files \(funding\.csv\)\. Nothing has left this browser\./);

    await page.getByRole('button', { name: 'Back to the published data' }).click();
    await expect.poll(() => figure.textContent(), { timeout: 10_000 }).toContain('£1m');
    await expect(banner.count()).resolves.toBe(0);

    expectNothingUploaded(requests);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('asks which dataset an unrecognised file holds, then checks it', async () => {
    const { page, requests, problems } = await openDataView(375);
    await choose(page, csvFile('export from finance.csv', BROKEN_FUNDING));
    const report = page.locator('[data-file="export from finance.csv"]');
    await report.getByText(/does not match one of the data files/).waitFor();
    await expect(page.getByRole('button', { name: 'Preview with these files' }).isDisabled()).resolves.toBe(true);
    await report.getByLabel('This file holds').selectOption('funding');
    await waitChecked(page, 'export from finance.csv');
    await expect(report.getByRole('table', { name: /Errors in export from finance\.csv/ }).locator('tbody tr').count()).resolves.toBe(2);
    expectNothingUploaded(requests);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('checks references across uploaded files, and against the published data otherwise', async () => {
    const { page, requests, problems } = await openDataView();
    const withNewProgramme = PUBLISHED_FUNDING.trimEnd() + `\nnew-line,E47000007,new-programme,${MARKER},DfE,government,skills,1000,exact,,,,2024,mitm-2018-wm-skills-deal,not_stated,\n`;
    await choose(page, csvFile('funding.csv', withNewProgramme));
    await waitChecked(page, 'funding.csv');
    const references = page.locator('[data-file="funding.csv"]').getByRole('table', { name: /References in funding\.csv that match no row/ });
    await expect(references.locator('tbody tr').textContent()).resolves.toMatch(/new-programme.*programme_id listed in programmes\.csv/s);

    // A programmes.csv that adds the programme (and drops the careers hub) clears the
    // funding error and shows what it breaks in the published files instead.
    const programmes = PUBLISHED_PROGRAMMES.split('\n')
      .filter((line) => !line.startsWith('lcr-careers-hub,'))
      .join('\n')
      .trimEnd() + '\nnew-programme,E47000007,New,deal,2024,mitm-2018-wm-skills-deal,A new programme.\n';
    await choose(page, csvFile('programmes.csv', programmes));
    await waitChecked(page, 'programmes.csv');
    await waitChecked(page, 'funding.csv');
    await expect(references.count()).resolves.toBe(0);
    await expect(page.locator('[data-file="funding.csv"]').getByText(/Every reference to another file matches a row/).count()).resolves.toBe(1);
    const published = page.getByRole('table', { name: /Published rows that would no longer match/ });
    const files = await published.locator('tbody tr td:first-child').allTextContents();
    expect(new Set(files)).toEqual(new Set(['schools_reached.csv', 'programme_items.csv']));
    await expect(published.textContent()).resolves.toContain('lcr-careers-hub');
    expectNothingUploaded(requests);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('offers blank templates made in the browser from the schema', async () => {
    const { page, problems } = await openDataView();
    const section = page.locator('[data-dataset="funding"]');
    await section.locator('summary').click();
    const link = section.getByRole('link', { name: /Blank template for funding\.csv/ });
    await expect(link.getAttribute('href')).resolves.toMatch(/^blob:/);
    await expect(link.getAttribute('download')).resolves.toBe('funding.csv');
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('funding.csv');
    const text = readFileSync(await download.path(), 'utf8');
    expect(text.replace(/^\uFEFF/, '')).toBe(`${PUBLISHED_FUNDING.split('\n')[0]}\n`);
    await expect(section.getByRole('table', { name: /Columns of funding\.csv/ }).locator('tbody tr').count()).resolves.toBe(16);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('has no serious accessibility violations with a broken report shown', async () => {
    const { page } = await openDataView(375);
    await choose(page, csvFile('funding.csv', BROKEN_FUNDING));
    await waitChecked(page, 'funding.csv');
    // Evaluated through DevTools: the site's CSP (rightly) blocks an injected <script>.
    await page.evaluate(readFileSync(path.join(REPO_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8'));
    const violations = await page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(context: Element): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
      const result = await axe.run(document.querySelector('main') ?? document.body);
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${JSON.stringify(v.nodes.map((n) => n.target))}`);
    });
    expect(violations).toEqual([]);
    await page.context().close();
  });
});
