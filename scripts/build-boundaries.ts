/**
 * Builds public/data/boundaries.topo.json: the districts listed in public/data/areas.csv
 * plus the districts bordering them (drawn grey for context), simplified to fit a size
 * budget. Input is the file named by BOUNDARIES_FILE (TopoJSON or GeoJSON keyed by GSS
 * code) or, when that is unset, a download from the ONS Open Geography Portal whose URLs
 * live in boundaries.config.json.
 *
 * Usage: tsx scripts/build-boundaries.ts [--if-missing] [--config FILE] [--areas FILE] [--out FILE]
 *   --if-missing  keep an existing output; if building fails, warn and exit 0 so a build
 *                 without internet still succeeds (the map view then shows its table).
 *
 * Everything except `main` and the file/network helpers is pure and unit-tested.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryObject, Objects, Topology } from 'topojson-specification';
import { validateCsv } from '../src/lib/data/validate.ts';
import { DISTRICTS_OBJECT, isGssCode, neighbourIndices, type BoundaryMetadata, type BoundaryTopology } from '../src/lib/map/topology.ts';

/** A failure with a reason a person can act on; printed without a stack trace. */
export class BoundariesError extends Error {
  override name = 'BoundariesError';
}

export interface BoundariesConfig {
  output: string;
  areas: string;
  maxBytes: number;
  quantization: number;
  /** Fractions of points to keep, tried in order until the output fits maxBytes. */
  simplifyRetain: number[];
  vintage: { year: number; description: string };
  /** Property names that may hold a district's GSS code or name, first match wins. */
  codeProperties: string[];
  nameProperties: string[];
  download: {
    codeField: string;
    /** ArcGIS query for the needed districts; {where} is replaced by an encoded where clause. */
    queryUrlTemplate: string;
    /** ArcGIS query for everything touching the needed districts' extent; {envelope} is replaced by "xmin,ymin,xmax,ymax". */
    contextUrlTemplate: string;
    contextMarginDegrees: number;
    timeoutMs: number;
  };
}

export interface NeededDistrict {
  code: string;
  name: string;
}

export type DistrictFeature = Feature<Polygon | MultiPolygon, { name: string }> & { id: string };
export interface DistrictCollection {
  type: 'FeatureCollection';
  features: DistrictFeature[];
}

// ---------------------------------------------------------------------------
// Configuration and inputs
// ---------------------------------------------------------------------------

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function requireField<T>(record: Record<string, unknown>, key: string, check: (value: unknown) => value is T, expected: string): T {
  const value = record[key];
  if (!check(value)) throw new BoundariesError(`boundaries.config.json: "${key}" must be ${expected}.`);
  return value;
}

const isString = (value: unknown): value is string => typeof value === 'string' && value !== '';
const isPositive = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0;
const isStringList = (value: unknown): value is string[] => Array.isArray(value) && value.length > 0 && value.every(isString);
const isFractionList = (value: unknown): value is number[] => Array.isArray(value) && value.length > 0 && value.every((v) => typeof v === 'number' && v > 0 && v <= 1);

