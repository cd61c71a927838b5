import { isolate } from '../../../src/lib/data/bidi.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { indicatorRanking, indicatorRankingViewModel, rankingSummary, rankingTable, type IndicatorRankingVM } from '../../../src/lib/charts/official/ranking.ts';
import { indicatorTrend, indicatorTrendViewModel, trendSummary, trendTable, type IndicatorTrendVM } from '../../../src/lib/charts/official/trend.ts';
import { prepareChartInput } from '../../../src/lib/charts/prepare.ts';
import type { ChartInput, ReadyChart, RenderedChart } from '../../../src/lib/charts/types.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import { chartInput, fixtureData, fixtureIndicatorLoader, PAIR, THIRD_AUTHORITY } from './fixtures.ts';

let data: RowsByDataset;
let all: ChartInput;
beforeAll(async () => {
  data = await fixtureData();
  // Every fixture indicator loaded, for calling the view-models directly.
  all = { ...data, indicators: await fixtureIndicatorLoader()(['qualified', 'starts', 'blank', 'absent']) };
});

/** A sentence with its Unicode isolates (around data text) taken out, to read its words. */
const plain = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

function ok<T extends { status: string }>(vm: T | { status: 'unavailable'; reason: string }): T {
  if (vm.status === 'unavailable') throw new Error(`unavailable: ${'reason' in vm ? vm.reason : ''}`);
  return vm as T;
}

function ready(chart: RenderedChart): ReadyChart {
  if (chart.status !== 'ok') throw new Error(`${chart.id} is unavailable: ${chart.reason}`);
  return chart;
}

const ranking = (options: Partial<{ indicator: string; period: string; a: string; b: string }> = {}) =>
  indicatorRankingViewModel(all, { indicator: 'qualified', period: '2023-01-01/P1Y', ...PAIR, ...options });
const trend = (options: Partial<{ indicator: string; a: string; b: string }> = {}) => indicatorTrendViewModel(all, { indicator: 'qualified', ...PAIR, ...options });

describe('loading official statistics for a chart (prepare.ts)', () => {
  it('loads only the dataset file of the chosen indicator', async () => {
    const read: string[] = [];
    const load = fixtureIndicatorLoader();
    const counting = async (ids: readonly string[]) => {
      const result = await load(ids);
      read.push(...result.reports.map((r) => r.file));
      return result;
    };
    const input = await prepareChartInput(indicatorRanking, data, { indicator: 'starts' }, counting);
    expect([...(input.indicators?.store.keys() ?? [])]).toEqual(['starts']);
    expect(read).not.toContain('indicators/intervals.csv');
  });

  it('leaves charts without official statistics as they are', async () => {
    const { dealBreakdown } = await import('../../../src/lib/charts/deal-breakdown/index.ts');
    expect(await prepareChartInput(dealBreakdown, data, {}, fixtureIndicatorLoader())).toBe(data);
  });

  it('says the chart is unavailable when no official statistics were loaded', () => {
    expect(indicatorRanking.render(data, {})).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('indicators.csv') });
  });
});

