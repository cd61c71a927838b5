/**
 * Turns a typed chart definition into a registry entry. The checks every chart needs
 * (required datasets present, control values checked) live here once.
 */
import { sourceLookup } from '../data/derive.ts';
import { SCHEMA } from '../data/schema.ts';
import type { DatasetName } from '../data/schema.ts';
import type { RowsByDataset } from '../data/schema.ts';
import { resolveControls, type Controls } from './controls.ts';
import type { ChartDefinition, ChartParams, RegisteredChart, RenderedChart, Unavailable } from './types.ts';

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

export function defineChart<VM extends { status: 'ok' }, C extends Controls>(definition: ChartDefinition<VM, C>): RegisteredChart {
  const { id, title, subtitle, requires, uses, controls } = definition;
  return {
    id,
    title,
    subtitle,
    requires,
    uses,
    params: Object.entries(controls).map(([param, control]) => ({ param, shared: control.shared })),
    render(data: RowsByDataset, params: ChartParams): RenderedChart {
      const missing = missingDatasets(data, requires);
      if (missing.length > 0) return { id, title, subtitle, ...unavailable(missing) };
      const { values, resolved } = resolveControls(controls, data, params);
      const vm = definition.viewModel(data, values);
      if (vm.status === 'unavailable') return { id, title, subtitle, ...vm };
      const source = sourceLookup(data);
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
      };
    },
  };
}