/** Checks the config file's shape so a typo fails with the key's name, not deep inside the build. */
export function parseConfig(json: unknown): BoundariesConfig {
  if (!isRecord(json)) throw new BoundariesError('boundaries.config.json must hold a JSON object.');
  const vintage = json.vintage;
  const download = json.download;
  if (!isRecord(vintage)) throw new BoundariesError('boundaries.config.json: "vintage" must be an object with year and description.');
  if (!isRecord(download)) throw new BoundariesError('boundaries.config.json: "download" must be an object.');
  const queryUrlTemplate = requireField(download, 'queryUrlTemplate', isString, 'a URL containing {where}');
  const contextUrlTemplate = requireField(download, 'contextUrlTemplate', isString, 'a URL containing {envelope}');
  if (!queryUrlTemplate.includes('{where}')) throw new BoundariesError('boundaries.config.json: "download.queryUrlTemplate" must contain {where}.');
  if (!contextUrlTemplate.includes('{envelope}')) throw new BoundariesError('boundaries.config.json: "download.contextUrlTemplate" must contain {envelope}.');
  return {
    output: requireField(json, 'output', isString, 'a file path'),
    areas: requireField(json, 'areas', isString, 'a file path'),
    maxBytes: requireField(json, 'maxBytes', isPositive, 'a positive number of bytes'),
    quantization: requireField(json, 'quantization', (v): v is number => isPositive(v) && v >= 2, 'a number of at least 2'),
    simplifyRetain: requireField(json, 'simplifyRetain', isFractionList, 'a list of fractions between 0 and 1'),
    vintage: {
      year: requireField(vintage, 'year', (v): v is number => Number.isInteger(v) && (v as number) > 1900, 'a year'),
      description: requireField(vintage, 'description', isString, 'text'),
    },
    codeProperties: requireField(json, 'codeProperties', isStringList, 'a list of property names'),
    nameProperties: requireField(json, 'nameProperties', isStringList, 'a list of property names'),
    download: {
      codeField: requireField(download, 'codeField', isString, 'a field name'),
      queryUrlTemplate,
      contextUrlTemplate,
      contextMarginDegrees: requireField(download, 'contextMarginDegrees', (v): v is number => typeof v === 'number' && v >= 0, 'a number of degrees'),
      timeoutMs: requireField(download, 'timeoutMs', isPositive, 'a number of milliseconds'),
    },
  };
}

/** The districts the map needs: every local authority in areas.csv, read with the project's own validator. */
export function neededDistricts(areasCsv: string): NeededDistrict[] {
  const { rows, errors } = validateCsv('areas', areasCsv);
  if (errors.length > 0) {
    const listed = errors.slice(0, 5).map((e) => `line ${e.line}${e.column ? `, column ${e.column}` : ''}: expected ${e.expected}`);
    throw new BoundariesError(`areas.csv has ${errors.length} error(s), so the needed districts are unknown:\n  ${listed.join('\n  ')}`);
  }
  return rows.filter((area) => area.area_type === 'local_authority').map((area) => ({ code: area.area_code, name: area.area_name }));
}

// ---------------------------------------------------------------------------
// Reading boundary files: TopoJSON or GeoJSON, keyed by GSS code
// ---------------------------------------------------------------------------

function isTopology(value: unknown): value is Topology {
  return isRecord(value) && value.type === 'Topology' && isRecord(value.objects) && Array.isArray(value.arcs);
}

function isFeatureCollection(value: unknown): value is FeatureCollection<Geometry | null> {
  return isRecord(value) && value.type === 'FeatureCollection' && Array.isArray(value.features);
}

