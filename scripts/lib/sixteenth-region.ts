/**
 * A made-up sixteenth combined authority, to show that growing the data is a data change
 * only. Its districts are real ones the committed boundaries already hold as grey
 * neighbours, so no rebuild is needed; its code and populations are invented.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export const SIXTEENTH_REGION = 'E47000099';

export const SIXTEENTH_REGION_ROWS: readonly string[] = [
  `${SIXTEENTH_REGION},Cheshire and Warrington Test Combined Authority,Cheshire and Warrington,combined_authority,,3000,2021,ons-census-2021,Made-up region for tests.`,
  `E06000049,Cheshire East,Cheshire East,local_authority,${SIXTEENTH_REGION},1000,2021,ons-census-2021,`,
  `E06000050,Cheshire West and Chester,Cheshire West and Chester,local_authority,${SIXTEENTH_REGION},1000,2021,ons-census-2021,`,
  `E06000007,Warrington,Warrington,local_authority,${SIXTEENTH_REGION},1000,2021,ons-census-2021,`,
];

/** Copies a data folder (public/data) into `dir` and appends the sixteenth region to its areas.csv, once. */
export function copyWithSixteenthRegion(from: string, dir: string): void {
  cpSync(from, dir, { recursive: true });
  const areas = path.join(dir, 'areas.csv');
  const text = readFileSync(areas, 'utf8');
  if (!text.includes(`\n${SIXTEENTH_REGION},`)) writeFileSync(areas, `${text.trimEnd()}\n${SIXTEENTH_REGION_ROWS.join('\n')}\n`);
}
