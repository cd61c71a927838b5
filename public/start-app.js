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
  // The CSV texts the page was prerendered from (src/lib/app/prerendered.ts), fetched beside the scripts rather than after them.
  const data = document.getElementById('app')?.getAttribute('data-prerendered');
  if (data) {
    const link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = new URL(data, document.baseURI).href;
    document.head.append(link);
  }
  for (const script of scripts) await import(script);
}

// Start once the browser reports the first contentful paint. A hidden tab paints nothing
// until it is shown, so it starts at once; a browser without paint timing waits one frame.
// The long timeout is a safety net should no paint ever be reported.
if (document.visibilityState === 'hidden') {
  startApp();
} else if (PerformanceObserver.supportedEntryTypes?.includes('paint')) {
  const observer = new PerformanceObserver((list) => {
    if (list.getEntriesByName('first-contentful-paint').length === 0) return;
    observer.disconnect();
    startApp();
  });
  observer.observe({ type: 'paint', buffered: true });
  setTimeout(startApp, 5000);
} else {
  requestAnimationFrame(() => setTimeout(startApp));
}
