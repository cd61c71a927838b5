/**
 * Reading the headline's official statistics trimmed to what it needs (England's and the
 * combined authorities' rows of the indicators with a `headline` place). The build bakes
 * the loaded result into the prerendered page, which never carries district rows it does
 * not show; the page loads this module (and with it the validator) only when a served file
 * differs from the build's (app/headline-indicators.svelte.ts).
 */
import Papa from 'papaparse';
import { headlineIndicators } from './headline-indicators.ts';
import { loadIndicators, type LoadedIndicators } from './indicators/load.ts';
import { textsReader, type ReadText } from './load.ts';
import { parseCsv } from './parse.ts';
import { COMBINED_AUTHORITY_PREFIX, ENGLAND_CODE, INDICATOR_DIR, METADATA_FILE } from './indicators/schema.ts';
import { validateMetadata } from './indicators/validate.ts';

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

/** The headline's official statistics, read with `read` and trimmed; null without the metadata file. */
export async function loadHeadlineIndicators(read: ReadText): Promise<LoadedIndicators | null> {
  const texts = await readHeadlineIndicatorTexts(read);
  const metadataText = texts[METADATA_FILE];
  if (metadataText === undefined) return null;
  const ids = headlineIndicators(validateMetadata(metadataText).rows).map((m) => m.indicator_id);
  return loadIndicators(textsReader(texts), { ids });
}
