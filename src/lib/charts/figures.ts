/**
 * Chart-side helpers for qualified money figures; formatting and the rule for adding
 * qualified figures live in the data layer so charts, map and headline agree.
 */
import { formatFigure, formatGbp, formatGbpPence, type FormattedFigure } from '../data/format.ts';
import type { Qualifier } from '../data/schema.ts';

export type QuantifiedQualifier = Exclude<Qualifier, 'unquantified'>;

/** Money with its qualifier: pounds for totals, pounds and pence for per-resident rates. */
export function formatMoney(value: number, qualifier: QuantifiedQualifier, unit: 'gbp' | 'gbp_pence'): FormattedFigure {
  return formatFigure(value, qualifier, unit);
}

/** Axis tick text for a money axis. */
export function moneyTick(unit: 'gbp' | 'gbp_pence'): (value: number) => string {
  return unit === 'gbp' ? formatGbp : formatGbpPence;
}

export { sumQualified, type QualifiedValue } from '../data/derive.ts';
