/**
 * Settings of the boundaries pipeline (boundaries.config.json) and the one error type it
 * reports with. The output's file name is the app's own BOUNDARIES_FILE, so the pipeline
 * writes exactly what the map view fetches.
 */
import { BOUNDARIES_FILE } from '../../src/lib/map/boundaries.ts';

/** Where the pipeline writes and the build checks, relative to the repository root. */
export const OUTPUT_PATH = `public/data/${BOUNDARIES_FILE}`;

/** A failure with a reason a person can act on; printed without a stack trace. */
export class BoundariesError extends Error {
  override name = 'BoundariesError';
}

export interface BoundariesConfig {
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

export function isRecord(value: unknown): value is Record<string, unknown> {
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
