import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { dataState } from './lib/app/data-state.svelte.ts';
import { parseHash } from './lib/app/hash.ts';
import { isDefaultHeadlineRoute } from './lib/data/glance.ts';
import { headlineIndicatorState } from './lib/app/headline-indicators.svelte.ts';
import { loadPrerenderedTexts, splitPrerenderedTexts } from './lib/app/prerendered.ts';
import './styles/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element to mount the dashboard in.');

// The build prerenders the headline view into #app and keeps the CSV texts it came from in
// a file (scripts/build/prerender.ts). Adopting those texts lets the app take over the
// markup as it is; App then re-reads the served files and updates only if they changed.
const prerendered = await loadPrerenderedTexts(target, document.baseURI);
if (prerendered) {
  // Let the browser paint the prerendered figures before spending a slow phone's CPU on
  // validating and hydrating; a hidden tab has no frames to wait for.
  const visible = document.visibilityState === 'visible';
  if (visible) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  const { datasets, indicators } = splitPrerenderedTexts(prerendered);
  await Promise.all([dataState.adopt(datasets), headlineIndicatorState.adopt(indicators)]);
  // Validating and hydrating in separate tasks keeps each under a slow phone's 50 ms
  // long-task mark, so a tap in between is answered (total blocking time, docs/bench.md).
  if (visible) await new Promise((resolve) => setTimeout(resolve));
  const route = parseHash(location.hash);
  if (route.path === '/' && isDefaultHeadlineRoute(route.params)) {
    hydrate(App, { target });
  } else {
    // Another view, or other regions, were asked for: the prerendered markup is not theirs.
    target.replaceChildren();
    mount(App, { target });
  }
} else {
  mount(App, { target });
}
