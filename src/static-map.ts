/**
 * The static map pages' live map, as the starter inlined in each page (public/start-chart.js)
 * loads it when the reader reaches for the map: `prepare` starts the downloads, `takeOver`
 * replaces the static drawing with the live embed (components/embed/static-map-takeover.ts).
 * A tiny entry of its own, so the page fetches nothing before interaction and the heavy
 * part arrives in one step, its chunks and CSS fetched side by side by Vite's lazy import.
 */
import type { MapExplore } from './lib/map/static-map.ts';

const live = () => import('./components/embed/static-map-takeover.ts');

export const prepare = (root: HTMLElement): Promise<unknown> => live().then((map) => map.prepare(root));

export const takeOver = (root: HTMLElement, explore: MapExplore): Promise<void> => live().then((map) => map.takeOver(root, explore));
