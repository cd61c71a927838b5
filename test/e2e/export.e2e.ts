/**
 * Downloads from a chart in the compare view: PNG at twice the image size, SVG with the
 * title, sources and licence, CSV with a BOM, numbers as numbers and neutralised
 * formulas. And the Embed dialog: labelled, focus managed, Escape closes, escaped code.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { collectProblems, openPage } from './browser.ts';
import { REPO_ROOT } from './server.ts';

const SHOTS = path.join(REPO_ROOT, 'screenshots');

const site = useSite();
mkdirSync(SHOTS, { recursive: true });

async function openCompare(): Promise<{ page: Page; problems: ReturnType<typeof collectProblems> }> {
  const page = await openPage(site.browser, { width: 1280, height: 900 });
  const problems = collectProblems(page);
  await page.goto(`${site.server.url}#/compare`);
  await page.locator('figure[data-chart-id="deal-breakdown"] svg[role="img"]').waitFor();
  return { page, problems };
}

async function download(page: Page, chartId: string, button: RegExp): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.locator(`figure[data-chart-id="${chartId}"]`).getByRole('button', { name: button }).click()]);
  const filePath = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(filePath) };
}

/** Words of an SVG's text elements in order, one space apart: lines wrapped in the image read as the sentence. */
function imageWords(svg: string): string {
  return [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)]
    .map((m) => m[1] ?? '')
    .join(' ')
    .replace(/&amp;/g, '&')
    .replace(/• /g, '')
    .replace(/\s+/g, ' ');
}

