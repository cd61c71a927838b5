/**
 * The comparison with England, in words. "Higher" or "lower than England" only when
 * both 95% intervals are published and do not overlap; "similar" when they overlap.
 * Without intervals the difference is stated plainly, with no claim that it is more
 * than chance. Polarity shapes the words ("better"), never a colour. Pure.
 */
import { isolate } from '../bidi.ts';
import { formatDifference, formatIndicatorValue, roundTo, withoutFloatNoise as exact } from './format.ts';
import type { IndicatorMeta, Observation } from './schema.ts';

export type ComparisonKind =
  /** Intervals published and separate. */
  | 'higher'
  | 'lower'
  /** Intervals published and overlapping. */
  | 'similar'
  /** No interval: the plain difference. */
  | 'higher_no_interval'
  | 'lower_no_interval'
  /** No interval and the same value as shown. */
  | 'same'
  /** A value is missing on either side. */
  | 'unavailable';

export interface Comparison {
  kind: ComparisonKind;
  /** True only when the intervals show a difference. */
  significant: boolean;
  /** Only for a significant difference on an indicator with a polarity. */
  judgement: 'better' | 'worse' | null;
  /** Short, for cards and table cells: "Higher than England", "Similar to England", "27 per 100,000 people higher than England". */
  text: string;
  /** A full sentence for tooltips, live regions and summaries. */
  sentence: string;
}

type Meta = Pick<IndicatorMeta, 'decimal_places' | 'value_suffix' | 'polarity'>;
type Row = Pick<Observation, 'value' | 'lci95' | 'uci95'>;

function judge(meta: Meta, direction: 'higher' | 'lower'): 'better' | 'worse' | null {
  if (meta.polarity === 'neutral') return null;
  return (direction === 'higher') === (meta.polarity === 'higher_is_better') ? 'better' : 'worse';
}

function polaritySentence(meta: Meta): string {
  return meta.polarity === 'higher_is_better' ? ' On this measure a higher value is better.' : meta.polarity === 'lower_is_better' ? ' On this measure a lower value is better.' : '';
}

export function compareWithEngland(meta: Meta, area: Row | null, england: Row | null, areaName = 'This area'): Comparison {
  const value = (n: number) => formatIndicatorValue(meta, n);
  if (area?.value == null || england?.value == null) {
    const missing = area?.value == null ? `no value is published for ${isolate(areaName)}` : "England's value is not published";
    return { kind: 'unavailable', significant: false, judgement: null, text: 'No comparison with England', sentence: `No comparison with England: ${missing} for this period.` };
  }
  const a = area.value;
  const e = england.value;
  // The area's name is data: isolated, so no character in it can reorder the figures after it.
  const both = `${isolate(areaName)}: ${value(a)}; England: ${value(e)}`;
  if (area.lci95 !== null && area.uci95 !== null && england.lci95 !== null && england.uci95 !== null) {
    // Touching intervals overlap; float noise in the published ends (73.60000000000001) must not separate them.
    const overlap = exact(area.lci95) <= exact(england.uci95) && exact(england.lci95) <= exact(area.uci95);
    if (overlap) {
      return { kind: 'similar', significant: false, judgement: null, text: 'Similar to England', sentence: `${both}. Similar to England: the 95% intervals overlap, so the difference may be chance.` };
    }
    const direction = a > e ? 'higher' : 'lower';
    const judgement = judge(meta, direction);
    const better = judgement ? ` (${judgement})` : '';
    return {
      kind: direction,
      significant: true,
      judgement,
      text: `${direction === 'higher' ? 'Higher' : 'Lower'} than England${better}`,
      sentence: `${both}. ${direction === 'higher' ? 'Higher' : 'Lower'} than England: the 95% intervals do not overlap.${polaritySentence(meta)}`,
    };
  }
  // Compared as shown, so two values that both read "62.9%" are never called different.
  const difference = roundTo(a, meta.decimal_places) - roundTo(e, meta.decimal_places);
  const shown = roundTo(difference, meta.decimal_places);
  if (shown === 0) {
    return { kind: 'same', significant: false, judgement: null, text: 'The same as England', sentence: `${both}. The same as England as published.` };
  }
  const direction = shown > 0 ? 'higher' : 'lower';
  const text = `${formatDifference(meta, shown)} ${direction} than England`;
  return {
    kind: direction === 'higher' ? 'higher_no_interval' : 'lower_no_interval',
    significant: false,
    judgement: null,
    text,
    sentence: `${both}, ${text}. No 95% interval is published, so this is the difference as published, not a test of significance.${polaritySentence(meta)}`,
  };
}
