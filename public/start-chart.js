/*
 * City region skills dashboard: the one script a static page (embed/<id>.html,
 * compare.html, embed/map-<region>.html) runs before the reader reaches for a chart or the
 * map. The drawings are already in the HTML (scripts/build/static-charts.ts,
 * static-maps.ts); this file only
 * - tells a host page how tall the embed is (protocol: docs/embedding.md), and
 * - loads the interactive chart or map when the reader first points at, touches or tabs
 *   into it (for a chart, at once when the address asks for other settings), which then
 *   takes the static drawing over in place (src/lib/app/take-over.ts,
 *   src/components/embed/static-map-takeover.ts). A chart's button or input pressed before
 *   then is marked, and pressed again for the reader once the chart is live.
 * The build lists the scripts to load in data-embed-scripts, in page order, and the
 * message type in data-resize-message.
 */
const start = document.querySelector('script[data-embed-scripts]');
let loading = null;

/** Loads the scripts (all fetched at once, then run in page order); resolves to the last one's exports. */
function load() {
  if (loading) return loading;
  const scripts = (start?.getAttribute('data-embed-scripts') ?? '').split(/\s+/).filter(Boolean).map((src) => new URL(src, document.baseURI).href);
  for (const href of scripts) {
    const link = document.createElement('link');
    link.rel = 'modulepreload';
    link.href = href;
    document.head.append(link);
  }
  loading = (async () => {
    let last;
    for (const src of scripts) last = await import(src);
    return last;
  })();
  // A failed download leaves the static drawing as it is; the next reach tries again.
  loading.catch(() => {
    loading = null;
  });
  return loading;
}

for (const island of document.querySelectorAll('[data-static-chart]')) {
  for (const type of ['pointerover', 'touchstart', 'focusin']) island.addEventListener(type, load, { passive: true });
  island.addEventListener(
    'click',
    (event) => {
      // Links and <details> work without the script; a button or input waits for it.
      const pressed = event.target instanceof Element ? event.target.closest('button, input, select') : null;
      if (!pressed) return;
      pressed.setAttribute('data-pending-press', '');
      load();
    },
    true,
  );
}

// Switches in the address (anything but chart=) are not the static drawing's: take over at once.
if (document.querySelector('[data-static-chart]') && [...new URLSearchParams(location.search).keys()].some((key) => key !== 'chart')) load();

// The map: "Explore the map" shows; a pointer on the map or its pickers, or the button, takes it over
// (the button with focus on the map's first area). Focus on the button starts the downloads early.
const map = document.querySelector('[data-static-map]');
if (map) {
  let started = false;
  const takeOver = (explore) => {
    if (started) return;
    started = true;
    load()
      .then((live) => live.takeOver(map, explore))
      .catch(() => {
        started = false;
      });
  };
  const within = (event, selector) => event.target instanceof Element && event.target.closest(selector) !== null;
  for (const element of map.querySelectorAll('[data-needs-script]')) element.hidden = false;
  for (const type of ['pointerover', 'pointerdown']) map.addEventListener(type, (event) => within(event, '.map-stage, .controls') && takeOver('live'));
  map.addEventListener('focusin', (event) => {
    if (within(event, '[data-map-explore]')) load().then((live) => live.prepare(map)).catch(() => undefined);
  });
  map.addEventListener('click', (event) => within(event, '[data-map-explore]') && takeOver('focus'));
}

// In a frame, post the page's height now and on every change (the live drawing's too), as the interactive embed does.
const resizeType = start?.getAttribute('data-resize-message');
const frame = document.querySelector('[data-report-height]');
if (resizeType && frame && window.parent !== window) {
  let last = -1;
  const post = () => {
    const height = Math.ceil(frame.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: resizeType, chart: frame.getAttribute('data-report-height'), height }, '*');
  };
  post();
  new ResizeObserver(post).observe(frame);
}
