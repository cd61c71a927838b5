import { describe, expect, it } from 'vitest';
import { parseDecimal, validateMetadata, validateTidyCsv } from '../../../../src/lib/data/indicators/validate.ts';
import { FIXTURE_DISTRICTS, HEADER, fixtureMetadata, fixtureText } from './fixtures.ts';

const metadata = fixtureMetadata();
const options = { metadata, districts: FIXTURE_DISTRICTS };
const row = (cells: Partial<Record<'areacd' | 'indicator' | 'period' | 'observation' | 'lci' | 'uci' | 'status' | 'notes' | 'unit', string>> = {}) =>
  [
    cells.areacd ?? 'E47000004',
    'Liverpool City Region',
    'Combined Authority or City Region',
    cells.indicator ?? 'Level 3 or above',
    cells.period ?? '2023-01-01/P1Y',
    cells.observation ?? '62.9',
    'Percentage',
    cells.unit ?? '%',
    cells.lci ?? '61.2',
    cells.uci ?? '64.6',
    cells.status ?? '',
    cells.notes ?? '',
  ].join(',');
const survey = (...rows: string[]) => validateTidyCsv('survey.csv', [HEADER, ...rows].join('\n'), options);

describe('validateMetadata', () => {
  it('reads the fixture metadata', () => {
    const result = validateMetadata(fixtureText('indicators.csv'));
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.indicator_id, r.decimal_places, r.polarity])).toEqual([
      ['starts', 0, 'higher_is_better'],
      ['level-3', 1, 'higher_is_better'],
      ['no-quals', 1, 'lower_is_better'],
    ]);
  });

  const lines = fixtureText('indicators.csv').trim().split('\n');
  const [header = '', first = ''] = lines;
  const withFirst = (edit: (cells: string) => string) => [header, edit(first), ...lines.slice(2)].join('\n');
  it.each([
    ['a repeated id', [header, first, first.replace('Starts (England)', 'Other')].join('\n'), 3, 'indicator_id', 'unique'],
    ['a repeated label', [header, first, first.replace('starts,', 'other,')].join('\n'), 3, 'label', 'unique'],
    ['an unknown polarity', withFirst((c) => c.replace('higher_is_better', 'good')), 2, 'polarity', 'one of'],
    ['decimal places as words', withFirst((c) => c.replace(',0,', ',none,')), 2, 'decimal_places', 'whole number'],
    ['a dataset path', withFirst((c) => c.replace('rates.csv', '../rates.csv')), 2, 'dataset', 'file name'],
    ['a javascript: link', withFirst((c) => c.replace('https://example.org/fe', 'javascript:alert(1)')), 2, 'source_url', 'web address'],
    ['a day-first date', withFirst((c) => c.replace('2025-11-27', '27/11/2025')), 2, 'source_date', 'ISO date'],
    ['a missing column', lines.map((l) => l.split(',').slice(1).join(',')).join('\n'), 1, 'indicator_id', 'column in the header'],
  ])('reports %s', (_case, text, line, column, expected) => {
    const result = validateMetadata(text);
    expect(result.errors).toContainEqual(expect.objectContaining({ severity: 'error', file: 'indicators/indicators.csv', line, column, expected: expect.stringContaining(expected) }));
  });
});