function firstText(properties: Record<string, unknown>, keys: string[]): string | null {
  for (const key of keys) {
    const value = properties[key];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/** One input shape's key, before it is trusted. */
export interface KeyedShape {
  code: string | null;
  name: string | null;
  geometryType: string | null;
}

/**
 * Problems with the codes in a boundary file: a shape without a code, a code that is not
 * a GSS code, a code used twice, or a district that is not a polygon. Empty when all is well.
 */
export function validateCodes(shapes: KeyedShape[]): string[] {
  const problems: string[] = [];
  const seen = new Map<string, number>();
  shapes.forEach((shape, index) => {
    const where = `shape ${index + 1}${shape.name ? ` (${shape.name})` : ''}`;
    if (shape.code === null) {
      problems.push(`${where} has no GSS code.`);
      return;
    }
    if (!isGssCode(shape.code)) problems.push(`${where} has "${shape.code}", which is not a GSS code such as E08000012.`);
    const first = seen.get(shape.code);
    if (first !== undefined) problems.push(`${where} repeats code ${shape.code} (first used by shape ${first + 1}).`);
    else seen.set(shape.code, index);
    if (shape.geometryType !== 'Polygon' && shape.geometryType !== 'MultiPolygon') {
      problems.push(`${where} (${shape.code}) is a ${shape.geometryType ?? 'missing geometry'}, not a Polygon or MultiPolygon.`);
    }
  });
  return problems;
}

/** Parsed JSON of a boundary file → polygons keyed by GSS code. Throws with every problem listed. */
export function readBoundaryInput(input: unknown, config: Pick<BoundariesConfig, 'codeProperties' | 'nameProperties'>): DistrictCollection {
  let collection: FeatureCollection<Geometry | null>;
  if (isTopology(input)) {
    const names = Object.keys(input.objects);
    const collections = names.filter((name) => input.objects[name]?.type === 'GeometryCollection');
    const chosen = collections.length === 1 ? collections[0] : collections.find((name) => name === DISTRICTS_OBJECT);
    if (chosen === undefined) {
      throw new BoundariesError(`The TopoJSON file must hold one GeometryCollection of districts; it holds ${names.length ? names.map((n) => `"${n}"`).join(', ') : 'none'}.`);
    }
    const object = input.objects[chosen];
    if (!object || object.type !== 'GeometryCollection') throw new BoundariesError(`TopoJSON object "${chosen}" is not a GeometryCollection.`);
    collection = feature(input, object) as FeatureCollection<Geometry | null>;
  } else if (isFeatureCollection(input)) {
    collection = input;
  } else {
    throw new BoundariesError('The boundary file is neither TopoJSON (type "Topology") nor a GeoJSON FeatureCollection.');
  }

  const keyed = collection.features.map((shape) => {
    const properties = isRecord(shape.properties) ? shape.properties : {};
    const code = firstText(properties, config.codeProperties) ?? (typeof shape.id === 'string' && shape.id !== '' ? shape.id : null);
    return { code, name: firstText(properties, config.nameProperties), geometry: shape.geometry };
  });
  const problems = validateCodes(keyed.map((k) => ({ code: k.code, name: k.name, geometryType: k.geometry?.type ?? null })));
  if (problems.length > 0) {
    const more = problems.length > 10 ? `\n  …and ${problems.length - 10} more` : '';
    throw new BoundariesError(`The boundary file's district codes are not usable:\n  ${problems.slice(0, 10).join('\n  ')}${more}`);
  }
  return {
    type: 'FeatureCollection',
    features: keyed.map((k) => ({
      type: 'Feature',
      id: k.code ?? '',
      properties: { name: k.name ?? k.code ?? '' },
      geometry: k.geometry as Polygon | MultiPolygon,
    })),
  };
}

/** Needed districts that have no shape in the collection. */
export function missingDistricts(collection: DistrictCollection, needed: NeededDistrict[]): NeededDistrict[] {
  const present = new Set(collection.features.map((f) => f.id));
  return needed.filter((district) => !present.has(district.code));
}

export function missingDistrictsMessage(missing: NeededDistrict[]): string {
  return `The boundaries have no shape for ${missing.length} district(s) in areas.csv: ${missing.map((d) => `${d.code} (${d.name})`).join(', ')}. Check the codes in areas.csv, or use boundaries of the same vintage as the codes.`;
}

// ---------------------------------------------------------------------------
// Selecting, simplifying, checking
// ---------------------------------------------------------------------------

/**
 * The needed districts plus every district sharing a border with one of them, in input
 * order. Borders are found from the shapes' shared arcs, so the input's shared edges
 * must coincide exactly (true of ONS boundaries and of TopoJSON).
 */
export function selectWithNeighbours(collection: DistrictCollection, neededCodes: readonly string[]): { selection: DistrictCollection; neighbourCodes: string[] } {
  const wanted = new Set(neededCodes);
  const topo = topology({ all: collection as FeatureCollection });
  const all = topo.objects.all;
  const geometries = (all && all.type === 'GeometryCollection' ? all.geometries : []) as GeometryObject[];
  const selected = new Set(collection.features.flatMap((f, index) => (wanted.has(f.id) ? [index] : [])));
  const neighbours = new Set(neighbourIndices(geometries, selected));
  const features = collection.features.filter((_, index) => selected.has(index) || neighbours.has(index));
  return {
    selection: { type: 'FeatureCollection', features },
    neighbourCodes: features.filter((f) => !wanted.has(f.id)).map((f) => f.id),
  };
}

function ringArea(ring: Position[]): number {
  let twiceArea = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    twiceArea += xj * yi - xi * yj;
  }
  return Math.abs(twiceArea) / 2;
}

/** Codes whose shape has no ring with an area left, i.e. that simplification or quantising erased. */
export function erasedCodes(topo: Topology): string[] {
  const object = topo.objects[DISTRICTS_OBJECT];
  if (!object || object.type !== 'GeometryCollection') return [];
  const collection = feature(topo, object);
  return collection.features
    .filter((shape) => {
      const geometry = shape.geometry;
      const polygons: Position[][][] = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : [];
      return !polygons.some((polygon) => polygon[0] !== undefined && polygon[0].length >= 4 && ringArea(polygon[0]) > 0);
    })
    .map((shape) => String(shape.id));
}

export function withMetadata(topo: Topology, metadata: BoundaryMetadata): BoundaryTopology {
  // Metadata first so a person opening the file sees what it is.
  const { type, ...rest } = topo;
  return { type, metadata, ...rest } as unknown as BoundaryTopology;
}

export function byteSize(topo: Topology): number {
  return Buffer.byteLength(JSON.stringify(topo), 'utf8');
}

/**
 * Quantises and simplifies the selection, keeping as much detail as fits `maxBytes`, and
 * never erasing a district: if a district would vanish before the file fits, it fails.
 */
export function simplifyToFit(selection: DistrictCollection, metadata: BoundaryMetadata, config: Pick<BoundariesConfig, 'maxBytes' | 'quantization' | 'simplifyRetain'>): { topology: BoundaryTopology; bytes: number; retained: number } {
  const base = topology({ [DISTRICTS_OBJECT]: selection as FeatureCollection }) as unknown as Topology<Objects>;
  const weighted = presimplify(base, sphericalTriangleArea);
  let smallest = Infinity;
  for (const retain of config.simplifyRetain) {
    const simplified = quantize(simplify(weighted, retain >= 1 ? 0 : quantile(weighted, retain)), config.quantization);
    const erased = erasedCodes(simplified);
    if (erased.length > 0) {
      throw new BoundariesError(`Simplifying the boundaries to fit ${config.maxBytes} bytes would erase ${erased.join(', ')}; raise maxBytes or quantization in boundaries.config.json.`);
    }
    const output = withMetadata(simplified, metadata);
    const bytes = byteSize(output);
    if (bytes <= config.maxBytes) return { topology: output, bytes, retained: retain };
    smallest = Math.min(smallest, bytes);
  }
  throw new BoundariesError(`The boundaries do not fit ${config.maxBytes} bytes even at the strongest simplification configured (smallest ${smallest} bytes); add smaller fractions to simplifyRetain in boundaries.config.json.`);
}

/** Everything between a parsed input and the output file: select, check, simplify. */
export function buildBoundaries(input: unknown, needed: NeededDistrict[], config: BoundariesConfig, source: string): { topology: BoundaryTopology; bytes: number; retained: number; neighbourCodes: string[] } {
  const collection = readBoundaryInput(input, config);
  const missing = missingDistricts(collection, needed);
  if (missing.length > 0) throw new BoundariesError(missingDistrictsMessage(missing));
  const { selection, neighbourCodes } = selectWithNeighbours(
    collection,
    needed.map((d) => d.code),
  );
  const metadata: BoundaryMetadata = { year: config.vintage.year, vintage: config.vintage.description, source };
  return { ...simplifyToFit(selection, metadata, config), neighbourCodes };
}

// ---------------------------------------------------------------------------
// ONS download (ArcGIS FeatureServer query returning GeoJSON in WGS84)
// ---------------------------------------------------------------------------

/** ArcGIS SQL where clause selecting the codes: LAD24CD IN ('E08000011','E08000012'). */
export function whereClauseForCodes(field: string, codes: readonly string[]): string {
  for (const code of codes) {
    // Codes go into SQL text, so only well-formed GSS codes are allowed in.
    if (!isGssCode(code)) throw new BoundariesError(`"${code}" is not a GSS code; it cannot be used in a query.`);
  }
  return `${field} IN (${codes.map((code) => `'${code}'`).join(',')})`;
}

export function fillTemplate(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (match, key: string) => (key in values ? encodeURIComponent(values[key] ?? '') : match));
}

