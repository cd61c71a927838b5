import { describe, expect, it } from 'vitest';
import { compareWithEngland, type ComparisonKind } from '../../../../src/lib/data/indicators/compare.ts';
import type { Polarity } from '../../../../src/lib/data/indicators/schema.ts';

const percent = (polarity: Polarity = 'higher_is_better') => ({ decimal_places: 1, value_suffix: '%', polarity });
const rate = { decimal_places: 0, value_suffix: 'per 100,000 people', polarity: 'higher_is_better' as Polarity };
const at = (value: number | null, lci: number | null = null, uci: number | null = null) => ({ value, lci95: lci, uci95: uci });

describe('compareWithEngland', () => {
  it.each<[string, ReturnType<typeof at> | null, ReturnType<typeof at> | null, Polarity, ComparisonKind, string, 'better' | 'worse' | null]>([
    ['overlapping intervals', at(66.9, 65.6, 68.2), at(67.8, 67.5, 68.1), 'higher_is_better', 'similar', 'Similar to England', null],
    ['intervals that touch but for float noise', at(70.0, 68.0, 73.60000000000001), at(75.0, 73.6, 76.4), 'higher_is_better', 'similar', 'Similar to England', null],
    ['intervals that only touch', at(67.0, 66.0, 67.5), at(68.0, 67.5, 68.5), 'higher_is_better', 'similar', 'Similar to England', null],
    ['a separate, lower interval (higher is better)', at(62.900000000000006, 61.2, 64.6), at(67.8, 67.5, 68.1), 'higher_is_better', 'lower', 'Lower than England (worse)', 'worse'],
    ['a separate, higher interval (higher is better)', at(70.2, 69.0, 71.4), at(67.8, 67.5, 68.1), 'higher_is_better', 'higher', 'Higher than England (better)', 'better'],
    ['a separate, higher interval (lower is better)', at(8.0, 7.1, 8.9), at(6.6, 6.3999999999999995, 6.8), 'lower_is_better', 'higher', 'Higher than England (worse)', 'worse'],
    ['a separate, lower interval (lower is better)', at(5.0, 4.2, 5.8), at(6.6, 6.4, 6.8), 'lower_is_better', 'lower', 'Lower than England (better)', 'better'],
    ['a separate interval (neutral)', at(25.0, 24.0, 26.0), at(21.0, 20.8, 21.2), 'neutral', 'higher', 'Higher than England', null],
    ['equal values with intervals', at(67.8, 67.0, 68.6), at(67.8, 67.5, 68.1), 'higher_is_better', 'similar', 'Similar to England', null],
    ['no interval, higher', at(70.1), at(67.8), 'higher_is_better', 'higher_no_interval', '2.3 percentage points higher than England', null],
    ['no interval, lower', at(66.8), at(67.8), 'higher_is_better', 'lower_no_interval', '1.0 percentage point lower than England', null],
    ['an interval on one side only', at(70.1, 69.0, 71.2), at(67.8), 'higher_is_better', 'higher_no_interval', '2.3 percentage points higher than England', null],
    ['equal values, no interval', at(67.8), at(67.8), 'higher_is_better', 'same', 'The same as England', null],
    ['values equal as shown (float noise)', at(62.900000000000006), at(62.9), 'higher_is_better', 'same', 'The same as England', null],
    ['no value for the area', at(null), at(67.8), 'higher_is_better', 'unavailable', 'No comparison with England', null],
    ['no row for England', at(67.8), null, 'higher_is_better', 'unavailable', 'No comparison with England', null],
  ])('%s', (_case, area, england, polarity, kind, text, judgement) => {
    const result = compareWithEngland(percent(polarity), area, england, 'Liverpool City Region');
    expect(result).toMatchObject({ kind, text, judgement, significant: kind === 'higher' || kind === 'lower' });
  });

  it('states a difference without an interval plainly, claiming no significance', () => {
    const result = compareWithEngland(rate, at(1228), at(959), 'Knowsley');
    expect(result.text).toBe('269 per 100,000 people higher than England');
    expect(result.sentence).toBe('\u2068Knowsley\u2069: 1,228 per 100,000 people; England: 959 per 100,000 people, 269 per 100,000 people higher than England. No 95% interval is published, so this is the difference as published, not a test of significance. On this measure a higher value is better.');
    expect(result.sentence).not.toMatch(/significantly|better than England/);
  });

  // Area names are data, isolated (U+2068 … U+2069) so that no character in them reorders a figure.
  it('explains the rule in the sentence', () => {
    expect(compareWithEngland(percent(), at(66.9, 65.6, 68.2), at(67.8, 67.5, 68.1), 'West Midlands').sentence).toBe('\u2068West Midlands\u2069: 66.9%; England: 67.8%. Similar to England: the 95% intervals overlap, so the difference may be chance.');
    expect(compareWithEngland(percent('lower_is_better'), at(8, 7.1, 8.9), at(6.6, 6.4, 6.8), 'Liverpool City Region').sentence).toBe('\u2068Liverpool City Region\u2069: 8.0%; England: 6.6%. Higher than England: the 95% intervals do not overlap. On this measure a lower value is better.');
  });

  it('names what is missing', () => {
    expect(compareWithEngland(percent(), at(null), at(1)).sentence).toBe('No comparison with England: no value is published for \u2068This area\u2069 for this period.');
    expect(compareWithEngland(percent(), at(1), at(null), 'Knowsley').sentence).toBe("No comparison with England: England's value is not published for this period.");
  });
});