/** Width and height from a PNG's IHDR chunk (bytes 16–23). */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('chart downloads', () => {
  it('downloads an SVG with title, sources and licence, and a PNG at twice its size', async () => {
    const { page, problems } = await openCompare();
    const title = (await page.locator('figure[data-chart-id="deal-breakdown"] .chart-title').textContent()) ?? '';
    const svg = await download(page, 'deal-breakdown', /^SVG/);
    expect(svg.name).toBe('deal-breakdown-total-E47000004-E47000007.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toContain(`<title>${title}</title>`);
    expect(svgText).toContain('Source: ');
    expect(svgText).toContain('Open Government Licence v3.0');
    const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(svgText)?.[1]);
    const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(svgText)?.[1]);
    expect(width).toBeGreaterThan(300);

    const png = await download(page, 'deal-breakdown', /^PNG/);
    expect(png.name).toBe('deal-breakdown-total-E47000004-E47000007.png');
    expect(pngSize(png.bytes)).toEqual({ width: width * 2, height: height * 2 });
    writeFileSync(path.join(SHOTS, 'export-deal-breakdown.png'), png.bytes);
    expect(await page.getByRole('status').filter({ hasText: 'Downloaded deal-breakdown-total-E47000004-E47000007.png' }).count()).toBe(1);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('downloads the table as CSV with a BOM and numbers as numbers', async () => {
    const { page, problems } = await openCompare();
    const csv = await download(page, 'deal-breakdown', /^CSV/);
    expect(csv.name).toBe('deal-breakdown-total-E47000004-E47000007.csv');
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n');
    const header = lines[0]?.split(',') ?? [];
    expect(header[0]).toBe('Item');
    expect(header[2]).toBe(`${header[1]} (number)`);
    expect(header[3]).toBe(`${header[1]} (qualifier)`);
    expect(header.slice(4)).toEqual(['Area', 'Programme', 'How it relates', 'Funder', 'New money?', 'Announced']);
    // Every data line has a plain number (or nothing) in the number column, never "£".
    const rows = lines.slice(1).filter(Boolean);
    expect(rows.length).toBeGreaterThan(3);
    expect(rows.some((row) => /,\d+(\.\d+)?,(exact|about|up_to|more_than),/.test(row))).toBe(true);
    expect(rows.every((row) => !/^[=+\-@]/.test(row))).toBe(true);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });
});

describe('map downloads', () => {
  async function openMap(width = 1280) {
    const page = await openPage(site.browser, { width, height: 900 });
    const problems = collectProblems(page);
    await page.goto(`${site.server.url}#/map?region=E47000004&indicator=population`);
    // The downloads are built from the view-model: the static drawing is enough, no Leaflet needed.
    await page.locator('.map-figure .map-stage').first().waitFor();
    return { page, problems };
  }
  async function downloadMap(page: Page, button: RegExp): Promise<{ name: string; bytes: Buffer }> {
    const [file] = await Promise.all([page.waitForEvent('download'), page.locator('.map-actions').getByRole('button', { name: button }).click()]);
    return { name: file.suggestedFilename(), bytes: readFileSync(await file.path()) };
  }

  it('downloads the map as SVG with title, key, every district, sources, licence and the boundaries year, and as PNG at twice its size', async () => {
    const { page, problems } = await openMap();
    const heading = (await page.locator('h2').first().textContent()) ?? '';
    const names = await page.locator('table tbody th').allTextContents();
    const svg = await downloadMap(page, /^SVG/);
    expect(svg.name).toMatch(/^map-E47000004-[\w-]+\.svg$/);
    const text = svg.bytes.toString('utf8');
    expect(text).toContain(`<title>${heading.trim()}</title>`);
    expect(text).toContain('Key: ');
    expect(text).toContain('Source: ');
    expect(text).toContain('Open Government Licence v3.0');
    expect(imageWords(text)).toMatch(/Contains OS data © Crown copyright and database right \d{4}/);
    // Every district is named, on the map or in the numbered key beside it.
    for (const name of names) expect(text).toContain(name.replace('(show on the map)', '').trim());
    const width = Number(/<svg[^>]*\swidth="(\d+)"/.exec(text)?.[1]);
    const height = Number(/<svg[^>]*\sheight="(\d+)"/.exec(text)?.[1]);
    const png = await downloadMap(page, /^PNG/);
    expect(png.name).toMatch(/\.png$/);
    expect(pngSize(png.bytes)).toEqual({ width: width * 2, height: height * 2 });
    writeFileSync(path.join(SHOTS, 'export-map.png'), png.bytes);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('downloads the map table as CSV with code, name, value, rank and source, and a BOM', async () => {
    const { page, problems } = await openMap();
    const csv = await downloadMap(page, /^CSV/);
    expect(csv.name).toMatch(/^map-E47000004-[\w-]+\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.bytes.toString('utf8').slice(1).split('\r\n').filter(Boolean);
    const header = lines[0]?.split(',') ?? [];
    expect(header.slice(0, 2)).toEqual(['Area code', 'District']);
    expect(header).toContain('Rank');
    expect(header.at(-1)).toBe('Source');
    const rows = lines.slice(1);
    expect(rows.length).toBe(await page.locator('table tbody tr').count());
    expect(rows.every((row) => /^E0\d{7},/.test(row))).toBe(true);
    expect(rows.every((row) => /,(\d+ of \d+|Not ranked|\d+\w* (highest|lowest)[^,]*),/i.test(row))).toBe(true);
    expect(rows.every((row) => row.includes('https://'))).toBe(true);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });

  it('offers the downloads at 375 px', async () => {
    const { page } = await openMap(375);
    for (const name of [/^PNG/, /^SVG/, /^CSV/]) expect(await page.locator('.map-actions').getByRole('button', { name }).isVisible()).toBe(true);
    await page.screenshot({ path: path.join(SHOTS, 'map-actions-375.png'), fullPage: true });
    await page.context().close();
  });
});

describe('exported chart images carry the caption', () => {
  it('includes every caption sentence and the "not counted" list in the SVG', async () => {
    const { page, problems } = await openCompare();
    const figure = page.locator('figure[data-chart-id="deal-breakdown"]');
    const caption = await figure.locator('.chart-caption').allTextContents();
    const notes = await figure.locator('.chart-notes li').allTextContents();
    expect(caption.length).toBeGreaterThan(0);
    const svg = await download(page, 'deal-breakdown', /^SVG/);
    // Text is wrapped into lines in the image: compare with the line breaks taken out.
    const flat = (text: string) => text.replace(/\s+/g, ' ');
    const svgText = imageWords(svg.bytes.toString('utf8'));
    for (const sentence of [...caption, ...notes]) expect(svgText).toContain(flat(sentence.trim()));
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });
});

describe('embed dialog', () => {
  it('opens a labelled modal with the code focused, copies, and closes with Escape returning focus', async () => {
    const { page, problems } = await openCompare();
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    const openButton = page.locator('figure[data-chart-id="deal-breakdown"]').getByRole('button', { name: /^Embed/ });
    await openButton.click();
    const dialog = page.getByRole('dialog', { name: /Embed/ });
    await dialog.waitFor();
    const code = await dialog.getByLabel('Embed code').inputValue();
    expect(code).toMatch(/^<iframe src="http:\/\/127\.0\.0\.1:\d+\/embed\.html\?chart=deal-breakdown&amp;measure=total&amp;a=E47000004&amp;b=E47000007" title="[^"<>]+" width="100%" height="600" style="border:0" loading="lazy"><\/iframe>\n<script src="http:\/\/127\.0\.0\.1:\d+\/embed-resize\.js" defer><\/script>$/);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('TEXTAREA');
    await page.screenshot({ path: path.join(SHOTS, 'embed-dialog-1280.png') });
    await dialog.getByRole('button', { name: 'Copy code' }).click();
    await dialog.getByText('Copied to the clipboard.').waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.isVisible()).toBe(false);
    expect(await openButton.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(problems.all()).toEqual([]);
    await page.context().close();
  });
});
