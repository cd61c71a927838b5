import { beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { changeSinceFirst, englandValue, getObservation, indicatorFigure, resolveIndicatorChoice, latestPeriod, ordinal, rankCombinedAuthorities, rankDistricts, rankText, trendSeries, type IndicatorSeries } from '../../../../src/lib/data/indicators/derive.ts';
import { formatDecimal, formatDifference, formatIndicatorValue, formatObservation } from '../../../../src/lib/data/indicators/format.ts';
import { loadIndicators, type LoadedIndicators } from '../../../../src/lib/data/indicators/load.ts';
import { indicatorAttribution, indicatorSourceId, indicatorSources } from '../../../../src/lib/data/indicators/sources.ts';
import { FIXTURE_DIR, FIXTURE_DISTRICTS } from './fixtures.ts';

/** Serves the fixtures at the published layout (indicators/…) and records what is read. */
function fixtureReader(overrides: Record<string, string> = {}) {
  const read: string[] = [];
  const reader = async (file: string) => {
    read.push(file);
    if (file in overrides) return overrides[file] ?? '';
    const name = file.replace(/^indicators\//, '');
    return readFile(join(FIXTURE_DIR, name === 'indicators.csv' ? name : `source/${name}`), 'utf8');
  };
  return { reader, read };
}

let loaded: LoadedIndicators;
let starts: IndicatorSeries;
let level3: IndicatorSeries;
beforeAll(async () => {
  loaded = await loadIndicators(fixtureReader().reader, { districts: FIXTURE_DISTRICTS });
  const s = loaded.store.get('starts');
  const l = loaded.store.get('level-3');
  if (!s || !l) throw new Error('fixture indicators missing');
  starts = s;
  level3 = l;
});

describe('loadIndicators', () => {
  it('reads only the files holding the indicators asked for', async () => {
    const { reader, read } = fixtureReader();
    const result = await loadIndicators(reader, { ids: ['level-3'] });
    expect(read).toEqual(['indicators/indicators.csv', 'indicators/survey.csv']);
    expect([...result.store.keys()]).toEqual(['level-3']);
  });

  it('loads every indicator when none are named, reporting each file', () => {
    expect([...loaded.store.keys()]).toEqual(['starts', 'level-3', 'no-quals']);
    expect(loaded.reports.map((r) => [r.file, r.status])).toEqual([
      ['indicators/indicators.csv', 'ok'],
      ['indicators/rates.csv', 'ok'],
      ['indicators/survey.csv', 'ok'],
    ]);
  });

  it('leaves a broken or unreadable file out whole and keeps the others', async () => {
    const broken = await loadIndicators(fixtureReader({ 'indicators/rates.csv': 'areacd\nE92000001\n' }).reader);
    expect(broken.reports.find((r) => r.file === 'indicators/rates.csv')?.status).toBe('broken');
    expect([...broken.store.keys()]).toEqual(['level-3', 'no-quals']);
    const { reader } = fixtureReader();
    const unreadable = await loadIndicators(async (file) => (file.endsWith('survey.csv') ? Promise.reject(new Error('404 Not Found')) : reader(file)));
    expect(unreadable.reports.find((r) => r.file === 'indicators/survey.csv')).toMatchObject({ status: 'missing', errors: [expect.objectContaining({ hint: '404 Not Found' })] });
    expect([...unreadable.store.keys()]).toEqual(['starts']);
  });

  it('loads nothing when the metadata file is broken', async () => {
    const result = await loadIndicators(fixtureReader({ 'indicators/indicators.csv': 'indicator_id\nx\n' }).reader);
    expect(result.store.size).toBe(0);
    expect(result.reports).toEqual([expect.objectContaining({ file: 'indicators/indicators.csv', status: 'broken' })]);
  });
});

describe('lookups', () => {
  it('orders periods and finds rows by area and period', () => {
    expect(starts.periods.map((p) => p.label)).toEqual(['2022/23', '2023/24', '2024/25']);
    expect(getObservation(starts, 'E08000011', '2024-08-01/P1Y')?.value).toBe(1228);
    expect(getObservation(starts, 'E08000011', '2022-08-01/P1Y')).toBeNull();
    expect(englandValue(starts, '2024-08-01/P1Y')?.value).toBe(959);
  });

  it('takes the latest period with a value', () => {
    expect(latestPeriod(starts)?.label).toBe('2024/25');
    expect(latestPeriod(level3, ['E08000011'])).toBeNull();
    expect(latestPeriod(level3, ['E47000004'])?.label).toBe('2023');
  });
});

describe('ranking of combined authorities', () => {
  it('ranks those with a value, ties sharing a place, and lists the missing unranked', () => {
    const ranking = rankCombinedAuthorities(starts, '2024-08-01/P1Y');
    expect(ranking.ranked.map((r) => [r.areaName, r.rank, r.text])).toEqual([
      ['Liverpool City Region', 1, 'the highest of 3 combined authorities'],
      ['Greater Manchester', 2, 'joint lowest of 3 combined authorities'],
      ['West Midlands', 2, 'joint lowest of 3 combined authorities'],
    ]);
    expect(ranking.unranked.map((r) => r.areaCode)).toEqual(['E47000002']);
  });

  it('ranks districts within their region', () => {
    const ranking = rankDistricts(starts, '2024-08-01/P1Y', FIXTURE_DISTRICTS);
    expect(ranking.ranked.map((r) => [r.areaName, r.text])).toEqual([
      ['Knowsley', 'the highest of 2 districts'],
      ['Liverpool', 'the lowest of 2 districts'],
    ]);
  });

  it.each([
    [1, 12, false, 12, 'the highest of 12 combined authorities'],
    [4, 9, false, 12, '4th highest of 12 combined authorities'],
    [11, 2, false, 12, '2nd lowest of 12 combined authorities'],
    [12, 1, false, 12, 'the lowest of 12 combined authorities'],
    [3, 9, true, 12, 'joint 3rd highest of 12 combined authorities'],
    [1, 1, true, 2, 'joint highest of 2 combined authorities'],
    [1, 1, false, 1, 'the only one of the combined authorities with a value'],
  ])('rank %d from the top, %d from the bottom, tied %s, of %d → %s', (high, low, tied, total, text) => {
    expect(rankText(high, low, tied, total)).toBe(text);
  });

  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [22, '22nd'],
    [111, '111th'],
  ])('ordinal %d → %s', (n, text) => {
    expect(ordinal(n)).toBe(text);
  });
});

