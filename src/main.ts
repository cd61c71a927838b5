import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { dataState } from './lib/app/data-state.svelte.ts';
import { parseHash } from './lib/app/hash.ts';
import { isDefaultHeadlineRoute } from './lib/data/glance.ts';
import { headlineIndicatorState } from './lib/app/headline-indicators.svelte.ts';
import { loadPrerendered } from './lib/app/prerendered.ts';
import './styles/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element to mount the dashboard in.');

// The build prerenders the headline view into #app and keeps the data it came from, as it
// validated it, in a file (scripts/build/prerender.ts). Adopting that data lets the app take
// the markup over as it is, with no validator loaded; App then fingerprints the served
// files and re-checks and updates only if they changed.
const prerendered = await loadPrerendered(target, document.baseURI);
if (prerendered) {
  // Let the browser paint the prerendered figures before spending a slow phone's CPU on
  // hydrating; a hidden tab has no frames to wait for.
  const visible = document.visibilityState === 'visible';
  if (visible) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  dataState.adopt(prerendered);
  headlineIndicatorState.adopt(prerendered);
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
