import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { collectProblems, openPage } from './browser.ts';

// The build uses a relative base, so it must work both at the root and when
// deployed under an arbitrary sub-path.
const MOUNTS = ['/', '/some/sub/path/'];

describe.each(MOUNTS)('smoke: dist served at %s', (basePath) => {
  const site = useSite({ basePath });

  it(`renders a visible h1 with no errors or failed requests (${basePath})`, async () => {
    const page = await openPage(site.browser, { width: 1280, height: 900 });
    const problems = collectProblems(page);

    const response = await page.goto(site.server.url, { waitUntil: 'load' });
    expect(response?.status()).toBe(200);
    await page.locator('h1').first().waitFor({ state: 'visible' });
    // Let data fetches kicked off after mount finish (or fail) before asserting.
    await page.waitForLoadState('networkidle');

    expect(await page.locator('h1').count()).toBeGreaterThan(0);
    expect((await page.locator('h1').first().textContent())?.trim()).not.toBe('');
    expect(problems.all()).toEqual([]);
    // Every request stayed under the mount point, i.e. nothing assumed base '/'.
    expect(site.server.requests.filter((p) => !p.startsWith(basePath))).toEqual([]);
    await page.context().close();
  });
});
