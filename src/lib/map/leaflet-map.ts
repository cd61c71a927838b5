/**
 * The Leaflet choropleth: districts as focusable SVG paths, grey neighbours, the combined
 * authority's outline, labels and tooltips. Leaflet is passed in (the view imports it on
 * demand) so this module adds nothing to the headline bundle.
 *
 * Every piece of text reaches the DOM through textContent: Leaflet treats string
 * content as HTML, so tooltips and labels are always given ready-made elements.
 */
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type * as Leaflet from 'leaflet';
import { CONTEXT_FILL, CONTEXT_STROKE, DISTRICT_STROKE } from './classes.ts';
import { boxesOverlap, numberInReadingOrder, type KeyEntry } from './labels.ts';
import { directionOfKey, districtInDirection, geometryArea, type PlacedDistrict } from './geometry.ts';

export type LeafletModule = typeof Leaflet;

/** Loads Leaflet on demand; the package is UMD, so the namespace may arrive as the default export. */
export async function importLeaflet(): Promise<LeafletModule> {
  const module = (await import('leaflet')) as LeafletModule & { default?: LeafletModule };
  return module.default ?? module;
}

/** Id of the SVG hatch pattern for "no data" (defined once in the page by the view). */
export const NO_DATA_PATTERN_ID = 'map-no-data-hatch';

export interface MapDistrict {
  code: string;
  feature: Feature<Polygon | MultiPolygon>;
  /** Fill colour, or null for "no data" (hatched). */
  fill: string | null;
  /** Text on the map: the district's short name, then its value. */
  labelLines: string[];
  /** [longitude, latitude] inside the district for its label. */
  labelPoint: [number, number];
  /** Accessible name of the focusable shape: name, value and rank. */
  description: string;
  /** Tooltip: a heading line then detail lines. */
  tooltipTitle: string;
  tooltipLines: string[];
}

export interface MapNeighbour {
  code: string;
  feature: Feature<Polygon | MultiPolygon>;
}

export interface MapDrawing {
  districts: MapDistrict[];
  neighbours: MapNeighbour[];
  outline: MultiPolygon | null;
  /** Choosing a shape (click, Enter or Space) opens it (the national view opens a region's district map). */
  activatable?: boolean;
}

export interface MapOptions {
  /** Basemap tile URL template; none by default, so the map makes no third-party requests. */
  tileUrl: string | null;
  onFocusDistrict(code: string): void;
  onBlurDistrict(code: string): void;
  /** Called after labels are placed with the districts shown by number instead (labels.ts), for the key beside the map. */
  onLabelKey?(key: KeyEntry[]): void;
  /** Called when an activatable shape is chosen. */
  onActivateDistrict?(code: string): void;
}

function tooltipContent(title: string, lines: string[]): HTMLElement {
  const root = document.createElement('div');
  const heading = document.createElement('strong');
  heading.textContent = title;
  root.append(heading);
  for (const line of lines) {
    const p = document.createElement('div');
    p.textContent = line;
    root.append(p);
  }
  return root;
}

function labelContent(lines: string[]): HTMLElement {
  const root = document.createElement('span');
  lines.forEach((line, index) => {
    const part = document.createElement(index === 0 ? 'strong' : 'span');
    if (index > 0) part.className = 'map-label-value';
    part.textContent = line;
    root.append(part);
  });
  return root;
}

export class ChoroplethMap {
  readonly #L: LeafletModule;
  readonly #map: Leaflet.Map;
  readonly #options: MapOptions;
  #layers: Leaflet.Layer[] = [];
  #paths = new Map<string, { layer: Leaflet.Path; element: SVGElement }>();
  #placed: PlacedDistrict[] = [];
  #highlight: Leaflet.Layer[] = [];
  #features = new Map<string, Feature<Polygon | MultiPolygon>>();
  /** Labels, largest district first: when labels collide, the smaller district's is hidden. */
  #labels: Leaflet.Tooltip[] = [];
  /** The district each label belongs to, in the same order. */
  #labelDistricts: MapDistrict[] = [];

