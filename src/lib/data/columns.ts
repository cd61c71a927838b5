/**
 * Column parsers. Each turns one raw CSV cell (a string) into a typed value or a
 * reason it cannot. Pure functions; the schema composes them.
 */
import { describeCharacter, findDirectionalRun, findInvisible } from './bidi.ts';

/** A failed cell always says how to fix it: `hint` is required, so a new parser cannot forget it. */
export type CellResult<T> = { ok: true; value: T } | { ok: false; expected: string; hint: string };

export type ColumnKind = 'id' | 'text' | 'gss' | 'integer' | 'enum' | 'date' | 'url' | 'ref';

export interface ColumnSpec<T> {
  kind: ColumnKind;
  required: boolean;
  /** One line for the schema reference: what the column holds. */
  description: string;
  /** A valid example value for templates and docs. */
  example: string;
  /** Allowed values, for enums. */
  values?: readonly string[];
  /** Dataset whose key this column must match, checked across files. */
  ref?: string;
  parse(raw: string): CellResult<T>;
  /**
   * A fast path for the common, valid cell: the value `parse` gives, or NOT_READ when the
   * cell needs `parse` (which decides, and explains any problem). It never accepts what
   * `parse` refuses: it only skips the result object a million-row file would otherwise
   * allocate per cell. A property test in test/unit/data/columns.test.ts checks that.
   * `plain`: the caller has checked that the cell (or the whole file) holds no
   * SUSPECT_CHARACTER, so the scan for one is skipped.
   */
  read(raw: string, plain?: boolean): T | typeof NOT_READ;
}

/** `ColumnSpec.read`'s answer for a cell it leaves to `parse`. */
export const NOT_READ: unique symbol = Symbol('not read');
type Read<T> = (raw: string) => T | typeof NOT_READ;

const ok = <T>(value: T): CellResult<T> => ({ ok: true, value });

/** Text the source decoder could not read: almost always a Windows-1252 file read as UTF-8. */
const REPLACEMENT_CHAR = '\uFFFD';

/** NUL never occurs in text; it appears when a UTF-16 ("Unicode text") file is read as UTF-8. */
const NUL = '\u0000';

/**
 * Invisible and direction-changing characters (see bidi.ts): none at all in a code, id,
 * enum, number, date or link; in free text, none of the controls that reorder what
 * follows. The message names the character, since it cannot be seen.
 */
export function checkInvisible(raw: string, kind: ColumnKind): CellResult<string> {
  const found = kind === 'text' ? findDirectionalRun(raw) : findInvisible(raw);
  if (found === null) return ok(raw);
  const where = [...raw].indexOf(found) + 1;
  return kind === 'text'
    ? { ok: false, expected: `text without direction controls (found ${describeCharacter(found)} at character ${where})`, hint: 'This invisible character reverses or reorders the text after it, figures included. Delete it: retype the cell rather than pasting it.' }
    : { ok: false, expected: `no invisible characters (found ${describeCharacter(found)} at character ${where})`, hint: 'The value looks right but contains a character you cannot see, usually pasted from a web page or document. Retype the cell.' };
}

function checkText(raw: string): CellResult<string> {
  if (raw.includes(REPLACEMENT_CHAR)) {
    return {
      ok: false,
      expected: 'UTF-8 text',
      hint: 'The file seems to be saved in another encoding (such as Windows-1252, where "£" breaks). Save it as "CSV UTF-8".',
    };
  }
  if (raw.includes(NUL)) {
    return {
      ok: false,
      expected: 'UTF-8 text without NUL characters',
      hint: 'The file seems to be saved as UTF-16 ("Unicode text"). Save it as "CSV UTF-8".',
    };
  }
  return ok(raw);
}

/**
 * Any character checkText or checkInvisible can refuse: U+FFFD, NUL, and bidi.ts's invisible
 * and direction-changing characters (its ANY_LISTED, without the slower /u flag: all are
 * in the Basic Multilingual Plane). test/unit/data/columns.test.ts keeps the two in step.
 */
// eslint-disable-next-line no-control-regex -- NUL is one of the characters looked for
export const SUSPECT_CHARACTER = /[\uFFFD\u0000\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\u2060\uFEFF]/;

type Opts = { description: string; example: string };

function optional<T>(spec: ColumnSpec<T>): ColumnSpec<T | null> {
  return {
    ...spec,
    required: false,
    parse: (raw) => (raw === '' ? ok(null) : spec.parse(raw)),
    read: (raw, plain) => (raw === '' ? null : spec.read(raw, plain)),
  };
}

