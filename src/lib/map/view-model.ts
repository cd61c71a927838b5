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
import { isolate } from '../data/bidi.ts';
import { sum } from 'd3-array';
import { combinedAuthorities, displayName, districtsOf } from '../data/areas.ts';
import { sourceLookup, type SourceRef } from '../data/derive.ts';
import { formatCount } from '../data/format.ts';
import type { IndicatorStore } from '../data/indicators/derive.ts';
import type { IndicatorFileReport, LoadedIndicators } from '../data/indicators/load.ts';
import { ENGLAND_CODE, METADATA_FILE, type IndicatorMeta } from '../data/indicators/schema.ts';
import { indicatorSources } from '../data/indicators/sources.ts';
import type { Area, RowsByDataset } from '../data/schema.ts';
import { attributionText, nationalGeography, regionGeography, type BoundariesResult, type RegionGeography } from './boundaries.ts';
import { buildColourScale, type ColourClass, type ColourScale } from './classes.ts';
import { boundsOf, drawnAspectRatio, labelPoint } from './geometry.ts';
import { COMBINED_AUTHORITY_NOUN, describeFigure, DISTRICT_NOUN, indicatorsFor, rankFigures, summarise, type AreaNoun, type DistrictFigure, type Indicator } from './indicators.ts';
import { announcementLayer, layerPeriod, officialLayer, officialOption, type MapLayer } from './layers.ts';
import type { MapDrawing } from './leaflet-map.ts';

/** The region parameter of the national view: England, every combined authority as one shape. */
export const NATIONAL_REGION = ENGLAND_CODE;

/**
 * Official statistics as the view has them so far: the metadata (null while it loads), the
 * series whose files have loaded, and why a file could not be used. The view loads only
 * the file the chosen indicator needs (see `MapViewModel.needsIndicator`).
 */
export interface OfficialInput {
  metadata: readonly IndicatorMeta[] | null;
  store: IndicatorStore;
  /** By indicator id, or METADATA_PROBLEM for indicators.csv itself. */
  problems: Readonly<Record<string, string>>;
}

export const METADATA_PROBLEM = '*metadata';

/** No official statistics (the unit tests of announcement maps, or while nothing has been asked for). */
export const NO_OFFICIAL: OfficialInput = { metadata: [], store: new Map(), problems: {} };

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

export interface MapOptionGroup {
  label: string;
  options: MapOption[];
}

export interface MapTableRow {
  code: string;
  name: string;
  /** The figure as the table shows it: "486,100", "up to £5m", "No figure published", "1,228 per 100,000 people". */
  text: string;
  /** No number to colour or rank: shown muted. */
  unquantified: boolean;
  /** The number behind `text` and its qualifier, for downloads. */
  value: number | null;
  qualifier: string;
  when: string | null;
  /** "1 of 6", "2nd highest of 6 districts" or "Not ranked". */
  rank: string;
  sources: { id: string; source: SourceRef | null }[];
  /** Official statistics: the 95% interval ("1,120 to 1,190 per 100,000 people"), when published. */
  interval: string | null;
  /** Official statistics: the comparison with England in words. */
  comparison: string | null;
  /** The publisher's flag or note on the row ("Low reliability"), shown with a marker. */
  flag: string | null;
}

export interface MapTableModel {
  caption: string;
  areaHeading: string;
  valueHeading: string;
  /** Whether the interval and England columns are shown (official statistics). */
  official: boolean;
  rows: MapTableRow[];
  note: string;
}

