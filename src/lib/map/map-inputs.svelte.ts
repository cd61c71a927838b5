/**
 * What the map view loads beside the datasets: the boundaries file, and of the official
 * statistics indicators.csv and only the file the chosen indicator needs. Results are kept
 * for the page's lifetime, so a map view opened again, or one mounted over the static map
 * page's markup after its inputs were preloaded (`preloadMapInputs`), starts from them and
 * paints at once; the build seeds them (`seedMapInputs`) to render the static pages.
 */
import { loadIndicators } from '../data/indicators/load.ts';
import { publishedReader, publishedUrl } from '../data/load.ts';
import { BOUNDARIES_FILE, loadBoundaries, type BoundariesResult } from './boundaries.ts';
import { withLoadedIndicators, withLoadFailure, type OfficialInput } from './view-model.ts';

const NOTHING_LOADED: OfficialInput = { metadata: null, store: new Map(), problems: {} };

let knownBoundaries: BoundariesResult | null = null;
let pendingBoundaries: Promise<BoundariesResult> | null = null;
let knownOfficial: OfficialInput = NOTHING_LOADED;

/** Sets what is known, as if it had been loaded (the build, which reads public/data from disk). */
export function seedMapInputs(seed: { boundaries: BoundariesResult | null; official: OfficialInput }): void {
  knownBoundaries = seed.boundaries;
  pendingBoundaries = null;
  knownOfficial = seed.official;
}

/** The boundaries, read once per page; a failed read is not kept, so reopening the view tries again. */
export function fetchBoundaries(): Promise<BoundariesResult> {
  if (knownBoundaries) return Promise.resolve(knownBoundaries);
  pendingBoundaries ??= loadBoundaries(publishedUrl(BOUNDARIES_FILE)).then((result) => {
    pendingBoundaries = null;
    if (result.ok) knownBoundaries = result;
    return result;
  });
  return pendingBoundaries;
}

/** indicators.csv and the files of `ids`, folded into what is known (a failure becomes the indicator's problem). */
export async function fetchOfficial(ids: readonly string[]): Promise<OfficialInput> {
  try {
    knownOfficial = withLoadedIndicators(knownOfficial, await loadIndicators(publishedReader(), { ids }), ids);
  } catch (error) {
    knownOfficial = withLoadFailure(knownOfficial, ids, error);
  }
  return knownOfficial;
}

/** Loads what a map of `indicator` needs before its view is mounted (null: the metadata only). */
export async function preloadMapInputs(indicator: string | null): Promise<void> {
  await Promise.all([fetchBoundaries(), knownOfficial.metadata !== null && (indicator === null || knownOfficial.store.has(indicator)) ? null : fetchOfficial(indicator ? [indicator] : [])]);
}

/** What the view still needs, from its view-model. */
export interface MapNeeds {
  metadata: boolean;
  indicator: string | null;
}

/**
 * The map view's inputs as state: starts from what is known and loads what `needs()`
 * asks for. Call during a component's initialisation (it sets up effects).
 */
export function mapInputs(needs: () => MapNeeds) {
  let boundaries = $state.raw<BoundariesResult | null>(knownBoundaries);
  let official = $state.raw<OfficialInput>(knownOfficial);

  $effect(() => {
    if (boundaries) return;
    let cancelled = false;
    void fetchBoundaries().then((result) => {
      if (!cancelled) boundaries = result;
    });
    return () => {
      cancelled = true;
    };
  });

  $effect(() => {
    const { metadata, indicator } = needs();
    if (!metadata && !indicator) return;
    let cancelled = false;
    void fetchOfficial(indicator ? [indicator] : []).then((result) => {
      if (!cancelled) official = result;
    });
    return () => {
      cancelled = true;
    };
  });

  return {
    get boundaries() {
      return boundaries;
    },
    get official() {
      return official;
    },
    /** Leaflet could not load or draw: the view falls back to the table with this reason. */
    fail(reason: string) {
      boundaries = { ok: false, reason };
    },
  };
}
