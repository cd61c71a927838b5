/**
 * Issue 19 item 5: data text can never reorder a figure. Every free-text cell of the
 * fixtures is replaced by generated text full of right-to-left letters, overrides and
 * isolate controls (which the checker refuses, but the view-models must not rely on
 * that); each sentence and label the charts, headlines, map and exports build must keep
 * every piece of data text inside a Unicode isolate (FSI…PDI), so that with the isolates
 * blanked out it reads exactly as it does for plain Latin data: same words, same figures,
 * digits in the same order.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootcampsProgress } from '../../../src/lib/charts/bootcamps-progress.ts';
import { careersHubReach } from '../../../src/lib/charts/careers-hub-reach.ts';
import { dealBreakdown, dealBreakdownViewModel, dealRowGroups } from '../../../src/lib/charts/deal-breakdown/index.ts';
import { sectorPriorities } from '../../../src/lib/charts/sector-priorities.ts';
import type { RegisteredChart } from '../../../src/lib/charts/types.ts';
import { isolate } from '../../../src/lib/data/bidi.ts';
import { buildHeadlines, populationCredit } from '../../../src/lib/data/derive.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import { sourceLines } from '../../../src/lib/export/svg.ts';
import { describeFigure, rankFigures, regionIndicators, summarise } from '../../../src/lib/map/indicators.ts';
import { fixtureData } from '../charts/fixtures.ts';

/** Free-text columns: names, titles, publishers, notes, the words a source used. */
const FREE_TEXT = ['component', 'funder', 'programme_name', 'area_name', 'short_name', 'title', 'publisher', 'note', 'label', 'term_used', 'summary', 'text'];

/** Every non-empty free-text cell replaced by `text` (numbered, so names stay distinct). */
function withText(data: RowsByDataset, text: (i: number) => string): RowsByDataset {
  let n = 0;
  return Object.fromEntries(
    Object.entries(data).map(([name, rows]) => [
      name,
      (rows as Record<string, unknown>[]).map((row) => {
        const copy = { ...row };
        for (const column of FREE_TEXT) if (typeof copy[column] === 'string' && copy[column] !== '') copy[column] = text(n++);
        return copy;
      }),
    ]),
  ) as RowsByDataset;
}

/** Each isolate blanked to one placeholder: what remains is what data text cannot touch. */
const outside = (text: string) => text.replace(/\u2068[^\u2068\u2069]*\u2069/gu, '⟨⟩');

const CHARTS: RegisteredChart[] = [dealBreakdown, bootcampsProgress, careersHubReach, sectorPriorities];
const MEASURES = ['total', 'per_resident', 'per_resident_per_year'];
/** The two fixture regions, as the compare view's pair. */
const PAIR = { a: 'E47000004', b: 'E47000007' };

/** Every sentence and label built from the data, in a stable order. */
function sentences(data: RowsByDataset): string[] {
  const out: string[] = [];
  for (const region of buildHeadlines(data)) {
    out.push(region.populationText ?? '');
    for (const programme of region.programmes) for (const figure of programme.figures) out.push(...figure.tags);
  }
  out.push(populationCredit(data) ?? '');
  for (const chart of CHARTS) {
    for (const measure of chart === dealBreakdown ? MEASURES : ['']) {
      const rendered = chart.render(data, { measure });
      if (rendered.status !== 'ok') continue;
      out.push(rendered.summary, ...rendered.caption, ...rendered.footnotes, ...rendered.notes.flatMap((list) => list.items.map((item) => item.text)), ...sourceLines(rendered.sources));
    }
  }
  for (const measure of MEASURES) {
    const vm = dealBreakdownViewModel(data, { measure: measure as 'total', ...PAIR });
    if (vm.status !== 'ok') continue;
    for (const group of dealRowGroups(vm)) for (const row of group.rows) if (row.bar) out.push(row.label, row.detail ?? '', row.marker ?? '');
  }
  for (const area of data.areas ?? []) {
    if (area.area_type !== 'combined_authority') continue;
    for (const indicator of regionIndicators(data, area.area_code)) {
      out.push(summarise(indicator, area.area_name));
      const ranks = rankFigures(indicator.figures);
      for (const figure of indicator.figures) out.push(describeFigure(figure, indicator.label, ranks.get(figure.code)));
    }
  }
  expect(out.length).toBeGreaterThan(50);
  return out;
}

/** Right-to-left letters, digits of both kinds, overrides, embeddings, isolates and marks. */
const hostileText = fc.string({ unit: fc.constantFrom('ع', 'ש', 'ب', '\u202E', '\u202B', '\u202D', '\u202C', '\u2066', '\u2067', '\u2069', '\u200F', '\u061C', '١', '2', '£', '(', ')', ' ', ',', 'a'), minLength: 1, maxLength: 12 });

let data: RowsByDataset;
let plain: string[];
beforeAll(async () => {
  data = await fixtureData();
  plain = sentences(withText(data, (i) => `Name ${i}`)).map(outside);
});

describe('data text beside figures', () => {
  it('is isolated in every sentence and label, so nothing outside the isolates changes', () => {
    fc.assert(
      fc.property(hostileText, (text) => {
        const hostile = sentences(withText(data, (i) => `${text}${i}`));
        expect(hostile.map(outside)).toEqual(plain);
      }),
      { numRuns: 40 },
    );
  });

  it('keeps a formatted amount whole after a right-to-left component name', () => {
    const name = 'الصفقة كاملة\u202E';
    const renamed = { ...data, funding: (data.funding ?? []).map((row) => (row.id === 'wm-deal-total' ? { ...row, component: name } : row)) };
    const deal = buildHeadlines(renamed).flatMap((r) => r.programmes).find((p) => p.id === 'wm-skills-deal');
    expect(deal?.figures.find((f) => f.id === 'wm-deal-edtech')?.tags).toContain(`Part of: ${isolate(name)} (up to £69m)`);
    const vm = dealBreakdownViewModel(renamed, { measure: 'total', ...PAIR });
    if (vm.status !== 'ok') throw new Error('expected a chart');
    const labels = dealRowGroups(vm).flatMap((g) => g.rows.map((row) => row.label));
    expect(labels).toContain(`${isolate(name)}: up to £69m`);
  });
});
