import { isolate } from '../../../src/lib/data/bidi.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { bootcampsProgress, bootcampsProgressViewModel, pointLabel, progressSummary, progressTable } from '../../../src/lib/charts/bootcamps-progress.ts';
import { formatCount } from '../../../src/lib/data/format.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import { fixtureData, PAIR, THIRD_AUTHORITY, without } from './fixtures.ts';

let data: RowsByDataset;
beforeAll(async () => {
  data = await fixtureData();
});

const completionRows = () => data.completions?.filter((row) => row.measure === 'completed' || row.measure === 'expected_completed') ?? [];

describe('bootcampsProgressViewModel', () => {
  it('takes every completed and expected_completed row, and nothing else', () => {
    const vm = bootcampsProgressViewModel(data, PAIR);
    const ids = vm.series.flatMap((s) => s.points.map((p) => p.id)).sort();
    expect(ids).toEqual(completionRows().map((r) => r.id).sort());
    expect(ids).not.toContain('lcr-bootcamps-places-2024');
  });

  it('classifies points by qualifier and measure, in date order', () => {
    const vm = bootcampsProgressViewModel(data, PAIR);
    const points = vm.series[0]?.points ?? [];
    expect(points.map((p) => p.asOf)).toEqual([...points.map((p) => p.asOf)].sort());
    for (const point of points) {
      const row = completionRows().find((r) => r.id === point.id);
      const expected = row?.value === null ? 'event' : row?.measure === 'expected_completed' ? 'expected' : row?.qualifier === 'more_than' ? 'floor' : 'reported';
      expect(point.kind).toBe(expected);
    }
  });

  it.each([
    ['completed', null, 'unquantified', 'event', /no count published/],
    ['completed', 4000, 'more_than', 'floor', new RegExp(`^${formatCount(4000)}\\+ by`)],
    ['expected_completed', 6500, 'exact', 'expected', /expected by/],
    ['completed', 120, 'about', 'reported', /^about 120 by/],
  ] as const)('a %s row of %s (%s) is a %s point', (measure, value, qualifier, kind, label) => {
    const row = `x-${kind},E47000004,lcr-skills-bootcamps,${measure},${value ?? ''},${qualifier},,2023-06,,pse-2024-lcr-bootcamps,,`;
    return fixtureData({ 'completions.csv': [row] }).then((extended) => {
      const point = bootcampsProgressViewModel(extended, PAIR).series[0]?.points.find((p) => p.id === `x-${kind}`);
      expect(point?.kind).toBe(kind);
      expect(pointLabel(point ?? ({} as never))).toMatch(label);
    });
  });

  it('marks the programme start, from programmes.csv, on an uncounted point', () => {
    const vm = bootcampsProgressViewModel(data, PAIR);
    const event = vm.series[0]?.points.find((p) => p.kind === 'event');
    expect(event?.atStart).toBe(true);
    expect(pointLabel(event ?? ({} as never))).toBe(`${event?.dateText}: started, no count published`);
  });

  it('adds a series for a third combined authority with no code change', async () => {
    const vm = bootcampsProgressViewModel(await fixtureData(THIRD_AUTHORITY), { a: 'E47000099', b: PAIR.b });
    expect(vm.series.map((s) => s.regionName)).toContain('Testshire');
    expect(progressSummary(vm)).toContain('about 150');
  });

  it('summarises from the data, calling expectations targets', () => {
    const summary = progressSummary(bootcampsProgressViewModel(data, PAIR));
    expect(summary).toContain(`more than ${formatCount(4000)}`);
    expect(summary).toContain('expected, not yet achieved');
    expect(summary).toContain('no count published');
  });

  it('has a table row per point', () => {
    const table = progressTable(bootcampsProgressViewModel(data, PAIR));
    expect(table.rows).toHaveLength(completionRows().length);
    expect(table.rows.find((r) => r.id === 'lcr-bootcamps-expected-2025')?.cells).toContain('Expected: a target, not an outcome');
  });

  it('is unavailable without completions.csv, and works without programmes.csv', () => {
    expect(bootcampsProgress.render(without(data, 'completions'), {}).status).toBe('unavailable');
    const rendered = bootcampsProgress.render(without(data, 'programmes', 'areas'), {});
    expect(rendered.status).toBe('ok');
  });

  it('says there is nothing to chart when no completion rows exist', () => {
    const vm = bootcampsProgressViewModel({ ...data, completions: [] }, PAIR);
    expect(vm.series).toEqual([]);
    expect(progressSummary(vm)).toContain(`No course completion figures for ${isolate('Liverpool City Region')} are in the data yet`);
    expect(bootcampsProgress.render({ ...data, completions: [] }, {})).toMatchObject({ status: 'ok', empty: expect.stringContaining(`No course completion figures for ${isolate('West Midlands')}`) });
  });
});