describe('indicator-ranking view-model', () => {
  it.each([
    ['intervals', 'qualified', '2023-01-01/P1Y', ['Greater Manchester', 'England', 'West Midlands', 'Liverpool City Region', 'West Yorkshire']],
    ['no intervals, ties as shown (by name)', 'starts', '2024-08-01/P1Y', ['Greater Manchester', 'Liverpool City Region', 'England', 'West Midlands']],
  ])('%s: draws every combined authority with a value and England, highest first', (_case, indicator, period, order) => {
    const vm = ok<IndicatorRankingVM>(ranking({ indicator, period }));
    expect(vm.dots.map((dot) => dot.name)).toEqual(order);
  });

  it.each([
    ['ties share a rank, as shown to the decimal places', 'qualified', '2023-01-01/P1Y', 'E47000004', 'joint lowest of 4 combined authorities'],
    ['separate intervals', 'qualified', '2023-01-01/P1Y', 'E47000001', 'the highest of 4 combined authorities'],
    ['no intervals, a tie at the top', 'starts', '2024-08-01/P1Y', 'E47000004', 'joint highest of 3 combined authorities'],
  ])('%s', (_case, indicator, period, code, rankText) => {
    const vm = ok<IndicatorRankingVM>(ranking({ indicator, period, a: code }));
    expect(vm.dots.find((dot) => dot.areaCode === code)?.rank?.text).toBe(rankText);
  });

  it.each([
    // Named so each row reads as its case.
    ['overlapping intervals', 'qualified', '2023-01-01/P1Y', 'E47000007', 'similar'],
    ['separate intervals', 'qualified', '2023-01-01/P1Y', 'E47000001', 'higher'],
    ['separate intervals, lower', 'qualified', '2023-01-01/P1Y', 'E47000004', 'lower'],
    ['no interval', 'starts', '2024-08-01/P1Y', 'E47000004', 'higher_no_interval'],
    ['no interval, equal as shown', 'starts', '2024-08-01/P1Y', 'E47000007', 'same'],
  ])('compares with England by the interval rule: %s', (_case, indicator, period, code, kind) => {
    const vm = ok<IndicatorRankingVM>(ranking({ indicator, period, a: code, b: PAIR.a }));
    expect(vm.pair[0]?.comparison?.kind).toBe(kind);
  });

  it('names the rank and the comparison in the summary', () => {
    const summary = plain(rankingSummary(ok<IndicatorRankingVM>(ranking())));
    expect(summary).toContain('Liverpool City Region is joint lowest of 4 combined authorities.');
    expect(summary).toContain('Lower than England');
    expect(summary).toContain('West Midlands is 2nd highest of 4 combined authorities.');
    expect(summary).toContain('No value is published for South Yorkshire.');
  });

  it('lists a combined authority with no value, and a chosen region absent from the data, without drawing them', () => {
    const vm = ok<IndicatorRankingVM>(ranking({ b: 'E47000099' }));
    expect(vm.dots.map((dot) => dot.areaCode)).not.toContain('E47000002');
    expect(vm.missing.map((dot) => dot.areaCode)).toEqual(['E47000002', 'E47000099']);
    expect(plain(rankingSummary(vm))).toContain('E47000099: no figure is published, so it is not ranked.');
  });

  it('tabulates every value with its interval and the publisher’s flags', () => {
    const table = rankingTable(ok<IndicatorRankingVM>(ranking()));
    expect(table.rows).toHaveLength(6);
    const cells = (code: string) => table.rows.find((row) => row.id.startsWith(code))?.cells;
    expect(cells('E47000004')).toEqual(['Liverpool City Region', '58.9%', '56.1% to 61.7%', '', 'joint lowest of 4 combined authorities', 'Lower than England (worse)']);
    expect(cells('E47000007')?.[3]).toBe('Low reliability. Fixture note: small sample');
    expect(cells('E47000002')?.slice(1, 4)).toEqual(['Not available', 'Not published', 'Not available']);
  });

  it('says so in words when every value is missing', async () => {
    const chart = indicatorRanking.render(await chartInput(indicatorRanking, { indicator: 'blank' }), { indicator: 'blank' });
    expect(chart).toMatchObject({ status: 'unavailable', reason: 'No values of All blank are published in the data yet.' });
  });

  it('says which file is missing for an indicator whose file could not be read', async () => {
    const chart = indicatorRanking.render(await chartInput(indicatorRanking, { indicator: 'absent' }), { indicator: 'absent' });
    expect(chart).toMatchObject({ status: 'unavailable', reason: expect.stringContaining('indicators/absent.csv could not be used') });
  });

  it.each([
    ['an unknown indicator', { indicator: 'nope' }, { indicator: 'qualified', period: '2023-01-01/P1Y' }],
    ['an unknown period', { indicator: 'starts', period: '1999-01-01/P1Y' }, { indicator: 'starts', period: '2024-08-01/P1Y' }],
    ['unknown regions', { a: 'E47000099', b: 'x' }, { a: 'E47000004', b: 'E47000007' }],
  ])('falls back to the defaults for %s', async (_case, params, expected) => {
    const chart = ready(indicatorRanking.render(await chartInput(indicatorRanking, params), params));
    for (const [param, value] of Object.entries(expected)) expect(chart.controls.find((c) => c.param === param)?.value).toBe(value);
  });

  it('offers the indicators grouped by publication, and the periods of the chosen indicator, newest first', async () => {
    const chart = ready(indicatorRanking.render(await chartInput(indicatorRanking), {}));
    const indicator = chart.controls.find((c) => c.param === 'indicator');
    expect(indicator?.choices.map((c) => c.group)).toEqual(['Fixture survey (Office for National Statistics)', 'Fixture further education (Department for Education)', 'Fixture further education (Department for Education)', 'Fixture missing (Department for Education)']);
    expect(chart.controls.find((c) => c.param === 'period')?.choices.map((c) => c.label)).toEqual(['2023', '2022', '2021']);
  });

  it('cites the dataset and carries the Open Government Licence attribution', async () => {
    const chart = ready(indicatorRanking.render(await chartInput(indicatorRanking), {}));
    expect(chart.sources).toEqual([{ id: 'ons-els-intervals', source: expect.objectContaining({ title: 'Fixture survey', publisher: 'Office for National Statistics', url: 'https://example.org/survey' }) }]);
    expect(chart.attribution.join(' ')).toContain('Open Government Licence v3.0');
  });
});

