/**
 * The map view's model: from the data, the reader's choices and the boundaries to every
 * value the view shows (pickers, heading, summary, legend, table, the drawing, what a
 * screen reader hears, and why the map cannot be drawn when it cannot). Pure: no DOM, no
 * router; the view passes its parameters in and reports changes out, so the dashboard and
 * an embed share it without sharing a URL.
 *
 * Parameters are `region`, `indicator` and `period`. A region is a combined authority
 * whose districts are mapped; the areas mapped for a region come from `mapAreas`, so a
 * national view (every combined authority as one shape) is one more case there. `period`
 * is carried through for indicators published over time; announcement figures have none.
 */
import { combinedAuthorities, displayName, districtsOf } from '../data/areas.ts';
import { sourceLookup, type SourceRef } from '../data/derive.ts';
import type { Area, RowsByDataset } from '../data/schema.ts';
import { attributionText, regionGeography, type BoundariesResult } from './boundaries.ts';
import { buildColourScale, type ColourClass, type ColourScale } from './classes.ts';
import { boundsOf, drawnAspectRatio, labelPoint } from './geometry.ts';
import { describeFigure, formatValue, indicatorsFor, rankFigures, rankShort, rankText, summarise, type Indicator, type Rank } from './indicators.ts';
import type { MapDrawing } from './leaflet-map.ts';

/** The map's URL parameters; null (or an unknown value) means the default. */
export interface MapParams {
  region: string | null;
  indicator: string | null;
  period: string | null;
}

export const MAP_PARAM_NAMES = ['region', 'indicator', 'period'] as const satisfies readonly (keyof MapParams)[];

/** The map's parameters from a URL's query (other parameters are ignored). */
export function readMapParams(query: Readonly<Record<string, string | undefined>>): MapParams {
  const read = (name: keyof MapParams) => {
    const value = query[name];
    return typeof value === 'string' && value !== '' ? value : null;
  };
  return { region: read('region'), indicator: read('indicator'), period: read('period') };
}

/** The parameters as URL query entries, leaving out the ones not set. */
export function mapParamsQuery(params: MapParams): Record<string, string> {
  return Object.fromEntries(MAP_PARAM_NAMES.flatMap((name) => (params[name] === null ? [] : [[name, params[name]]])));
}

export interface MapOption {
  value: string;
  label: string;
}

export interface MapTableRow {
  code: string;
  name: string;
  /** The figure as the table shows it: "486,100", "up to £5m", "No figure published". */
  text: string;
  /** No number to colour or rank: shown muted. */
  unquantified: boolean;
  /** The number behind `text` and its qualifier, for downloads. */
  value: number | null;
  qualifier: string;
  when: string | null;
  /** "1 of 6" or "Not ranked". */
  rank: string;
  sources: { id: string; source: SourceRef | null }[];
}

export interface MapLegendModel {
  title: string;
  classes: ColourClass[];
  noDataCount: number;
  hasQualifiedValues: boolean;
}

/** Whether the map itself can be drawn, and if not, why (the table always shows). */
export type MapPanel =
  | { status: 'loading'; message: string }
  | { status: 'fallback'; reason: string }
  | {
      status: 'ready';
      drawing: MapDrawing;
      /** Width ÷ height of the mapped areas as drawn. */
      aspectRatio: number;
      /** Accessible name of the map. */
      label: string;
      attribution: string;
      /** Areas with no shape in the boundaries file, listed in a note; null when none are missing. */
      missingNote: string | null;
    };

export type MapViewModel =
  | { status: 'unavailable'; message: string }
  | {
      status: 'ok';
      /** The parameters in effect, after unknown values fell back to defaults. */
      params: MapParams;
      regions: MapOption[];
      indicators: MapOption[];
      /** Periods of the chosen indicator, latest last; empty when it has none. */
      periods: MapOption[];
      regionCode: string;
      regionName: string;
      heading: string;
      /** Why the picker offers only population, when it does. */
      hint: string | null;
      summary: string;
      embedTitle: string;
      legend: MapLegendModel;
      table: { caption: string; areaHeading: string; valueHeading: string; rows: MapTableRow[]; note: string };
      map: MapPanel;
      /** What the live region says before anything is focused. */
      focusHint: string;
      /** What the live region says when an area is focused, by code: name, value and rank. */
      announcements: Readonly<Record<string, string>>;
    };