describe('validateTidyCsv', () => {
  it('reads a file with a BOM and CRLF line ends, keeping blanks as missing and flags as published', () => {
    const text = fixtureText('source/rates.csv');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const result = validateTidyCsv('rates.csv', text, options);
    expect(result.errors).toEqual([]);
    const southYorkshire = result.rows.find((r) => r.areaCode === 'E47000002');
    expect(southYorkshire).toMatchObject({ value: null, status: 'x', notes: null, indicatorId: 'starts' });
    expect(result.rows.find((r) => r.areaCode === 'E47000001')?.value).toBeCloseTo(1000, 9);
    expect(result.periods.get('2024-08-01/P1Y')?.label).toBe('2024/25');
  });

  it('warns once per area the dashboard does not show, and leaves its rows out', () => {
    const result = validateTidyCsv('rates.csv', fixtureText('source/rates.csv'), options);
    expect(result.warnings.map((w) => [w.column, w.value, w.line])).toEqual([
      ['areacd', 'E12000002', 4],
      ['areacd', 'S92000003', 15],
      ['areacd', 'E06000053', 16],
    ]);
    expect(result.rows.map((r) => r.areaCode)).not.toContain('E12000002');
    expect(result.rows).toHaveLength(12);
  });

  it('keeps float noise as the number it is, and interval ends as published', () => {
    const result = validateTidyCsv('survey.csv', fixtureText('source/survey.csv'), options);
    expect(result.errors).toEqual([]);
    const lcr = result.rows.find((r) => r.areaCode === 'E47000004' && r.indicatorId === 'level-3' && r.period === '2023-01-01/P1Y');
    expect(lcr).toMatchObject({ value: 62.900000000000006, lci95: 61.2, uci95: 64.60000000000001 });
    const knowsley = result.rows.find((r) => r.areaCode === 'E08000011');
    expect(knowsley).toMatchObject({ value: null, lci95: null, status: 'x', notes: expect.stringContaining('sample size is small') });
  });

  it.each([
    ['a bad period', row({ period: '2023' }), 'period', 'ISO 8601 interval'],
    ['a period that does not exist', row({ period: '2023-02-29/P1Y' }), 'period', 'ISO 8601 interval'],
    ['a word for a number', row({ observation: 'n/a' }), 'observation', 'a number'],
    ['a percentage sign', row({ observation: '62.9%' }), 'observation', 'a number'],
    ['a value below its interval', row({ observation: '60.0' }), 'observation', 'within its 95% interval'],
    ['a value above its interval', row({ observation: '65' }), 'observation', 'within its 95% interval'],
    ['an interval the wrong way round', row({ lci: '64.6', uci: '61.2' }), 'lci_95', 'no larger than uci_95'],
    ['half an interval', row({ uci: '' }), 'uci_95', 'both ends'],
    ['an unlisted indicator', row({ indicator: 'Level 4 or above' }), 'indicator', 'listed in the label column of indicators.csv'],
    ['an indicator in another dataset', row({ indicator: 'Starts (England)', unit: '"Rate per 100,000 population"' }), 'indicator', 'in rates.csv'],
    ['a unit the metadata does not give', row({ unit: 'Percent' }), 'unit', '"%"'],
    ['a lower-case area code', row({ areacd: 'e47000004' }), 'areacd', 'GSS area code'],
  ])('reports %s with its line and column', (_case, bad, column, expected) => {
    const result = survey(row({ areacd: 'E92000001' }), bad);
    expect(result.errors).toContainEqual(expect.objectContaining({ severity: 'error', file: 'survey.csv', line: 3, column, expected: expect.stringContaining(expected) }));
    expect(result.rows).toHaveLength(1);
  });

  it('reports a repeated area, indicator and period, naming the first line', () => {
    const result = survey(row(), row({ observation: '63.0' }));
    expect(result.errors).toEqual([expect.objectContaining({ line: 3, column: null, expected: expect.stringContaining('same as line 2') })]);
  });

  it('reports an unlisted indicator once, not once per row', () => {
    const result = survey(row({ indicator: 'New indicator' }), row({ indicator: 'New indicator', period: '2022-01-01/P1Y' }));
    expect(result.errors.filter((e) => e.column === 'indicator')).toHaveLength(1);
  });

  it('reports text that is not UTF-8', () => {
    const result = survey(row({ notes: 'Caf\uFFFD data' }));
    expect(result.errors).toEqual([expect.objectContaining({ line: 2, column: 'notes', expected: 'UTF-8 text' })]);
  });

  it('warns about a status it does not know, and carries it through', () => {
    const result = survey(row({ status: 'c' }));
    expect(result.warnings).toEqual([expect.objectContaining({ column: 'status', value: 'c' })]);
    expect(result.rows[0]?.status).toBe('c');
  });

  it('does not let float noise put a value outside its interval', () => {
    expect(survey(row({ observation: '64.60000000000001', uci: '64.6' })).errors).toEqual([]);
  });

  it('warns when an interval is given without a value', () => {
    const result = survey(row({ observation: '' }));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([expect.objectContaining({ column: 'observation' })]);
    expect(result.rows[0]?.value).toBeNull();
  });

  it('reports missing columns in the header, and unknown ones as warnings', () => {
    const result = validateTidyCsv('survey.csv', `${HEADER.replace(',lci_95,uci_95', '')},extra\nE92000001`, options);
    expect(result.errors.map((e) => e.column)).toEqual(['lci_95', 'uci_95']);
    expect(result.warnings.map((w) => w.column)).toEqual(['extra']);
  });

  it('reports an empty file', () => {
    expect(validateTidyCsv('survey.csv', '\uFEFF', options).errors).toEqual([expect.objectContaining({ line: 0 })]);
  });

  it('does not warn about areas when no districts are given', () => {
    expect(validateTidyCsv('rates.csv', fixtureText('source/rates.csv'), { metadata }).warnings).toEqual([]);
  });
});

describe('parseDecimal', () => {
  it.each([
    ['62.9', 62.9],
    ['959', 959],
    ['-1.5', -1.5],
    ['62.900000000000006', 62.900000000000006],
    ['1e-3', 0.001],
    ['', null],
  ])('%s → %s', (raw, value) => {
    expect(parseDecimal(raw)).toEqual({ ok: true, value });
  });
  it.each(['1,234', '62.9%', '£5', 'x', '..', 'Infinity', '1e999'])('refuses %s', (raw) => {
    expect(parseDecimal(raw).ok).toBe(false);
  });
});
