/**
 * The contract for official local statistics: the ONS Explore Local Statistics tidy
 * format, kept exactly as the ONS publishes it (one CSV per dataset), and our one
 * metadata file describing each indicator. The metadata columns are built from the same
 * column parsers as the rest of the data contract (columns.ts), so docs and checks agree.
 */
import { col, fileSpec, opt, type RowValues } from '../columns.ts';

/** Folder under public/data holding the dataset files and the metadata file. */
export const INDICATOR_DIR = 'indicators';
export const METADATA_FILE = 'indicators/indicators.csv';

/** The ONS tidy columns, in the ONS's order; the importer writes them in this order. */
export const TIDY_COLUMNS = ['areacd', 'areanm', 'geography', 'indicator', 'period', 'observation', 'measure', 'unit', 'lci_95', 'uci_95', 'status', 'notes'] as const;
export type TidyColumn = (typeof TIDY_COLUMNS)[number];

export const TIDY_COLUMN_DOCS: Record<TidyColumn, string> = {
  areacd: 'GSS code of the area.',
  areanm: 'Name of the area, as the ONS writes it.',
  geography: 'Kind of area, such as "Local Authority District" or "Combined Authority or City Region".',
  indicator: 'The indicator, exactly as the label column of indicators.csv.',
  period: 'ISO 8601 interval: 2024-08-01/P1Y is the academic year 2024/25, 2023-01-01/P1Y the calendar year 2023.',
  observation: 'The value; blank when not available (never read as zero).',
  measure: 'What the value measures, such as "Percentage".',
  unit: 'Unit of the value, such as "%".',
  lci_95: 'Lower end of the 95% confidence interval; blank when none is published.',
  uci_95: 'Upper end of the 95% confidence interval; blank when none is published.',
  status: 'The publisher\'s flag: x not available, u low reliability; blank otherwise.',
  notes: 'The publisher\'s note on the row, shown with the value.',
};

/** Status flags the ONS uses in these files, with what they mean to a reader. */
export const STATUS_MEANING: Readonly<Record<string, string>> = {
  x: 'not available',
  u: 'low reliability',
};

/** England, every combined authority and the districts in areas.csv are shown; other areas are not. */
export const ENGLAND_CODE = 'E92000001';
export const COMBINED_AUTHORITY_PREFIX = 'E47';

export function isShownArea(code: string, districts: ReadonlySet<string>): boolean {
  return code === ENGLAND_CODE || code.startsWith(COMBINED_AUTHORITY_PREFIX) || districts.has(code);
}

export const POLARITIES = ['higher_is_better', 'lower_is_better', 'neutral'] as const;
export type Polarity = (typeof POLARITIES)[number];

export const METADATA_SPEC = fileSpec(METADATA_FILE, 'One row per official indicator: how to read, show and cite the ONS tidy files in this folder.', {
  indicator_id: col.id({ description: 'A short, stable id used in addresses and links.', example: 'apprenticeship-starts' }),
  label: col.text({ description: 'The indicator exactly as written in the dataset\'s indicator column.', example: 'Apprenticeship starts (England)' }),
  name: col.text({ description: 'Short name shown on the dashboard.', example: 'Apprenticeship starts' }),
  dataset: col.text({ description: 'The dataset file in this folder that holds the indicator.', example: 'apprenticeships.csv' }),
  unit: col.text({ description: 'The unit exactly as in the dataset\'s unit column.', example: 'Rate per 100,000 population' }),
  value_suffix: opt(col.text({ description: 'Written after each value: "%" directly, anything else after a space.', example: 'per 100,000 people' })),
  decimal_places: col.integer({ max: 6, description: 'Decimal places values are shown to.', example: '0' }),
  polarity: col.enumOf(POLARITIES, { description: 'Whether a higher value is better, worse or neither; it shapes the wording, never the colours.', example: 'higher_is_better' }),
  publisher: col.text({ description: 'The organisation that produces the statistics.', example: 'Department for Education' }),
  source_title: col.text({ description: 'Title of the publication.', example: 'Further education and skills' }),
  source_url: col.url({ description: 'Web address of the publication.', example: 'https://explore-education-statistics.service.gov.uk/find-statistics/further-education-and-skills' }),
  source_date: col.date({ description: 'When that release was published.', example: '2025-11-27' }),
  caveat: col.text({ description: 'What a reader must know to interpret the figures, in our own words.', example: 'Counts every start, so one person can count twice.' }),
  licence: col.text({ description: 'The licence the statistics are published under.', example: 'Open Government Licence v3.0' }),
  headline: opt(
    col.integer({ min: 1, max: 99, description: 'Place in each combined authority\'s "Outcomes" group on the headline, 1 first; the first three are also shown at a glance. Blank: not on the headline.', example: '1' }),
  ),
});

export type IndicatorMeta = RowValues<typeof METADATA_SPEC.columns>;

/** One row of a tidy file, typed; blank cells are null, never zero. */
export interface Observation {
  indicatorId: string;
  areaCode: string;
  areaName: string;
  geography: string;
  /** The period cell as written (the key for lookups); its parsed form is in the dataset's periods. */
  period: string;
  value: number | null;
  lci95: number | null;
  uci95: number | null;
  status: string | null;
  notes: string | null;
  /** File and line, for messages. */
  file: string;
  line: number;
}
