/**
 * Entry for embed.html: one chart (or the district map) for another site's iframe. It
 * shares the data layer and chart registry with the dashboard but none of its views, so
 * a chart embed never loads Leaflet and the map embed never loads Plot.
 *
 * The static chart pages (embed/<id>.html, compare.html) load this same script when the
 * reader first reaches for a chart; it then takes each static chart over in place.
 */
import { mount } from 'svelte';
import EmbedApp from './components/embed/EmbedApp.svelte';
import { ISLAND_ATTRIBUTE, readIsland, takeOver } from './lib/app/take-over.ts';
import { parseEmbedSearch } from './lib/export/embed-params.ts';
import './styles/global.css';

/** Takes each static chart over. Not awaited at the top level: lazy chunks import from this entry's chunk, which must finish evaluating first. */
async function takeOverIslands(islands: readonly HTMLElement[]): Promise<void> {
  const { default: EmbedChart } = await import('./components/embed/EmbedChart.svelte');
  // A standalone chart's switches come from its address, as on embed.html; a compare page's start at their defaults.
  const { params } = parseEmbedSearch(location.search);
  await Promise.all(
    islands.map((root) => {
      const island = readIsland(root);
      return takeOver(root, (target) => {
        mount(EmbedChart, { target, props: { ...island, params: island.standalone ? params : {} } });
      });
    }),
  );
}

const islands = [...document.querySelectorAll<HTMLElement>(`[${ISLAND_ATTRIBUTE}]`)];
if (islands.length > 0) {
  void takeOverIslands(islands);
} else {
  const target = document.getElementById('embed');
  if (!target) throw new Error('The page has no #embed element to mount the chart in.');
  mount(EmbedApp, { target, props: { search: location.search } });
}