export interface MapLegendModel {
  title: string;
  classes: ColourClass[];
  noDataCount: number;
  /** What the hatch means: "No figure published", or for official statistics "Not available". */
  noDataLabel: string;
  hasQualifiedValues: boolean;
  /** "district" or "combined authority", for the counts. */
  noun: AreaNoun;
  /** England's value, and the class it falls in (null when outside every class). */
  england: { text: string; classIndex: number | null } | null;
  /** Whether grey neighbours and a combined-authority outline are drawn. */
  showsNeighbours: boolean;
  showsOutline: boolean;
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
      /** Every indicator on offer, in picker order. */
      indicators: MapOption[];
      /** The same, grouped: "Official statistics" and "From announcements" (a group with no options is left out). */
      indicatorGroups: MapOptionGroup[];
      /** Periods of the chosen indicator, latest last; empty when it has none. */
      periods: MapOption[];
      regionCode: string;
      regionName: string;
      /** The national view: every combined authority as one shape; choosing one opens its district map. */
      national: boolean;
      /** An official indicator whose file the view must load before it can be shown; null when none. */
      needsIndicator: string | null;
      /** Whether indicators.csv has still to be read (to offer the official statistics). */
      needsMetadata: boolean;
      title: string;
      lede: string;
      heading: string;
      /** Why the picker offers only population, when it does. */
      hint: string | null;
      /** Why an asked-for indicator could not be shown, when it could not. */
      notice: string | null;
      summary: string;
      /** What a reader must know to read an official indicator, in our words. */
      caveat: string | null;
      /** The licence attribution of the figures shown (official statistics); null otherwise. */
      figureAttribution: string | null;
      embedTitle: string;
      legend: MapLegendModel;
      table: MapTableModel;
      map: MapPanel;
      /** What the live region says before anything is focused. */
      focusHint: string;
      /** What the live region says when an area is focused, by code: name, value and rank. */
      announcements: Readonly<Record<string, string>>;
    };

/** What the map colours for a region: its districts, or for the national view the combined authorities that have districts. */
export function mapAreas(data: RowsByDataset, regionCode: string): Area[] {
  if (regionCode === NATIONAL_REGION) return nationalAreas(data);
  return districtsOf(data, regionCode);
}