describe('change and trend', () => {
  it('gives the change since the first period with a value', () => {
    expect(changeSinceFirst(starts, 'E08000012')?.text).toBe('up 90 per 100,000 people since 2022/23');
    expect(changeSinceFirst(level3, 'E47000004')).toMatchObject({ difference: 1.2, text: 'up 1.2 percentage points since 2022' });
    expect(changeSinceFirst(level3, 'E47000007')).toBeNull();
    expect(changeSinceFirst(starts, 'E47000002')).toBeNull();
  });

  it('has a point for every period, with gaps (null, never zero) where no value is published', () => {
    const series = trendSeries(starts, ['E08000012', 'E47000002', 'E99999999']);
    expect(series.map((s) => s.areaName)).toEqual(['Liverpool', 'South Yorkshire']);
    expect(series[0]?.points.map((p) => [p.period.label, p.value])).toEqual([
      ['2022/23', 1090],
      ['2023/24', null],
      ['2024/25', 1180],
    ]);
    expect(series[1]?.points.map((p) => p.value)).toEqual([null, null, null]);
  });
});

describe('indicatorFigure (a card, tooltip or table row)', () => {
  it('gives the value, England, the comparison, the change, the rank and the source for the latest period', () => {
    const figure = indicatorFigure(starts, 'E47000004', 'Liverpool City Region');
    expect(figure).toMatchObject({
      indicatorId: 'starts',
      period: { label: '2024/25' },
      value: { text: '1,150 per 100,000 people' },
      england: { text: '959 per 100,000 people' },
      comparison: { kind: 'higher_no_interval', text: '191 per 100,000 people higher than England' },
      change: { text: 'up 50 per 100,000 people since 2023/24' },
      rank: { text: 'the highest of 3 combined authorities' },
      sourceId: 'ons-els-rates',
    });
  });

  it('uses the period asked for, and says when the area has no value', () => {
    expect(indicatorFigure(level3, 'E47000004', 'Liverpool City Region', { period: '2022-01-01/P1Y' })?.comparison.kind).toBe('lower');
    expect(indicatorFigure(level3, 'E47000004', 'Liverpool City Region', { period: '2099-01-01/P1Y' })).toBeNull();
    expect(indicatorFigure(starts, 'E47000002', 'South Yorkshire', { period: '2024-08-01/P1Y' })).toMatchObject({ value: { text: 'Not available' }, comparison: { kind: 'unavailable' }, rank: null });
    expect(indicatorFigure(starts, 'E47000002', 'South Yorkshire')).toBeNull();
    expect(indicatorFigure(starts, 'E08000011', 'Knowsley')?.rank).toBeNull();
  });

  it('ranks a district within its region when asked', () => {
    expect(indicatorFigure(starts, 'E08000012', 'Liverpool', { rankWithin: FIXTURE_DISTRICTS })?.rank?.text).toBe('the lowest of 2 districts');
  });
});