describe('indicator-trend view-model', () => {
  it('has one line per chosen region with figures, plus England', () => {
    const vm = ok<IndicatorTrendVM>(trend());
    expect(vm.lines.map((line) => [line.name, line.role])).toEqual([
      ['Liverpool City Region', 'a'],
      ['West Midlands', 'b'],
      ['England', 'england'],
    ]);
  });

  it('leaves a missing period as a gap, never zero', () => {
    const lcr = ok<IndicatorTrendVM>(trend()).lines[0];
    expect(lcr?.points.map((p) => p.value)).toEqual([55, null, 58.900000000000006]);
    expect(trendSummary(ok<IndicatorTrendVM>(trend()))).toContain('no value for 2022');
  });

  it.each([
    ['with intervals', 'qualified', true],
    ['without intervals', 'starts', false],
  ])('%s', (_case, indicator, anyInterval) => {
    expect(ok<IndicatorTrendVM>(trend({ indicator })).anyInterval).toBe(anyInterval);
  });

  it('says in words that a chosen region has no figures', async () => {
    const extended = { ...(await fixtureData(THIRD_AUTHORITY)), indicators: all.indicators };
    const vm = ok<IndicatorTrendVM>(indicatorTrendViewModel(extended, { indicator: 'starts', a: PAIR.a, b: 'E47000099' }));
    expect(vm.lines.map((line) => line.areaCode)).toEqual(['E47000004', 'E92000001']);
    expect(trendSummary(vm)).toContain(`No figures of starts for ${isolate('Testshire')} are in the data yet.`);
  });

  it('summarises every line as missing when all values are', () => {
    const summary = plain(trendSummary(ok<IndicatorTrendVM>(trend({ indicator: 'blank' }))));
    expect(summary).toContain('Liverpool City Region: no value of all blank is published in any period.');
  });

  it('tabulates every period of every line, flags included', () => {
    const table = trendTable(ok<IndicatorTrendVM>(trend()));
    expect(table.rows).toHaveLength(9);
    expect(table.rows.find((row) => row.id === 'E47000004-2022-01-01/P1Y')?.cells).toEqual(['2022', 'Liverpool City Region', 'Not available', 'Not published', 'Not available']);
  });

  it('compares the latest value with England by the rule', () => {
    const summary = trendSummary(ok<IndicatorTrendVM>(trend()));
    expect(summary).toContain('Similar to England');
    expect(summary).toContain('up 3.9 percentage points since 2021');
  });

  it('renders through the registry with its source and licence', async () => {
    const chart = ready(indicatorTrend.render(await chartInput(indicatorTrend), {}));
    expect(chart.legend.map((entry) => entry.label)).toEqual(['Liverpool City Region', 'West Midlands', 'England', '95% confidence interval (shaded)']);
    expect(chart.attribution).toHaveLength(1);
  });
});