/** What the map colours for a region: its districts. (A national view would return the combined authorities here.) */
export function mapAreas(data: RowsByDataset, regionCode: string): Area[] {
  return districtsOf(data, regionCode);
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function tableRows(indicator: Indicator, ranks: Map<string, Rank>, source: (id: string) => SourceRef | null): MapTableRow[] {
  return indicator.figures.map((figure) => ({
    code: figure.code,
    name: figure.name,
    text: figure.text,
    unquantified: figure.value === null,
    value: figure.value,
    qualifier: figure.qualifier,
    when: figure.when,
    rank: rankShort(ranks.get(figure.code)),
    sources: figure.sourceIds.map((id) => ({ id, source: source(id) })),
  }));
}

function mapPanel(boundaries: BoundariesResult | null, indicator: Indicator, scale: ColourScale, areas: readonly Area[], ranks: Map<string, Rank>, regionName: string): MapPanel {
  if (boundaries === null) return { status: 'loading', message: 'Loading the district boundaries…' };
  if (!boundaries.ok) return { status: 'fallback', reason: boundaries.reason };
  const geography = regionGeography(
    boundaries.boundaries,
    areas.map((a) => a.area_code),
  );
  const figures = new Map(indicator.figures.map((f) => [f.code, f]));
  const drawing: MapDrawing = {
    districts: geography.districts.flatMap((feature) => {
      const figure = figures.get(feature.id);
      if (!figure) return [];
      const rank = ranks.get(figure.code);
      return [
        {
          code: figure.code,
          feature,
          fill: figure.value === null ? null : scale.colourOf(figure.value),
          labelLines: [figure.name, figure.text],
          labelPoint: labelPoint(feature.geometry),
          description: describeFigure(figure, indicator.label, rank),
          tooltipTitle: figure.name,
          tooltipLines: [`${indicator.label}: ${figure.long}${figure.when ? ` (${figure.when})` : ''}`, capitalise(rankText(rank))],
        },
      ];
    }),
    neighbours: geography.neighbours.map((feature) => ({ code: feature.id, feature })),
    outline: geography.outline,
  };
  if (drawing.districts.length === 0) return { status: 'fallback', reason: `no district of ${regionName} has a boundary in the boundaries file` };
  const bounds = boundsOf(geography.districts.map((d) => d.geometry));
  const missing = areas.filter((a) => geography.missing.includes(a.area_code)).map(displayName);
  return {
    status: 'ready',
    drawing,
    aspectRatio: bounds ? drawnAspectRatio(bounds) : 1,
    label: `Map of ${indicator.label.toLowerCase()} in the districts of ${regionName}`,
    attribution: attributionText(boundaries.boundaries.year),
    missingNote: missing.length === 0 ? null : `No boundary is available for ${listNames(missing)}, so ${missing.length === 1 ? 'it appears' : 'they appear'} in the table only.`,
  };
}

/**
 * Everything the map view shows. `boundaries` is null while the file is loading, or the
 * result of reading it (its failure reason becomes the fallback's reason).
 */
export function mapViewModel(data: RowsByDataset, params: MapParams, boundaries: BoundariesResult | null): MapViewModel {
  if (!data.areas) {
    return { status: 'unavailable', message: 'The map cannot be shown: the areas file (areas.csv) is unavailable, so the districts are unknown. See the data problems listed above.' };
  }
  const regions = combinedAuthorities(data).filter((region) => region.area !== null && mapAreas(data, region.code).length > 0);
  // A region or indicator that the data does not hold falls back to the first one.
  const region = regions.find((r) => r.code === params.region) ?? regions[0];
  if (!region) return { status: 'unavailable', message: 'No combined authority with districts is listed in areas.csv.' };
  const areas = mapAreas(data, region.code);
  const indicators = indicatorsFor(data, areas);
  const indicator = indicators.find((i) => i.id === params.indicator) ?? indicators[0];
  if (!indicator) return { status: 'unavailable', message: 'No combined authority with districts is listed in areas.csv.' };
  const regionName = region.shortName;
  const ranks = rankFigures(indicator.figures);
  const scale = buildColourScale(
    indicator.figures.map((f) => f.value),
    (value) => formatValue(indicator.unit, value),
  );
  const announcements = Object.fromEntries(indicator.figures.map((f) => [f.code, describeFigure(f, indicator.label, ranks.get(f.code))]));
  return {
    status: 'ok',
    params: { region: region.code, indicator: indicator.id, period: null },
    regions: regions.map((r) => ({ value: r.code, label: r.shortName })),
    indicators: indicators.map((i) => ({ value: i.id, label: i.label })),
    periods: [],
    regionCode: region.code,
    regionName,
    heading: `${indicator.label}: ${regionName}`,
    hint:
      indicators.length === 1
        ? 'No programme figures are published for individual districts yet, so the map shows population. Figures added to the data for a district will appear in this list.'
        : null,
    summary: summarise(indicator, regionName),
    embedTitle: `District map: ${indicator.label}, ${regionName}`,
    legend: {
      title: indicator.label,
      classes: scale.classes,
      noDataCount: indicator.figures.filter((f) => f.value === null).length,
      hasQualifiedValues: indicator.figures.some((f) => f.value !== null && f.qualifier !== 'exact'),
    },
    table: {
      caption: `${indicator.label} by district, ${regionName}`,
      areaHeading: 'District',
      valueHeading: indicator.label,
      rows: tableRows(indicator, ranks, sourceLookup(data)),
      note: 'Rank 1 is the highest figure. Districts with no figure are not ranked.',
    },
    map: mapPanel(boundaries, indicator, scale, areas, ranks, regionName),
    focusHint: 'Tab to a district on the map, then use the arrow keys to move between districts. Hover or focus shows its figure.',
    announcements,
  };
}
