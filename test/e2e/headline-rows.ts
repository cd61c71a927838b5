/**
 * What the headline should show for the published CSVs, worked out from the rows and the
 * rules the data README states, not from the app's own derive code: every figure row is a
 * card, a note (a count with no number and no words for one), or shown on the card of the
 * count it pays for (a funding line with no amount named in funded_by).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { formatFigure } from '../../src/lib/data/format.ts';
import { MEASURE_IS_EXPECTATION } from '../../src/lib/data/labels.ts';
import { validateCsv } from '../../src/lib/data/validate.ts';
import { REPO_ROOT } from './server.ts';

export const dataFile = (file: string) => readFileSync(join(REPO_ROOT, 'public/data', file), 'utf8');

const funding = validateCsv('funding', dataFile('funding.csv')).rows;
const completions = validateCsv('completions', dataFile('completions.csv')).rows;
const schools = validateCsv('schools_reached', dataFile('schools_reached.csv')).rows;

/** Funding lines with no amount that a count of the same programme and source names in funded_by. */
export const mergedIds = new Set(
  completions.flatMap((c) => funding.filter((l) => l.id === c.funded_by && l.amount_gbp === null && l.programme_id === c.programme_id && l.source_id === c.source_id).map((l) => l.id)),
);
const mergesALine = (id: string) => completions.some((c) => c.id === id && funding.some((l) => l.id === c.funded_by && mergedIds.has(l.id)));

/** Counts that only say something happened. */
export const noteIds = new Set(completions.filter((c) => c.value === null && c.stated_as === null && !MEASURE_IS_EXPECTATION[c.measure] && !mergesALine(c.id)).map((c) => c.id));

/** Every figure row with its card's value text and source. */
export const allRows = [
  ...funding.map((r) => ({ id: r.id, text: formatFigure(r.amount_gbp, r.qualifier, 'gbp', r.stated_as).text, sourceId: r.source_id })),
  ...completions.map((r) => ({ id: r.id, text: formatFigure(r.value, r.qualifier, 'count', r.stated_as).text, sourceId: r.source_id })),
  ...schools.map((r) => ({ id: r.id, text: formatFigure(r.schools_and_colleges, r.qualifier, 'count', r.stated_as).text, sourceId: r.source_id })),
];

/** The rows shown as cards of their own. */
export const expectedCards = allRows.filter((r) => !mergedIds.has(r.id) && !noteIds.has(r.id));

/** Each card's id and value, each merged row's id and each note's id, as on the page. */
export async function shownRows(page: Page): Promise<{ cards: { id: string; text: string }[]; merged: string[]; notes: string[] }> {
  return page.evaluate(() => ({
    cards: [...document.querySelectorAll('[data-figure-id]')].map((card) => ({ id: card.getAttribute('data-figure-id') ?? '', text: card.querySelector('[data-role="value"]')?.textContent?.trim() ?? '' })),
    merged: [...document.querySelectorAll('[data-also-ids]')].flatMap((card) => (card.getAttribute('data-also-ids') ?? '').split(' ')),
    notes: [...document.querySelectorAll('[data-note-id]')].map((note) => note.getAttribute('data-note-id') ?? ''),
  }));
}
