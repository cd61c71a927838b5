import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { collectProblems, launch, openPage, serveDist, type StaticServer } from './browser.ts';

// The build uses a relative base, so it must work both at the root and when
// deployed under an arbitrary sub-path.
const MOUNTS = ['/', '/some/sub/path/'];

describe.each(MOUNTS)('smoke: dist served at %s', (basePath) => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(inject('chromiumPath')), serveDist({ basePath })]);
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it(`renders a visible h1 with no errors or failed requests (${basePath})`, async () => {
    const page = await openPage(browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);

    const response = await page.goto(server.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.locator('h1').first().waitFor({ state: 'visible' });
    // Let data fetches kicked off after mount finish (or fail) before asserting.
    await page.waitForLoadState('networkidle');

    expect(await page.locator('h1').count()).toBeGreaterThan(0);
    expect((await page.locator('h1').first().textContent())?.trim()).not.toBe('');
    expect(problems.all()).toEqual([]);
    // Every request stayed under the mount point, i.e. nothing assumed base '/'.
    expect(server.requests.filter((p) => !p.startsWith(basePath))).toEqual([]);
    await page.context().close();
  });
});
