/**
 * The official statistics the headline shows: the indicators indicators.csv gives a
 * `headline` place, in that order. Reading them, trimmed to what the headline needs, is
 * in headline-indicators-load.ts, which needs the validator: this module is what the
 * first screen uses before any file is checked.
 */
import { INDICATOR_DIR, type IndicatorMeta } from './indicators/schema.ts';

/** How many of the headline indicators the first screen shows ("at a glance"); the rest are in each region's Outcomes group. */
export const GLANCE_INDICATORS = 3;

/** Indicators with a `headline` place, in that order. */
export function headlineIndicators(metadata: readonly IndicatorMeta[]): IndicatorMeta[] {
  return metadata.filter((m) => m.headline !== null).sort((a, b) => (a.headline ?? 0) - (b.headline ?? 0) || a._line - b._line);
}

/** True for a file name under public/data/indicators (the keys of the baked texts). */
export function isIndicatorFile(file: string): boolean {
  return file.startsWith(`${INDICATOR_DIR}/`);
}
