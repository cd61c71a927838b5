/** npm run data:indicators end to end on the fixtures, in a temporary data folder. */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importIndicators } from '../../../../scripts/import-indicators.ts';
import { FIXTURE_DIR } from './fixtures.ts';

let work: string;
let dataDir: string;
let sourceDir: string;
let lines: string[];
const run = () => importIndicators({ sourceDir, dataDir, log: (line) => lines.push(line) });

beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'indicators-'));
  dataDir = join(work, 'data');
  sourceDir = join(work, 'source');
  mkdirSync(join(dataDir, 'indicators'), { recursive: true });
  cpSync(join(FIXTURE_DIR, 'areas.csv'), join(dataDir, 'areas.csv'));
  cpSync(join(FIXTURE_DIR, 'indicators.csv'), join(dataDir, 'indicators/indicators.csv'));
  cpSync(join(FIXTURE_DIR, 'source'), sourceDir, { recursive: true });
  lines = [];
});
afterEach(() => rmSync(work, { recursive: true, force: true }));

describe('importIndicators', () => {
  it('imports every file, filtered to the areas in areas.csv', () => {
    expect(run()).toBe(0);
    expect(readdirSync(join(dataDir, 'indicators')).sort()).toEqual(['indicators.csv', 'rates.csv', 'survey.csv']);
    const rates = readFileSync(join(dataDir, 'indicators/rates.csv'), 'utf8');
    expect(rates).toContain('E08000011,Knowsley');
    expect(rates).not.toContain('S92000003');
    expect(lines).toContain('✓ rates.csv: 12 rows kept, 3 for other areas dropped, written');
  });

  it('changes nothing when run again on the same files', () => {
    run();
    const before = readFileSync(join(dataDir, 'indicators/rates.csv'), 'utf8');
    const mtime = statSync(join(dataDir, 'indicators/rates.csv')).mtimeMs;
    lines = [];
    expect(run()).toBe(0);
    expect(readFileSync(join(dataDir, 'indicators/rates.csv'), 'utf8')).toBe(before);
    expect(statSync(join(dataDir, 'indicators/rates.csv')).mtimeMs).toBe(mtime);
    expect(lines.filter((l) => l.endsWith(', unchanged'))).toHaveLength(2);
  });

  it('keeps a district added to areas.csv since the last import', () => {
    writeFileSync(join(dataDir, 'areas.csv'), readFileSync(join(dataDir, 'areas.csv'), 'utf8').replace(/\nE08000012.*\n/, '\n'));
    run();
    expect(readFileSync(join(dataDir, 'indicators/rates.csv'), 'utf8')).not.toContain('E08000012');
    cpSync(join(FIXTURE_DIR, 'areas.csv'), join(dataDir, 'areas.csv'));
    run();
    expect(readFileSync(join(dataDir, 'indicators/rates.csv'), 'utf8')).toContain('E08000012');
  });

  it('exits 1 and writes nothing for a file with errors, naming its line', () => {
    writeFileSync(join(sourceDir, 'survey.csv'), readFileSync(join(sourceDir, 'survey.csv'), 'utf8').replace('62.900000000000006', 'about 63'));
    expect(run()).toBe(1);
    expect(readdirSync(join(dataDir, 'indicators'))).not.toContain('survey.csv');
    expect(lines.some((l) => l.includes('survey.csv, line 5, column observation: "about 63"'))).toBe(true);
  });

  it('compares indicators.csv with the ONS JSON beside each file, and does not copy the JSON', () => {
    expect(run()).toBe(0);
    expect(lines.some((l) => l.startsWith('  warning: indicators/indicators.csv, line 4, column source_date: "2024-04-16" expected source date 2026-10-01, as survey.json'))).toBe(true);
    expect(readdirSync(join(dataDir, 'indicators')).some((name) => name.endsWith('.json'))).toBe(false);
  });

  it('exits 1 when the folder does not exist', () => {
    sourceDir = join(work, 'nowhere');
    expect(run()).toBe(1);
  });
});