  constructor(L: LeafletModule, container: HTMLElement, options: MapOptions) {
    this.#L = L;
    this.#options = options;
    this.#map = L.map(container, {
      // SVG, not canvas: each district is a DOM element that can take focus and an accessible name.
      renderer: L.svg(),
      attributionControl: false,
      zoomSnap: 0.1,
      // A map that grabs the wheel or a one-finger drag traps people scrolling the page.
      scrollWheelZoom: false,
      dragging: !L.Browser.mobile,
    });
    for (const [name, zIndex] of [
      ['map-outline', '420'],
      ['map-highlight', '430'],
    ] as const) {
      const pane = this.#map.createPane(name);
      pane.style.zIndex = zIndex;
      pane.style.pointerEvents = 'none';
    }
    // Leaflet creates layers' elements only once the map has a view; draw() then fits the region.
    this.#map.setView([54.5, -2.5], 5);
    this.#map.on('zoomend', () => this.#declutterLabels());
    if (options.tileUrl) {
      // Tile failures are harmless: the districts are drawn from the boundaries file.
      L.tileLayer(options.tileUrl, { crossOrigin: true }).addTo(this.#map);
    }
  }

  /** Replaces everything drawn; fits the view to the region when `fit` is set (a new region). */
  draw(drawing: MapDrawing, fit: boolean): void {
    const L = this.#L;
    for (const layer of this.#layers) layer.remove();
    this.setHighlight(null);
    this.#layers = [];
    this.#paths.clear();
    this.#features.clear();

    const neighbours = L.geoJSON(
      drawing.neighbours.map((n) => n.feature),
      { interactive: false, style: { color: CONTEXT_STROKE, weight: 1, fillColor: CONTEXT_FILL, fillOpacity: 1 } },
    ).addTo(this.#map);
    neighbours.getLayers().forEach((layer, index) => {
      const element = (layer as Leaflet.Path).getElement();
      const code = drawing.neighbours[index]?.code;
      if (element && code) {
        element.setAttribute('data-area-code', code);
        element.setAttribute('data-context', 'neighbour');
      }
    });
    this.#layers.push(neighbours);

    const group = L.featureGroup().addTo(this.#map);
    this.#layers.push(group);
    for (const district of drawing.districts) {
      const layer = L.geoJSON(district.feature, {
        style: {
          color: DISTRICT_STROKE,
          weight: 1.5,
          fillColor: district.fill ?? `url(#${NO_DATA_PATTERN_ID})`,
          fillOpacity: 1,
          className: 'map-district',
        },
      });
      layer.bindTooltip(tooltipContent(district.tooltipTitle, district.tooltipLines), { sticky: true, direction: 'top', offset: [0, -8], className: 'map-tooltip' });
      group.addLayer(layer);
      const path = layer.getLayers()[0] as Leaflet.Path | undefined;
      // Leaflet types the element loosely; with the SVG renderer it is an SVG path.
      const element = path?.getElement() as SVGElement | undefined;
      if (!path || !element) continue;
      this.#decorate(element, district, drawing.activatable === true);
      this.#paths.set(district.code, { layer: path, element });
      this.#features.set(district.code, district.feature);
      layer.on('click', () => {
        element.focus();
        if (drawing.activatable) this.#options.onActivateDistrict?.(district.code);
      });
    }
    this.#placed = drawing.districts.map((d) => ({ code: d.code, point: d.labelPoint }));

    if (drawing.outline) {
      this.#layers.push(L.geoJSON(drawing.outline, { pane: 'map-outline', interactive: false, style: { color: DISTRICT_STROKE, weight: 3.5, fill: false } }).addTo(this.#map));
    }

    const labels = L.layerGroup().addTo(this.#map);
    this.#labels = [];
    this.#labelDistricts = [];
    const bySize = [...drawing.districts].sort((a, b) => geometryArea(b.feature.geometry) - geometryArea(a.feature.geometry));
    for (const district of bySize) {
      const [lng, lat] = district.labelPoint;
      const label = L.tooltip({ permanent: true, direction: 'center', className: 'map-label', interactive: false }).setLatLng([lat, lng]).setContent(labelContent(district.labelLines));
      labels.addLayer(label);
      // The shape already carries the name; the label is for eyes only.
      label.getElement()?.setAttribute('aria-hidden', 'true');
      this.#labels.push(label);
      this.#labelDistricts.push(district);
    }
    this.#layers.push(labels);

    if (fit) this.#fit(group, neighbours);
    this.#declutterLabels();
  }

  /**
   * Keeps labels from covering each other: a label that would overlap a larger district's
   * label drops its value, then becomes a number listed in the key beside the map
   * (labels.ts numbers them in reading order). Zooming in brings the labels back.
   */
  #declutterLabels(): void {
    const shown: DOMRect[] = [];
    const overlapsShown = (box: DOMRect) => shown.some((other) => boxesOverlap(box, other));
    const numbered: { label: Leaflet.Tooltip; district: MapDistrict; x: number; y: number }[] = [];
    this.#labels.forEach((label, i) => {
      const element = label.getElement();
      const district = this.#labelDistricts[i];
      if (!element || !district) return;
      label.setContent(labelContent(district.labelLines));
      element.classList.remove('map-label-number');
      const value = element.querySelector<HTMLElement>('.map-label-value');
      let box = element.getBoundingClientRect();
      if (overlapsShown(box) && value) {
        value.style.display = 'none';
        label.update();
        box = element.getBoundingClientRect();
      }
      if (overlapsShown(box)) numbered.push({ label, district, x: box.left + box.width / 2, y: box.top + box.height / 2 });
      else shown.push(box);
    });
    const key = numberInReadingOrder(numbered.map((n) => ({ code: n.district.code, lines: n.district.labelLines, x: n.x, y: n.y })));
    for (const entry of key) {
      const item = numbered.find((n) => n.district.code === entry.code);
      if (!item) continue;
      const badge = document.createElement('span');
      badge.textContent = String(entry.number);
      item.label.setContent(badge);
      item.label.getElement()?.classList.add('map-label-number');
    }
    this.#options.onLabelKey?.(key);
  }

  #decorate(element: SVGElement, district: MapDistrict, activatable: boolean): void {
    element.setAttribute('data-area-code', district.code);
    element.setAttribute('tabindex', '0');
    // A shape that opens something is a link to assistive technology; otherwise a labelled picture.
    element.setAttribute('role', activatable ? 'link' : 'img');
    element.setAttribute('aria-label', district.description);
    element.addEventListener('focus', () => this.#options.onFocusDistrict(district.code));
    element.addEventListener('blur', () => this.#options.onBlurDistrict(district.code));
    element.addEventListener('keydown', (event) => {
      if (activatable && (event.key === 'Enter' || event.key === ' ')) {
        event.preventDefault();
        this.#options.onActivateDistrict?.(district.code);
        return;
      }
      this.#onKeyDown(event, district.code);
    });
  }

  #onKeyDown(event: KeyboardEvent, code: string): void {
    let target: string | null;
    const direction = directionOfKey(event.key);
    if (direction) target = districtInDirection(this.#placed, code, direction);
    else if (event.key === 'Home') target = this.#placed[0]?.code ?? null;
    else if (event.key === 'End') target = this.#placed[this.#placed.length - 1]?.code ?? null;
    else return;
    // Handled here: keep Leaflet from panning and the page from scrolling.
    event.preventDefault();
    event.stopPropagation();
    if (target) this.focusDistrict(target);
  }

  #fit(districts: Leaflet.FeatureGroup, neighbours: Leaflet.GeoJSON): void {
    const bounds = districts.getBounds();
    if (!bounds.isValid()) return;
    // The container may have just changed shape for the new region; measure before fitting.
    this.#map.invalidateSize();
    this.#map.setMinZoom(0);
    this.#map.setMaxBounds();
    this.#map.fitBounds(bounds, { padding: [12, 12], animate: false });
    const zoom = this.#map.getZoom();
    this.#map.setMinZoom(Math.max(0, zoom - 1));
    this.#map.setMaxZoom(zoom + 4);
    // Keep the region and its neighbours in reach; beyond them there is nothing drawn.
    const reach = neighbours.getBounds().isValid() ? neighbours.getBounds().extend(bounds) : bounds;
    this.#map.setMaxBounds(reach.pad(0.25));
  }

  /** Outlines one district above its neighbours (for focus and hover); null clears it. */
  setHighlight(code: string | null): void {
    for (const layer of this.#highlight) layer.remove();
    this.#highlight = [];
    const shape = code ? this.#features.get(code) : undefined;
    if (!shape) return;
    const L = this.#L;
    // Drawn in its own pane rather than by raising the path: moving a focused element in the DOM would blur it.
    this.#highlight = [
      L.geoJSON(shape, { pane: 'map-highlight', interactive: false, style: { color: '#ffbf47', weight: 8, fill: false } }),
      L.geoJSON(shape, { pane: 'map-highlight', interactive: false, style: { color: DISTRICT_STROKE, weight: 3, fill: false } }),
    ].map((layer) => layer.addTo(this.#map));
  }

  focusDistrict(code: string): void {
    this.#paths.get(code)?.element.focus();
  }

  invalidateSize(): void {
    this.#map.invalidateSize();
  }

  remove(): void {
    this.#map.remove();
  }
}
