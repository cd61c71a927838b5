/**
 * The map paints a static drawing first and loads Leaflet when the reader reaches for it
 * (components/map/MapStage.svelte). Tests of the live map start it as a mouse user would:
 * a pointer over the drawing, then away, so no tooltip or focus is left behind.
 */
import type { Page } from 'playwright-core';

/** Leaflet's district shapes (not the grey neighbours). */
export const LIVE_DISTRICTS = '.leaflet-overlay-pane path[data-area-code]:not([data-context="neighbour"])';
/** The static drawing's district shapes (the export's drawing: one path per area, with its code). */
export const STILL_DISTRICTS = '.map-stage .still svg path[data-code]';

/** Starts the live map if the static drawing is showing, and waits until Leaflet has drawn (or the view fell back to the table). */
export async function exploreMap(page: Page): Promise<void> {
  await page.locator(`.map-stage, .map-fallback`).first().waitFor();
  if ((await page.locator('.map-fallback').count()) > 0) return;
  const still = page.locator('.map-stage .still');
  if ((await still.count()) > 0 && (await page.locator('.leaflet-container').count()) === 0) {
    await still.first().hover({ position: { x: 5, y: 5 } });
    await page.mouse.move(0, 0);
  }
  await page.locator(`${LIVE_DISTRICTS}, .map-fallback`).first().waitFor();
}

/** Fill colour by area code: "no-data" for the hatch (each drawing names its own pattern). */
export function fillsByCode(shapes: { code: string | null; fill: string | null }[]): Record<string, string> {
  return Object.fromEntries(shapes.map(({ code, fill }) => [code ?? '', fill === null || fill.startsWith('url(') ? 'no-data' : fill.toLowerCase()]));
}