/** "xmin,ymin,xmax,ymax" of the collection, widened by `margin` degrees. */
export function envelopeOf(collection: DistrictCollection, margin: number): string {
  let [xmin, ymin, xmax, ymax] = [Infinity, Infinity, -Infinity, -Infinity];
  const visit = (positions: Position[]) => {
    for (const [x = NaN, y = NaN] of positions) {
      xmin = Math.min(xmin, x);
      ymin = Math.min(ymin, y);
      xmax = Math.max(xmax, x);
      ymax = Math.max(ymax, y);
    }
  };
  for (const shape of collection.features) {
    const polygons = shape.geometry.type === 'Polygon' ? [shape.geometry.coordinates] : shape.geometry.coordinates;
    polygons.forEach((polygon) => polygon.forEach(visit));
  }
  if (!Number.isFinite(xmin)) throw new BoundariesError('The downloaded districts have no coordinates.');
  return [xmin - margin, ymin - margin, xmax + margin, ymax + margin].map((n) => n.toFixed(6)).join(',');
}

async function fetchGeoJson(url: string, timeoutMs: number, fetchImpl: typeof fetch): Promise<FeatureCollection<Geometry | null>> {
  let response: Response;
  try {
    response = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: 'application/geo+json, application/json' } });
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message) : String(error);
    throw new BoundariesError(`Could not download boundaries from ${new URL(url).origin}: ${reason}.`);
  }
  if (!response.ok) throw new BoundariesError(`The boundary server answered ${response.status} ${response.statusText} for ${url}.`);
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    throw new BoundariesError(`The boundary server's answer is not JSON (${url}).`);
  }
  // ArcGIS reports query errors inside a 200 response.
  if (isRecord(json) && isRecord(json.error)) throw new BoundariesError(`The boundary server reported an error: ${String(json.error.message ?? JSON.stringify(json.error))} (${url}).`);
  if (isRecord(json) && (json.exceededTransferLimit === true || (isRecord(json.properties) && json.properties.exceededTransferLimit === true))) {
    throw new BoundariesError(`The boundary server returned only part of the result (exceededTransferLimit) for ${url}.`);
  }
  if (!isFeatureCollection(json)) throw new BoundariesError(`The boundary server's answer is not a GeoJSON FeatureCollection (${url}).`);
  return json;
}

