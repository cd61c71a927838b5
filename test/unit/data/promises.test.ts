import { beforeAll, describe, expect, it } from 'vitest';
import { MEASURE_IS_EXPECTATION, MEASURE_OUTCOME } from '../../../src/lib/data/labels.ts';
import { addYears, buildPromises, compareOutcome, partialDateInterval, type PromiseStatus } from '../../../src/lib/data/promises.ts';
import type { Completion, Qualifier, SchoolsReached } from '../../../src/lib/data/schema.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import { FIXTURE_DATA, loadFolder } from './load-files.ts';

const TODAY = new Date(Date.UTC(2026, 11, 1));

let line = 2;
function completion(id: string, measure: Completion['measure'], value: number | null, qualifier: Qualifier, as_of: string, extra: Partial<Completion> = {}): Completion {
  return { id, area_code: 'E47000099', programme_id: 'prog', measure, value, qualifier, stated_as: null, as_of, period_years: null, source_id: 'src', funded_by: null, note: null, _line: line++, ...extra };
}
function schools(id: string, status: SchoolsReached['status'], value: number | null, qualifier: Qualifier, as_of: string): SchoolsReached {
  return { id, area_code: 'E47000099', programme_id: 'prog', schools_and_colleges: value, qualifier, stated_as: null, status, as_of, source_id: 'src', note: null, _line: line++ };
}

const target = completion('target', 'expected_completed', 6500, 'exact', '2025-03');
const statusOf = (data: RowsByDataset, today = TODAY, id = 'target'): PromiseStatus | undefined => buildPromises(data, today).find((p) => p.id === id);

describe('the target–outcome pairing', () => {
  it('names an outcome (or none) for every expectation measure, and only for those', () => {
    const expectations = Object.entries(MEASURE_IS_EXPECTATION).filter(([, is]) => is).map(([m]) => m).sort();
    expect(Object.keys(MEASURE_OUTCOME).sort()).toEqual(expectations);
  });
});