describe('resolveIndicatorChoice (URL controls with fallbacks)', () => {
  it.each([
    ['starts', '2023-08-01/P1Y', 'starts', '2023/24'],
    ['starts', null, 'starts', '2024/25'],
    ['starts', '2023-01-01/P1Y', 'starts', '2024/25'],
    ['level-3', 'nonsense', 'level-3', '2023'],
    ['unknown', '2023-08-01/P1Y', 'starts', '2023/24'],
    [null, null, 'starts', '2024/25'],
  ])('indicator %s, period %s → %s %s', (id, period, expectedId, label) => {
    const choice = resolveIndicatorChoice(loaded.store, id, period);
    expect([choice?.series.meta.indicator_id, choice?.period.label]).toEqual([expectedId, label]);
  });

  it('is null when nothing loaded', () => {
    expect(resolveIndicatorChoice(new Map(), 'starts', null)).toBeNull();
  });
});

describe('formatting to the metadata decimal places', () => {
  const percent = { decimal_places: 1, value_suffix: '%' };
  it.each([
    [62.900000000000006, '62.9%'],
    [6.3999999999999995, '6.4%'],
    [70, '70.0%'],
    [-0.04, '0.0%'],
  ])('%s → %s', (value, text) => {
    expect(formatIndicatorValue(percent, value)).toBe(text);
  });

  it('writes rates with their words, grouped the en-GB way', () => {
    expect(formatIndicatorValue(starts.meta, 1228)).toBe('1,228 per 100,000 people');
    expect(formatDecimal(1234.5, 0)).toBe('1,235');
    expect(formatDifference(level3.meta, -1)).toBe('1.0 percentage point');
    expect(formatDifference(starts.meta, 27)).toBe('27 per 100,000 people');
  });

  it('says a value is missing, with the publisher’s flag, and gives the interval', () => {
    const meta = level3.meta;
    const lcr = getObservation(level3, 'E47000004', '2023-01-01/P1Y');
    expect(formatObservation(meta, lcr)).toMatchObject({ text: '62.9%', long: '62.9% (95% interval 61.2% to 64.6%)', flag: null, missing: false });
    const knowsley = getObservation(level3, 'E08000011', '2023-01-01/P1Y');
    expect(formatObservation(meta, knowsley)).toMatchObject({ text: 'Not available', missing: true, flag: 'Not available. Estimate and confidence interval unreliable since the group sample size is small (3-9)' });
    const flagged = getObservation(loaded.store.get('no-quals') as IndicatorSeries, 'E47000007', '2023-01-01/P1Y');
    expect(formatObservation(meta, flagged)).toMatchObject({ text: '9.1%', flag: 'Low reliability' });
    expect(formatObservation(meta, null)).toMatchObject({ text: 'No data', missing: true });
  });
});

describe('sources', () => {
  it('gives one source per dataset, naming its indicators and licence', () => {
    const sources = indicatorSources(loaded.metadata);
    expect(sources.map((s) => [s.id, s.publisher, s.publishedText, s.indicatorIds])).toEqual([
      ['ons-els-rates', 'Department for Education', '27 November 2025', ['starts']],
      ['ons-els-survey', 'Office for National Statistics', '16 April 2024', ['level-3', 'no-quals']],
    ]);
    expect(sources[0]).toMatchObject({ url: 'https://example.org/fe', licence: 'Open Government Licence v3.0' });
    expect(indicatorSourceId(starts.meta)).toBe('ons-els-rates');
  });

  it('attributes the ONS and the producing department under the OGL', () => {
    expect(indicatorAttribution(loaded.metadata)).toBe('Source: Office for National Statistics and Department for Education, licensed under the Open Government Licence v3.0.');
    expect(indicatorAttribution([level3.meta])).toBe('Source: Office for National Statistics, licensed under the Open Government Licence v3.0.');
  });
});
