/** axe-core in the browser tests: one runner, one rule set (WCAG 2.x A and AA), one report format. */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** axe-core's WCAG 2.2 A/AA violations on the page (and any `extraTags`, such as 'best-practice'), one readable line each (expect it to equal []). */
export async function axeViolations(page: Page, extraTags: readonly string[] = []): Promise<string[]> {
  // evaluate() runs through DevTools, so the page's Content-Security-Policy does not block it.
  await page.evaluate(`${AXE_SOURCE};undefined`);
  const violations = await page.evaluate(async (tags) => {
    type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Violation[] }> } }).axe;
    return (await axe.run(document, { runOnly: { type: 'tag', values: tags } })).violations;
  }, [...WCAG_TAGS, ...extraTags]);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).slice(0, 5).join(', ')}`);
}
