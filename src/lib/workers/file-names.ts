/** Matching an officer's chosen files to datasets by name. Pure. */
import { datasetForFile, type DatasetName } from '../data/schema.ts';

/**
 * The dataset a file name stands for. Besides the exact name (funding.csv), accepts what
 * browsers and spreadsheet programs do to names: other capitals ("Funding.CSV") and a
 * copy number ("funding (2).csv", "funding - Copy.csv").
 */
export function guessDataset(fileName: string): DatasetName | undefined {
  const exact = datasetForFile(fileName);
  if (exact) return exact;
  const tidied = fileName
    .trim()
    .toLowerCase()
    .replace(/(\s*\(\d+\)|\s*-\s*copy(\s*\(\d+\))?)(?=\.csv$)/, '');
  return datasetForFile(tidied);
}

/** Whether a picked or dropped file looks like CSV; browsers report CSV types inconsistently, so the name counts too. */
export function looksLikeCsv(fileName: string, mimeType: string): boolean {
  return /\.csv$/i.test(fileName) || mimeType === 'text/csv';
}
