/**
 * The ONS's own NAME.json beside each tidy file, read only to check our indicators.csv
 * against it (decimal places, source date and address, publisher), so a new ONS release
 * is noticed on import. Two shapes exist: one indicator at the top level of
 * "ess-beta-metadata", or a "shared" block plus one block per indicator keyed by the
 * label used in the CSV. Its caveat texts are never copied. Pure.
 */
import type { DataIssue } from '../issues.ts';
import { METADATA_FILE, type IndicatorMeta } from './schema.ts';

export interface OnsIndicatorMetadata {
  /** The indicator as the CSV writes it. */
  csvLabel: string;
  decimalPlaces: number | null;
  /** ISO date (the JSON writes dd/mm/yyyy). */
  sourceDate: string | null;
  sourceUrl: string | null;
  sourceOrg: string | null;
}

type Block = Record<string, unknown>;
const isBlock = (value: unknown): value is Block => typeof value === 'object' && value !== null && !Array.isArray(value);

function isoFromDayMonthYear(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const match = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text.trim());
  return match ? `${match[3]}-${match[2]?.padStart(2, '0')}-${match[1]?.padStart(2, '0')}` : null;
}

function fromBlock(csvLabel: string, block: Block, shared: Block): OnsIndicatorMetadata {
  const pick = (key: string) => (key in block ? block[key] : shared[key]);
  const decimals = pick('decimalPlaces');
  const url = pick('sourceURL');
  const org = pick('sourceOrg');
  return {
    csvLabel,
    decimalPlaces: typeof decimals === 'number' ? decimals : null,
    sourceDate: isoFromDayMonthYear(pick('sourceDate')),
    sourceUrl: typeof url === 'string' ? url : null,
    sourceOrg: typeof org === 'string' ? org : null,
  };
}

/** Every indicator the JSON describes, or null when it is not ONS metadata of a known shape. */
export function readOnsMetadata(json: unknown): OnsIndicatorMetadata[] | null {
  const root = isBlock(json) ? json['ess-beta-metadata'] : undefined;
  if (!isBlock(root)) return null;
  if (typeof root.label === 'string') return [fromBlock(root.label, root, {})];
  const shared = isBlock(root.shared) ? root.shared : {};
  const blocks = Object.entries(root).filter((entry): entry is [string, Block] => entry[0] !== 'shared' && isBlock(entry[1]));
  return blocks.length > 0 ? blocks.map(([csvLabel, block]) => fromBlock(csvLabel, block, shared)) : null;
}

/** Warnings where indicators.csv and the ONS's JSON disagree; the JSON's text is never copied in. */
export function compareWithOnsMetadata(ours: readonly IndicatorMeta[], ons: readonly OnsIndicatorMetadata[], jsonFile: string): DataIssue[] {
  const issues: DataIssue[] = [];
  for (const theirs of ons) {
    const meta = ours.find((m) => m.label === theirs.csvLabel);
    if (!meta) continue;
    const differ = (column: keyof IndicatorMeta, value: string | number | null, what: string) => {
      if (value === null || String(meta[column]) === String(value)) return;
      issues.push({ severity: 'warning', file: METADATA_FILE, line: meta._line, column, value: String(meta[column]), expected: `${what} ${value}, as ${jsonFile} gives for "${theirs.csvLabel}"`, hint: 'Check whether the ONS has published a new release, and update indicators.csv.' });
    };
    differ('decimal_places', theirs.decimalPlaces, 'decimal places');
    differ('source_date', theirs.sourceDate, 'source date');
    differ('source_url', theirs.sourceUrl, 'source address');
    differ('publisher', theirs.sourceOrg, 'publisher');
  }
  return issues;
}
