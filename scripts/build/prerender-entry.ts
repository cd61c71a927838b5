/**
 * Server-side entry for the prerender (loaded through Vite by prerender.ts): the app as
 * it renders on "/" once the datasets and the headline's official statistics are loaded,
 * and the data it rendered from, in the form the page adopts (app/prerendered.ts).
 */
import { render } from 'svelte/server';
import App from '../../src/App.svelte';
import { dataState } from '../../src/lib/app/data-state.svelte.ts';
import { headlineIndicatorState } from '../../src/lib/app/headline-indicators.svelte.ts';
import { fingerprinting, parsePrerendered, prerenderedReader, serialisePrerendered, type PrerenderedTexts } from '../../src/lib/app/prerendered.ts';
import { loadHeadlineIndicators } from '../../src/lib/data/headline-indicators-load.ts';
import { loadDatasets, type ReadText } from '../../src/lib/data/load.ts';

/**
 * `texts`: each dataset's file as the page would fetch it (absent: not found); `read`: any
 * other published file (the official statistics). Returns the markup and the JSON to bake.
 */
export async function renderApp(texts: PrerenderedTexts, read: ReadText): Promise<{ head: string; body: string; json: string }> {
  // Every file the figures are read from, readable or not, so the page checks the same ones.
  const files: Record<string, string | null> = {};
  const [datasets, indicators] = await Promise.all([loadDatasets(fingerprinting(prerenderedReader(texts), files)), loadHeadlineIndicators(fingerprinting(read, files))]);
  const json = serialisePrerendered({ files, datasets, indicators });
  // Rendered from the file's own contents, read back, so the page hydrates from exactly the same data.
  const baked = parsePrerendered(json);
  if (!baked) throw new Error('The prerendered data did not read back: app/prerendered.ts writes what it cannot parse.');
  dataState.adopt(baked);
  headlineIndicatorState.adopt(baked);
  const { head, body } = render(App);
  return { head, body, json };
}
