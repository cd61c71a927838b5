/*
 * City region skills dashboard: the one script a static chart page (embed/<id>.html,
 * compare.html) runs before the reader reaches for a chart. The charts are already drawn
 * in the HTML (scripts/build/static-charts.ts); this file only
 * - tells a host page how tall the embed is (protocol: docs/embedding.md), and
 * - loads the interactive chart when the reader first points at, touches or tabs into a
 *   chart (or at once when the address asks for other settings), which then takes the
 *   static chart over in place (src/lib/app/take-over.ts). A button or input pressed
 *   before then is marked, and pressed again for the reader once the chart is live.
 * The build lists the interactive scripts in data-embed-scripts and the message type in
 * data-resize-message.
 */
const start = document.querySelector('script[data-embed-scripts]');
const islands = [...document.querySelectorAll('[data-static-chart]')];
let started = false;

async function load() {
  if (started) return;
  started = true;
  // In page order, as embed.html's <script> tags would run them.
  const scripts = (start?.getAttribute('data-embed-scripts') ?? '').split(/\s+/).filter(Boolean);
  for (const src of scripts) await import(new URL(src, document.baseURI).href);
}

for (const island of islands) {
  for (const type of ['pointerover', 'touchstart', 'focusin']) island.addEventListener(type, load, { passive: true, once: true });
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
if ([...new URLSearchParams(location.search).keys()].some((key) => key !== 'chart')) load();

// In a frame, post the page's height now and on every change, as the interactive embed does.
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