describe('promiseStatus on inline rows', () => {
  it.each<[string, RowsByDataset, Date, PromiseStatus['state'], string, string | null]>([
    ['date passed, no actual', { completions: [target] }, TODAY, 'overdue', 'Target date passed (March 2025): no outcome is published in the data.', null],
    ['date ahead', { completions: [target] }, new Date(Date.UTC(2025, 0, 15)), 'due', 'Due March 2025', null],
    ['still due during the target month', { completions: [target] }, new Date(Date.UTC(2025, 2, 31, 23)), 'due', 'Due March 2025', null],
    ['actual before the date, short of it, date passed', { completions: [target, completion('a', 'completed', 4000, 'more_than', '2024-03')] }, TODAY, 'overdue', 'The latest figure before it is more than 4,000 (March 2024).', 'a'],
    ['actual before the date, short of it, exact', { completions: [target, completion('a', 'completed', 5000, 'exact', '2024-03')] }, TODAY, 'overdue', 'The latest figure before it is 5,000 (March 2024), short of the target.', 'a'],
    ['actual before the date that already meets it', { completions: [target, completion('a', 'completed', 7000, 'exact', '2024-09')] }, new Date(Date.UTC(2024, 10, 1)), 'met', 'Met: 7,000 (September 2024) against a target of 6,500 by March 2025.', 'a'],
    ['actual at the date, below', { completions: [target, completion('a', 'completed', 6000, 'exact', '2025-03')] }, TODAY, 'not_met', 'Not met: 6,000 (March 2025) against a target of 6,500 by March 2025.', 'a'],
    ['actual after the date, below', { completions: [target, completion('a', 'completed', 6000, 'exact', '2025-06')] }, TODAY, 'not_met', 'Not met: 6,000 (June 2025)', 'a'],
    ['actual after the date, above', { completions: [target, completion('a', 'completed', 7000, 'exact', '2025-06')] }, TODAY, 'met_late', 'Whether it was reached by March 2025 is not published.', 'a'],
    ['a floor below the target is not "met"', { completions: [target, completion('a', 'completed', 4000, 'more_than', '2025-03')] }, TODAY, 'undetermined', 'Cannot tell if met: the data give more than 4,000 (March 2025) against a target of 6,500 by March 2025.', 'a'],
    ['a floor at the target is met', { completions: [target, completion('a', 'completed', 6500, 'more_than', '2025-03')] }, TODAY, 'met', 'Met: more than 6,500 (March 2025)', 'a'],
    ['an "up to" actual cannot prove met', { completions: [target, completion('a', 'completed', 7000, 'up_to', '2025-04')] }, TODAY, 'undetermined', 'Cannot tell if met', 'a'],
    ['an "up to" actual below proves a miss', { completions: [target, completion('a', 'completed', 6000, 'up_to', '2025-04')] }, TODAY, 'not_met', 'Not met: up to 6,000 (April 2025)', 'a'],
    ['an unquantified actual proves nothing', { completions: [target, completion('a', 'completed', null, 'unquantified', '2025-04', { stated_as: 'thousands' })] }, TODAY, 'undetermined', 'thousands (no exact figure published) (April 2025)', 'a'],
    [
      'several actuals: the first on or after the date settles it',
      { completions: [completion('late', 'completed', 7000, 'exact', '2026'), target, completion('early', 'completed', 3000, 'exact', '2023'), completion('at', 'completed', 6000, 'exact', '2025-03')] },
      TODAY,
      'not_met',
      'Not met: 6,000 (March 2025)',
      'at',
    ],
    ['unquantified target', { completions: [completion('target', 'expected_completed', null, 'unquantified', '2025-03')] }, TODAY, 'no_number', 'No number was set, so the data cannot show whether it was met; its target date (March 2025) has passed.', null],
    ['a period target is due at the end of its period', { completions: [completion('target', 'jobs_expected', 8000, 'exact', '2024-12', { period_years: 10 })] }, TODAY, 'due', 'Due December 2034, the end of its 10-year period. The data have no measure for this outcome yet.', null],
    ['another programme’s actual does not count', { completions: [target, completion('a', 'completed', 7000, 'exact', '2025-03', { programme_id: 'other' })] }, TODAY, 'overdue', 'no outcome is published', null],
    ['another area’s actual does not count', { completions: [target, completion('a', 'completed', 7000, 'exact', '2025-03', { area_code: 'E47000098' })] }, TODAY, 'overdue', 'no outcome is published', null],
    ['a different measure does not count', { completions: [target, completion('a', 'places_funded', 7000, 'exact', '2025-03')] }, TODAY, 'overdue', 'no outcome is published', null],
    ['no date: planned schools, no later count', { schools_reached: [schools('target', 'planned', 120, 'exact', '2019-05-30'), schools('a', 'actual', 33, 'exact', '2019-01')] }, TODAY, 'no_date', 'No target date is published (announced 30 May 2019). No later figure is published in the data.', null],
    ['no date: a later count that reaches the plan', { schools_reached: [schools('target', 'planned', 120, 'exact', '2019-05-30'), schools('a', 'actual', 130, 'exact', '2021-09')] }, TODAY, 'met', 'Met: 130 (September 2021) against a target of 120.', 'a'],
    ['no date: a later count short of the plan', { schools_reached: [schools('target', 'planned', 120, 'exact', '2019-05-30'), schools('a', 'actual', 80, 'exact', '2021-09')] }, TODAY, 'no_date', 'Latest figure: 80 (September 2021).', 'a'],
  ])('%s', (_name, data, today, state, text, outcomeId) => {
    const status = statusOf(data, today);
    expect(status?.state).toBe(state);
    expect(`${status?.headline} ${status?.detail}`).toContain(text);
    expect(status?.outcomeId).toBe(outcomeId);
  });

  it.each([
    ['a dated target', target, '6,500 expected to have completed by March 2025'],
    ['a target over a period', completion('target', 'jobs_expected', 8000, 'exact', '2024-12', { period_years: 10 }), '8,000 jobs expected over 10 years from December 2024'],
    ['an unquantified target', completion('target', 'expected_completed', null, 'unquantified', '2025-03'), 'Expected to have completed, no number published, by March 2025'],
  ])('words %s as a promise', (_name, row, what) => {
    const status = statusOf({ completions: [row] });
    expect(status?.what).toBe(what);
    expect(`${status?.headline}${status?.rest}`).toBe(status?.detail);
  });

  it('lists only targets: outcomes and plain counts are not promises', () => {
    const promises = buildPromises({ completions: [target, completion('a', 'completed', 4000, 'exact', '2024'), completion('b', 'places_funded', 10, 'exact', '2024')], schools_reached: [schools('s', 'actual', 3, 'exact', '2020')] }, TODAY);
    expect(promises.map((p) => p.id)).toEqual(['target']);
  });
});

