/**
 * The static map pages (dist/embed/map-<region>.html, written by scripts/build/static-maps.ts):
 * which regions get one, where each lives, and how a page starts its live map. Pure.
 */
import { parseGssCode } from '../data/columns.ts';
import type { MapParams } from './view-model.ts';

/**
 * Widths the static SVG is drawn at before the page knows its own width (it scales with its
 * container): the view draws at `wide` until it has measured itself; the static map pages
 * carry both and show the narrow one on phones, where the wide one's labels would shrink to half.
 */
export const STATIC_MAP_WIDTHS = { wide: 640, narrow: 350 } as const;
export const STATIC_MAP_WIDTH = STATIC_MAP_WIDTHS.wide;

/**
 * How a map view starts: "still" paints the static SVG and waits for the reader; "live"
 * loads Leaflet at once; "focus" also moves focus to the first area once drawn (the reader
 * pressed "Explore the map").
 */
export type MapExplore = 'still' | 'live' | 'focus';

/** The static page of a region's default map: `embed/map-E47000004.html` (E92000001: every combined authority). */
export function staticMapPath(regionCode: string): string {
  if (!parseGssCode(regionCode).ok) throw new Error(`A static map page needs a GSS area code such as E47000004, not "${regionCode}".`);
  return `embed/map-${regionCode}.html`;
}

/** The page's map parameters, as the build writes them into its data-* attributes (absent ones are left out). */
export function staticMapAttributes(params: MapParams): Record<string, string> {
  return Object.fromEntries(Object.entries(params).flatMap(([name, value]) => (value === null ? [] : [[`data-map-${name}`, value]])));
}

/** The parameters back from an element's dataset (see staticMapAttributes). */
export function staticMapParams(dataset: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const read = { region: dataset.mapRegion, indicator: dataset.mapIndicator, period: dataset.mapPeriod };
  return Object.fromEntries(Object.entries(read).filter((entry): entry is [string, string] => typeof entry[1] === 'string' && entry[1] !== ''));
}
