import { describe, expect, expectTypeOf, it } from 'vitest';
import { choice, resolveControls } from '../../../src/lib/charts/controls.ts';
import { chartParamsFromPage, pageParamName, pageParamsFromChart, paramNameConflicts, paramsFromKey, paramsKey, type ParamOwner } from '../../../src/lib/charts/params.ts';
import { dealBreakdownViewModel, MEASURE_CONTROL, type Measure } from '../../../src/lib/charts/deal-breakdown/index.ts';
import { compareParams } from '../../../src/lib/export/embed-params.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';

const deal: ParamOwner = { id: 'deal-breakdown', params: [{ param: 'measure', shared: false }] };
const pair: ParamOwner = { id: 'region-pair', params: [{ param: 'a', shared: true }, { param: 'b', shared: true }, { param: 'indicator', shared: false }] };

describe('pageParamName', () => {
  it.each([
    ['deal-breakdown', 'measure', false, 'deal-breakdown.measure'],
    ['region-pair', 'a', true, 'a'],
  ])('%s %s (shared %s) → %s', (id, param, shared, expected) => {
    expect(pageParamName(id, param, shared)).toBe(expected);
  });
});

describe('chartParamsFromPage', () => {
  it.each<[string, ParamOwner, Record<string, string>, Record<string, string>]>([
    ['a namespaced value', deal, { 'deal-breakdown.measure': 'per_resident' }, { measure: 'per_resident' }],
    ['an old plain link', deal, { measure: 'per_resident' }, { measure: 'per_resident' }],
    ['namespaced over plain', deal, { measure: 'total', 'deal-breakdown.measure': 'per_resident' }, { measure: 'per_resident' }],
    ['another chart’s value ignored', deal, { 'other-chart.measure': 'per_resident' }, {}],
    ['unrelated parameters ignored', deal, { region: 'E47000004', constructor: 'x' }, {}],
    ['shared values by plain name', pair, { a: 'E47000004', b: 'E47000007', 'region-pair.indicator': 'x' }, { a: 'E47000004', b: 'E47000007', indicator: 'x' }],
    ['shared values never namespaced', pair, { 'region-pair.a': 'E47000004' }, {}],
    ['an empty value kept for the control to reject', deal, { 'deal-breakdown.measure': '' }, { measure: '' }],
    ['nothing', deal, {}, {}],
  ])('%s', (_name, chart, page, expected) => {
    expect(chartParamsFromPage(chart, page)).toEqual(expected);
  });
});

describe('pageParamsFromChart', () => {
  it.each<[string, ParamOwner, Record<string, string>, Record<string, string | null>]>([
    ['namespaces an own parameter and clears its old plain name', deal, { measure: 'per_resident' }, { 'deal-breakdown.measure': 'per_resident', measure: null }],
    ['keeps a shared parameter plain', pair, { a: 'E47000004' }, { a: 'E47000004' }],
    ['drops names the chart does not have', deal, { region: 'E47000004' }, {}],
  ])('%s', (_name, chart, changed, expected) => {
    expect(pageParamsFromChart(chart, changed)).toEqual(expected);
  });

  it('round-trips through chartParamsFromPage', () => {
    const page = { ...pageParamsFromChart(deal, { measure: 'per_resident' }), ...pageParamsFromChart(pair, { a: 'x', indicator: 'y' }) };
    const clean = Object.fromEntries(Object.entries(page).filter((entry): entry is [string, string] => entry[1] !== null));
    expect(chartParamsFromPage(deal, clean)).toEqual({ measure: 'per_resident' });
    expect(chartParamsFromPage(pair, clean)).toEqual({ a: 'x', indicator: 'y' });
  });
});

describe('compareParams (embed → compare link)', () => {
  it.each<[Record<string, string>, Record<string, string>]>([
    [{ measure: 'per_resident' }, { 'deal-breakdown.measure': 'per_resident' }],
    [{ measure: 'per_resident', width: '300' }, { 'deal-breakdown.measure': 'per_resident' }],
    [{}, {}],
  ])('%o → %o', (embed, expected) => {
    expect(compareParams(deal, embed)).toEqual(expected);
  });
});

describe('paramNameConflicts', () => {
  it.each<[string, ParamOwner[], number]>([
    ['none', [deal, pair], 0],
    ['an own name that another chart shares', [deal, { id: 'x', params: [{ param: 'measure', shared: true }] }], 1],
    ['a dot in a parameter name', [{ id: 'x', params: [{ param: 'a.b', shared: false }] }], 1],
    ['a dot in a chart id', [{ id: 'x.y', params: [] }], 1],
  ])('%s', (_name, charts, count) => {
    expect(paramNameConflicts(charts)).toHaveLength(count);
  });
});

describe('paramsKey', () => {
  it('is the same for equal parameters in any order, and round-trips', () => {
    expect(paramsKey({ b: '2', a: '1' })).toBe(paramsKey({ a: '1', b: '2', c: undefined }));
    expect(paramsFromKey(paramsKey({ a: '1 & 2', 'b=': '=' }))).toEqual({ a: '1 & 2', 'b=': '=' });
    expect(paramsKey({})).toBe('');
  });
});

describe('choice controls with choices from the data', () => {
  const areas = (codes: string[]) => ({ areas: codes.map((code) => ({ area_code: code })) }) as unknown as RowsByDataset;
  const region = choice(
    'Region',
    (data) => (data.areas ?? []).map((area) => ({ value: area.area_code, label: area.area_code })),
    (_data, choices) => choices[0]?.value ?? '',
    { shared: true },
  );
  it.each<[string, RowsByDataset, string | undefined, string]>([
    ['a listed value', areas(['E1', 'E2']), 'E2', 'E2'],
    ['an unlisted value falls back to the first', areas(['E1', 'E2']), 'E9', 'E1'],
    ['no value falls back to the first', areas(['E1', 'E2']), undefined, 'E1'],
    ['a value that was listed in other data', areas(['E1']), 'E2', 'E1'],
    ['no choices at all', {}, 'E1', ''],
  ])('%s', (_name, data, requested, expected) => {
    expect(region.resolve(data, requested).value).toBe(expected);
  });

  it('resolves every control, typed, with its choices for this data', () => {
    const { values, resolved } = resolveControls({ a: region, measure: choice('Measure', [{ value: 'x', label: 'X' }], 'x') }, areas(['E1', 'E2']), { a: 'E2', measure: 'y' });
    expect(values).toEqual({ a: 'E2', measure: 'x' });
    expect(resolved.map((c) => [c.param, c.shared, c.choices.length])).toEqual([
      ['a', true, 2],
      ['measure', false, 1],
    ]);
  });

  it('ignores values inherited from Object.prototype', () => {
    const control = { toString: choice('T', [{ value: 'a', label: 'A' }], 'a') };
    expect(resolveControls(control, {}, {}).values.toString).toBe('a');
  });
});

describe('control types', () => {
  it('gives the view-model typed values, with no casts in the chart', () => {
    const controls = { measure: choice('M', [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], 'a') };
    expectTypeOf(resolveControls(controls, {}, {}).values).toEqualTypeOf<{ readonly measure: 'a' | 'b' }>();
    expectTypeOf(resolveControls({ measure: MEASURE_CONTROL }, {}, {}).values).toEqualTypeOf<{ readonly measure: Measure }>();
    expectTypeOf(dealBreakdownViewModel).parameter(1).toEqualTypeOf<{ readonly measure: Measure } & Readonly<{ a: string; b: string }>>();
  });
});
