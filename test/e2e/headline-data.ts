/**
 * What the headline should show for the published data, computed from public/data with
 * the app's own loader and view-models, so the headline's browser tests follow the data.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatFigure } from '../../src/lib/data/format.ts';
import { MEASURE_IS_EXPECTATION } from '../../src/lib/data/labels.ts';
import { defaultPair, regionOptions } from '../../src/lib/data/glance.ts';
import { loadDatasets } from '../../src/lib/data/load.ts';
import type { RowsByDataset } from '../../src/lib/data/schema.ts';
import { REPO_ROOT } from './server.ts';

export const dataFile = (file: string) => readFileSync(join(REPO_ROOT, 'public/data', file), 'utf8');

export async function publishedData(): Promise<RowsByDataset> {
  const result = await loadDatasets((file) => readFile(join(REPO_ROOT, 'public/data', file), 'utf8'));
  return result.data;
}

export interface ExpectedCard {
  id: string;
  text: string;
  sourceId: string;
  /** The combined authority the row belongs to (a district's row counts for its parent). */
  region: string;
}

/**
 * Worked out from the rows and the rules the data README states, not from the app's derive
 * code: every figure row is a card, a note (a count with no number and no words for one), or
 * shown on the card of the count it pays for (a funding line with no amount named in funded_by).
 */
export function mergedIds(data: RowsByDataset): Set<string> {
  const funding = data.funding ?? [];
  return new Set(
    (data.completions ?? []).flatMap((c) => funding.filter((l) => l.id === c.funded_by && l.amount_gbp === null && l.programme_id === c.programme_id && l.source_id === c.source_id).map((l) => l.id)),
  );
}

export function noteIds(data: RowsByDataset): Set<string> {
  const merged = mergedIds(data);
  const mergesALine = (funded: string | null) => funded !== null && merged.has(funded);
  return new Set((data.completions ?? []).filter((c) => c.value === null && c.stated_as === null && !MEASURE_IS_EXPECTATION[c.measure] && !mergesALine(c.funded_by)).map((c) => c.id));
}

/** Every figure row with its card's value text, source and region. */
export function allRows(data: RowsByDataset): ExpectedCard[] {
  const parent = new Map((data.areas ?? []).map((a) => [a.area_code, a.parent_code]));
  const region = (code: string) => parent.get(code) || code;
  return [
    ...(data.funding ?? []).map((r) => ({ id: r.id, text: formatFigure(r.amount_gbp, r.qualifier, 'gbp', r.stated_as).text, sourceId: r.source_id, region: region(r.area_code) })),
    ...(data.completions ?? []).map((r) => ({ id: r.id, text: formatFigure(r.value, r.qualifier, 'count', r.stated_as).text, sourceId: r.source_id, region: region(r.area_code) })),
    ...(data.schools_reached ?? []).map((r) => ({ id: r.id, text: formatFigure(r.schools_and_colleges, r.qualifier, 'count', r.stated_as).text, sourceId: r.source_id, region: region(r.area_code) })),
  ];
}

/** The rows shown as cards of their own. */
export function expectedCards(data: RowsByDataset): ExpectedCard[] {
  const merged = mergedIds(data);
  const notes = noteIds(data);
  return allRows(data).filter((r) => !merged.has(r.id) && !notes.has(r.id));
}

/** Each card's id and value, each merged row's id and each note's id, as on the page. */
export async function shownRows(page: Page): Promise<{ cards: { id: string; text: string }[]; merged: string[]; notes: string[] }> {
  return page.evaluate(() => ({
    cards: [...document.querySelectorAll('[data-figure-id]')].map((card) => ({ id: card.getAttribute('data-figure-id') ?? '', text: card.querySelector('[data-role="value"]')?.textContent?.trim() ?? '' })),
    merged: [...document.querySelectorAll('[data-also-ids]')].flatMap((card) => (card.getAttribute('data-also-ids') ?? '').split(' ').filter(Boolean)),
    notes: [...document.querySelectorAll('[data-note-id]')].map((note) => note.getAttribute('data-note-id') ?? ''),
  }));
}

/**
 * Headline addresses that together show every combined authority: the default pair
 * first, then the others two at a time, in data order.
 */
export function pairRoutes(data: RowsByDataset): { route: string; regions: string[] }[] {
  const pair = defaultPair(data);
  const first = [pair.region, pair.compare].filter((c): c is string => c !== null);
  const rest = regionOptions(data)
    .map((o) => o.code)
    .filter((c) => !first.includes(c));
  const routes = [{ route: '', regions: first }];
  for (let i = 0; i < rest.length; i += 2) {
    // An odd one out is compared with another region, so the page never falls back to the default pair.
    const regions = [rest[i], rest[i + 1] ?? (i > 0 ? rest[0] : first[0])].filter((c): c is string => c !== undefined);
    routes.push({ route: `#/?region=${regions[0]}${regions[1] ? `&compare=${regions[1]}` : ''}`, regions });
  }
  return routes;
}

export async function cardTexts(page: Page): Promise<{ id: string; text: string }[]> {
  return page.locator('[data-figure-id]').evaluateAll((cards) =>
    cards.map((card) => ({ id: card.getAttribute('data-figure-id') ?? '', text: card.querySelector('[data-role="value"]')?.textContent?.trim() ?? '' })),
  );
}

export const byId = <T extends { id: string }>(cards: T[]) => [...cards].sort((a, b) => a.id.localeCompare(b.id));

/** Opens every folded section under "All figures" by clicking its summary (works with JavaScript off too). */
export async function openAllFolds(page: Page): Promise<void> {
  const closed = page.locator('details.programme-fold:not([open]) > summary');
  while ((await closed.count()) > 0) await closed.first().click();
}
