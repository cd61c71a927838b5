/**
 * Invisible and direction-changing characters: refused in codes, ids, enums, numbers,
 * dates, links and headers with a message naming the character; in free text, the
 * controls that reorder what follows are refused and the marks right-to-left text needs
 * are kept. Data text is isolated in sentences; names are shown with the characters visible.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { describeCharacter, findInvisible, isolate, showInvisible } from '../../../src/lib/data/bidi.ts';
import { SCHEMA } from '../../../src/lib/data/schema.ts';
import { validateCsv } from '../../../src/lib/data/validate.ts';

const RUN_CONTROLS = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
const MARKS = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u061C', '\u2060', '\uFEFF'];
const ALL = [...RUN_CONTROLS, ...MARKS];

const HEADER = Object.keys(SCHEMA.funding.columns);
const VALID: Record<string, string> = {
  id: 'line-1', area_code: 'E47000007', programme_id: 'deal', component: 'Whole deal', funder: 'DfE', funder_type: 'government', category: 'skills',
  amount_gbp: '5000000', qualifier: 'up_to', stated_as: '', part_of: '', period_years: '10', announced: '2018-07-18', source_id: 'src', new_money: 'not_stated', note: 'A note',
};
const csv = (row: Record<string, string>, header = HEADER) => `${header.join(',')}\n${HEADER.map((c) => row[c] ?? '').join(',')}\n`;
const TEXT_COLUMNS = HEADER.filter((c) => SCHEMA.funding.columns[c as keyof typeof SCHEMA.funding.columns].kind === 'text' && VALID[c] !== '');
const CODE_COLUMNS = HEADER.filter((c) => SCHEMA.funding.columns[c as keyof typeof SCHEMA.funding.columns].kind !== 'text' && VALID[c] !== '');

/** A valid value with `char` inserted at `at` (clamped), never at an end where trimming would remove U+FEFF. */
function insert(value: string, char: string, at: number): string {
  const i = 1 + (at % Math.max(1, value.length - 1));
  return value.slice(0, i) + char + value.slice(i);
}

describe('invisible characters in cells', () => {
  it('are refused in every code, id, enum, number and date column, naming the character (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CODE_COLUMNS), fc.constantFrom(...ALL), fc.nat(), (column, char, at) => {
        const result = validateCsv('funding', csv({ ...VALID, [column]: insert(VALID[column] ?? '', char, at) }));
        expect(result.rows).toEqual([]);
        expect(result.errors).toEqual([expect.objectContaining({ file: 'funding.csv', line: 2, column })]);
        expect(result.errors[0]?.expected).toContain(describeCharacter(char));
      }),
    );
  });

  it('refuse direction controls in free text (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TEXT_COLUMNS), fc.constantFrom(...RUN_CONTROLS), fc.nat(), (column, char, at) => {
        const result = validateCsv('funding', csv({ ...VALID, [column]: insert(VALID[column] ?? '', char, at) }));
        expect(result.errors).toEqual([expect.objectContaining({ line: 2, column })]);
        expect(result.errors[0]?.expected).toMatch(/direction controls \(found U\+[0-9A-F]{4} [A-Z]/);
      }),
    );
  });

  it('keep the marks and joiners right-to-left names and some scripts need in free text', () => {
    for (const char of MARKS) {
      const result = validateCsv('funding', csv({ ...VALID, note: `Sheikh \u0632\u0627\u064A\u062F${char} Centre` }));
      expect(result.errors).toEqual([]);
    }
  });

  it.each([
    ['a right-to-left override ending a component', { component: 'Whole deal\u202E' }, 'component', 'U+202E RIGHT-TO-LEFT OVERRIDE'],
    ['a zero-width space in a GSS code', { area_code: 'E4700\u200B0007' }, 'area_code', 'U+200B ZERO WIDTH SPACE'],
    ['a zero-width space in an enum', { qualifier: 'up\u200B_to' }, 'qualifier', 'U+200B ZERO WIDTH SPACE'],
    ['a byte order mark inside a code', { source_id: 's\uFEFFrc' }, 'source_id', 'U+FEFF ZERO WIDTH NO-BREAK SPACE'],
    ['a word joiner in a number', { amount_gbp: '5\u2060000000' }, 'amount_gbp', 'U+2060 WORD JOINER'],
  ])('name %s', (_name, overrides, column, named) => {
    const [error] = validateCsv('funding', csv({ ...VALID, ...overrides })).errors;
    expect(error).toMatchObject({ line: 2, column });
    expect(error?.expected).toContain(named);
  });
});

describe('invisible characters in the header', () => {
  it.each(ALL)('name U+%s in a column name', (char) => {
    const header = HEADER.map((c) => (c === 'qualifier' ? `quali${char}fier` : c));
    const { errors } = validateCsv('funding', csv(VALID, header));
    const named = errors.find((e) => e.line === 1 && e.expected.includes(describeCharacter(char)));
    expect(named).toMatchObject({ severity: 'error', value: `quali⟨U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}⟩fier` });
    expect(errors.some((e) => e.line === 1 && e.column === 'qualifier' && /a "qualifier" column/.test(e.expected))).toBe(true);
  });
});

describe('bidi helpers', () => {
  it('isolates data text with FSI…PDI', () => {
    expect(isolate('abc\u202E')).toBe('\u2068abc\u202E\u2069');
  });

  it('shows invisible and control characters in names', () => {
    expect(showInvisible('funding\u202Evsc.csv')).toBe('funding⟨U+202E⟩vsc.csv');
    expect(showInvisible('a\u001B[2Jb\nc\td\u0085')).toBe('a⟨U+001B⟩[2Jb⟨U+000A⟩c⟨U+0009⟩d⟨U+0085⟩');
    expect(showInvisible('funding.csv')).toBe('funding.csv');
  });

  it('leaves no listed or control character in what it shows (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.oneof(fc.constantFrom(...ALL, '\u001B', '\n', '\u0000', '\u009B'), fc.string({ unit: 'binary', minLength: 1, maxLength: 1 })) }), (text) => {
        const shown = showInvisible(text);
        expect(findInvisible(shown)).toBeNull();
        // eslint-disable-next-line no-control-regex -- control characters are what is checked
        expect(/[\u0000-\u001F\u007F-\u009F]/.test(shown)).toBe(false);
      }),
    );
  });

  it('names characters outside its table by code point', () => {
    expect(describeCharacter('\u0007')).toBe('U+0007');
  });
});
