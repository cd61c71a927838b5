import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { importTidyFile } from '../../../../src/lib/data/indicators/import.ts';
import { FIXTURE_DISTRICTS, HEADER, fixtureMetadata, fixtureText } from './fixtures.ts';

const metadata = fixtureMetadata();
const importFixture = (file: string) => importTidyFile(file, fixtureText(`source/${file}`), metadata, FIXTURE_DISTRICTS);
const rowsOf = (csv: string | null) => Papa.parse<string[]>((csv ?? '').replace(/^\uFEFF/, ''), { skipEmptyLines: true }).data;

describe('importTidyFile', () => {
  it('keeps England, every combined authority and the districts given, and drops other areas', () => {
    const result = importFixture('rates.csv');
    expect(result.errors).toEqual([]);
    const codes = new Set(rowsOf(result.csv).slice(1).map((cells) => cells[0]));
    expect([...codes].sort()).toEqual(['E08000011', 'E08000012', 'E47000001', 'E47000002', 'E47000004', 'E47000007', 'E92000001']);
    expect(result).toMatchObject({ kept: 12, dropped: 3, absent: [] });
    expect(importTidyFile('rates.csv', fixtureText('source/rates.csv'), metadata, new Set(['E08000011', 'E06000006'])).absent).toEqual(['E06000006']);
  });

  it('writes a UTF-8 BOM, the ONS header and "\\n" line ends, whatever the input used', () => {
    const { csv } = importFixture('rates.csv');
    expect(csv?.startsWith(`\uFEFF${HEADER}\n`)).toBe(true);
    expect(csv).not.toContain('\r');
    expect(csv?.endsWith('\n')).toBe(true);
  });

  it('copies every kept cell unchanged: float noise, blanks, status and notes', () => {
    const source = rowsOf(fixtureText('source/survey.csv'));
    const imported = rowsOf(importFixture('survey.csv').csv);
    const kept = source.slice(1).filter((cells) => cells[0] !== 'K02000001');
    expect(imported.slice(1).map((c) => c.join('|')).sort()).toEqual(kept.map((c) => c.join('|')).sort());
    expect(imported.flat()).toContain('62.900000000000006');
    const knowsley = imported.find((cells) => cells[0] === 'E08000011');
    expect(knowsley?.slice(5)).toEqual(['', 'Percentage', '%', '', '', 'x', 'Estimate and confidence interval unreliable since the group sample size is small (3-9)']);
  });

  it('sorts by indicator, area and period (chronologically), so the order of the input does not matter', () => {
    const text = fixtureText('source/rates.csv');
    const [header = '', ...lines] = text.trim().split('\r\n');
    const shuffled = [header, ...lines.reverse()].join('\n');
    const a = importTidyFile('rates.csv', text, metadata, FIXTURE_DISTRICTS).csv;
    const b = importTidyFile('rates.csv', shuffled, metadata, FIXTURE_DISTRICTS).csv;
    expect(b).toBe(a);
    const liverpool = rowsOf(a).filter((cells) => cells[0] === 'E08000012').map((cells) => cells[4]);
    expect(liverpool).toEqual(['2022-08-01/P1Y', '2024-08-01/P1Y']);
  });

  it.each(['rates.csv', 'survey.csv'])('is stable: importing its own output (%s) changes nothing', (file) => {
    const first = importFixture(file).csv ?? '';
    const again = importTidyFile(file, first, metadata, FIXTURE_DISTRICTS);
    expect(again.csv).toBe(first);
    expect(again.dropped).toBe(0);
  });

  it.each([
    ['a repeated row', (lines: string[]) => [...lines, lines[1] ?? ''], 'one row per area, indicator and period'],
    ['a value that is not a number', (lines: string[]) => [lines[0] ?? '', (lines[1] ?? '').replace(',959,', ',n/a,')], 'a number'],
    ['an indicator without a metadata row', (lines: string[]) => [lines[0] ?? '', (lines[1] ?? '').replace('Starts (England)', 'Starts (Wales)')], 'indicators.csv'],
  ])('refuses a file with %s, writing nothing', (_case, edit, expected) => {
    const lines = fixtureText('source/rates.csv').replace(/^\uFEFF/, '').trim().split('\r\n');
    const result = importTidyFile('rates.csv', edit(lines).join('\n'), metadata, FIXTURE_DISTRICTS);
    expect(result.csv).toBeNull();
    expect(result.errors).toContainEqual(expect.objectContaining({ file: 'rates.csv', expected: expect.stringContaining(expected) }));
  });

  it('ignores problems in rows it drops (an area the dashboard does not show)', () => {
    const text = `${HEADER}\nS92000003,Scotland,Nation,Unknown,not a period,oops,,,,,,\n`;
    expect(importTidyFile('rates.csv', text, metadata, FIXTURE_DISTRICTS)).toMatchObject({ errors: [], kept: 0, dropped: 1 });
  });

  it('refuses a file without the ONS columns', () => {
    const result = importTidyFile('rates.csv', 'area,value\nE92000001,1\n', metadata, FIXTURE_DISTRICTS);
    expect(result.csv).toBeNull();
    expect(result.errors.map((e) => e.column)).toContain('areacd');
  });
});
