/**
 * Load indicators lazily: the metadata file, then only the dataset files holding the
 * indicators a view asks for, through the same reader as every other dataset. A file
 * that cannot be read or has errors is reported and left out whole; the rest still load.
 */
import type { DataIssue } from '../issues.ts';
import type { ReadText } from '../load.ts';
import { buildIndicatorStore, type IndicatorStore } from './derive.ts';
import { INDICATOR_DIR, METADATA_FILE, type IndicatorMeta } from './schema.ts';
import { validateMetadata, validateTidyCsv, type ValidatedDataset } from './validate.ts';

export interface IndicatorFileReport {
  file: string;
  status: 'ok' | 'broken' | 'missing';
  rowCount: number;
  errors: DataIssue[];
  warnings: DataIssue[];
}

export interface LoadedIndicators {
  metadata: IndicatorMeta[];
  store: IndicatorStore;
  reports: IndicatorFileReport[];
}

export interface LoadIndicatorOptions {
  /** Indicator ids to load; all when omitted. Files holding none of them are not read. */
  ids?: readonly string[];
  /** Districts from areas.csv: when given, rows for areas the dashboard does not show are warned about. */
  districts?: ReadonlySet<string>;
}

function missing(file: string, error: unknown): IndicatorFileReport {
  const hint = error instanceof Error ? error.message : String(error);
  return { file, status: 'missing', rowCount: 0, warnings: [], errors: [{ severity: 'error', file, line: 0, column: null, value: null, expected: 'a readable file', hint }] };
}

export async function loadIndicators(read: ReadText, { ids, districts }: LoadIndicatorOptions = {}): Promise<LoadedIndicators> {
  let text: string;
  try {
    text = await read(METADATA_FILE);
  } catch (error) {
    return { metadata: [], store: new Map(), reports: [missing(METADATA_FILE, error)] };
  }
  const checked = validateMetadata(text);
  const metaReport: IndicatorFileReport = { file: METADATA_FILE, status: checked.errors.length > 0 ? 'broken' : 'ok', rowCount: checked.rows.length, errors: checked.errors, warnings: checked.warnings };
  if (metaReport.status === 'broken') return { metadata: [], store: new Map(), reports: [metaReport] };

  const metadata = checked.rows;
  const wanted = ids ? metadata.filter((m) => ids.includes(m.indicator_id)) : metadata;
  const files = [...new Set(wanted.map((m) => m.dataset))];
  const results = await Promise.all(
    files.map(async (name): Promise<ValidatedDataset | IndicatorFileReport> => {
      const file = `${INDICATOR_DIR}/${name}`;
      try {
        return validateTidyCsv(file, await read(file), { metadata, districts });
      } catch (error) {
        return missing(file, error);
      }
    }),
  );
  const datasets = results.filter((r): r is ValidatedDataset => 'periods' in r);
  const reports = results.map((r): IndicatorFileReport => ('periods' in r ? { file: r.file, status: r.errors.length > 0 ? 'broken' : 'ok', rowCount: r.rows.length, errors: r.errors, warnings: r.warnings } : r));
  return { metadata, store: buildIndicatorStore(wanted, datasets), reports: [metaReport, ...reports] };
}
