/**
 * Server-side entry for the prerender (loaded through Vite by prerender.ts): the app as
 * it renders on "/" once the given CSV texts are loaded.
 */
import { render } from 'svelte/server';
import App from '../../src/App.svelte';
import { dataState } from '../../src/lib/app/data-state.svelte.ts';
import type { PrerenderedTexts } from '../../src/lib/app/prerendered.ts';

export async function renderApp(texts: PrerenderedTexts): Promise<{ head: string; body: string }> {
  await dataState.adopt(texts);
  const { head, body } = render(App);
  return { head, body };
}
