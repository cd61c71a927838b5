/**
 * The ONS download: two ArcGIS FeatureServer queries returning GeoJSON in WGS84, one for
 * the needed districts by code and one for everything touching their extent (the grey
 * neighbours). The URLs are configuration (boundaries.config.json).
 */
import type { FeatureCollection, Geometry, Position } from 'geojson';
import { isGssCode } from '../../src/lib/map/topology.ts';
import { BoundariesError, isRecord, type BoundariesConfig } from './config.ts';
import { isFeatureCollection, missingDistricts, missingDistrictsMessage, readBoundaryInput, type DistrictCollection, type NeededDistrict } from './input.ts';

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
