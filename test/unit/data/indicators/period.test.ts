import { describe, expect, it } from 'vitest';
import { comparePeriods, parseDuration, parsePeriod, type Period } from '../../../../src/lib/data/indicators/period.ts';

describe('parsePeriod: ISO 8601 intervals, parsed in general', () => {
  it.each([
    // academic years start in August, school years in September: both read 2024/25
    ['2024-08-01/P1Y', '2024-08-01', '2025-07-31', '2024/25'],
    ['2016-09-01/P1Y', '2016-09-01', '2017-08-31', '2016/17'],
    ['1999-08-01/P1Y', '1999-08-01', '2000-07-31', '1999/00'],
    ['2023-01-01/P1Y', '2023-01-01', '2023-12-31', '2023'],
    ['2004-01-01/P1Y', '2004-01-01', '2004-12-31', '2004'],
    // other starts and durations: the months spanned
    ['2023-07-01/P1Y', '2023-07-01', '2024-06-30', 'Jul 2023 to Jun 2024'],
    ['2023-04-01/P1Y', '2023-04-01', '2024-03-31', 'Apr 2023 to Mar 2024'],
    ['2023-04-01/P3M', '2023-04-01', '2023-06-30', 'Apr 2023 to Jun 2023'],
    ['2024-02-01/P1M', '2024-02-01', '2024-02-29', 'Feb 2024'],
    ['2022-01-01/P2Y', '2022-01-01', '2023-12-31', '2022 to 2023'],
    ['2023-08-01/P1Y6M', '2023-08-01', '2025-01-31', 'Aug 2023 to Jan 2025'],
    ['2024-01-01/P2W', '2024-01-01', '2024-01-14', '1 Jan 2024 to 14 Jan 2024'],
    ['2024-03-15/P1D', '2024-03-15', '2024-03-15', '15 Mar 2024'],
    ['2023-01-15/P1Y', '2023-01-15', '2024-01-14', '15 Jan 2023 to 14 Jan 2024'],
    // start/end and duration/end forms
    ['2023-04-01/2024-03-31', '2023-04-01', '2024-03-31', 'Apr 2023 to Mar 2024'],
    ['P1Y/2024-07-31', '2023-08-01', '2024-07-31', '2023/24'],
    // reduced precision and midnight times
    ['2024-08/P1Y', '2024-08-01', '2025-07-31', '2024/25'],
    ['2023/P1Y', '2023-01-01', '2023-12-31', '2023'],
    ['2023-01-01T00:00:00/P1Y', '2023-01-01', '2023-12-31', '2023'],
  ])('%s → %s to %s, "%s"', (raw, start, end, label) => {
    const result = parsePeriod(raw);
    expect(result).toMatchObject({ ok: true, period: { raw, start, end, label } });
  });

  it.each([
    ['2024', 'no duration'],
    ['2024-08-01', 'a date alone'],
    ['2024-02-30/P1Y', 'a day that does not exist'],
    ['2024-13-01/P1Y', 'a month that does not exist'],
    ['2024-01-01/P0Y', 'a zero duration'],
    ['2024-01-01/P', 'an empty duration'],
    ['2024-01-01/1Y', 'a duration without P'],
    ['2024-01-01/PT6H', 'a time-of-day duration'],
    ['2024-03-31/2024-01-01', 'an end before the start'],
    ['2024-01-01/P1Y/P1Y', 'three parts'],
    ['academic year 2024/25', 'words'],
    ['', 'a blank cell'],
  ])('refuses %s (%s)', (raw) => {
    const result = parsePeriod(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.expected).toContain('ISO 8601 interval');
  });

  it('parses durations in years, months, weeks and days', () => {
    expect(parseDuration('P1Y2M3D')).toEqual({ years: 1, months: 2, days: 3 });
    expect(parseDuration('P2W')).toEqual({ years: 0, months: 0, days: 14 });
    expect(parseDuration('P0D')).toBeNull();
  });

  it('orders periods by start, then by length', () => {
    const periods = ['2024-08-01/P1Y', '2019-08-01/P1Y', '2019-08-01/P2Y', '2023-01-01/P1Y'].map((raw) => {
      const result = parsePeriod(raw);
      if (!result.ok) throw new Error(raw);
      return result.period;
    });
    expect([...periods].sort(comparePeriods).map((p: Period) => p.raw)).toEqual(['2019-08-01/P1Y', '2019-08-01/P2Y', '2023-01-01/P1Y', '2024-08-01/P1Y']);
  });
});