/** `read` for parsers with no fast path of their own: always `parse`. */
const viaParse = (): typeof NOT_READ => NOT_READ;

function required<T>(kind: ColumnKind, o: Opts, parse: (raw: string) => CellResult<T>, extra: Partial<ColumnSpec<T>> = {}, fast: Read<T> = viaParse): ColumnSpec<T> {
  return {
    kind,
    required: true,
    ...o,
    ...extra,
    read: (raw, plain = false) => (raw === '' || (!plain && SUSPECT_CHARACTER.test(raw)) ? NOT_READ : fast(raw)),
    parse: (raw) => {
      if (raw === '') return { ok: false, expected: 'a value (this column is required)', hint: `Fill in the cell; the column is described in the data guide (e.g. ${o.example}).` };
      // Almost every cell has none of the characters the text checks look for: one scan
      // for all of them, and the detailed checks (same results) only when one is there.
      if (!SUSPECT_CHARACTER.test(raw)) return parse(raw);
      const text = checkText(raw);
      if (!text.ok) return text;
      const visible = checkInvisible(raw, kind);
      return visible.ok ? parse(raw) : visible;
    },
  };
}

const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const GSS_PATTERN = /^[EWSNK]\d{8}$/;
/** Plain digits, optionally grouped with commas: 1130000 or 1,130,000. */
const INTEGER_PATTERN = /^-?(\d{1,3}(,\d{3})+|\d+)$/;
const DATE_PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;
const DMY_PATTERN = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/;

export function parseIdentifier(raw: string): CellResult<string> {
  return ID_PATTERN.test(raw)
    ? ok(raw)
    : { ok: false, expected: 'an identifier of letters, digits, "-", "_" or "."', hint: 'Avoid spaces and punctuation in ids.' };
}

export function parseGssCode(raw: string): CellResult<string> {
  if (GSS_PATTERN.test(raw)) return ok(raw);
  if (GSS_PATTERN.test(raw.toUpperCase())) return { ok: false, expected: 'a GSS code in capitals', hint: `Write ${raw.toUpperCase()}.` };
  return { ok: false, expected: 'a 9-character GSS area code such as E08000012', hint: 'Copy the code from areas.csv or the ONS Open Geography Portal: a letter and eight digits, no spaces.' };
}

const SCALE: Record<string, number> = { k: 1e3, m: 1e6, million: 1e6, bn: 1e9, billion: 1e9 };

/** For "£11.2m"-style cells, the plain number an officer should write instead. */
function plainNumberFor(shorthand: string): string | null {
  const match = /^[£$€]?\s*([\d,]*\.?\d+)\s*(k|m|million|bn|billion)?$/i.exec(shorthand);
  if (!match?.[1]) return null;
  const value = Number(match[1].replaceAll(',', '')) * (SCALE[match[2]?.toLowerCase() ?? ''] ?? 1);
  return Number.isFinite(value) ? String(Math.round(value)) : null;
}

function integerHint(text: string): string | undefined {
  // Excel shows long numbers as 1.13E+06 and saves them that way unless the column is formatted as a number.
  if (/^\d+(\.\d+)?e[+-]?\d+$/i.test(text)) return 'This looks like scientific notation from a spreadsheet. Format the column as Number with 0 decimal places and save again.';
  return text.includes('.') ? 'Decimals are not allowed here.' : undefined;
}

