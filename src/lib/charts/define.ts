/**
 * Turns a typed chart definition into a registry entry. The checks every chart needs
 * (required datasets present, URL options valid) live here once.
 */
import { sourceLookup } from '../data/derive.ts';
import { SCHEMA, type RowsByDataset } from '../data/schema.ts';
import type { DatasetName } from '../data/schema.ts';
import type { ChartControl, ChartDefinition, ChartParams, RegisteredChart, RenderedChart, Unavailable } from './types.ts';

/** Checked options: each control's value from the URL if it is one of its choices, else its default. */
export function resolveOptions(controls: readonly ChartControl[], params: ChartParams): Record<string, string> {
  const options: Record<string, string> = {};
  for (const control of controls) {
    const requested = params[control.param];
    options[control.param] = control.choices.some((choice) => choice.value === requested) ? (requested as string) : control.defaultValue;
  }
  return options;
}

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

export function defineChart<VM extends { status: 'ok' }>(definition: ChartDefinition<VM>): RegisteredChart {
  const { id, title, subtitle, requires, uses, controls } = definition;
  return {
    id,
    title,
    subtitle,
    requires,
    uses,
    controls,
    render(data: RowsByDataset, params: ChartParams): RenderedChart {
      const missing = missingDatasets(data, requires);
      if (missing.length > 0) return { id, title, subtitle, ...unavailable(missing) };
      const options = resolveOptions(controls, params);
      const vm = definition.viewModel(data, options);
      if (vm.status === 'unavailable') return { id, title, subtitle, ...vm };
      const source = sourceLookup(data);
      return {
        status: 'ok',
        id,
        title,
        subtitle,
        controls: controls.map((control) => ({ control, value: options[control.param] ?? control.defaultValue })),
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
