/**
 * Server-side entry for the prerender (loaded through Vite by prerender.ts): the app as
 * it renders on "/" once the given CSV texts (datasets and the headline's trimmed
 * official statistics) are loaded.
 */
import { render } from 'svelte/server';
import App from '../../src/App.svelte';
import { dataState } from '../../src/lib/app/data-state.svelte.ts';
import { headlineIndicatorState } from '../../src/lib/app/headline-indicators.svelte.ts';
import { splitPrerenderedTexts, type PrerenderedTexts } from '../../src/lib/app/prerendered.ts';

export async function renderApp(texts: PrerenderedTexts): Promise<{ head: string; body: string }> {
  const { datasets, indicators } = splitPrerenderedTexts(texts);
  await Promise.all([dataState.adopt(datasets), headlineIndicatorState.adopt(indicators)]);
  const { head, body } = render(App);
  return { head, body };
}
