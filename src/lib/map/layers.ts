/**
 * What the map colours, as one shape for both kinds of figure: announcement figures from
 * the dashboard's CSVs (indicators.ts) and official statistics from the ONS files
 * (src/lib/data/indicators). Each area gets a value to colour, its text, its rank and, for
 * official statistics, the 95% interval, England's value, the comparison in words and the
 * publisher's flag. Pure. Ranks and comparisons come from the data layer's one rule
 * (indicatorFigure); nothing here compares or ranks official figures again.
 */
import { englandValue, findPeriod, getObservation, indicatorFigure, latestPeriod, type IndicatorSeries } from '../data/indicators/derive.ts';
import { formatIndicatorValue, formatObservation } from '../data/indicators/format.ts';
import type { Period } from '../data/indicators/period.ts';
import type { IndicatorMeta } from '../data/indicators/schema.ts';
import { indicatorAttribution, indicatorSourceId } from '../data/indicators/sources.ts';
import { formatValue, rankFigures, rankShort, rankText, type DistrictFigure, type Indicator } from './indicators.ts';

export interface LayerArea {
  code: string;
  name: string;
}

/** Official-statistics details of one area's figure; null fields are not published. */
export interface OfficialDetail {
  /** "1,120 to 1,190 per 100,000 people", or null when no interval is published. */
  interval: string | null;
  /** "Higher than England (better)", "Similar to England", "27 per 100,000 people higher than England". */
  comparison: string;
  /** The comparison as a full sentence, for tooltips and the live region. */
  comparisonSentence: string;
  /** The publisher's status and note ("Low reliability. Estimate based on a small sample"). */
  flag: string | null;
}

export interface LayerRank {
  /** For the table: "1 of 6" (announcements), "2nd highest of 6 districts" (official statistics), "Not ranked". */
  short: string;
  /** "rank 1 of 6, highest first", "2nd highest of 6 districts", "not ranked". */
  words: string;
}

export interface MapLayer {
  kind: 'announcement' | 'official';
  id: string;
  label: string;
  /** Values for the legend's class labels: "1,000", "62.9%" (a unit in words goes in `unitNote` instead). */
  format: (value: number) => string;
  /** The unit in words for the legend's title ("per 100,000 people"); null when the labels carry it. */
  unitNote: string | null;
  /** One figure per area, in the order the areas were given. */
  figures: DistrictFigure[];
  ranks: Map<string, LayerRank>;
  /** Official statistics only: details by area code. */
  details: Map<string, OfficialDetail>;
  /** The period shown, for official statistics. */
  period: Period | null;
  /** Every period of the indicator, oldest first (empty for announcements). */
  periods: Period[];
  /** England's value for the period, when published. */
  england: { value: number; text: string } | null;
  /** What a reader must know (the metadata's caveat, in our words). */
  caveat: string | null;
  /** The licence attribution for these figures; null for announcement figures (their sources say it). */
  attribution: string | null;
}

/** An announcement indicator (population, programme figures) with its ranks. */
export function announcementLayer(indicator: Indicator): MapLayer {
  const ranks = rankFigures(indicator.figures);
  return {
    kind: 'announcement',
    id: indicator.id,
    label: indicator.label,
    format: (value) => formatValue(indicator.unit, value),
    unitNote: null,
    figures: indicator.figures,
    ranks: new Map(indicator.figures.map((f) => [f.code, { short: rankShort(ranks.get(f.code)), words: rankText(ranks.get(f.code)) }])),
    details: new Map(),
    period: null,
    periods: [],
    england: null,
    caveat: null,
    attribution: null,
  };
}

/**
 * The period to show: the one asked for when the indicator has it, else the latest with a
 * value for one of the areas, else the latest with any value. Null when none has a value.
 */
export function layerPeriod(series: IndicatorSeries, requested: string | null, areaCodes: readonly string[]): Period | null {
  return (requested ? findPeriod(series, requested) : null) ?? latestPeriod(series, areaCodes) ?? latestPeriod(series);
}

/**
 * An official indicator for some areas and one period. `rankWithin` ranks districts among
 * their region's districts; without it, combined authorities rank among all of them.
 */
export function officialLayer(series: IndicatorSeries, period: Period, areas: readonly LayerArea[], options: { rankWithin?: ReadonlySet<string> } = {}): MapLayer {
  const { meta } = series;
  const sourceId = indicatorSourceId(meta);
  const figures: DistrictFigure[] = [];
  const ranks = new Map<string, LayerRank>();
  const details = new Map<string, OfficialDetail>();
  for (const area of areas) {
    const figure = indicatorFigure(series, area.code, area.name, { period: period.raw, rankWithin: options.rankWithin });
    // indicatorFigure is null only for an unknown period; the period came from the series, so that reads as "no row".
    const value = figure?.value ?? formatObservation(meta, null);
    figures.push({
      code: area.code,
      name: area.name,
      value: value.missing ? null : (getObservation(series, area.code, period.raw)?.value ?? null),
      qualifier: 'exact',
      text: value.text,
      long: value.long,
      when: period.label,
      sourceIds: [sourceId],
    });
    details.set(area.code, {
      interval: value.interval,
      comparison: figure?.comparison.text ?? 'No comparison with England',
      comparisonSentence: figure?.comparison.sentence ?? 'No comparison with England for this period.',
      flag: value.flag,
    });
    // The data layer's rank text ("2nd highest of 6 districts") serves the table and the tooltip alike.
    const rank = figure?.rank;
    ranks.set(area.code, rank ? { short: rank.text, words: rank.text } : { short: 'Not ranked', words: 'not ranked' });
  }
  const england = englandValue(series, period.raw);
  const wordsUnit = meta.value_suffix !== null && !meta.value_suffix.startsWith('%');
  return {
    kind: 'official',
    id: meta.indicator_id,
    label: meta.name,
    // "%" stays on each number; a unit in words would repeat on every class, so the title says it once.
    format: (value) => formatIndicatorValue(wordsUnit ? { ...meta, value_suffix: null } : meta, value),
    unitNote: wordsUnit ? meta.value_suffix : null,
    figures,
    ranks,
    details,
    period,
    periods: series.periods,
    england: england?.value == null ? null : { value: england.value, text: formatObservation(meta, england).long },
    caveat: meta.caveat,
    attribution: indicatorAttribution([meta]),
  };
}

/** The picker's entry for an official indicator before its file has loaded. */
export function officialOption(meta: Pick<IndicatorMeta, 'indicator_id' | 'name'>): { value: string; label: string } {
  return { value: meta.indicator_id, label: meta.name };
}
