/**
 * Chart colours. Okabe–Ito hues (distinguishable with common colour-vision deficiencies),
 * limited to the ones with at least 3:1 contrast on white so every mark stays visible
 * (WCAG 1.4.11). Orange, sky blue and yellow fail that test and are not used.
 */
import type { FundingLine, SectorShortage } from '../data/schema.ts';

export const OKABE_ITO = {
  blue: '#0072B2',
  vermillion: '#D55E00',
  bluishGreen: '#009E73',
  reddishPurple: '#CC79A7',
  black: '#000000',
} as const;

/** Text, neutral marks, background and grid cells: the site's --ink, --muted, --paper and --panel (global.css). */
export const INK = '#1b1b1b';
export const MUTED = '#505a5f';
export const PAPER = '#ffffff';
export const PANEL = '#f3f2f1';
/** Light fill behind ceilings and grid cells; decorative only, the outline carries the meaning. */
export const FAINT_FILL_OPACITY = 0.14;

/** Colour for each kind of funder; "not stated" is neutral grey so it reads as "unknown", not as a funder. */
export const FUNDER_COLOUR: Record<FundingLine['funder_type'], string> = {
  government: OKABE_ITO.blue,
  combined_authority: OKABE_ITO.vermillion,
  mixed: OKABE_ITO.reddishPurple,
  other: OKABE_ITO.bluishGreen,
  not_stated: MUTED,
};

/** Each relation has its own shape as well as colour, so colour is never the only cue. */
export const RELATION_STYLE: Record<SectorShortage['relation'], { colour: string; symbol: 'triangle' | 'star' | 'square' | 'circle' }> = {
  shortage: { colour: OKABE_ITO.vermillion, symbol: 'triangle' },
  priority: { colour: OKABE_ITO.blue, symbol: 'star' },
  training_offer: { colour: OKABE_ITO.bluishGreen, symbol: 'square' },
  pathway: { colour: OKABE_ITO.reddishPurple, symbol: 'circle' },
};

/**
 * The chosen pair and England in the official statistics charts: each has its own shape
 * and line dash as well as colour, so colour is never the only cue; every other combined
 * authority is a muted hollow circle.
 */
export const COMPARE_STYLE = {
  a: { colour: OKABE_ITO.vermillion, symbol: 'triangle', dash: null },
  b: { colour: OKABE_ITO.blue, symbol: 'square', dash: '7,4' },
  england: { colour: INK, symbol: 'diamond', dash: '2,3' },
  other: { colour: MUTED, symbol: 'hollow-circle', dash: null },
} as const satisfies Record<string, { colour: string; symbol: 'triangle' | 'square' | 'diamond' | 'hollow-circle'; dash: string | null }>;

/** Actual figures and expectations share a hue; expectations are drawn hollow and dashed instead. */
export const SERIES_COLOUR = OKABE_ITO.blue;

function channelToLinear(channel: number): number {
  const value = channel / 255;
  return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
}

/** WCAG relative luminance of a #rrggbb colour. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new Error(`Not a #rrggbb colour: ${hex}`);
  const [r, g, b] = [match[1], match[2], match[3]].map((part) => channelToLinear(parseInt(part ?? '0', 16)));
  return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (b ?? 0);
}

/** WCAG contrast ratio between two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return ((light ?? 0) + 0.05) / ((dark ?? 0) + 0.05);
}