export function parseWholeNumber(raw: string, max: number, min = 0): CellResult<number> {
  const trimmed = raw.trim();
  if (/[£$€]/.test(trimmed) || /\d\s*(m|bn|k|million|billion)$/i.test(trimmed)) {
    const plain = plainNumberFor(trimmed);
    return { ok: false, expected: 'a whole number with no currency sign or abbreviation', hint: plain ? `Write ${plain}.` : 'Write the full amount in pounds, e.g. 11200000 for £11.2m.' };
  }
  if (trimmed.endsWith('%')) {
    return { ok: false, expected: 'a whole number, not a percentage', hint: 'Write the number the source gives. If it gives only a percentage, leave the cell blank and set the qualifier to unquantified.' };
  }
  if (!INTEGER_PATTERN.test(trimmed)) {
    return { ok: false, expected: 'a whole number such as 1130000 or 1,130,000', hint: integerHint(trimmed) ?? 'Write digits only, with commas between thousands if you like: 1130000 or 1,130,000.' };
  }
  // Checked on the text so "-0" is refused too rather than shown as "-0".
  if (trimmed.startsWith('-')) return { ok: false, expected: 'a number of zero or more', hint: 'Remove the minus sign: figures here are never negative.' };
  const value = Number(trimmed.replaceAll(',', ''));
  if (!Number.isSafeInteger(value) || value > max) {
    return { ok: false, expected: `a number no larger than ${max.toLocaleString('en-GB')}`, hint: 'Check for extra digits.' };
  }
  if (value < min) return { ok: false, expected: `a number of at least ${min}`, hint: 'Check for missing digits.' };
  return ok(value);
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** "April 2024", "Apr 2024", "12 April 2024", "April 12, 2024", "2024/04": the ISO form, else null. */
function isoFromWords(raw: string): string | null {
  const text = raw.trim().toLowerCase().replace(/,/g, ' ').replace(/\s+/g, ' ');
  const month = (word: string) => {
    const index = word.length >= 3 ? MONTHS.findIndex((name) => name.startsWith(word.replace(/\.$/, ''))) : -1;
    return index < 0 ? null : String(index + 1).padStart(2, '0');
  };
  const pad = (day: string) => day.padStart(2, '0');
  let m = /^([a-z.]+) (\d{4})$/.exec(text);
  if (m?.[1] && m[2] && month(m[1])) return `${m[2]}-${month(m[1])}`;
  m = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z.]+) (\d{4})$/.exec(text);
  if (m?.[1] && m[2] && m[3] && month(m[2])) return `${m[3]}-${month(m[2])}-${pad(m[1])}`;
  m = /^([a-z.]+) (\d{1,2})(?:st|nd|rd|th)? (\d{4})$/.exec(text);
  if (m?.[1] && m[2] && m[3] && month(m[1])) return `${m[3]}-${month(m[1])}-${pad(m[2])}`;
  m = /^(\d{4})[/.](\d{1,2})(?:[/.](\d{1,2}))?$/.exec(text);
  if (m?.[1] && m[2]) return m[3] ? `${m[1]}-${pad(m[2])}-${pad(m[3])}` : `${m[1]}-${pad(m[2])}`;
  return null;
}

