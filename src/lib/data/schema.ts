/**
 * The data contract: every dataset, its file, key, columns and (for figure datasets) the
 * column that holds its figure and its unit. Row types are derived from these specs so
 * the validator, the docs and the TypeScript types cannot drift. Each dataset's file is
 * named after it (funding → funding.csv) and its key is its first column.
 */
import { col, fileSpec, opt, type Columns, type RowValues } from './columns.ts';

export const QUALIFIERS = ['exact', 'about', 'up_to', 'more_than', 'unquantified'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** Largest money amount accepted: anything above £100bn in a city-region dataset is a typo. */
const MAX_GBP = 100_000_000_000;
const MAX_COUNT = 100_000_000;

const FUNDER_TYPES = ['government', 'combined_authority', 'mixed', 'other', 'not_stated'] as const;
const MEASURES = ['completed', 'expected_completed', 'places_funded', 'businesses_consulted', 'jobs_expected', 'projects'] as const;
export const NEW_MONEY = ['yes', 'partly', 'not_stated'] as const;
/** Datasets whose rows stated_in.csv records sources for. */
export const STATED_DATASETS = ['funding', 'completions', 'schools_reached', 'programmes'] as const;

const qualifier = col.enumOf(QUALIFIERS, {
  description: 'How the source states the figure: exact, about, up_to (a ceiling), more_than (a floor) or unquantified (no number published).',
  example: 'up_to',
});
const statedAs = opt(col.text({ description: 'For unquantified figures, the words the source uses instead of a number, such as "hundreds".', example: 'hundreds' }));
const sourceId = col.ref('sources', { description: 'The source_id in sources.csv that publishes this figure.', example: 'mitm-2018-wm-skills-deal' });
const areaCode = col.ref('areas', { description: 'GSS code of the area the figure is for, listed in areas.csv.', example: 'E47000007' });
const programmeId = col.ref('programmes', { description: 'The programme_id in programmes.csv.', example: 'wm-skills-deal' });
/** The id column of a dataset whose rows need no more said about their ids. */
const rowId = (example: string) => col.id({ description: 'A short, stable id.', example });
const note = opt(col.text({ description: 'Anything a reader needs to interpret the figure, in your own words.', example: 'Includes a new careers hub.' }));

/** How a dataset's figure is written: whole pounds or a count. */
export type FigureUnit = 'gbp' | 'count';

/** Where a dataset keeps its figure: the column checked against the qualifier, and its unit. */
export interface FigureSpec<Column extends string = string> {
  column: Column;
  unit: FigureUnit;
}

type DatasetSpec = {
  file: string;
  key: string;
  description: string;
  columns: Columns;
  figure?: FigureSpec;
};

/** A dataset's description, its columns (the first is its key: fileSpec) and, for a figure dataset, where its figure is. */
function dataset<const C extends Columns, const F extends FigureSpec<keyof C & string> | undefined = undefined>(description: string, columns: C, figure?: F) {
  return { description, columns, figure: figure as F };
}

/** Each dataset's file is named after it: the funding dataset is funding.csv. */
function named<const S extends Record<string, { description: string; columns: Columns; figure: FigureSpec | undefined }>>(specs: S) {
  const entries = Object.entries(specs).map(([name, { description, columns, figure }]) => [name, { ...fileSpec(`${name}.csv`, description, columns), ...(figure ? { figure } : {}) }]);
  return Object.fromEntries(entries) as { [N in keyof S & string]: { file: string; key: keyof S[N]['columns'] & string; description: string; columns: S[N]['columns']; figure: S[N]['figure'] } };
}

export const SCHEMA = named({
  sources: dataset('Every publication a figure comes from.', {
    source_id: col.id({ description: 'A short, stable id for the source.', example: 'mitm-2018-wm-skills-deal' }),
    title: col.text({ description: 'The headline of the article or document.', example: 'Government reveals £69m funding deal…' }),
    publisher: col.text({ description: 'Who published it, or "Not stated in the copy held".', example: 'Made in the Midlands' }),
    published: col.date({ description: 'Publication date: YYYY, YYYY-MM or YYYY-MM-DD, as precise as known.', example: '2018-07' }),
    url: opt(col.url({ description: 'Web address of the source, blank if not known.', example: 'https://example.org/article' })),
    note,
  }),
  areas: dataset('Combined authorities and their districts, with Census populations.', {
    area_code: col.gss({ description: 'ONS GSS code.', example: 'E08000012' }),
    area_name: col.text({ description: 'Official name.', example: 'Liverpool' }),
    short_name: col.text({ description: 'Name for charts and headings.', example: 'Liverpool' }),
    area_type: col.enumOf(['combined_authority', 'local_authority'] as const, { description: 'combined_authority or local_authority.', example: 'local_authority' }),
    parent_code: opt(col.ref('areas', { description: 'For a district, the GSS code of its combined authority.', example: 'E47000004' })),
    population: col.integer({ max: 100_000_000, description: 'Usual resident population.', example: '486100' }),
    // 1801 is the first census of England and Wales: an earlier year is a typo (0, 21).
    population_year: col.integer({ min: 1801, max: 2100, description: 'Year the population refers to.', example: '2021' }),
    population_source_id: col.ref('sources', { description: 'The source_id of the population figure.', example: 'ons-census-2021' }),
    note,
  }),
  programmes: dataset('Programmes, deals and strategies the figures belong to.', {
    programme_id: rowId('wm-skills-deal'),
    area_code: areaCode,
    programme_name: col.text({ description: 'Name shown on the dashboard.', example: 'West Midlands Skills Deal' }),
    kind: col.enumOf(['training', 'strategy', 'careers', 'outreach', 'deal', 'wider_investment'] as const, {
      description: 'What sort of programme it is; wider_investment marks programmes that are not skills spending.',
      example: 'deal',
    }),
    started: opt(col.date({ description: 'When it started or was announced.', example: '2018-07' })),
    source_id: sourceId,
    summary: col.text({ description: 'One sentence in your own words.', example: 'A skills deal between government and the combined authority.' }),
  }),
  funding: dataset('Money announced for skills (and wider investment shown as context).', {
    id: col.id({ description: 'A short, stable id for the funding line.', example: 'wm-deal-nrs-pilot' }),
    area_code: areaCode,
    programme_id: programmeId,
    component: col.text({ description: 'What this line pays for.', example: 'National Retraining Scheme pilot' }),
    funder: col.text({ description: 'Who pays, as the source names them, or "Not stated".', example: 'Department for Education' }),
    funder_type: col.enumOf(FUNDER_TYPES, {
      description: 'Kind of funder, for the split by funder.',
      example: 'government',
    }),
    category: col.enumOf(['skills', 'wider_investment', 'expected_investment'] as const, {
      description: 'skills counts in skills totals; wider_investment and expected_investment are context only.',
      example: 'skills',
    }),
    amount_gbp: opt(col.integer({ max: MAX_GBP, description: 'Amount in whole pounds; blank when unquantified.', example: '5000000' })),
    qualifier,
    stated_as: statedAs,
    part_of: opt(col.ref('funding', { description: 'The id of the larger line this one is carved from, so totals never double count.', example: 'wm-deal-total' })),
    period_years: opt(col.integer({ max: 50, description: 'Years the money is spread over, blank if not published.', example: '5' })),
    announced: col.date({ description: 'When it was announced; where the source gives no announcement date, the date of the source that reports it.', example: '2018-07-18' }),
    source_id: sourceId,
    new_money: col.enumOf(NEW_MONEY, {
      description: 'Whether a source says the money is new: yes, partly (some of it was announced or budgeted before) or not_stated. Give the reason, and which source says so, in note.',
      example: 'partly',
    }),
    note,
  }, { column: 'amount_gbp', unit: 'gbp' }),
  completions: dataset('People, places and other counts: completions, places funded, expected outcomes.', {
    id: rowId('lcr-bootcamps-completed-2024'),
    area_code: areaCode,
    programme_id: programmeId,
    measure: col.enumOf(MEASURES, {
      description: 'What is counted.',
      example: 'completed',
    }),
    value: opt(col.integer({ max: MAX_COUNT, description: 'The count; blank when unquantified.', example: '4000' })),
    qualifier,
    stated_as: statedAs,
    as_of: col.date({ description: 'The date the count refers to (for targets, the target date; with period_years, the date the period counts from).', example: '2024-03' }),
    period_years: opt(col.integer({ max: 50, description: 'For an expectation over a period ("over the next ten years"), its length in years; blank otherwise.', example: '10' })),
    source_id: sourceId,
    funded_by: opt(
      col.ref('funding', {
        description:
          'The id in funding.csv of the funding line that pays for what is counted, where the source ties the two together (places bought with a grant). When that line publishes no amount, the headline shows it on this row\'s card, not as a card of its own. Blank otherwise.',
        example: 'wm-deal-sme-apprenticeships',
      }),
    ),
    note,
  }, { column: 'value', unit: 'count' }),
  schools_reached: dataset('Schools and colleges taking part in careers programmes.', {
    id: rowId('lcr-careers-hub-launch'),
    area_code: areaCode,
    programme_id: programmeId,
    schools_and_colleges: opt(col.integer({ max: 100_000, description: 'Number of schools and colleges; blank when unquantified.', example: '33' })),
    qualifier,
    stated_as: statedAs,
    status: col.enumOf(['actual', 'planned'] as const, { description: 'actual (reached) or planned (announced).', example: 'actual' }),
    as_of: col.date({ description: 'The date the figure refers to.', example: '2019-01' }),
    source_id: sourceId,
    note,
  }, { column: 'schools_and_colleges', unit: 'count' }),
  sectors: dataset('The controlled list of sectors; synonyms map source wording onto one sector.', {
    sector_id: rowId('digital'),
    label: col.text({ description: 'Name shown on the dashboard.', example: 'Digital and creative' }),
    synonyms: col.text({ description: 'Source wordings that mean this sector, separated by semicolons.', example: 'digital; digital and creative' }),
  }),
  sector_shortages: dataset('Which sources name each sector as a shortage, priority or training offer.', {
    id: rowId('wm-deal-digital'),
    area_code: areaCode,
    sector: col.ref('sectors', { description: 'The sector_id from sectors.csv.', example: 'digital' }),
    relation: col.enumOf(['shortage', 'priority', 'training_offer', 'pathway'] as const, {
      description: 'How the source names the sector.',
      example: 'priority',
    }),
    programme_id: programmeId,
    term_used: col.text({ description: 'The words the source uses for the sector.', example: 'digital; cyber security' }),
    source_id: sourceId,
    note,
  }),
  programme_items: dataset('Listed items of a programme: strategy outcomes, benchmarks, deliverables.', {
    id: rowId('gatsby-1'),
    programme_id: programmeId,
    item_type: col.enumOf(['outcome', 'benchmark', 'deliverable'] as const, { description: 'What sort of item.', example: 'benchmark' }),
    position: col.integer({ max: 1000, description: 'Order within the list.', example: '1' }),
    text: col.text({ description: 'The item, in your own words or its proper name.', example: 'A stable careers programme' }),
    source_id: sourceId,
  }),
  stated_in: dataset("What each source states about each figure row, one line per source and row. A figure row's own source_id names the one source shown with it on screen: the report whose number and qualifier it follows. Every other report that states the same figure, or gives its date, funder, period or whether it is new money, is recorded here too, so a figure drawn from two reports names both. The data-contract tests check each row against these lines: its number and qualifier match its own source's line, and its date, period, funder type, measure and new-money flag are each given by one of its lines (a part of a deal may take the date given for the whole).", {
    id: rowId('wm-deal-total.bham-post'),
    dataset: col.enumOf(STATED_DATASETS, { description: 'The file the figure row is in (without .csv).', example: 'funding' }),
    row_id: col.id({ description: 'The id (programme_id for programmes) of the figure row.', example: 'wm-deal-total' }),
    source_id: col.ref('sources', { description: 'The source_id of a source that states the figure.', example: 'bham-post-2018-wm-deal' }),
    value: opt(col.integer({ max: MAX_GBP, description: 'The number as this source gives it; blank if it gives none.', example: '69000000' })),
    qualifier: opt(col.enumOf(QUALIFIERS, { description: 'How this source words the number (exact, about, up_to, more_than, unquantified); blank if it does not give the figure.', example: 'up_to' })),
    date: opt(col.date({ description: 'The date this source gives for the figure (announced, as of, target or start); blank if none.', example: '2018-07-18' })),
    date_from: opt(col.enumOf(['text', 'published'] as const, { description: 'Where the date comes from: text (the source says it) or published (the source reports the figure as current, so its own publication date).', example: 'text' })),
    period_years: opt(col.integer({ max: 50, description: 'A period in years the source gives for the figure ("over five years").', example: '5' })),
    funder_type: opt(col.enumOf(FUNDER_TYPES, { description: 'For funding, the kind of funder this source names.', example: 'mixed' })),
    measure: opt(col.enumOf(MEASURES, { description: 'For completions, what this source says is counted.', example: 'expected_completed' })),
    new_money: opt(col.enumOf(NEW_MONEY, { description: 'For funding, what this source says about whether the money is new.', example: 'partly' })),
    note: opt(col.text({ description: 'What the source says, in your own words.', example: 'Gives the total as up to £69m.' })),
  }),
}) satisfies Record<string, DatasetSpec>;

export type Schema = typeof SCHEMA;
export type DatasetName = keyof Schema;
export const DATASET_NAMES = Object.keys(SCHEMA) as DatasetName[];

export type RowOf<N extends DatasetName> = RowValues<Schema[N]['columns']>;

export type Source = RowOf<'sources'>;
export type Area = RowOf<'areas'>;
export type Programme = RowOf<'programmes'>;
export type FundingLine = RowOf<'funding'>;
export type Completion = RowOf<'completions'>;
export type SchoolsReached = RowOf<'schools_reached'>;
export type Sector = RowOf<'sectors'>;
export type SectorShortage = RowOf<'sector_shortages'>;
export type ProgrammeItem = RowOf<'programme_items'>;
export type StatedIn = RowOf<'stated_in'>;

/** Validated rows of each dataset; a dataset is absent when its file was not loaded or was broken. */
export type RowsByDataset = { [N in DatasetName]?: RowOf<N>[] };

/** The datasets that hold a qualified figure. */
export type FigureDataset = { [N in DatasetName]: Schema[N]['figure'] extends FigureSpec ? N : never }[DatasetName];

/** Where a dataset keeps its figure, or null for datasets without one (sources, areas…). */
export function figureSpec(name: DatasetName): FigureSpec | null {
  const spec: DatasetSpec = SCHEMA[name];
  return spec.figure ?? null;
}

/** A row's figure as its dataset's spec locates it: the number (null when unquantified), qualifier, wording and unit. */
export function rowFigure<N extends FigureDataset>(name: N, row: RowOf<N>): { value: number | null; qualifier: Qualifier; statedAs: string | null; unit: FigureUnit } {
  const { column, unit } = SCHEMA[name].figure;
  const value: unknown = row[column as keyof RowOf<N>];
  return { value: typeof value === 'number' ? value : null, qualifier: row.qualifier, statedAs: row.stated_as, unit };
}

/** The dataset a file name belongs to ("funding.csv" → funding), or undefined for any other file. */
export function datasetForFile(file: string): DatasetName | undefined {
  return DATASET_NAMES.find((name) => SCHEMA[name].file === file);
}
