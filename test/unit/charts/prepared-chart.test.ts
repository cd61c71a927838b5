/**
 * A chart's rendered state for the figure (prepared-chart.svelte.ts): what it shows before,
 * after and instead of its official statistics. (Node resolves Svelte's server build, where
 * effects do not run, so the class is tested for its first state; the loading is prepareFor.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dealBreakdown } from '../../../src/lib/charts/deal-breakdown/index.ts';
import { indicatorRanking } from '../../../src/lib/charts/official/ranking.ts';
import { paramsKey } from '../../../src/lib/charts/params.ts';
import { ownControlsOf, prepareFor, PreparedChart, renderPrepared, type PreparedChartSource } from '../../../src/lib/charts/prepared-chart.svelte.ts';
import type { ChartInput } from '../../../src/lib/charts/types.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import { chartInput, fixtureData, fixtureIndicatorLoader } from './fixtures.ts';

let data: RowsByDataset;
let input: ChartInput;
const key = paramsKey({ indicator: 'starts' });
beforeAll(async () => {
  data = await fixtureData();
  input = await chartInput(indicatorRanking, { indicator: 'starts' }, data);
});
const official = (): PreparedChartSource => ({ chart: indicatorRanking, data, key, indicators: fixtureIndicatorLoader() });

describe('prepareFor', () => {
  it('loads the input for the key', async () => {
    const prepared = await prepareFor(official());
    expect(prepared).toMatchObject({ key });
    expect('input' in prepared && [...(prepared.input.indicators?.store.keys() ?? [])]).toEqual(['starts']);
  });

  it.each([
    ['an Error', new Error('no network'), 'no network'],
    ['anything else', 'offline', 'offline'],
  ])('turns a failed load (%s) into its message', async (_, thrown, message) => {
    const failing = () => Promise.reject(thrown as Error);
    expect(await prepareFor({ ...official(), indicators: failing })).toEqual({ key, error: message });
  });
});

describe('renderPrepared', () => {
  it('renders a chart without official statistics at once', () => {
    expect(renderPrepared({ chart: dealBreakdown, data, key: '' }, null)).toMatchObject({ status: 'ok', id: dealBreakdown.id });
  });

  it('shows nothing for a chart on official statistics until its input is in', () => {
    expect(renderPrepared(official(), null)).toBeNull();
  });

  it('renders the prepared input for the key it was prepared for', () => {
    // The source's key has moved on: what was last prepared stays on screen.
    const rendered = renderPrepared({ ...official(), key: paramsKey({ indicator: 'qualified' }) }, { key, input });
    expect(rendered).toMatchObject({ status: 'ok', controls: expect.arrayContaining([expect.objectContaining({ param: 'indicator', value: 'starts' })]) });
  });

  it('says why the chart is unavailable when the statistics could not be loaded', () => {
    expect(renderPrepared(official(), { key, error: 'no network' })).toEqual({
      status: 'unavailable',
      id: indicatorRanking.id,
      title: indicatorRanking.title,
      subtitle: indicatorRanking.subtitle,
      missing: [],
      reason: 'The official statistics could not be loaded: no network',
    });
  });
});

describe('ownControlsOf', () => {
  it('leaves out the page-wide controls, and has none while nothing is rendered', () => {
    const controls = ownControlsOf(renderPrepared(official(), { key, input }));
    expect(controls.length).toBeGreaterThan(0);
    expect(controls.every((control) => !control.shared)).toBe(true);
    expect(ownControlsOf(null)).toEqual([]);
  });
});

describe('PreparedChart', () => {
  it.each([
    ['with input prepared by the build: shown at once, not busy', true, 'ok', false],
    ['without: loading, busy', false, null, true],
  ])('starts %s', (_, given, status, busy) => {
    const view = new PreparedChart(official, () => (given ? input : undefined));
    expect(view.rendered?.status ?? null).toBe(status);
    expect(view.busy).toBe(busy);
  });

  it('renders a chart without official statistics at once, never busy', () => {
    const view = new PreparedChart(() => ({ chart: dealBreakdown, data, key: '' }));
    expect(view.rendered?.status).toBe('ok');
    expect(view.busy).toBe(false);
  });
});