/**
 * Two queries: the needed districts by code, then everything intersecting their extent
 * (which includes every bordering district) for the grey context.
 */
export async function downloadBoundaries(config: BoundariesConfig, needed: NeededDistrict[], fetchImpl: typeof fetch = fetch): Promise<{ input: FeatureCollection<Geometry | null>; source: string }> {
  const { download } = config;
  const queryUrl = fillTemplate(download.queryUrlTemplate, { where: whereClauseForCodes(download.codeField, needed.map((d) => d.code)) });
  const core = readBoundaryInput(await fetchGeoJson(queryUrl, download.timeoutMs, fetchImpl), config);
  const missing = missingDistricts(core, needed);
  if (missing.length > 0) throw new BoundariesError(missingDistrictsMessage(missing));
  const contextUrl = fillTemplate(download.contextUrlTemplate, { envelope: envelopeOf(core, download.contextMarginDegrees) });
  const context = await fetchGeoJson(contextUrl, download.timeoutMs, fetchImpl);
  return { input: context, source: new URL(queryUrl).origin + new URL(queryUrl).pathname };
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

export interface CliOptions {
  ifMissing: boolean;
  configPath: string;
  areasPath: string | null;
  outPath: string | null;
}

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = { ifMissing: false, configPath: 'boundaries.config.json', areasPath: null, outPath: null };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined || next.startsWith('--')) throw new BoundariesError(`${arg} needs a file path after it.`);
      return next;
    };
    if (arg === '--if-missing') options.ifMissing = true;
    else if (arg === '--config') options.configPath = value();
    else if (arg === '--areas') options.areasPath = value();
    else if (arg === '--out') options.outPath = value();
    else throw new BoundariesError(`Unknown option ${arg}. Usage: build-boundaries [--if-missing] [--config FILE] [--areas FILE] [--out FILE]`);
  }
  return options;
}

