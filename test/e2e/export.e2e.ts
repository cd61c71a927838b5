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
