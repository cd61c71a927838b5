/**
 * Ids that collide across datasets, and a funding id equal to a key the code makes up
 * itself (issue 19 item 1): such data passes the checker, so every view must render it
 * with no page error, no "could not be shown" panel and visible text. Served from the
 * frozen fixtures with colliding rows added, so the test does not depend on the published data.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectProblems, EXPECTED_WITHOUT_BOUNDARIES, openPage } from './browser.ts';
import { REPO_ROOT } from './server.ts';
import { useSite } from './site.ts';
import { takeOverCharts } from './static.ts';
import { CHART_IDS } from '../../src/lib/charts/registry.ts';
import { MAP_EMBED_ID } from '../../src/lib/export/embed-params.ts';
import { DATASET_NAMES, type DatasetName } from '../../src/lib/data/schema.ts';
import { assembleDatasets } from '../../src/lib/data/validate.ts';

const FIXTURES = join(REPO_ROOT, 'test/fixtures/dashboard');
const files = Object.fromEntries(readdirSync(FIXTURES).filter((f) => f.endsWith('.csv')).map((f) => [f, readFileSync(join(FIXTURES, f), 'utf8')]));
const append = (file: string, ...rows: string[]) => {
  files[file] = `${(files[file] ?? '').trimEnd()}\n${rows.join('\n')}\n`;
};

const SHARED = 'lcr-bootcamps-2024'; // a funding id in the fixtures
// A completions and a schools row with the funding line's id, in the same programme.
append('completions.csv', `${SHARED},E47000004,lcr-skills-bootcamps,completed,100,exact,,2024-05,,pse-2024-lcr-bootcamps,,Same id as a funding line.`);
append('schools_reached.csv', `${SHARED},E47000004,lcr-skills-bootcamps,12,exact,,actual,2024-05,pse-2024-lcr-bootcamps,Same id as a funding line.`);
// Funding ids equal to the keys charts make for their own rows (totals, headings, programmes).
for (const id of ['total-E47000007', 'heading-E47000007', 'none-E47000004', 'programme-wm-skills-deal', 'parts-part-wm-deal-total']) {
  append('funding.csv', `${id},E47000007,wm-skills-deal,Line named ${id},Not stated,not_stated,skills,,unquantified,,,,2018-07-18,mitm-2018-wm-skills-deal,not_stated,Id equal to a derived key.`);
}
// Right-to-left names (allowed in free text) right before figures, in two bar labels.
files['funding.csv'] = (files['funding.csv'] ?? '').replace(',Whole deal,', ',الصفقة كاملة,').replace(',"New funding for 2,500 places",', ',تمويل جديد,');
const site = useSite({ overrides: Object.fromEntries(Object.entries(files).map(([file, text]) => [`/data/${file}`, text])) });

const PAGES = ['', '#/map', '#/compare', '#/data', ...[...CHART_IDS, MAP_EMBED_ID].map((id) => `embed.html?chart=${id}`)];

describe('ids that collide across datasets and with derived keys', () => {
  it('pass the checker', () => {
    const texts = Object.fromEntries(DATASET_NAMES.filter((name) => files[`${name}.csv`] !== undefined).map((name) => [name, { text: files[`${name}.csv`] ?? '' }])) as Partial<Record<DatasetName, { text: string }>>;
    const { reports } = assembleDatasets(texts);
    expect(reports.filter((r) => r.status !== 'ok').map((r) => `${r.file}: ${r.errors.map((e) => e.expected).join('; ')}`)).toEqual([]);
  });

  it.each(PAGES)('render %s with no page error and visible text', async (address) => {
    const page = await openPage(site.browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);
    await page.goto(`${site.server.url}${address}`);
    // A chart embed opens its static page, drawn from the published data at build time: the colliding data is the live chart's.
    if (address.startsWith('embed.html') && !address.endsWith(`=${MAP_EMBED_ID}`)) await takeOverCharts(page);
    // Until the data has loaded and the view has drawn: no "Loading the chart…" left.
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(() => !/Loading (the|this) /.test(document.body.innerText), undefined, { timeout: 30_000 });
    const text = await page.evaluate(() => document.body.innerText.trim());
    expect(text.length).toBeGreaterThan(100);
    expect(await page.locator('.render-failed').count()).toBe(0);
    expect(problems.pageErrors).toEqual([]);
    expect(problems.consoleErrors.filter((line) => !EXPECTED_WITHOUT_BOUNDARIES?.test(line))).toEqual([]);
    await page.close();
  }, 60_000);
});

/**
 * Where each character of `needle` is drawn, left to right on screen, in the first leaf
 * element under `selector` whose text holds it: -1 when not found. SVG text reports its
 * glyph positions; HTML text is measured with a Range per character.
 */
async function drawnOrder(page: import('playwright-core').Page, selector: string, needle: string): Promise<number[]> {
  return page.evaluate(
    ({ selector, needle }) => {
      for (const element of document.querySelectorAll(selector)) {
        if (element.children.length > 0 && !(element instanceof SVGTextElement)) continue;
        const text = element.textContent ?? '';
        const at = text.indexOf(needle);
        if (at < 0) continue;
        const xs: number[] = [];
        for (let i = at; i < at + needle.length; i++) {
          if (needle[i - at] === ' ') continue;
          if (element instanceof SVGTextContentElement) {
            xs.push(element.getStartPositionOfChar(i).x);
          } else {
            const node = element.firstChild;
            if (!node) return [-1];
            const range = document.createRange();
            range.setStart(node, i);
            range.setEnd(node, i + 1);
            xs.push(range.getBoundingClientRect().left);
          }
        }
        return xs;
      }
      return [-1];
    },
    { selector, needle },
  );
}

const increasing = (xs: number[]) => xs.length > 1 && xs.every((x, i) => x >= 0 && (i === 0 || x > (xs[i - 1] ?? Infinity)));

describe('a right-to-left name before a figure', () => {
  it('leaves the figures in the chart labels reading in order', async () => {
    const page = await openPage(site.browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);
    await page.goto(`${site.server.url}#/compare`);
    await page.locator('figure[data-chart-id="deal-breakdown"] svg').first().waitFor({ timeout: 30_000 });
    // "⁨تمويل جديد⁩: £11.2m": without the isolate, ": £" would join the Arabic run and "£" be drawn after "11.2".
    const labels = 'figure[data-chart-id="deal-breakdown"] svg text, figure[data-chart-id="deal-breakdown"] svg tspan';
    expect(await drawnOrder(page, labels, '£11.2m'), '£11.2m').toSatisfy(increasing);
    expect(await drawnOrder(page, labels, 'up to £69m'), 'up to £69m').toSatisfy(increasing);
    expect(problems.pageErrors).toEqual([]);
    await page.close();
  }, 60_000);
});
