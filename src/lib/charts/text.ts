/**
 * Text layout for chart labels. Plot cannot measure text before it is in the page, so
 * labels are wrapped here with a character-width estimate; estimates err wide so a
 * label wraps early rather than running off a phone screen.
 */

const NARROW = new Set([...'iljtf.,:;\'’|!() ']);
const WIDE = new Set([...'mwMW@%—']);

/** Estimated rendered width of `text` in pixels for a sans-serif font. */
export function estimateTextWidth(text: string, fontSizePx: number, bold = false): number {
  let ems = 0;
  for (const char of text) {
    if (NARROW.has(char)) ems += 0.3;
    else if (WIDE.has(char)) ems += 0.88;
    else if (char >= 'A' && char <= 'Z') ems += 0.68;
    else ems += 0.56;
  }
  return ems * fontSizePx * (bold ? 1.08 : 1);
}

/**
 * Greedy word wrap to `maxWidthPx`. A single word wider than the line is kept whole
 * (breaking a word mid-way would change what it says).
 */
export function wrapText(text: string, maxWidthPx: number, fontSizePx: number, bold = false): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (current && estimateTextWidth(candidate, fontSizePx, bold) > maxWidthPx) {
      lines.push(current);
      current = word;
    } else {
      current = candidate;
    }
  }
  if (current) lines.push(current);
  return lines.length > 0 ? lines : [''];
}
