/**
 * Each indicator dataset as a source: publisher, title, date, web address and licence,
 * in the SourceRef shape the sources list and every figure's Source control use.
 */
import type { SourceRef } from '../derive.ts';
import { formatPartialDate } from '../format.ts';
import type { IndicatorMeta } from './schema.ts';

export interface IndicatorSourceRef extends SourceRef {
  licence: string;
  /** The dataset file in public/data/indicators. */
  dataset: string;
  indicatorIds: string[];
}

/** "ons-els-apprenticeships": stable, and distinct from sources.csv ids. */
export function indicatorSourceId(meta: Pick<IndicatorMeta, 'dataset'>): string {
  return `ons-els-${meta.dataset.replace(/\.csv$/, '')}`;
}

/** One source per dataset file, in indicators.csv order. */
export function indicatorSources(metadata: readonly IndicatorMeta[]): IndicatorSourceRef[] {
  const byId = new Map<string, IndicatorSourceRef>();
  for (const meta of metadata) {
    const id = indicatorSourceId(meta);
    const known = byId.get(id);
    if (known) {
      known.indicatorIds.push(meta.indicator_id);
      continue;
    }
    byId.set(id, {
      id,
      title: meta.source_title,
      publisher: meta.publisher,
      publishedText: formatPartialDate(meta.source_date),
      url: meta.source_url,
      note: `Taken from the Office for National Statistics' Explore Local Statistics data (${meta.dataset}). ${meta.licence}.`,
      licence: meta.licence,
      dataset: meta.dataset,
      indicatorIds: [meta.indicator_id],
    });
  }
  return [...byId.values()];
}

/** The general attribution (README, footers); indicatorAttribution names the publishers of the figures on show. */
export const INDICATOR_LICENCE_NOTE =
  'Source: Office for National Statistics (and the Department for Education where the metadata names it as publisher), licensed under the Open Government Licence v3.0 (https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/).';

/**
 * The attribution to show wherever these figures appear: the ONS compiles every file, and
 * the producing department is named too.
 */
export function indicatorAttribution(metadata: readonly Pick<IndicatorMeta, 'publisher' | 'licence'>[]): string {
  const ons = 'Office for National Statistics';
  const others = [...new Set(metadata.map((m) => m.publisher))].filter((p) => p !== ons).sort();
  const licences = [...new Set(metadata.map((m) => m.licence))].sort();
  const who = others.length > 0 ? `${ons} and ${others.join(' and ')}` : ons;
  return `Source: ${who}, licensed under the ${licences.length > 0 ? licences.join(' and ') : 'Open Government Licence v3.0'}.`;
}
