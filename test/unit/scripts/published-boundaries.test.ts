/**
 * Data contract of the shipped boundaries (public/data/boundaries.topo.json, committed):
 * every district in areas.csv has a shape, the file fits its budget and records its
 * vintage. And growing the data is a data change only: a scratch copy of public/data with
 * a sixteenth combined authority passes every data check.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OUTPUT_PATH, parseConfig } from '../../../scripts/boundaries/config.ts';
import { districtsMissingFromOutput, neededDistricts } from '../../../scripts/boundaries/input.ts';
import { buildHeadlines } from '../../../src/lib/data/derive.ts';
import { describeIssue } from '../../../src/lib/data/issues.ts';
import { loadFolder, PUBLISHED_DATA } from '../data/load-files.ts';

const REPO = path.join(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(REPO, file), 'utf8');
const CONFIG = parseConfig(JSON.parse(read('boundaries.config.json')));

describe('the committed boundaries file', () => {
  const text = read(OUTPUT_PATH);
  const needed = neededDistricts(read(CONFIG.areas));

  it('has a shape for every district in areas.csv (else run npm run data:boundaries and commit the file)', () => {
    expect(districtsMissingFromOutput(JSON.parse(text), needed)).toEqual([]);
  });

  it('fits the size budget and records the boundaries’ vintage for the attribution', () => {
    expect(Buffer.byteLength(text)).toBeLessThanOrEqual(CONFIG.maxBytes);
    expect(JSON.parse(text).metadata).toMatchObject({ year: CONFIG.vintage.year, vintage: CONFIG.vintage.description });
  });

  it('is found stale when areas.csv names a district it lacks', () => {
    expect(districtsMissingFromOutput(JSON.parse(text), [...needed, { code: 'E06999999', name: 'Nowhere' }])).toEqual([{ code: 'E06999999', name: 'Nowhere' }]);
  });
});

describe('a sixteenth combined authority in a scratch copy of public/data', () => {
  let dir: string;
  // Made-up codes and populations; the districts are real ones the committed file already
  // holds as grey neighbours, so the boundaries need no rebuild.
  const added = [
    'E47000099,Cheshire and Warrington Test Combined Authority,Cheshire and Warrington,combined_authority,,3000,2021,ons-census-2021,Test region.',
    'E06000049,Cheshire East,Cheshire East,local_authority,E47000099,1000,2021,ons-census-2021,',
    'E06000050,Cheshire West and Chester,Cheshire West and Chester,local_authority,E47000099,1000,2021,ons-census-2021,',
    'E06000007,Warrington,Warrington,local_authority,E47000099,1000,2021,ons-census-2021,',
  ];

  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sixteen-'));
    cpSync(PUBLISHED_DATA, dir, { recursive: true });
    writeFileSync(path.join(dir, 'areas.csv'), `${readFileSync(path.join(dir, 'areas.csv'), 'utf8').trimEnd()}\n${added.join('\n')}\n`);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes check:data’s checks and adds one region to the headlines', async () => {
    const published = await loadFolder(PUBLISHED_DATA);
    const grown = await loadFolder(dir);
    expect(grown.reports.flatMap((r) => r.errors.map(describeIssue))).toEqual([]);
    expect(buildHeadlines(grown.data)).toHaveLength(buildHeadlines(published.data).length + 1);
    expect(buildHeadlines(grown.data).at(-1)).toMatchObject({ code: 'E47000099' });
  });

  it('is covered by the committed boundaries', () => {
    const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8');
    expect(districtsMissingFromOutput(JSON.parse(read(OUTPUT_PATH)), neededDistricts(areas))).toEqual([]);
  });

  it('is refused with both figures when its population is not its districts’ sum', async () => {
    const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8').replace('combined_authority,,3000,', 'combined_authority,,3001,');
    const { reports } = await loadFolder(dir, { 'areas.csv': areas });
    const errors = reports.flatMap((r) => r.errors.map(describeIssue));
    expect(errors).toEqual([expect.stringMatching(/^areas\.csv, line \d+, column population: "3001" expected the sum of its 3 districts listed in areas\.csv, 3,000 \(this row says 3,001\)/)]);
  });
});
