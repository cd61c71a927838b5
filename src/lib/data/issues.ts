/** A problem found in a data file, precise enough for an officer to fix it. */
export interface DataIssue {
  severity: 'error' | 'warning';
  /** File name, e.g. funding.csv. */
  file: string;
  /** 1-based physical line in the file (the header is line 1); 0 when the whole file is at fault. */
  line: number;
  /** Column name, or null when the issue concerns a whole row or file. */
  column: string | null;
  /** The offending cell text, or null. */
  value: string | null;
  /** What was expected instead. */
  expected: string;
  /** How to fix it. Required: every kind of problem tells the officer what to do. */
  hint: string;
}

/** One line an officer or a CI log can act on: "funding.csv line 4, column amount_gbp: "£11.2m" — expected …". */
export function describeIssue(issue: DataIssue): string {
  const where = [issue.file, issue.line > 0 ? `line ${issue.line}` : null, issue.column ? `column ${issue.column}` : null]
    .filter((part) => part !== null)
    .join(', ');
  const value = issue.value === null ? '' : ` "${issue.value}"`;
  const hint = issue.hint ? ` ${issue.hint}` : '';
  return `${where}:${value} expected ${issue.expected}.${hint}`;
}
