/**
 * Data contract of the shipped boundaries (public/data/boundaries.topo.json, committed):
 * every district in areas.csv has a shape, the file fits its budget and records its
 * vintage. And growing the data is a data change only: a scratch copy of public/data with
 * a sixteenth combined authority passes every data check.
 */
import { isolate } from '../../../src/lib/data/bidi.ts';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOUNDARIES_FILE } from '../../../src/lib/map/boundaries.ts';
import { parseConfig } from '../../../scripts/boundaries/config.ts';
import { districtsMissingFromOutput, neededDistricts } from '../../../scripts/boundaries/input.ts';
import { buildHeadlines } from '../../../src/lib/data/derive.ts';
import { describeIssue } from '../../../src/lib/data/issues.ts';
import { copyWithSixteenthRegion, SIXTEENTH_REGION } from '../../../scripts/lib/sixteenth-region.ts';
import { loadFolder, PUBLISHED_DATA } from '../data/load-files.ts';

const CONFIG = parseConfig(JSON.parse(readFileSync(path.join(import.meta.dirname, '../../../boundaries.config.json'), 'utf8')));
const read = (file: string) => readFileSync(path.join(PUBLISHED_DATA, file), 'utf8');

describe('the committed boundaries file', () => {
  const text = read(BOUNDARIES_FILE);
  const needed = neededDistricts(read('areas.csv'));

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
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'sixteen-'));
    copyWithSixteenthRegion(PUBLISHED_DATA, dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('passes check:data’s checks and adds one region to the headlines', async () => {
    const grown = await loadFolder(dir);
    expect(grown.reports.flatMap((r) => r.errors.map(describeIssue))).toEqual([]);
    const regions = (grown.data.areas ?? []).filter((area) => area.area_type === 'combined_authority');
    expect(buildHeadlines(grown.data).map((region) => region.code)).toEqual(regions.map((region) => region.area_code));
    expect(buildHeadlines(grown.data).at(-1)).toMatchObject({ code: SIXTEENTH_REGION, populationText: `Population 3,000 in 2021 (${isolate('Office for National Statistics')})` });
  });

  it('is covered by the committed boundaries', () => {
    const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8');
    expect(districtsMissingFromOutput(JSON.parse(read(BOUNDARIES_FILE)), neededDistricts(areas))).toEqual([]);
  });

  it('is refused with both figures when its population is not its districts’ sum', async () => {
    const areas = readFileSync(path.join(dir, 'areas.csv'), 'utf8').replace(`${SIXTEENTH_REGION},Cheshire and Warrington Test Combined Authority,Cheshire and Warrington,combined_authority,,3000,`, `${SIXTEENTH_REGION},Cheshire and Warrington Test Combined Authority,Cheshire and Warrington,combined_authority,,3001,`);
    const { reports } = await loadFolder(dir, { 'areas.csv': areas });
    const errors = reports.flatMap((r) => r.errors.map(describeIssue));
    expect(errors).toEqual([expect.stringMatching(/^areas\.csv, line \d+, column population: "3001" expected the sum of its 3 districts listed in areas\.csv, 3,000 \(this row says 3,001\)/)]);
  });
});
