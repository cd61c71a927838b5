import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headlineIndicators, isIndicatorFile } from '../../../src/lib/data/headline-indicators.ts';
import { loadHeadlineIndicators, readHeadlineIndicatorTexts, trimTidyText } from '../../../src/lib/data/headline-indicators-load.ts';
import { loadIndicators } from '../../../src/lib/data/indicators/load.ts';
import { validateMetadata } from '../../../src/lib/data/indicators/validate.ts';
import { prerenderedReader } from '../../../src/lib/app/prerendered.ts';
import { FIXTURE_DIR, fixtureReader } from './indicators/fixtures.ts';

const metadataText = () => readFile(join(FIXTURE_DIR, 'indicators.csv'), 'utf8');

describe('headlineIndicators', () => {
  it('takes the indicators with a headline place, in that order, not in file order', async () => {
    const rows = validateMetadata(await metadataText()).rows;
    expect(headlineIndicators(rows).map((m) => m.indicator_id)).toEqual(['starts', 'level-3', 'no-quals']);
    const reordered = rows.map((m) => ({ ...m, headline: m.indicator_id === 'no-quals' ? 1 : m.indicator_id === 'starts' ? null : m.headline }));
    expect(headlineIndicators(reordered).map((m) => m.indicator_id)).toEqual(['no-quals', 'level-3']);
    expect(headlineIndicators([])).toEqual([]);
  });
});

describe('trimTidyText', () => {
  const header = 'areacd,areanm,geography,indicator,period,observation,measure,unit,lci_95,uci_95,status,notes';
  const row = (code: string, label = 'Starts', notes = '') => `${code},"Name, with comma",G,${label},2024-08-01/P1Y,1,m,u,,,,${notes}`;
  it.each([
    ['keeps England and combined authorities', [row('E92000001'), row('E47000004'), row('E08000011'), row('S92000003')], ['E92000001', 'E47000004']],
    ['drops other indicators in the same file', [row('E47000004', 'Other'), row('E47000007')], ['E47000007']],
    ['keeps quoted cells intact', [row('E47000004', 'Starts', '"a note, with ""quotes"""')], ['E47000004']],
  ])('%s', (_name, rows, kept) => {
    const trimmed = trimTidyText(`\uFEFF${header}\r\n${rows.join('\r\n')}\r\n`, new Set(['Starts']));
    const lines = trimmed.trimEnd().split('\n');
    expect(lines[0]).toBe(header);
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(kept);
    if (_name.startsWith('keeps quoted')) expect(trimmed).toContain('"a note, with ""quotes"""');
  });

  it('leaves a file it cannot read as a table whole, for the validator to report', () => {
    expect(trimTidyText('not,a,tidy,file\n1,2,3,4\n', new Set(['Starts']))).toBe('not,a,tidy,file\n1,2,3,4\n');
  });
});

describe('readHeadlineIndicatorTexts', () => {
  it('reads the metadata and only the files of headline indicators, trimmed, and loads from them', async () => {
    const { reader, read } = fixtureReader();
    const texts = await readHeadlineIndicatorTexts(reader);
    expect(Object.keys(texts)).toEqual(['indicators/indicators.csv', 'indicators/rates.csv', 'indicators/survey.csv']);
    expect(read.sort()).toEqual(['indicators/indicators.csv', 'indicators/rates.csv', 'indicators/survey.csv']);
    expect(texts['indicators/rates.csv']).not.toMatch(/E08000011|S92000003|E12000002/);
    const loaded = await loadIndicators(prerenderedReader(texts), { ids: ['starts', 'level-3', 'no-quals'] });
    expect(loaded.reports.every((r) => r.status === 'ok')).toBe(true);
    expect([...loaded.store.keys()]).toEqual(['starts', 'level-3', 'no-quals']);
    // Same files, same bytes: the page can tell nothing changed.
    expect(await readHeadlineIndicatorTexts(fixtureReader().reader)).toEqual(texts);
  });

  it('gives nothing without the metadata file, and leaves out a dataset it cannot read', async () => {
    expect(await readHeadlineIndicatorTexts(fixtureReader({ 'indicators/indicators.csv': null }).reader)).toEqual({});
    const texts = await readHeadlineIndicatorTexts(fixtureReader({ 'indicators/survey.csv': null }).reader);
    expect(Object.keys(texts)).toEqual(['indicators/indicators.csv', 'indicators/rates.csv']);
  });

  it('is told from the announcement datasets by folder', () => {
    expect(isIndicatorFile('indicators/rates.csv')).toBe(true);
    expect(isIndicatorFile('funding.csv')).toBe(false);
  });
});

describe('loadHeadlineIndicators', () => {
  it('loads the headline indicators from the trimmed files, as the build bakes them', async () => {
    const texts = await readHeadlineIndicatorTexts(fixtureReader().reader);
    const expected = await loadIndicators(prerenderedReader(texts), { ids: ['starts', 'level-3', 'no-quals'] });
    expect(await loadHeadlineIndicators(fixtureReader().reader)).toEqual(expected);
  });

  it('is null without the metadata file, and reports a dataset it cannot read as missing', async () => {
    expect(await loadHeadlineIndicators(fixtureReader({ 'indicators/indicators.csv': null }).reader)).toBeNull();
    const loaded = await loadHeadlineIndicators(fixtureReader({ 'indicators/survey.csv': null }).reader);
    expect(loaded?.reports.find((r) => r.file === 'indicators/survey.csv')?.status).toBe('missing');
    expect(loaded?.store.has('starts')).toBe(true);
  });
});
