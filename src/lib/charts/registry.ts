/**
 * Every chart, by id. The compare view, an embed page and exports all draw on this list,
 * so a chart added here appears everywhere with the same data, table and summary.
 * This module pulls in Observable Plot: import it only from lazily loaded views.
 */
import { bootcampsProgress } from './bootcamps-progress.ts';
import { careersHubReach } from './careers-hub-reach.ts';
import { dealBreakdown } from './deal-breakdown.ts';
import { sectorPriorities } from './sector-priorities.ts';
import type { RegisteredChart } from './types.ts';

/** Charts in the order the compare view shows them. */
export const CHARTS: readonly RegisteredChart[] = [dealBreakdown, bootcampsProgress, careersHubReach, sectorPriorities];

export const CHART_REGISTRY: ReadonlyMap<string, RegisteredChart> = new Map(CHARTS.map((chart) => [chart.id, chart]));

/** The chart with this id, or undefined for an unknown id (e.g. a mistyped embed link). */
export function chartById(id: string): RegisteredChart | undefined {
  return CHART_REGISTRY.get(id);
}
