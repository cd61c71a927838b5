/**
 * ColumnSpec.read, the validator's fast path, against ColumnSpec.parse, which decides:
 * read may leave any cell to parse (NOT_READ), but a value it gives must be exactly the
 * value parse gives, so no check is skipped. And validateCsv, which checks records as it
 * reads them, gives what validating the parsed table does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NOT_READ, SUSPECT_CHARACTER, type ColumnSpec } from '../../../src/lib/data/columns.ts';
import { findInvisible } from '../../../src/lib/data/bidi.ts';
import { parseCsv } from '../../../src/lib/data/parse.ts';
import { DATASET_NAMES, SCHEMA } from '../../../src/lib/data/schema.ts';
import { validateCsv, validateParsed } from '../../../src/lib/data/validate.ts';

const specs = DATASET_NAMES.flatMap((name) => (Object.entries(SCHEMA[name].columns) as [string, ColumnSpec<unknown>][]).map(([column, spec]) => [`${name}.${column}`, spec] as const));

/** Cells near every boundary the parsers draw: digits, commas, dates, codes, signs, invisible characters. */
const PIECES = ['0', '1', '2', '9', '00', '12', '28', '29', '30', '31', '1900', '1899', '2100', '2101', '2024', '-', ',', '.', ' ', 'E', 'e', 'W', 'x', '_', '£', 'm', 'k', '%', '/', ':', 'https', '\u200B', '\u202E', '\uFEFF', '\uFFFD', '\u0000', 'exact', 'up_to', 'skills', 'government', 'yes'];
const cell = fc.oneof(fc.string({ unit: fc.constantFrom(...PIECES), maxLength: 8 }), fc.string({ maxLength: 12 }), fc.constantFrom('', '2024-02-29', '2023-02-29', '2024-13', 'E08000012', 'e08000012', '1,130,000', '999999999999999', '9999999999999999'));

describe('ColumnSpec.read', () => {
  it.each(specs)('%s gives only what parse gives', (_column, spec) => {
    fc.assert(
      fc.property(cell, fc.boolean(), (raw, plainClaim) => {
        // `plain` is a promise by the caller; only make it when it is true.
        const plain = plainClaim && !SUSPECT_CHARACTER.test(raw);
        const value = spec.read(raw, plain);
        if (value === NOT_READ) return;
        expect(spec.parse(raw)).toEqual({ ok: true, value });
      }),
      { numRuns: 400 },
    );
  });

  it('SUSPECT_CHARACTER finds every character the invisible-character check refuses, and U+FFFD and NUL', () => {
    for (let code = 0; code <= 0xffff; code++) {
      const char = String.fromCharCode(code);
      if (findInvisible(char) !== null || char === '\uFFFD' || char === '\u0000') expect(SUSPECT_CHARACTER.test(char), code.toString(16)).toBe(true);
    }
  });
});

describe('validateCsv', () => {
  const header = Object.keys(SCHEMA.funding.columns).join(',');
  const good = 'lcr-a,E47000004,lcr-skills,Places,Government,government,skills,"1,130,000",exact,,,5,2024-03,src-1,yes,A note';
  it.each([
    ['valid rows', `${header}\n${good}\n${good.replace('lcr-a', 'lcr-b')}\n`],
    ['a byte order mark', `\uFEFF${header}\n${good}\n`],
    ['bad cells, a duplicate id and a short row', `${header}\n${good}\n${good.replace('E47000004', 'e47000004').replace('2024-03', '2024-02-30')}\n${good}\nshort,row\n`],
    ['an invisible character', `${header}\n${good.replace('lcr-a', 'lcr\u200B-a')}\n`],
    ['a bad header', `id,id\n${good}\n`],
    ['an unclosed quote', `${header}\n${good}\n"open,${good}\n`],
    ['quoted line breaks and blank lines', `${header}\r\n\r\n${good.replace('Places', '"Pla\r\nces"')}\r\n\r\n`],
    ['nothing', ''],
  ])('gives what validating the parsed table gives: %s', (_name, text) => {
    expect(validateCsv('funding', text)).toEqual(validateParsed('funding', parseCsv(text, 'funding.csv')));
  });
});
