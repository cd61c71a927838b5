/** Test helpers: the frozen fixture CSVs (test/fixtures/dashboard), optionally with rows appended, read through the app's loader. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { indicatorLoader, prepareChartInput, type IndicatorLoader } from '../../../src/lib/charts/prepare.ts';
import type { ChartInput, ChartParams, RegisteredChart } from '../../../src/lib/charts/types.ts';
import type { DatasetName } from '../../../src/lib/data/schema.ts';
import type { RowsByDataset } from '../../../src/lib/data/schema.ts';
import { loadFolder, FIXTURE_DATA } from '../data/load-files.ts';

/** The fixture data, with extra CSV lines appended to the named files. */
export async function fixtureData(extraLines: Record<string, string[]> = {}): Promise<RowsByDataset> {
  const overrides: Record<string, string> = {};
  for (const [file, lines] of Object.entries(extraLines)) {
    const text = await readFile(join(FIXTURE_DATA, file), 'utf8');
    overrides[file] = `${text.replace(/\n*$/, '\n')}${lines.join('\n')}\n`;
  }
  const { data, reports } = await loadFolder(FIXTURE_DATA, overrides);
  const broken = reports.filter((report) => report.status !== 'ok');
  if (broken.length > 0) throw new Error(`Fixture data has errors: ${JSON.stringify(broken.map((r) => r.errors))}`);
  return data;
}

/** A copy of `data` without the named datasets, as when their files are broken. */
export function without(data: RowsByDataset, ...names: DatasetName[]): RowsByDataset {
  return Object.fromEntries(Object.entries(data).filter(([name]) => !names.includes(name as DatasetName))) as RowsByDataset;
}

/** A third combined authority, as an officer would add it: CSV rows only. */
export const THIRD_AUTHORITY = {
  'areas.csv': ['E47000099,Testshire Combined Authority,Testshire,combined_authority,,1000000,2021,ons-census-2021,Fixture area.'],
  'programmes.csv': ['ts-skills-fund,E47000099,Testshire Skills Fund,training,2023,ons-census-2021,A fixture programme.'],
  'funding.csv': [
    'ts-fund-total,E47000099,ts-skills-fund,Skills fund,Testshire Combined Authority,combined_authority,skills,3000000,exact,,,3,2023-05,ons-census-2021,not_stated,',
    'ts-fund-unquantified,E47000099,ts-skills-fund,Employer pledges,Not stated,not_stated,skills,,unquantified,several million,,,2023-05,ons-census-2021,not_stated,',
  ],
  'completions.csv': ['ts-completed-2024,E47000099,ts-skills-fund,completed,150,about,,2024-06,,ons-census-2021,,'],
  'schools_reached.csv': ['ts-schools,E47000099,ts-skills-fund,12,exact,,actual,2024-01,ons-census-2021,'],
  'sector_shortages.csv': ['ts-green,E47000099,construction,shortage,ts-skills-fund,green construction,ons-census-2021,'],
};

/** The default region pair, as the fixture data names it (charts/regions.ts). */
export const PAIR = { a: 'E47000004', b: 'E47000007' } as const;

/** Official statistics fixtures for the charts (test/fixtures/indicators/charts), read as the app reads public/data/indicators. */
export const INDICATOR_FIXTURES = join(FIXTURE_DATA, '..', 'indicators', 'charts');

export function fixtureIndicatorLoader(): IndicatorLoader {
  return indicatorLoader((file) => readFile(join(INDICATOR_FIXTURES, file.replace(/^indicators\//, '')), 'utf8'));
}

/** The fixture data plus the official statistics `chart` needs for `params`, through the app's one path (prepare.ts). */
export async function chartInput(chart: RegisteredChart, params: ChartParams = {}, data?: RowsByDataset): Promise<ChartInput> {
  return prepareChartInput(chart, data ?? (await fixtureData()), params, fixtureIndicatorLoader());
}

/** The fixture data and, by chart id, each chart's input with its default parameters (official statistics from the fixtures for charts that use them). */
export async function defaultInputs(charts: readonly RegisteredChart[]): Promise<{ data: RowsByDataset; inputs: Map<string, ChartInput> }> {
  const data = await fixtureData();
  const inputs = new Map<string, ChartInput>();
  for (const chart of charts) inputs.set(chart.id, await chartInput(chart, {}, data));
  return { data, inputs };
}
