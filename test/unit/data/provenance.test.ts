/** provenanceProblems on a small inline dataset: valid as given, and each mistake caught. */
import { describe, expect, it } from 'vitest';
import { provenanceProblems } from '../../../src/lib/data/provenance.ts';
import { DATASET_NAMES, SCHEMA, type DatasetName, type RowsByDataset } from '../../../src/lib/data/schema.ts';
import { assembleDatasets } from '../../../src/lib/data/validate.ts';

const header = (name: DatasetName) => Object.keys(SCHEMA[name].columns).join(',');

type Rows = Partial<Record<DatasetName, Record<string, string>[]>>;

const BASE: Rows = {
  sources: [
    { source_id: 'a', title: 'Article', publisher: 'Paper A', published: '2018-07', note: 'Gives the deal as £69m.' },
    { source_id: 'b', title: 'Report', publisher: 'Paper B', published: '2018-07-19', note: '' },
  ],
  areas: [{ area_code: 'E47000007', area_name: 'West Midlands', short_name: 'WM', area_type: 'combined_authority', population: '100', population_year: '2021', population_source_id: 'a' }],
  programmes: [{ programme_id: 'deal', area_code: 'E47000007', programme_name: 'Skills Deal', kind: 'deal', started: '2018-07-18', source_id: 'a', summary: 'A deal.' }],
  funding: [
    { id: 'total', area_code: 'E47000007', programme_id: 'deal', component: 'Whole deal', funder: 'Both', funder_type: 'mixed', category: 'skills', amount_gbp: '69000000', qualifier: 'up_to', announced: '2018-07-18', source_id: 'b', new_money: 'partly' },
    { id: 'part', area_code: 'E47000007', programme_id: 'deal', component: 'Pilot', funder: 'Not stated', funder_type: 'not_stated', category: 'skills', amount_gbp: '5000000', qualifier: 'up_to', part_of: 'total', period_years: '', announced: '2018-07-18', source_id: 'a', new_money: 'not_stated' },
  ],
  completions: [{ id: 'jobs', area_code: 'E47000007', programme_id: 'deal', measure: 'jobs_expected', value: '800', qualifier: 'exact', as_of: '2018-07', period_years: '10', source_id: 'a' }],
  stated_in: [
    { id: 'deal.a', dataset: 'programmes', row_id: 'deal', source_id: 'a', date: '2018-07', date_from: 'published' },
    { id: 'deal.b', dataset: 'programmes', row_id: 'deal', source_id: 'b', date: '2018-07-18', date_from: 'text' },
    { id: 'total.a', dataset: 'funding', row_id: 'total', source_id: 'a', value: '69000000', qualifier: 'exact', date: '2018-07', date_from: 'published', funder_type: 'mixed' },
    { id: 'total.b', dataset: 'funding', row_id: 'total', source_id: 'b', value: '69000000', qualifier: 'up_to', date: '2018-07-18', date_from: 'text', funder_type: 'mixed', new_money: 'partly' },
    { id: 'part.a', dataset: 'funding', row_id: 'part', source_id: 'a', value: '5000000', qualifier: 'up_to', date: '2018-07', date_from: 'published' },
    { id: 'jobs.a', dataset: 'completions', row_id: 'jobs', source_id: 'a', value: '800', qualifier: 'exact', date: '2018-07', date_from: 'published', period_years: '10', measure: 'jobs_expected' },
  ],
};

function load(rows: Rows): RowsByDataset {
  const texts = Object.fromEntries(
    DATASET_NAMES.filter((name) => rows[name]).map((name) => {
      const columns = Object.keys(SCHEMA[name].columns);
      const lines = (rows[name] ?? []).map((row) => columns.map((c) => JSON.stringify(row[c] ?? '')).join(','));
      return [name, { text: [header(name), ...lines].join('\n') + '\n' }];
    }),
  );
  const { data, reports } = assembleDatasets(texts);
  expect(reports.flatMap((r) => r.errors)).toEqual([]);
  return data;
}

/** BASE with one row of one dataset changed (or removed, with `null`). */
function change(name: DatasetName, id: string, patch: Record<string, string> | null): Rows {
  const key = SCHEMA[name].key;
  const rows = (BASE[name] ?? []).flatMap((row) => (row[key] === id ? (patch ? [{ ...row, ...patch }] : []) : [row]));
  return { ...BASE, [name]: rows };
}

describe('provenanceProblems', () => {
  it('finds nothing wrong when every figure says what its sources say', () => {
    expect(provenanceProblems(load(BASE))).toEqual([]);
  });

  it.each([
    ['a figure cited to a source that does not state it', change('funding', 'total', { source_id: 'a', qualifier: 'up_to' }), /qualifier|differs from what a states/],
    ['a qualifier the cited source does not use', change('funding', 'part', { qualifier: 'exact' }), /exact 5000000 differs from what a states \(up_to 5000000\)/],
    ['a figure with no record at all', change('stated_in', 'part.a', null), /part: stated_in.csv does not record that its source a states it/],
    ['a date no source gives', change('funding', 'total', { announced: '2018-07-19' }), /no source in stated_in.csv gives the date 2018-07-19/],
    ['a part dated with no date for it or its whole', change('funding', 'part', { announced: '2018-08' }), /part: no source in stated_in.csv gives the date 2018-08/],
    ['a publication date that is not the source’s', change('sources', 'a', { published: '2018-07-02' }), /said to be the publication date, but a is dated 2018-07-02/],
    ['a date without date_from', change('stated_in', 'part.a', { date_from: '' }), /a date needs date_from/],
    ['a record for a row that does not exist', change('stated_in', 'part.a', { row_id: 'nope' }), /funding.csv has no row nope/],
    ['a note that relies on a report not held', change('sources', 'a', { note: 'The split is from a report this project does not hold.' }), /note says a report is not held/],
    ['a funder type no source names', change('funding', 'part', { funder_type: 'government' }), /gives funder_type government/],
    ['new money no source claims', change('funding', 'part', { new_money: 'yes' }), /gives new_money yes/],
    ['a period left out', change('completions', 'jobs', { period_years: '' }), /a period of 10 years; record it in period_years/],
    ['a measure no source gives', change('completions', 'jobs', { measure: 'completed' }), /gives measure completed/],
    ['a year in a name no source gives', change('programmes', 'deal', { programme_name: 'Skills Deal 2018–2023' }), /the year 2023/],
    ['a programme start no source gives', change('programmes', 'deal', { started: '2017' }), /deal: no source in stated_in.csv gives the date 2017/],
  ])('catches %s', (_name, rows, problem) => {
    const problems = provenanceProblems(load(rows));
    expect(problems.some((p) => problem.test(p)), problems.join('\n')).toBe(true);
  });
});
