/**
 * Typed chart controls. A chart declares `controls: { measure: choice(...) }` and its
 * view-model receives `{ measure: Measure }`: values from the URL are untrusted text,
 * checked here once against the control's choices, so charts never re-validate or cast.
 *
 * Choices may be fixed or come from the data (the indicators in a dataset, the combined
 * authorities in areas.csv); a value that is not one of them falls back to the default.
 */
import type { ChartInput } from './types.ts';

export interface Choice<V extends string = string> {
  value: V;
  label: string;
  /** Heading the choice is listed under (e.g. an indicator's publication), when choices are grouped. */
  group?: string;
}

/** A control's choices as the reader sees them, with the checked value. */
export interface ResolvedControl<V extends string = string> {
  /** URL parameter name inside the chart (the key in `controls`), e.g. "measure". */
  param: string;
  label: string;
  choices: readonly Choice<V>[];
  value: V;
  /** True for a page-wide control (such as a region pair) that every chart on a page shares. */
  shared: boolean;
}

export interface ChoiceControl<V extends string = string> {
  label: string;
  /**
   * Page-wide: one URL parameter that every chart declaring it shares, un-namespaced
   * (e.g. the regions `a` and `b`). Otherwise the parameter belongs to its chart and is
   * namespaced by chart id where several charts share one URL (see params.ts).
   */
  shared: boolean;
  /**
   * The checked value: `requested` if it is one of the choices for this data, else the
   * default. `earlier` holds the values of the controls declared before this one, so a
   * period's choices can depend on the chosen indicator.
   */
  resolve(data: ChartInput, requested: string | undefined, earlier?: Readonly<Record<string, string>>): { value: V; choices: readonly Choice<V>[] };
}

/** A chart's controls by URL parameter name. */
export type Controls = Readonly<Record<string, ChoiceControl>>;

/** The checked values a chart's view-model receives, typed by its controls. */
export type ControlValues<C extends Controls> = { readonly [K in keyof C]: C[K] extends ChoiceControl<infer V> ? V : never };

type FromData<T> = T | ((data: ChartInput, earlier: Readonly<Record<string, string>>) => T);

/**
 * One of a list of choices. `choices` and `defaultValue` may be functions of the data;
 * a default function is given the choices and should return one of them (when the data
 * offers none it is still used, and the chart says what is missing).
 */
export function choice<V extends string>(
  label: string,
  choices: FromData<readonly Choice<V>[]>,
  defaultValue: V | ((data: ChartInput, choices: readonly Choice<V>[], earlier: Readonly<Record<string, string>>) => V),
  options: { shared?: boolean } = {},
): ChoiceControl<V> {
  return {
    label,
    shared: options.shared ?? false,
    resolve(data, requested, earlier = {}) {
      const list = typeof choices === 'function' ? choices(data, earlier) : choices;
      const found = requested === undefined ? undefined : list.find((item) => item.value === requested);
      const value = found ? found.value : typeof defaultValue === 'function' ? defaultValue(data, list, earlier) : defaultValue;
      return { value, choices: list };
    },
  };
}

/** Checks every control's requested value; the result is typed by the controls. */
export function resolveControls<C extends Controls>(controls: C, data: ChartInput, params: Readonly<Record<string, string | undefined>>): { values: ControlValues<C>; resolved: ResolvedControl[] } {
  const values: Record<string, string> = {};
  const resolved: ResolvedControl[] = [];
  for (const [param, control] of Object.entries(controls)) {
    // Own properties only: a parameter called "constructor" must not reach Object.prototype.
    const requested = Object.hasOwn(params, param) ? params[param] : undefined;
    const { value, choices } = control.resolve(data, requested, { ...values });
    values[param] = value;
    resolved.push({ param, label: control.label, choices, value, shared: control.shared });
  }
  // Each key of `values` was set from the control of the same name, whose value type it has.
  return { values: values as ControlValues<C>, resolved };
}
