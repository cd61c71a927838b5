import { describe, expect, it } from 'vitest';
import { choice, resolveControls } from '../../../src/lib/charts/controls.ts';
import { paramNameConflicts } from '../../../src/lib/charts/params.ts';
import { CHART_IDS, loadChart, loadCharts } from '../../../src/lib/charts/registry.ts';
import { DATASET_NAMES } from '../../../src/lib/data/schema.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import type { ChartInput } from '../../../src/lib/charts/types.ts';
import { defaultInputs, without } from './fixtures.ts';

const CHARTS = await loadCharts();
const { data, inputs } = await defaultInputs(CHARTS);
const inputFor = (id: string, rows: RowsByDataset = data): ChartInput => ({ ...rows, indicators: inputs.get(id)?.indicators });

describe('chart registry', () => {
  it('holds the charts by unique id, each loaded under its own id', async () => {
    expect(CHART_IDS).toEqual(['deal-breakdown', 'bootcamps-progress', 'careers-hub-reach', 'sector-priorities', 'indicator-ranking', 'indicator-trend']);
    expect(CHARTS.map((c) => c.id)).toEqual(CHART_IDS);
    for (const chart of CHARTS) expect(await loadChart(chart.id)).toBe(chart);
  });

  it.each(['no-such-chart', '', 'constructor', '__proto__', 'toString'])('loads nothing for the id %j', async (id) => {
    expect(await loadChart(id)).toBeUndefined();
  });

  it.each(CHARTS.map((c) => [c.id, c] as const))('%s renders a table, a summary and sources from the published data', (_id, chart) => {
    const rendered = chart.render(inputFor(chart.id), {});
    if (rendered.status !== 'ok') throw new Error(rendered.reason);
    expect(rendered.table.rows.length).toBeGreaterThan(0);
    expect(rendered.table.columns.length).toBe(rendered.table.rows[0]?.cells.length);
    expect(rendered.summary.length).toBeGreaterThan(40);
    expect(rendered.sources.length).toBeGreaterThan(0);
    expect(rendered.sources.every((s) => s.source !== null)).toBe(true);
    expect(rendered.plotOptions(320).width).toBe(320);
  });

  it.each(CHARTS.flatMap((chart) => DATASET_NAMES.map((name) => [chart.id, name, chart] as const)))('%s without %s neither crashes nor pretends', (_id, name, chart) => {
    const rendered = chart.render(inputFor(chart.id, without(data, name)), {});
    if (chart.requires.includes(name)) {
      expect(rendered.status).toBe('unavailable');
    } else {
      expect(rendered.status).toBe('ok');
      if (rendered.status === 'ok') expect(() => rendered.plotOptions(320)).not.toThrow();
    }
  });

  it('gives no two charts conflicting URL parameter names', () => {
    expect(paramNameConflicts(CHARTS)).toEqual([]);
  });

  it.each(CHARTS.map((c) => [c.id, c] as const))('%s is unavailable with no data at all', (_id, chart) => {
    expect(chart.render({}, {}).status).toBe('unavailable');
  });
});

describe('resolveControls', () => {
  const controls = { measure: choice('Measure', [{ value: 'a', label: 'A' }, { value: 'b', label: 'B' }], 'a') };
  it.each([
    [{}, 'a'],
    [{ measure: 'b' }, 'b'],
    [{ measure: 'B' }, 'a'],
    [{ measure: '' }, 'a'],
    [{ measure: 'constructor' }, 'a'],
    [{ other: 'b' }, 'a'],
  ])('%o → %s', (params, expected) => {
    expect(resolveControls(controls, {}, params).values).toEqual({ measure: expected });
  });
});
