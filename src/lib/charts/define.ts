/**
 * Turns a typed chart definition into a registry entry. The checks every chart needs
 * (required datasets present, control values checked) live here once.
 */
import { sourceLookup, type SourceRef } from '../data/derive.ts';
import { indicatorSources } from '../data/indicators/sources.ts';
import { SCHEMA } from '../data/schema.ts';
import type { DatasetName } from '../data/schema.ts';
import type { RowsByDataset } from '../data/schema.ts';
import { resolveControls, type Controls } from './controls.ts';
import type { ChartDefinition, ChartInput, ChartParams, RegisteredChart, RenderedChart, Unavailable } from './types.ts';

/** The required datasets that are absent (their file was missing or broken). */
export function missingDatasets(data: RowsByDataset, required: readonly DatasetName[]): DatasetName[] {
  return required.filter((name) => data[name] === undefined);
}

export function unavailable(missing: DatasetName[], reason?: string): Unavailable {
  const files = missing.map((name) => SCHEMA[name].file);
  return {
    status: 'unavailable',
    missing,
    reason: reason ?? `This chart cannot be drawn because ${files.join(' and ')} could not be used. The data check above says why.`,
  };
}

/** Sources by id: sources.csv rows, then one per official statistics dataset loaded. */
function chartSourceLookup(data: ChartInput): (id: string) => SourceRef | null {
  const fromCsv = sourceLookup(data);
  const official = new Map(indicatorSources(data.indicators?.metadata ?? []).map((ref) => [ref.id, ref]));
  return (id) => fromCsv(id) ?? official.get(id) ?? null;
}

const NO_INDICATORS: Unavailable = {
  status: 'unavailable',
  missing: [],
  reason: 'This chart cannot be drawn because the official statistics (indicators/indicators.csv) could not be loaded.',
};

export function defineChart<VM extends { status: 'ok' }, C extends Controls>(definition: ChartDefinition<VM, C>): RegisteredChart {
  const { id, title, subtitle, requires, uses, controls } = definition;
  return {
    id,
    title,
    subtitle,
    requires,
    uses,
    params: Object.entries(controls).map(([param, control]) => ({ param, shared: control.shared })),
    usesIndicators: definition.indicators !== undefined,
    indicatorIds(data: ChartInput, params: ChartParams) {
      if (!definition.indicators) return [];
      return definition.indicators(resolveControls(controls, data, params).values);
    },
    render(data: ChartInput, params: ChartParams): RenderedChart {
      const missing = missingDatasets(data, requires);
      if (missing.length > 0) return { id, title, subtitle, ...unavailable(missing) };
      if (definition.indicators && !data.indicators?.metadata.length) return { id, title, subtitle, ...NO_INDICATORS };
      const { values, resolved } = resolveControls(controls, data, params);
      const vm = definition.viewModel(data, values);
      if (vm.status === 'unavailable') return { id, title, subtitle, ...vm };
      const source = chartSourceLookup(data);
      return {
        status: 'ok',
        id,
        title,
        subtitle,
        controls: resolved,
        plotOptions: (width) => definition.plotOptions(vm, { width }),
        table: definition.tableRows(vm),
        summary: definition.summary(vm),
        caption: definition.caption(vm),
        legend: definition.legend(vm),
        notes: definition.notes(vm),
        sources: definition.sourceIds(vm).map((sourceId) => ({ id: sourceId, source: source(sourceId) })),
        footnotes: definition.footnotes(vm),
        attribution: definition.attribution?.(vm) ?? [],
        empty: definition.empty?.(vm) ?? null,
      };
    },
  };
}
