/*
 * City region skills dashboard: starts the app once the prerendered page has painted.
 * The build (scripts/build/prerender.ts) puts the headline figures in index.html and
 * replaces the app's module scripts with this file, listing them in data attributes.
 * Fetching them only after the first paint leaves a slow connection to the HTML and
 * stylesheets first, so the figures show as soon as they can; then the app takes over.
 */
const start = document.querySelector('script[data-app-scripts]');
const urls = (name) => (start?.getAttribute(name) ?? '').split(/\s+/).filter(Boolean).map((url) => new URL(url, document.baseURI).href);
let started = false;

async function startApp() {
  if (started) return;
  started = true;
  const scripts = urls('data-app-scripts');
  // Preload every chunk at once, then run the scripts in page order as <script> tags would.
  for (const href of [...scripts, ...urls('data-app-preload')]) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
  for (const script of scripts) await import(script);
}

// After the next frame has painted; a hidden tab paints no frames, so start anyway soon.
requestAnimationFrame(() => setTimeout(startApp));
setTimeout(startApp, 1000);
