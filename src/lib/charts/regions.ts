/**
 * The region pair: two page-wide controls, `a` and `b`, that every chart comparing
 * combined authorities shares (`#/compare?a=E47000001&b=E47000007`). Choices are the
 * combined authorities in areas.csv; the default pair is named here, once, and falls back
 * to the first combined authorities in areas.csv when the data lacks either of them.
 */
import { isolate } from '../data/bidi.ts';
import { areaIndex, combinedAuthorities, type AreaInfo } from '../data/areas.ts';
import { choice, type Choice } from './controls.ts';
import type { ChartInput, ChartNoteList } from './types.ts';

/** The pair shown when the URL names none: Liverpool City Region and the West Midlands, the two with announcement figures. */
export const DEFAULT_REGION_PAIR = ['E47000004', 'E47000007'] as const;

/** URL names of the two page-wide controls. */
export const REGION_PARAMS = ['a', 'b'] as const;

/** Every combined authority in areas.csv, by short name, in file order. */
export function regionChoices(data: ChartInput): Choice[] {
  return combinedAuthorities(data).map((region) => ({ value: region.code, label: region.shortName }));
}

function defaultRegion(which: 0 | 1): (data: ChartInput, choices: readonly Choice[]) => string {
  return (_data, choices) => {
    const named = DEFAULT_REGION_PAIR[which];
    if (choices.some((c) => c.value === named)) return named;
    // The data lacks the named default: the first (or second) in areas.csv, never both the same.
    const other = DEFAULT_REGION_PAIR[which === 0 ? 1 : 0];
    const rest = choices.filter((c) => c.value !== other);
    return rest[which === 0 ? 0 : Math.min(1, rest.length - 1)]?.value ?? named;
  };
}

export const REGION_A = choice('First region', regionChoices, defaultRegion(0), { shared: true });
export const REGION_B = choice('Second region', regionChoices, defaultRegion(1), { shared: true });

/** The shared controls, to spread into a chart's `controls`. */
export const REGION_PAIR_CONTROLS = { a: REGION_A, b: REGION_B } as const;

export interface RegionPair {
  a: string;
  b: string;
}

/** The checked pair for a page's parameters; the compare view's picker shows the same values the charts use. */
export function resolveRegionPair(data: ChartInput, params: Readonly<Record<string, string | undefined>>): { pair: RegionPair; choices: readonly Choice[] } {
  const a = REGION_A.resolve(data, params.a);
  const b = REGION_B.resolve(data, params.b);
  return { pair: { a: a.value, b: b.value }, choices: a.choices };
}

/** The pair as areas, in order; one area when both controls name the same region. */
export function pairAreas(data: ChartInput, pair: RegionPair): AreaInfo[] {
  const areas = areaIndex(data);
  return [...new Set([pair.a, pair.b])].map((code) => areas.info(code));
}

/** "Liverpool City Region and West Midlands". */
export function pairNames(areas: readonly AreaInfo[]): string {
  return areas.map((area) => area.name).join(' and ');
}

/**
 * The words for a region with nothing to draw: "No funding announcements for Greater
 * Manchester are in the data yet."
 */
export function noFiguresText(what: string, area: Pick<AreaInfo, 'name'>): string {
  return `No ${what} for ${isolate(area.name)} are in the data yet.`;
}

/** The chosen regions with nothing to draw, listed beside a chart that has figures for the other. */
export function absentNotes(what: string, absent: readonly Pick<AreaInfo, 'code' | 'name'>[], drawnCount: number): ChartNoteList[] {
  if (absent.length === 0 || drawnCount === 0) return [];
  return [{ heading: 'Not in the data yet', items: absent.map((area) => ({ id: `absent-${area.code}`, text: noFiguresText(what, area) })) }];
}

/** Said instead of an empty drawing when no chosen region has figures. */
export function emptyText(what: string, absent: readonly Pick<AreaInfo, 'name'>[], drawnCount: number): string | null {
  return drawnCount === 0 ? absent.map((area) => noFiguresText(what, area)).join(' ') : null;
}