function nationalAreas(data: RowsByDataset): Area[] {
  return combinedAuthorities(data).flatMap((region) => (region.area && districtsOf(data, region.code).length > 0 ? [region.area] : []));
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function listNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Population of each combined authority as the sum of its districts' populations in
 * areas.csv (check:data holds the combined authority's own row to the same sum).
 */
function nationalPopulation(data: RowsByDataset, regions: readonly Area[]): Indicator {
  return {
    id: 'population',
    label: 'Population',
    unit: 'count',
    figures: regions.map((region): DistrictFigure => {
      const districts = districtsOf(data, region.area_code);
      const total = sum(districts, (d) => d.population);
      const years = [...new Set(districts.map((d) => d.population_year))].sort();
      return {
        code: region.area_code,
        name: displayName(region),
        value: total,
        qualifier: 'exact',
        text: formatCount(total),
        long: formatCount(total),
        when: `in ${listNames(years.map(String))}`,
        sourceIds: [...new Set(districts.map((d) => d.population_source_id))],
      };
    }),
  };
}

function tableRows(layer: MapLayer, source: (id: string) => SourceRef | null): MapTableRow[] {
  return layer.figures.map((figure) => {
    const detail = layer.details.get(figure.code);
    return {
      code: figure.code,
      name: figure.name,
      text: figure.text,
      unquantified: figure.value === null,
      value: figure.value,
      qualifier: figure.qualifier,
      when: figure.when,
      rank: capitalise(layer.ranks.get(figure.code)?.short ?? 'Not ranked'),
      sources: figure.sourceIds.map((id) => ({ id, source: source(id) })),
      interval: detail?.interval ?? null,
      comparison: detail?.comparison ?? null,
      flag: detail?.flag ?? null,
    };
  });
}

/** What a screen reader hears when an area is focused. Announcement figures keep describeFigure's words. */
function describe(layer: MapLayer, figure: DistrictFigure, national: boolean): string {
  const detail = layer.details.get(figure.code);
  const open = national ? ' Press Enter to open its district map.' : '';
  if (!detail) return `${describeFigure(figure, layer.label, rankFigures(layer.figures).get(figure.code))}${open}`;
  const rank = layer.ranks.get(figure.code)?.words ?? 'not ranked';
  const england = layer.england ? ` England: ${layer.england.text}.` : '';
  const flag = detail.flag ? ` Publisher's flag: ${detail.flag}.` : '';
  return `${figure.name}: ${layer.label} ${figure.long} (${figure.when}); ${rank}.${england} ${detail.comparison}.${flag}${open}`;
}

function tooltipLines(layer: MapLayer, figure: DistrictFigure): string[] {
  const detail = layer.details.get(figure.code);
  const rank = capitalise(layer.ranks.get(figure.code)?.words ?? 'not ranked');
  const value = `${isolate(layer.label)}: ${figure.long}${figure.when ? ` (${figure.when})` : ''}`;
  if (!detail) return [value, rank];
  return [value, rank, ...(layer.england ? [`England: ${layer.england.text}`] : []), detail.comparison, ...(detail.flag ? [`⚑ Publisher's flag: ${detail.flag}`] : [])];
}

interface PanelInput {
  boundaries: BoundariesResult | null;
  layer: MapLayer;
  scale: ColourScale;
  areas: readonly Area[];
  regionName: string;
  national: boolean;
  geography: (boundaries: Extract<BoundariesResult, { ok: true }>['boundaries']) => RegionGeography;
}

function mapPanel({ boundaries, layer, scale, areas, regionName, national, geography: geographyOf }: PanelInput): MapPanel {
  if (boundaries === null) return { status: 'loading', message: 'Loading the district boundaries…' };
  if (!boundaries.ok) return { status: 'fallback', reason: boundaries.reason };
  const geography = geographyOf(boundaries.boundaries);
  const figures = new Map(layer.figures.map((f) => [f.code, f]));
  const drawing: MapDrawing = {
    districts: geography.districts.flatMap((feature) => {
      const figure = figures.get(feature.id);
      if (!figure) return [];
      return [
        {
          code: figure.code,
          feature,
          fill: figure.value === null ? null : scale.colourOf(figure.value),
          // Fifteen regions on one map leave no room for values on the labels: the tooltip and table give them.
          // Official values drop their unit in words ("1,087", not "1,087 per 100,000 people"): the key's title says it once.
          labelLines: national ? [figure.name] : [figure.name, layer.kind === 'official' && figure.value !== null ? layer.format(figure.value) : figure.text],
          labelPoint: labelPoint(feature.geometry),
          description: describe(layer, figure, national),
          tooltipTitle: figure.name,
          tooltipLines: tooltipLines(layer, figure),
        },
      ];
    }),
    neighbours: geography.neighbours.map((feature) => ({ code: feature.id, feature })),
    outline: geography.outline,
    activatable: national,
  };
  const noun = national ? COMBINED_AUTHORITY_NOUN : DISTRICT_NOUN;
  if (drawing.districts.length === 0) return { status: 'fallback', reason: `no ${noun.one} of ${regionName} has a boundary in the boundaries file` };
  const bounds = boundsOf(geography.districts.map((d) => d.geometry));
  const missing = areas.filter((a) => geography.missing.includes(a.area_code)).map(displayName);
  return {
    status: 'ready',
    drawing,
    aspectRatio: bounds ? drawnAspectRatio(bounds) : 1,
    label: national ? `Map of ${layer.label.toLowerCase()} in England's combined authorities` : `Map of ${layer.label.toLowerCase()} in the districts of ${regionName}`,
    attribution: attributionText(boundaries.boundaries.year),
    missingNote: missing.length === 0 ? null : `No boundary is available for ${listNames(missing)}, so ${missing.length === 1 ? 'it appears' : 'they appear'} in the table only.`,
  };
}

const OFFICIAL_GROUP = 'Official statistics';
const ANNOUNCEMENT_GROUP = 'From announcements';

/**
 * Everything the map view shows. `boundaries` is null while the file is loading, or the
 * result of reading it (its failure reason becomes the fallback's reason). `official` is
 * what the view has loaded of the official statistics so far.
 */
export function mapViewModel(data: RowsByDataset, params: MapParams, boundaries: BoundariesResult | null, official: OfficialInput = NO_OFFICIAL): MapViewModel {
  if (!data.areas) {
    return { status: 'unavailable', message: 'The map cannot be shown: the areas file (areas.csv) is unavailable, so the districts are unknown. See the data problems listed above.' };
  }
  const regions = combinedAuthorities(data).filter((region) => region.area !== null && districtsOf(data, region.code).length > 0);
  if (regions.length === 0) return { status: 'unavailable', message: 'No combined authority with districts is listed in areas.csv.' };
  const national = params.region === NATIONAL_REGION;
  // A region or indicator that the data does not hold falls back to the first one.
  const region = national ? null : (regions.find((r) => r.code === params.region) ?? regions[0]);
  const regionCode = region?.code ?? NATIONAL_REGION;
  const regionName = region?.shortName ?? 'England';
  const noun = national ? COMBINED_AUTHORITY_NOUN : DISTRICT_NOUN;
  const areas = mapAreas(data, regionCode);
  const announcementIndicators = national ? [nationalPopulation(data, areas)] : indicatorsFor(data, areas);
  const metadata = official.metadata ?? [];
  const metadataProblem = official.problems[METADATA_PROBLEM] ?? null;

  // Which indicator: an announcement one, an official one (loaded or not), or the first announcement one.
  // With none asked for, the map opens on the first official statistic in indicators.csv
  // (outcomes first), once that list is read; population is the fallback.
  const requested = params.indicator ?? metadata[0]?.indicator_id ?? null;
  const announced = announcementIndicators.find((i) => i.id === requested);
  const requestedMeta = announced ? undefined : metadata.find((m) => m.indicator_id === requested);
  const waitingForMetadata = !announced && official.metadata === null && metadataProblem === null;
  const series = requestedMeta ? official.store.get(requestedMeta.indicator_id) : undefined;
  const seriesProblem = requestedMeta ? (official.problems[requestedMeta.indicator_id] ?? null) : null;
  const waitingForSeries = requestedMeta !== undefined && !series && seriesProblem === null;
  const fallbackIndicator = announcementIndicators[0];
  if (!fallbackIndicator) return { status: 'unavailable', message: 'No combined authority with districts is listed in areas.csv.' };

  const layerAreas = areas.map((a) => ({ code: a.area_code, name: displayName(a) }));
  const codes = layerAreas.map((a) => a.code);
  const period = series ? layerPeriod(series, params.period, codes) : null;
  const layer: MapLayer | null =
    series && period
      ? officialLayer(series, period, layerAreas, national ? {} : { rankWithin: new Set(codes) })
      : waitingForMetadata || waitingForSeries
        ? null
        : announcementLayer(announced ?? fallbackIndicator);
  const shownId = layer?.id ?? requested ?? fallbackIndicator.id;
  const label = layer?.label ?? requestedMeta?.name ?? 'Official statistics';

  let notice: string | null = null;
  if (requestedMeta && seriesProblem) notice = `${requestedMeta.name} cannot be shown: ${seriesProblem}. The map shows ${fallbackIndicator.label.toLowerCase()} instead.`;
  else if (requestedMeta && series && !period) notice = `${requestedMeta.name} has no published value for any period, so the map shows ${fallbackIndicator.label.toLowerCase()} instead.`;
  else if (!announced && !requestedMeta && requested !== null && metadataProblem) notice = `The official statistics cannot be shown: ${metadataProblem}.`;

  const officialOptions = metadata.map(officialOption);
  const announcementOptions = announcementIndicators.map((i) => ({ value: i.id, label: i.label }));
  const indicatorGroups = [
    { label: OFFICIAL_GROUP, options: officialOptions },
    { label: ANNOUNCEMENT_GROUP, options: announcementOptions },
  ].filter((g) => g.options.length > 0);

  const sources = sourceLookup(data);
  const officialSources = new Map(indicatorSources(metadata).map((s) => [s.id, s]));
  const source = (id: string) => officialSources.get(id) ?? sources(id);

  const scale = buildColourScale(layer?.figures.map((f) => f.value) ?? [], layer?.format ?? String);
  const englandClass = layer?.england ? scale.classes.findIndex((c) => layer.england !== null && c.lower <= layer.england.value && layer.england.value <= c.upper) : -1;
  const announcements = layer ? Object.fromEntries(layer.figures.map((f) => [f.code, describe(layer, f, national)])) : {};
  const where = national ? "England's combined authorities" : regionName;
  const whenText = layer?.period ? `, ${layer.period.label}` : '';
  const loadingMessage = waitingForMetadata ? 'Loading the list of official statistics…' : `Loading ${label.toLowerCase()}…`;

  return {
    status: 'ok',
    params: { region: regionCode, indicator: shownId, period: layer?.period?.raw ?? null },
    regions: [{ value: NATIONAL_REGION, label: 'England: all combined authorities' }, ...regions.map((r) => ({ value: r.code, label: r.shortName }))],
    indicators: indicatorGroups.flatMap((g) => g.options),
    indicatorGroups,
    periods: (layer?.periods ?? []).map((p) => ({ value: p.raw, label: p.label })),
    regionCode,
    regionName,
    national,
    needsIndicator: waitingForSeries && requestedMeta ? requestedMeta.indicator_id : null,
    needsMetadata: official.metadata === null && metadataProblem === null,
    title: national ? 'Combined authority map' : 'District map',
    lede: national
      ? "Every combined authority in England as one shape, coloured by a figure from the dashboard's data. Choose one to open its district map. The table gives the same figures in words and numbers."
      : "Each district of a combined authority, coloured by a figure from the dashboard's data. The table gives the same figures in words and numbers.",
    heading: `${label}: ${where}${whenText}`,
    hint:
      !national && announcementIndicators.length === 1 && layer?.kind === 'announcement'
        ? 'No programme figures are published for individual districts yet, so “From announcements” offers population only. Figures added to the data for a district will appear in this list.'
        : null,
    notice,
    // Official values are summarised without their intervals (the table gives them), so the sentence stays readable.
    summary: layer ? `${summarise(layer.kind === 'official' ? { label: layer.label, figures: layer.figures.map((f) => ({ ...f, long: f.text })) } : layer, regionName, noun)}${layer.england ? ` England: ${layer.england.text}.` : ''}` : '',
    caveat: layer?.caveat ?? null,
    figureAttribution: layer?.attribution ?? null,
    embedTitle: `${national ? 'Combined authority map' : 'District map'}: ${label}, ${regionName}${whenText}`,
    legend: {
      title: `${label}${whenText}${layer?.unitNote ? ` (${layer.unitNote})` : ''}`,
      classes: scale.classes,
      noDataCount: layer?.figures.filter((f) => f.value === null).length ?? 0,
      noDataLabel: layer?.kind === 'official' ? 'Not available' : 'No figure published',
      hasQualifiedValues: layer?.figures.some((f) => f.value !== null && f.qualifier !== 'exact') ?? false,
      noun,
      england: layer?.england ? { text: layer.england.text, classIndex: englandClass >= 0 ? englandClass : null } : null,
      showsNeighbours: true,
      showsOutline: !national,
    },
    table: {
      caption: `${label} by ${noun.one}, ${where}${whenText}`,
      areaHeading: capitalise(noun.one),
      valueHeading: label,
      official: layer?.kind === 'official',
      rows: layer ? tableRows(layer, source) : [],
      note:
        layer?.kind === 'official'
          ? `Ranks are among the ${national ? 'combined authorities in the data' : `districts of ${regionName}`}, highest first. “Compared with England” says higher or lower only when the 95% intervals do not overlap; without an interval it gives the plain difference. ⚑ marks figures the publisher flags.`
          : `Rank 1 is the highest figure. ${capitalise(noun.many)} with no figure are not ranked.`,
    },
    map: layer
      ? mapPanel({
          boundaries,
          layer,
          scale,
          areas,
          regionName,
          national,
          geography: (b) =>
            national
              ? nationalGeography(
                  b,
                  areas.map((a) => ({ code: a.area_code, name: displayName(a), districtCodes: districtsOf(data, a.area_code).map((d) => d.area_code) })),
                )
              : regionGeography(
                  b,
                  areas.map((a) => a.area_code),
                ),
        })
      : { status: 'loading', message: loadingMessage },
    focusHint: national
      ? 'Tab to a combined authority on the map (after “Explore the map”), then use the arrow keys to move between them; press Enter to open its district map. Hover or focus shows its figure.'
      : 'Tab to a district on the map (after “Explore the map”), then use the arrow keys to move between districts. Hover or focus shows its figure.',
    announcements,
  };
}

/** The first error of a failed indicator file, in words: "indicators/apprenticeships.csv, line 4, column observation: expected a number". */
function reportProblem(report: IndicatorFileReport): string {
  const error = report.errors[0];
  if (!error) return `${report.file} could not be read`;
  const where = [error.file, error.line > 0 ? `line ${error.line}` : null, error.column ? `column ${error.column}` : null].filter(Boolean).join(', ');
  return `${where}: expected ${error.expected}${error.hint ? ` (${error.hint})` : ''}`;
}

/**
 * Folds a load of indicators.csv (and the files for `ids`) into what the view has, so a
 * second indicator from an already-read file is not read again by the view. A broken
 * metadata file or dataset file becomes a problem the view model words as a notice.
 */
export function withLoadedIndicators(current: OfficialInput, loaded: LoadedIndicators, ids: readonly string[]): OfficialInput {
  const problems: Record<string, string> = { ...current.problems };
  const metaReport = loaded.reports.find((r) => r.file === METADATA_FILE);
  if (metaReport && metaReport.status !== 'ok') {
    problems[METADATA_PROBLEM] = reportProblem(metaReport);
    return { metadata: current.metadata ?? [], store: current.store, problems };
  }
  const store: IndicatorStore = new Map([...current.store, ...loaded.store]);
  for (const id of ids) {
    if (store.has(id)) continue;
    const meta = loaded.metadata.find((m) => m.indicator_id === id);
    const report = meta ? loaded.reports.find((r) => r.file.endsWith(`/${meta.dataset}`)) : undefined;
    problems[id] = report && report.status !== 'ok' ? reportProblem(report) : meta ? `${meta.dataset} holds no rows for it` : 'indicators.csv does not list it';
  }
  return { metadata: loaded.metadata, store, problems };
}

/** A failed request (network error) for indicators.csv or an indicator's file, as a problem. */
export function withLoadFailure(current: OfficialInput, ids: readonly string[], error: unknown): OfficialInput {
  const reason = `the file could not be downloaded (${error instanceof Error ? error.message : String(error)})`;
  const problems: Record<string, string> = { ...current.problems };
  if (ids.length === 0) problems[METADATA_PROBLEM] = reason;
  for (const id of ids) problems[id] = reason;
  return { ...current, metadata: current.metadata ?? (ids.length === 0 ? [] : null), problems };
}

/** What the live region says: the focused area's announcement, else the hint (empty when there is no map). */
export function mapAnnouncement(view: MapViewModel, code: string | null): string {
  if (view.status !== 'ok') return '';
  return (code !== null && view.announcements[code]) || view.focusHint;
}

/** Every region the map offers (the national view first), e.g. for the build's static map pages. */
export function mapRegionCodes(data: RowsByDataset): string[] {
  const view = mapViewModel(data, { region: null, indicator: null, period: null }, null);
  return view.status === 'ok' ? view.regions.map((option) => option.value) : [];
}
