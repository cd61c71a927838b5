import { describe, expect, it } from 'vitest';
import { guessDataset, looksLikeCsv } from '../../../src/lib/workers/file-names.ts';

describe('guessDataset', () => {
  it.each([
    ['funding.csv', 'funding'],
    ['sector_shortages.csv', 'sector_shortages'],
    ['Funding.CSV', 'funding'],
    ['funding (2).csv', 'funding'],
    ['funding(1).csv', 'funding'],
    ['funding - Copy.csv', 'funding'],
    ['areas - Copy (3).csv', 'areas'],
    [' sources.csv ', 'sources'],
    ['my funding.csv', undefined],
    ['funding.xlsx', undefined],
    ['funding', undefined],
    ['', undefined],
  ])('%j → %j', (name, expected) => {
    expect(guessDataset(name)).toBe(expected);
  });
});

describe('looksLikeCsv', () => {
  it.each([
    ['funding.csv', '', true],
    ['FUNDING.CSV', 'application/vnd.ms-excel', true],
    ['export', 'text/csv', true],
    ['funding.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', false],
    ['notes.txt', 'text/plain', false],
  ])('%j (%j) → %j', (name, type, expected) => {
    expect(looksLikeCsv(name, type)).toBe(expected);
  });
});
