/**
 * Entry for embed.html: one chart (or the district map) for another site's iframe. It
 * shares the data layer and chart registry with the dashboard but none of its views, so
 * a chart embed never loads Leaflet and the map embed never loads Plot.
 */
import { mount } from 'svelte';
import EmbedApp from './components/embed/EmbedApp.svelte';
import './styles/global.css';

const target = document.getElementById('embed');
if (!target) throw new Error('The page has no #embed element to mount the chart in.');
mount(EmbedApp, { target, props: { search: location.search } });
