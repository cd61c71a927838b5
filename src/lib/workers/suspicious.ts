/**
 * Warnings for values that are valid but probably typos: an amount far above the
 * rest of its file is most often a slipped decimal point or extra zeros. Pure.
 */
import { formatCount, formatGbp } from '../data/format.ts';
import type { DataIssue } from '../data/issues.ts';
import { figureSpec, SCHEMA, type DatasetName } from '../data/schema.ts';

/** A value more than this many times the file's median is flagged. */
export const SUSPICIOUS_FACTOR = 100;
/** With fewer values the median says little about what is normal for the file. */
export const MIN_VALUES_FOR_MEDIAN = 3;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const upper = sorted[mid] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? 0) + upper) / 2;
}

type RowLike = Readonly<Record<string, unknown>> & { readonly _line: number };

/**
 * Warn about every quantified value more than SUSPICIOUS_FACTOR times the median of the
 * quantified values in the same file. Unquantified rows (blank figure) are ignored.
 */
export function findSuspiciousValues(dataset: DatasetName, rows: readonly RowLike[]): DataIssue[] {
  const quantity = figureSpec(dataset);
  if (!quantity) return [];
  const values = rows.map((row) => row[quantity.column]).filter((value): value is number => typeof value === 'number');
  if (values.length < MIN_VALUES_FOR_MEDIAN) return [];
  const middle = median(values);
  // A median of zero gives no scale to compare against.
  if (middle === null || middle <= 0) return [];
  const limit = middle * SUSPICIOUS_FACTOR;
  const format = quantity.unit === 'gbp' ? formatGbp : formatCount;
  const { file } = SCHEMA[dataset];
  return rows.flatMap((row) => {
    const value = row[quantity.column];
    if (typeof value !== 'number' || value <= limit) return [];
    return [
      {
        severity: 'warning',
        file,
        line: row._line,
        column: quantity.column,
        value: String(value),
        expected: `a value in line with the rest of the file: this is more than ${SUSPICIOUS_FACTOR} times the median of its ${formatCount(values.length)} figures (${format(middle)})`,
        hint: quantity.unit === 'gbp' ? 'Check for extra zeros or pence typed as pounds. If the amount is right, ignore this warning.' : 'Check for extra zeros. If the figure is right, ignore this warning.',
      } satisfies DataIssue,
    ];
  });
}
