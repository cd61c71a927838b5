/**
 * The static map page's live map, loaded through src/static-map.ts only once the reader
 * reaches for the map (the page's inline starter keeps reporting its height to a host
 * page): loads the data, boundaries, official statistics and Leaflet first, then mounts
 * the map embed over the static markup. The embed paints the same static drawing from the
 * same view-model until Leaflet has drawn, so the districts never blank.
 */
import { mount } from 'svelte';
import { loadDatasets, publishedReader } from '../../lib/data/load.ts';
import type { AssembledData } from '../../lib/data/validate.ts';
import { MAP_EMBED_ID } from '../../lib/export/embed-params.ts';
import { importLeaflet } from '../../lib/map/leaflet-map.ts';
import { preloadMapInputs } from '../../lib/map/map-inputs.svelte.ts';
import { staticMapParams, type MapExplore } from '../../lib/map/static-map.ts';
import EmbedMap from './EmbedMap.svelte';

let prepared: Promise<AssembledData> | null = null;

/** Starts every download the live map of the page's `root` needs; called again, it returns the same promise. */
export function prepare(root: HTMLElement): Promise<AssembledData> {
  const params = staticMapParams(root.dataset);
  prepared ??= Promise.all([loadDatasets(publishedReader()), preloadMapInputs(params.indicator ?? null), importLeaflet()]).then(
    ([data]) => data,
    (error: unknown) => {
      // Not kept: the next reach for the map tries again.
      prepared = null;
      throw error;
    },
  );
  return prepared;
}

/** Replaces the static map in `root` with the live embed; focus returns to the element it was on (by id). */
export async function takeOver(root: HTMLElement, explore: MapExplore): Promise<void> {
  const main = root.querySelector('main');
  if (!main) return;
  const data = await prepare(root);
  const focusedId = main.contains(document.activeElement) ? document.activeElement?.id || null : null;
  main.replaceChildren();
  mount(EmbedMap, { target: main, props: { chartId: MAP_EMBED_ID, params: staticMapParams(root.dataset), preloaded: data, explore } });
  if (focusedId) document.getElementById(focusedId)?.focus();
}
