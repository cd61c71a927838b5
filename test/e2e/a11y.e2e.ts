/**
 * Accessibility gates on every view: axe-core with the WCAG 2.x A and AA rule sets finds
 * nothing, and a keyboard-only pass reaches every control with a visible focus indicator.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useSite } from './site.ts';
import { axeViolations } from './axe.ts';
import { openPage } from './browser.ts';


/** Every view; each waits for its own content marker before it is checked. */
export const ROUTES: { route: string; ready: string }[] = [
  { route: '#/', ready: '[data-glance]' },
  { route: '#/map', ready: 'main h1' },
  { route: '#/map?region=E47000007', ready: 'main h1' },
  { route: '#/compare', ready: 'main h1' },
  { route: '#/data', ready: 'main h1' },
];

/**
 * Some focus rings are drawn apart from the focused element (the map draws its ring on a
 * highlight layer above the neighbours). Those count when the pixels around the element
 * differ between focused and blurred; focus is then restored.
 */
async function focusChangesPixels(page: Page): Promise<boolean> {
  const handle = await page.evaluateHandle(() => document.activeElement as HTMLElement);
  const box = await handle.boundingBox();
  if (!box) return false;
  const pad = 8;
  const clip = { x: Math.max(0, box.x - pad), y: Math.max(0, box.y - pad), width: box.width + 2 * pad, height: box.height + 2 * pad };
  const focused = await page.screenshot({ clip });
  await handle.evaluate((el) => el.blur());
  const blurred = await page.screenshot({ clip });
  await handle.evaluate((el) => el.focus({ preventScroll: true }));
  return !focused.equals(blurred);
}

const site = useSite();

async function open(route: string, ready: string, width: number): Promise<Page> {
  const page = await openPage(site.browser, { width, height: 900 });
  await page.goto(site.server.url + route);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  return page;
}

describe.each(ROUTES)('accessibility of $route', ({ route, ready }) => {
  it.each([375, 1280])('has no axe WCAG A/AA violations at %i px', async (width) => {
    const page = await open(route, ready, width);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('reaches every control by keyboard with a visible focus indicator', async () => {
    const page = await open(route, ready, 1280);
    const controls = await page.evaluate(() => {
      const selector = 'a[href], button:not([disabled]), summary, input:not([disabled]), select:not([disabled]), textarea, [tabindex]:not([tabindex="-1"])';
      // checkVisibility() is false inside closed <details> and display:none, which Tab skips too.
      return [...document.querySelectorAll<HTMLElement>(selector)].filter((el) => el.checkVisibility({ contentVisibilityAuto: true, visibilityProperty: true })).length;
    });
    const reached = new Set<string>();
    const invisibleFocus: string[] = [];
    // Enough presses to pass every control once; stop when focus wraps to the start.
    for (let i = 0; i < controls + 5; i++) {
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el || el === document.body) return null;
        const style = getComputedStyle(el);
        const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
        const path: string[] = [];
        for (let node: Element | null = el; node && node !== document.body; node = node.parentElement) {
          path.unshift(`${node.tagName}:${[...(node.parentElement?.children ?? [])].indexOf(node)}`);
        }
        return { key: path.join('>'), label: `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}"`, visible };
      });
      if (!focus) continue;
      if (reached.has(focus.key)) break;
      reached.add(focus.key);
      if (!focus.visible && !(await focusChangesPixels(page))) invisibleFocus.push(focus.label);
    }
    expect(invisibleFocus).toEqual([]);
    // Controls inside closed disclosures are not counted; every visible one must be reached.
    expect(reached.size).toBeGreaterThanOrEqual(controls);
    await page.context().close();
  });
});