describe('compareOutcome', () => {
  it.each<[number | null, Qualifier, number | null, Qualifier, string]>([
    [6500, 'exact', 6500, 'exact', 'met'],
    [6500, 'exact', 6499, 'exact', 'not_met'],
    [6500, 'more_than', 6500, 'exact', 'not_met'],
    [6500, 'more_than', 6500, 'more_than', 'met'],
    [6500, 'exact', 6500, 'about', 'unknown'],
    [6500, 'exact', 7000, 'about', 'met'],
    [6500, 'up_to', 6000, 'exact', 'unknown'],
    [6500, 'up_to', 6600, 'exact', 'met'],
    [null, 'unquantified', 6600, 'exact', 'unknown'],
  ])('target %s (%s) against %s (%s): %s', (goal, tq, got, oq, verdict) => {
    expect(compareOutcome({ value: goal, qualifier: tq }, { value: got, qualifier: oq })).toBe(verdict);
  });
});

describe('dates', () => {
  it.each([
    ['2025', '2025-01-01', '2026-01-01'],
    ['2025-03', '2025-03-01', '2025-04-01'],
    ['2025-12', '2025-12-01', '2026-01-01'],
    ['2025-03-31', '2025-03-31', '2025-04-01'],
  ])('%s covers [%s, %s)', (iso, start, end) => {
    expect(partialDateInterval(iso)).toEqual({ start: Date.parse(start), end: Date.parse(end) });
  });
  it('refuses a malformed date', () => {
    expect(partialDateInterval('March 2025')).toBeNull();
  });
  it('adds years at the same precision', () => {
    expect([addYears('2024-12', 10), addYears('2024', 5), addYears('2018-07-18', 2)]).toEqual(['2034-12', '2029', '2020-07-18']);
  });
});

describe('buildPromises on the frozen fixtures', () => {
  let promises: PromiseStatus[];
  beforeAll(async () => {
    promises = buildPromises((await loadFolder(FIXTURE_DATA)).data, TODAY);
  });

  it('finds every target or plan in the data', () => {
    expect(promises.map((p) => p.id).sort()).toEqual(['lcr-bootcamps-expected-2025', 'lcr-careers-hub-extension', 'lcr-innovation-zone-investment', 'lcr-innovation-zone-jobs', 'wm-careers-hub']);
  });

  it.each([
    ['lcr-bootcamps-expected-2025', 'overdue', 'Target date passed (March 2025): no outcome is published in the data. The latest figure before it is more than 4,000 (March 2024).'],
    ['lcr-careers-hub-extension', 'no_date', 'No target date is published (announced May 2019). No later figure is published in the data.'],
    ['wm-careers-hub', 'no_number', 'No number was set, so the data cannot show whether it was met.'],
    // The frozen fixture has no period for the jobs, so 2024 is its target date.
    ['lcr-innovation-zone-jobs', 'overdue', 'Target date passed (2024): no outcome is published in the data. The data have no measure for this outcome yet.'],
    ['lcr-innovation-zone-investment', 'due', 'Due 2034'],
  ])('%s is %s', (id, state, detail) => {
    const status = promises.find((p) => p.id === id);
    expect(status?.state).toBe(state);
    expect(status?.detail).toContain(detail);
  });

  it('follows the clock: before March 2025 the bootcamps target is due', async () => {
    const earlier = buildPromises((await loadFolder(FIXTURE_DATA)).data, new Date(Date.UTC(2024, 5, 1)));
    expect(earlier.find((p) => p.id === 'lcr-bootcamps-expected-2025')?.headline).toBe('Due March 2025');
  });
});