export interface CliEnvironment {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  /** Directory relative paths are resolved against (the repository root when run by npm). */
  cwd: string;
  fetchImpl?: typeof fetch;
  log?: (line: string) => void;
  warn?: (line: string) => void;
}

async function readText(file: string, what: string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = isRecord(error) && typeof error.code === 'string' ? error.code : '';
    throw new BoundariesError(code === 'ENOENT' ? `${what} not found: ${file}` : `Could not read ${what} ${file}: ${String(error)}`);
  }
}

function parseJson(text: string, file: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new BoundariesError(`${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Runs the pipeline; returns the process exit code. Never throws for expected failures. */
export async function main({ argv, env, cwd, fetchImpl = fetch, log = console.log, warn = console.warn }: CliEnvironment): Promise<number> {
  let options: CliOptions;
  try {
    options = parseArgs(argv);
  } catch (error) {
    warn(error instanceof Error ? error.message : String(error));
    return 2;
  }
  const resolve = (file: string) => path.resolve(cwd, file);
  let outPath = options.outPath ? resolve(options.outPath) : null;
  try {
    const config = parseConfig(parseJson(await readText(resolve(options.configPath), 'Config file'), options.configPath));
    outPath ??= resolve(config.output);
    if (options.ifMissing && existsSync(outPath)) {
      log(`boundaries: ${path.relative(cwd, outPath)} exists; keeping it (run npm run data:boundaries to rebuild).`);
      return 0;
    }
    const areasPath = options.areasPath ? resolve(options.areasPath) : resolve(config.areas);
    const needed = neededDistricts(await readText(areasPath, 'Areas file'));
    if (needed.length === 0) throw new BoundariesError(`${areasPath} lists no local_authority districts, so there is nothing to draw.`);

    let input: unknown;
    let source: string;
    const file = env.BOUNDARIES_FILE;
    if (file) {
      const inputPath = resolve(file);
      log(`boundaries: reading ${inputPath} (BOUNDARIES_FILE)`);
      input = parseJson(await readText(inputPath, 'BOUNDARIES_FILE'), inputPath);
      source = `local file ${path.basename(inputPath)} (BOUNDARIES_FILE)`;
    } else {
      log('boundaries: BOUNDARIES_FILE is not set; downloading from the ONS Open Geography Portal…');
      ({ input, source } = await downloadBoundaries(config, needed, fetchImpl));
    }

    const built = buildBoundaries(input, needed, config, source);
    await mkdir(path.dirname(outPath), { recursive: true });
    // Write then rename so a failed run never leaves a half-written file that --if-missing would keep.
    const temporary = `${outPath}.partial`;
    await writeFile(temporary, JSON.stringify(built.topology));
    await rename(temporary, outPath);
    log(
      `boundaries: wrote ${path.relative(cwd, outPath)}: ${needed.length} districts + ${built.neighbourCodes.length} neighbours, ` +
        `${(built.bytes / 1024).toFixed(1)} KB (kept ${Math.round(built.retained * 100)}% of points), boundaries of ${config.vintage.year}.`,
    );
    return 0;
  } catch (error) {
    const reason = error instanceof BoundariesError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (options.ifMissing) {
      warn(`boundaries: WARNING: could not build the district boundaries, so the map view will show its table instead.\n  Reason: ${reason}\n  Set BOUNDARIES_FILE to a TopoJSON/GeoJSON file of ONS districts, or run with internet access, then run npm run data:boundaries.`);
      return 0;
    }
    warn(`boundaries: FAILED: ${reason}`);
    return 1;
  }
}

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd() }).then((code) => {
    process.exitCode = code;
  });
}
