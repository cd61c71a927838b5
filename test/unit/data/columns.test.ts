import { describe, expect, it } from 'vitest';
import { parseEnum, parseGssCode, parseHttpUrl, parseIdentifier, parsePartialDate, parseWholeNumber } from '../../../src/lib/data/columns.ts';

describe('parseWholeNumber', () => {
  it.each([
    ['1130000', 1130000],
    ['1,130,000', 1130000],
    [' 4000 ', 4000],
    ['0', 0],
    ['007', 7],
  ])('accepts %j as %d', (raw, expected) => {
    expect(parseWholeNumber(raw, 1e12)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['£11.2m', /currency/],
    ['11.2m', /abbreviation/],
    ['12%', /percentage/],
    ['11.5', /whole number/],
    ['1,13,0000', /whole number/],
    ['-5', /zero or more/],
    ['abc', /whole number/],
    ['99999999999999', /no larger than/],
  ])('rejects %j', (raw, expected) => {
    const result = parseWholeNumber(raw, 1e12);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.expected).toMatch(expected);
  });

  it.each([
    ['£11.2m', 'Write 11200000.'],
    ['£1.13m', 'Write 1130000.'],
    ['£160 million', 'Write 160000000.'],
    ['£1,130,000', 'Write 1130000.'],
    ['2bn', 'Write 2000000000.'],
  ])('suggests the plain number for %s', (raw, hint) => {
    const result = parseWholeNumber(raw, 1e12);
    expect(result.ok === false && result.hint).toBe(hint);
  });
});

describe('parsePartialDate', () => {
  it.each(['2024', '2024-03', '2018-07-18', '2024-02-29'])('accepts %s', (raw) => {
    expect(parsePartialDate(raw)).toEqual({ ok: true, value: raw });
  });

  it.each([
    ['18/07/2018', /ISO/, /2018-07-18/],
    ['2024-13', /month/, undefined],
    ['2023-02-29', /day that exists/, undefined],
    ['July 2018', /ISO/, undefined],
    ['1850', /year between/, undefined],
  ])('rejects %s', (raw, expected, hint) => {
    const result = parsePartialDate(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.expected).toMatch(expected);
      if (hint) expect(result.hint).toMatch(hint);
    }
  });
});

describe('parseGssCode', () => {
  it.each([['E08000012', true], ['E47000004', true], ['e08000012', false], ['E0800001', false], ['08000012', false]])('%s → ok %s', (raw, ok) => {
    expect(parseGssCode(raw).ok).toBe(ok);
  });
  it('suggests capitals', () => {
    const result = parseGssCode('e08000012');
    expect(result.ok === false && result.hint).toBe('Write E08000012.');
  });
});

describe('parseHttpUrl', () => {
  it.each([
    ['https://example.org/a', true],
    ['http://example.org', true],
    ['javascript:alert(1)', false],
    ['data:text/html,<script>alert(1)</script>', false],
    ['example.org', false],
    ['JaVaScRiPt:alert(1)', false],
  ])('%s → ok %s', (raw, ok) => {
    expect(parseHttpUrl(raw).ok).toBe(ok);
  });
});

describe('parseIdentifier and parseEnum', () => {
  it.each([['wm-deal-total', true], ['a.b_c-1', true], ['has space', false], ['<img>', false], ['-leading', false]])('identifier %s → ok %s', (raw, ok) => {
    expect(parseIdentifier(raw).ok).toBe(ok);
  });
  it('enum suggests the right case', () => {
    const result = parseEnum('UP_TO', ['exact', 'up_to'] as const);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.expected).toBe('one of: exact, up_to');
      expect(result.hint).toBe('Write up_to.');
    }
  });
});

describe('every refused cell says how to fix it', () => {
  it.each([
    ['April 2024', 'Write 2024-04.'],
    ['Apr 2024', 'Write 2024-04.'],
    ['12 April 2024', 'Write 2024-04-12.'],
    ['April 12, 2024', 'Write 2024-04-12.'],
    ['2024/4', 'Write 2024-04.'],
    ['31 February 2024', 'Write the date as YYYY-MM-DD'],
    ['soon', 'Write the date as YYYY-MM-DD'],
    ['1850', 'Check the year'],
    ['2024-13', 'check whether day and month are swapped'],
    ['2024-02-30', 'that month has 29 days'],
  ])('date %s → %s', (raw, hint) => {
    const result = parsePartialDate(raw);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.hint).toContain(hint);
  });

  it.each([
    ['url', parseHttpUrl('www.example.org/page'), 'Write https://www.example.org/page.'],
    ['url', parseHttpUrl('javascript:alert(1)'), 'starting with https://'],
    ['enum', parseEnum('roughly', ['exact', 'about']), 'one of the listed values'],
    ['gss', parseGssCode('E0800001'), 'a letter and eight digits'],
    ['number', parseWholeNumber('12 34', 1e9), 'Write digits only'],
    ['negative', parseWholeNumber('-5', 1e9), 'Remove the minus sign'],
  ])('%s', (_, result, hint) => {
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.hint).toContain(hint);
  });
});
