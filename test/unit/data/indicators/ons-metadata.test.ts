import { describe, expect, it } from 'vitest';
import { compareWithOnsMetadata, readOnsMetadata } from '../../../../src/lib/data/indicators/ons-metadata.ts';
import { fixtureMetadata, fixtureText } from './fixtures.ts';

const json = (path: string): unknown => JSON.parse(fixtureText(path));

describe('readOnsMetadata', () => {
  it('reads one indicator at the top level', () => {
    expect(readOnsMetadata(json('source/rates.json'))).toEqual([
      { csvLabel: 'Starts (England)', decimalPlaces: 0, sourceDate: '2025-11-27', sourceUrl: 'https://example.org/fe', sourceOrg: 'Department for Education' },
    ]);
  });

  it('reads a shared block plus one block per indicator, keyed by the CSV label', () => {
    expect(readOnsMetadata(json('source/survey.json'))?.map((m) => [m.csvLabel, m.decimalPlaces, m.sourceDate])).toEqual([
      ['Level 3 or above', 1, '2024-04-16'],
      ['No qualifications', 1, '2026-10-01'],
    ]);
  });

  it.each([[null], [[]], [{}], [{ 'ess-beta-metadata': 'text' }], [{ 'ess-beta-metadata': { shared: {} } }]])('is null for %j', (value) => {
    expect(readOnsMetadata(value)).toBeNull();
  });
});

describe('compareWithOnsMetadata', () => {
  it('warns where indicators.csv and the JSON disagree, naming the metadata line', () => {
    const warnings = compareWithOnsMetadata(fixtureMetadata(), readOnsMetadata(json('source/survey.json')) ?? [], 'survey.json');
    expect(warnings).toEqual([
      expect.objectContaining({ severity: 'warning', file: 'indicators/indicators.csv', line: 4, column: 'source_date', value: '2024-04-16', expected: expect.stringContaining('2026-10-01') }),
    ]);
  });

  it('is quiet when they agree', () => {
    expect(compareWithOnsMetadata(fixtureMetadata(), readOnsMetadata(json('source/rates.json')) ?? [], 'rates.json')).toEqual([]);
  });
});
