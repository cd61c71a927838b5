/**
 * Invisible and direction-changing characters. Pure.
 *
 * A right-to-left override (U+202E) in a cell reverses whatever follows it on screen,
 * figures included; a zero-width space makes "E08000012" differ from itself. So:
 * - codes, ids, enums, dates, numbers, links and headers refuse every character below,
 *   naming it ("U+200B ZERO WIDTH SPACE");
 * - free text refuses the controls that open or close a directional run (embeddings,
 *   overrides, isolates), which can leak past the cell, but keeps the marks (LRM, RLM,
 *   ALM) and joiners, which right-to-left names and some scripts need and which cannot
 *   reorder anything outside a cell once it is isolated;
 * - sentences that put data text beside figures wrap it in `isolate()` (or `<bdi>`).
 */

/** Controls that start or end a directional embedding, override or isolate. */
const DIRECTIONAL_RUNS: Record<number, string> = {
  0x202a: 'LEFT-TO-RIGHT EMBEDDING',
  0x202b: 'RIGHT-TO-LEFT EMBEDDING',
  0x202c: 'POP DIRECTIONAL FORMATTING',
  0x202d: 'LEFT-TO-RIGHT OVERRIDE',
  0x202e: 'RIGHT-TO-LEFT OVERRIDE',
  0x2066: 'LEFT-TO-RIGHT ISOLATE',
  0x2067: 'RIGHT-TO-LEFT ISOLATE',
  0x2068: 'FIRST STRONG ISOLATE',
  0x2069: 'POP DIRECTIONAL ISOLATE',
};

/** Invisible characters that are harmless in prose but never belong in a code or a header. */
const INVISIBLE_MARKS: Record<number, string> = {
  0x200b: 'ZERO WIDTH SPACE',
  0x200c: 'ZERO WIDTH NON-JOINER',
  0x200d: 'ZERO WIDTH JOINER',
  0x200e: 'LEFT-TO-RIGHT MARK',
  0x200f: 'RIGHT-TO-LEFT MARK',
  0x061c: 'ARABIC LETTER MARK',
  0x2060: 'WORD JOINER',
  0xfeff: 'ZERO WIDTH NO-BREAK SPACE (byte order mark)',
};

const ALL = { ...DIRECTIONAL_RUNS, ...INVISIBLE_MARKS };

const hex = (code: number) => `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;

/** "U+200B ZERO WIDTH SPACE" for a listed character; "U+0007" for any other. */
export function describeCharacter(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const name = ALL[code];
  return name ? `${hex(code)} ${name}` : hex(code);
}

const ANY_LISTED = /[\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\u2060\uFEFF]/u;
const RUNS = /[\u202A-\u202E\u2066-\u2069]/u;

/** The first invisible or direction-changing character in a code, id, enum or header, or null. */
export function findInvisible(text: string): string | null {
  return ANY_LISTED.exec(text)?.[0] ?? null;
}

/** The first directional-run control in free text, or null. */
export function findDirectionalRun(text: string): string | null {
  return RUNS.exec(text)?.[0] ?? null;
}

const FSI = '\u2068';
const ISOLATE_CONTROLS = /[\u2066-\u2069]/gu;
const PDI = '\u2069';

/**
 * Data text set inside a sentence as a Unicode isolate (FSI…PDI), so its direction can
 * neither reorder the figures and words around it nor be reordered by them. For markup,
 * `<bdi>` does the same.
 */
export function isolate(text: string): string {
  // Isolate controls inside (refused by the checker anyway) could close this isolate early.
  return `${FSI}${text.replace(ISOLATE_CONTROLS, '')}${PDI}`;
}

/** C0 and C1 controls (tab and line breaks too), DEL, and the invisible characters above. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const SHOWN_ESCAPED = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\u200B-\u200F\u061C\u2060\uFEFF\u2028\u2029]/gu;

/**
 * Text with every control and invisible character written as ⟨U+XXXX⟩: for names the
 * officer must recognise exactly, such as file names ("funding\u202Evsc.csv" is not
 * "funding.csv"), and for terminal output, where ESC sequences and line breaks in a cell
 * could otherwise rewrite the screen or forge a "✓ funding.csv: ok" line.
 */
export function showInvisible(text: string): string {
  return text.replace(SHOWN_ESCAPED, (char) => `⟨${hex(char.codePointAt(0) ?? 0)}⟩`);
}
