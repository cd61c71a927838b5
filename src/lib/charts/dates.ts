/** Partial ISO dates ("2024", "2024-03", "2018-07-18") as values a time axis can place. */

/** The start of the period a partial date names, in UTC: "2024-03" → 1 March 2024. */
export function partialDateToDate(iso: string): Date | null {
  const match = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(iso);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), match[2] ? Number(match[2]) : 1, match[3] ? Number(match[3]) : 1];
  return new Date(Date.UTC(year, month - 1, day));
}

/** The year of a partial date, or null when it is malformed. */
export function partialDateYear(iso: string): number | null {
  const match = /^(\d{4})/.exec(iso);
  return match ? Number(match[1]) : null;
}
