import { hydrate, mount } from 'svelte';
import App from './App.svelte';
import { dataState } from './lib/app/data-state.svelte.ts';
import { parseHash } from './lib/app/hash.ts';
import { readPrerenderedTexts } from './lib/app/prerendered.ts';
import './styles/global.css';

const target = document.getElementById('app');
if (!target) throw new Error('The page has no #app element to mount the dashboard in.');

// The build prerenders the headline view into #app together with the CSV texts it came
// from (scripts/build/prerender.ts). Adopting those texts lets the app take over the
// markup as it is; App then re-reads the served files and updates only if they changed.
const prerendered = readPrerenderedTexts(document);
if (prerendered) {
  // Let the browser paint the prerendered figures before spending a slow phone's CPU on
  // validating and hydrating; a hidden tab has no frames to wait for.
  const visible = document.visibilityState === 'visible';
  if (visible) await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
  await dataState.adopt(prerendered);
  // Validating and hydrating in separate tasks keeps each under a slow phone's 50 ms
  // long-task mark, so a tap in between is answered (total blocking time, docs/bench.md).
  if (visible) await new Promise((resolve) => setTimeout(resolve));
  if (parseHash(location.hash).path === '/') {
    hydrate(App, { target });
  } else {
    // Another view was asked for: the headline markup is not its markup.
    target.replaceChildren();
    mount(App, { target });
  }
} else {
  mount(App, { target });
}
