/**
 * URL state: views and switches live in the address, so reloading or sharing a link
 * reproduces the view; back and forward move between views; malformed parameters fall
 * back to defaults without errors.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { collectProblems, EXPECTED_WITHOUT_BOUNDARIES, openPage } from './browser.ts';

const site = useSite();

const heading = (page: Page) => page.locator('main h1').first().textContent();
const pressed = (page: Page) => page.locator('figure[data-chart-id="deal-breakdown"] .choice[aria-pressed="true"]').textContent();
const hashOf = (page: Page) => page.evaluate(() => location.hash);

describe('URL state', () => {
  it('keeps views and switches in the URL; back and forward restore them; reload reproduces', async () => {
    const page = await openPage(site.browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);
    await page.goto(`${site.server.url}#/`);
    await page.locator('[data-glance]').first().waitFor();

    await page.getByRole('link', { name: 'Compare', exact: false }).first().click();
    await page.locator('figure[data-chart-id="deal-breakdown"] svg[role="img"]').waitFor();
    expect(await hashOf(page)).toBe('#/compare');
    const perResident = page.locator('figure[data-chart-id="deal-breakdown"] .choice').nth(1);
    const perResidentLabel = ((await perResident.textContent()) ?? '').trim();
    await perResident.click();
    expect(await hashOf(page)).toMatch(/^#\/compare\?deal-breakdown\.measure=/);
    const compareHash = await hashOf(page);

    await page.getByRole('link', { name: /map/i }).first().click();
    await page.locator('#map-region').waitFor();
    // Option 0 is the national view and option 1 the default region, so option 2 is a change.
    await page.locator('#map-region').selectOption({ index: 2 });
    expect(await hashOf(page)).toMatch(/^#\/map\?region=E47/);
    const mapHash = await hashOf(page);

    await page.goBack();
    await page.locator('figure[data-chart-id="deal-breakdown"] svg[role="img"]').waitFor();
    expect(await hashOf(page)).toBe(compareHash);
    expect(((await pressed(page)) ?? '').replace('✓', '').trim()).toBe(perResidentLabel);

    await page.goBack();
    await page.locator('[data-glance]').first().waitFor();
    expect(await hashOf(page)).toBe('#/');

    await page.goForward();
    await page.goForward();
    await page.locator('#map-region').waitFor();
    expect(await hashOf(page)).toBe(mapHash);

    // Sharing: a fresh page on the same address shows the same view and switch.
    const shared = await openPage(site.browser, { width: 1280, height: 900 });
    await shared.goto(`${site.server.url}${compareHash}`);
    await shared.locator('figure[data-chart-id="deal-breakdown"] svg[role="img"]').waitFor();
    expect(((await pressed(shared)) ?? '').replace('✓', '').trim()).toBe(perResidentLabel);
    await page.reload();
    await page.locator('#map-region').waitFor();
    expect(await page.locator('#map-region').inputValue()).toBe(new URLSearchParams(mapHash.split('?')[1]).get('region'));
    expect(problems.all(EXPECTED_WITHOUT_BOUNDARIES)).toEqual([]);
    await shared.context().close();
    await page.context().close();
  });

  it.each([
    ['#/compare?measure=<script>alert(1)</script>', 'figure[data-chart-id="deal-breakdown"] svg[role="img"]', /Compare/],
    ['#/compare?measure=%E0%A4%A', 'figure[data-chart-id="deal-breakdown"] svg[role="img"]', /Compare/],
    ['#/map?region=XYZ&indicator=nope', '#map-region', /map/i],
    ['#/nonexistent', '[data-glance]', /./],
    ['#/compare?&&==&measure', 'figure[data-chart-id="deal-breakdown"] svg[role="img"]', /Compare/],
  ])('falls back to defaults for %s', async (route, ready, title) => {
    const page = await openPage(site.browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);
    await page.goto(site.server.url + route);
    await page.locator(ready).first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await heading(page)).toMatch(title);
    if (route.includes('compare')) expect(await page.locator('figure[data-chart-id="deal-breakdown"] .choice').first().getAttribute('aria-pressed')).toBe('true');
    if (route.includes('map')) expect(await page.locator('#map-region').inputValue()).toMatch(/^E47/);
    expect(await page.locator('main script').count()).toBe(0);
    expect(problems.all(EXPECTED_WITHOUT_BOUNDARIES)).toEqual([]);
    await page.context().close();
  });
});
