/**
 * The official statistics the headline shows: the indicators indicators.csv gives a
 * `headline` place, read trimmed to what the headline needs (England's and the combined
 * authorities' rows of those indicators). The build bakes these trimmed texts into
 * index.html and the page trims the served files the same way, so the two compare equal
 * when nothing changed, and the page never carries district rows it does not show.
 */
import Papa from 'papaparse';
import type { ReadText } from './load.ts';
import { parseCsv } from './parse.ts';
import { COMBINED_AUTHORITY_PREFIX, ENGLAND_CODE, INDICATOR_DIR, METADATA_FILE, type IndicatorMeta } from './indicators/schema.ts';
import { validateMetadata } from './indicators/validate.ts';

/** How many of the headline indicators the first screen shows ("at a glance"); the rest are in each region's Outcomes group. */
export const GLANCE_INDICATORS = 3;

/** Indicators with a `headline` place, in that order. */
export function headlineIndicators(metadata: readonly IndicatorMeta[]): IndicatorMeta[] {
  return metadata.filter((m) => m.headline !== null).sort((a, b) => (a.headline ?? 0) - (b.headline ?? 0) || a._line - b._line);
}

/** True for a file name under public/data/indicators (the keys of the baked texts). */
export function isIndicatorFile(file: string): boolean {
  return file.startsWith(`${INDICATOR_DIR}/`);
}

/**
 * Keeps England's and the combined authorities' rows of the given indicators. A file that
 * does not parse is left whole, so the validator reports it with its own line numbers.
 */
export function trimTidyText(text: string, labels: ReadonlySet<string>): string {
  const parsed = parseCsv(text, 'trim');
  const { header, records } = parsed.table;
  const areaAt = header.indexOf('areacd');
  const labelAt = header.indexOf('indicator');
  if (parsed.errors.some((e) => e.severity === 'error') || areaAt < 0 || labelAt < 0) return text;
  const kept = records
    .filter((r) => {
      const code = r.cells[areaAt] ?? '';
      return (code === ENGLAND_CODE || code.startsWith(COMBINED_AUTHORITY_PREFIX)) && labels.has(r.cells[labelAt] ?? '');
    })
    .map((r) => r.cells);
  return `${Papa.unparse({ fields: header, data: kept }, { newline: '\n' })}\n`;
}

/**
 * The metadata file and each headline indicator's dataset, trimmed. A dataset that cannot
 * be read is left out (the loader then reports it missing); without the metadata file
 * there is nothing to show, so the texts are empty.
 */
export async function readHeadlineIndicatorTexts(read: ReadText): Promise<Record<string, string>> {
  let metadataText: string;
  try {
    metadataText = await read(METADATA_FILE);
  } catch {
    return {};
  }
  const wanted = headlineIndicators(validateMetadata(metadataText).rows);
  const labels = (dataset: string) => new Set(wanted.filter((m) => m.dataset === dataset).map((m) => m.label));
  const read1 = async (dataset: string): Promise<[string, string] | null> => {
    const file = `${INDICATOR_DIR}/${dataset}`;
    try {
      return [file, trimTidyText(await read(file), labels(dataset))];
    } catch {
      return null; // Missing: loadIndicators reports it.
    }
  };
  // In metadata order, so the baked texts are the same bytes on every build.
  const files = await Promise.all([...new Set(wanted.map((m) => m.dataset))].map(read1));
  const texts: Record<string, string> = { [METADATA_FILE]: metadataText };
  for (const entry of files) if (entry) texts[entry[0]] = entry[1];
  return texts;
}
