/**
 * The static map pages' only script before interaction (dist/embed/map-<region>.html): it
 * shows the "Explore the map" button and, when the reader reaches for the map (a pointer
 * on it or on the pickers, or the button), loads Leaflet and the live map embed, which
 * take the page over in place (components/embed/static-map-takeover.ts). Focus on the
 * button starts the downloads early. No static imports, so it stays a few hundred bytes.
 */
const root = document.querySelector<HTMLElement>('[data-static-map]');
if (root) {
  const live = () => import('./components/embed/static-map-takeover.ts');
  let started = false;
  const start = (explore: 'live' | 'focus') => {
    if (started) return;
    started = true;
    // A failed download leaves the static map as it is; the next reach for the map tries again.
    live()
      .then(({ takeOver }) => takeOver(root, explore))
      .catch(() => {
        started = false;
      });
  };
  const within = (event: Event, selector: string) => event.target instanceof Element && event.target.closest(selector) !== null;
  for (const element of root.querySelectorAll<HTMLElement>('[data-needs-script]')) element.hidden = false;
  for (const type of ['pointerover', 'pointerdown'] as const) root.addEventListener(type, (event) => within(event, '.map-stage, .controls') && start('live'));
  root.addEventListener('focusin', (event) => within(event, '[data-map-explore]') && void live().then(({ prepare }) => prepare(root), () => undefined));
  root.addEventListener('click', (event) => within(event, '[data-map-explore]') && start('focus'));
}