/** Dates are ISO and may be partial (2024, 2024-03, 2024-03-31) because sources often give only a month or year. */
export function parsePartialDate(raw: string): CellResult<string> {
  const dmy = DMY_PATTERN.exec(raw);
  if (dmy) {
    const [, d, m, y] = dmy;
    const iso = `${y}-${m?.padStart(2, '0')}-${d?.padStart(2, '0')}`;
    // Suggest the ISO form only when it is a real date: 07/18/2018 is month-first, and "2018-18-07" would mislead.
    const hint = parsePartialDate(iso).ok ? `Write ${iso}.` : 'Write the date as YYYY-MM-DD; check which part is the day and which the month.';
    return { ok: false, expected: 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD', hint };
  }
  const match = DATE_PATTERN.exec(raw);
  if (!match) {
    const written = isoFromWords(raw);
    const hint = written && parsePartialDate(written).ok ? `Write ${written}.` : 'Write the date as YYYY-MM-DD, or YYYY-MM or YYYY when the source gives only a month or a year (2024-04 for April 2024).';
    return { ok: false, expected: 'an ISO date: YYYY, YYYY-MM or YYYY-MM-DD', hint };
  }
  const year = Number(match[1]);
  const month = match[2] === undefined ? undefined : Number(match[2]);
  const day = match[3] === undefined ? undefined : Number(match[3]);
  if (year < 1900 || year > 2100) return { ok: false, expected: 'a year between 1900 and 2100', hint: 'Check the year for a typing slip.' };
  if (month !== undefined && (month < 1 || month > 12)) return { ok: false, expected: 'a month from 01 to 12', hint: 'The month comes second (YYYY-MM-DD); check whether day and month are swapped.' };
  if (month !== undefined && day !== undefined && (day < 1 || day > daysInMonth(year, month))) {
    return { ok: false, expected: 'a day that exists in that month', hint: `Check the day: that month has ${daysInMonth(year, month)} days.` };
  }
  return ok(raw);
}

export function parseHttpUrl(raw: string): CellResult<string> {
  try {
    const url = new URL(raw);
    // Only web links: a javascript: or data: URL in a source link would run code when clicked.
    if (url.protocol === 'https:' || url.protocol === 'http:') return ok(url.href);
  } catch {
    // fall through to the error below
  }
  return { ok: false, expected: 'a web address starting with https:// or http://', hint: raw.includes('.') && !/^[a-z]+:/i.test(raw) ? `Write https://${raw.trim()}.` : 'Copy the full address from the browser’s address bar, starting with https://.' };
}

export function parseEnum<V extends string>(raw: string, values: readonly V[]): CellResult<V> {
  const found = values.find((v) => v === raw);
  if (found !== undefined) return ok(found);
  const caseInsensitive = values.find((v) => v.toLowerCase() === raw.trim().toLowerCase());
  return {
    ok: false,
    expected: `one of: ${values.join(', ')}`,
    hint: caseInsensitive ? `Write ${caseInsensitive}.` : 'Use one of the listed values, spelt exactly as shown.',
  };
}

/** Column builders: `col.text(...)` is required, `col.text(...).optional` style is written `opt(col.text(...))`. */
/** Fast paths (ColumnSpec.read): each accepts only a plain, certainly valid cell, giving the value `parse` would. */
const readAs = (pattern: RegExp): Read<string> => (raw) => (pattern.test(raw) ? raw : NOT_READ);
const PLAIN_DIGITS = /^\d{1,15}$/;
const readWholeNumber = (max: number, min: number): Read<number> => (raw) => {
  if (!PLAIN_DIGITS.test(raw)) return NOT_READ;
  const value = Number(raw);
  return value <= max && value >= min ? value : NOT_READ;
};
const YEAR_MONTH_DAY = /^(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$/;
const readPartialDate: Read<string> = (raw) => {
  const match = YEAR_MONTH_DAY.exec(raw);
  if (!match) return NOT_READ;
  const year = Number(match[1]);
  if (year < 1900 || year > 2100) return NOT_READ;
  // Days 29 to 31 exist only in some months: parse decides.
  return match[3] !== undefined && Number(match[3]) > 28 ? NOT_READ : raw;
};
const readEnum = <V extends string>(values: readonly V[]): Read<V> => {
  const known = new Set<string>(values);
  return (raw) => (known.has(raw) ? (raw as V) : NOT_READ);
};
const readText: Read<string> = (raw) => raw;

/** Column builders: `col.text(...)` is required, `col.text(...).optional` style is written `opt(col.text(...))`. */
export const col = {
  id: (o: Opts) => required('id', o, parseIdentifier, {}, readAs(ID_PATTERN)),
  text: (o: Opts) => required('text', o, ok, {}, readText),
  gss: (o: Opts) => required('gss', o, parseGssCode, {}, readAs(GSS_PATTERN)),
  integer: (o: Opts & { max: number; min?: number }) => required('integer', o, (raw) => parseWholeNumber(raw, o.max, o.min), {}, readWholeNumber(o.max, o.min ?? 0)),
  date: (o: Opts) => required('date', o, parsePartialDate, {}, readPartialDate),
  url: (o: Opts) => required('url', o, parseHttpUrl),
  enumOf: <V extends string>(values: readonly V[], o: Opts) => required('enum', o, (raw) => parseEnum(raw, values), { values }, readEnum(values)),
  /** A key of another dataset; the format is checked here, existence across files. */
  ref: (dataset: string, o: Opts) => required('ref', o, dataset === 'areas' ? parseGssCode : parseIdentifier, { ref: dataset }, readAs(dataset === 'areas' ? GSS_PATTERN : ID_PATTERN)),
};

export const opt = optional;

/** The columns of one CSV file, by name, in the file's order. */
export type Columns = Record<string, ColumnSpec<unknown>>;

/** The value a column holds once read. */
export type ValueOf<C> = C extends ColumnSpec<infer T> ? T : never;

/** A row of a file with these columns, as the validator returns it. */
export type RowValues<C extends Columns> = { -readonly [K in keyof C]: ValueOf<C[K]> } & {
  /** Line in the file where the row starts, for error messages. */
  readonly _line: number;
};

/**
 * One CSV file's contract: its file, description and columns. Its key (unique in the
 * file) is its first column, so the key is named once. The same shape for the announcement
 * datasets (data/schema.ts) and the official statistics' metadata (indicators/schema.ts).
 */
export function fileSpec<const C extends Columns>(file: string, description: string, columns: C): { file: string; key: keyof C & string; description: string; columns: C } {
  const key = Object.keys(columns)[0];
  if (key === undefined) throw new Error(`${file} must have a key column.`);
  return { file, key, description, columns };
}
