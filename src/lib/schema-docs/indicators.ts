/**
 * The README section for official indicators (public/data/indicators), generated from
 * the indicator contract so the docs, the importer and the validator agree. Pure.
 */
import type { ColumnSpec } from '../data/columns.ts';
import { METADATA_SPEC, STATUS_MEANING, TIDY_COLUMNS, TIDY_COLUMN_DOCS, type TidyColumn } from '../data/indicators/schema.ts';
import { INDICATOR_LICENCE_NOTE } from '../data/indicators/sources.ts';
import { markdownCell as cell, typeLabel } from './schema-docs.ts';

const TIDY_TYPE: Record<TidyColumn, string> = {
  areacd: 'GSS area code, such as E08000012',
  areanm: 'text',
  geography: 'text',
  indicator: 'a label listed in indicators.csv',
  period: 'ISO 8601 interval (start/duration or start/end)',
  observation: 'number, or blank',
  measure: 'text',
  unit: 'text, as the unit in indicators.csv',
  lci_95: 'number, or blank',
  uci_95: 'number, or blank',
  status: 'text, or blank',
  notes: 'text, or blank',
};

const TIDY_EXAMPLE: Record<TidyColumn, string> = {
  areacd: 'E47000004',
  areanm: 'Liverpool City Region',
  geography: 'Combined Authority or City Region',
  indicator: 'Level 3 or above qualifications (Great Britain)',
  period: '2023-01-01/P1Y',
  observation: '62.9',
  measure: 'Percentage',
  unit: '%',
  lci_95: '61.2',
  uci_95: '64.6',
  status: 'u',
  notes: '',
};

const code = (text: string) => (text === '' ? '' : `\`${cell(text)}\``);
const HEADER = ['| Column | Required | Type | Allowed values | Description | Example |', '| --- | --- | --- | --- | --- | --- |'];

export function indicatorsReadmeSection(): string {
  const metadataRows = (Object.entries(METADATA_SPEC.columns) as [string, ColumnSpec<unknown>][]).map(
    ([name, spec]) =>
      `| ${code(name)}${name === METADATA_SPEC.key ? ' (key)' : ''} | ${spec.required ? 'yes' : 'no'} | ${cell(name === METADATA_SPEC.key ? `${typeLabel(spec)}; unique in the file` : typeLabel(spec))} | ${(spec.values ?? []).map(code).join(', ')} | ${cell(spec.description)} | ${code(spec.example)} |`,
  );
  const tidyRows = TIDY_COLUMNS.map((name) => `| ${code(name)} | yes | ${cell(TIDY_TYPE[name])} | ${name === 'status' ? Object.keys(STATUS_MEANING).map(code).join(', ') : ''} | ${cell(TIDY_COLUMN_DOCS[name])} | ${code(TIDY_EXAMPLE[name])} |`);
  return [
    '## Official statistics (indicators/)',
    '',
    'The folder `indicators/` holds official local statistics in the tidy format of the Office for National Statistics\' Explore Local Statistics service: one CSV per dataset, exactly as the ONS publishes it (filtered to England, the combined authorities and the districts in `areas.csv`), and one metadata file of ours, `indicators/indicators.csv`, with a row per indicator.',
    '',
    `${INDICATOR_LICENCE_NOTE} This attribution is shown wherever one of these figures appears.`,
    '',
    '- **Adding a dataset:** download its CSV from the ONS Explore Local Statistics data repository, add one row per indicator to `indicators.csv` (its label exactly as in the CSV, the unit, decimal places, polarity, source and a caveat in your own words), then run `npm run data:indicators <folder>` and `npm run check:data`.',
    '- **Importing:** `npm run data:indicators [folder]` (default `../shared/data/indicators`) copies every row for an area the dashboard shows, cell for cell, sorted by indicator, area and period, so importing the same files again changes nothing. It reads files only. Where the ONS\'s `NAME.json` sits beside a CSV, its decimal places, source date, address and publisher are compared with `indicators.csv` and any difference is warned about (a sign of a new release); the JSON is not copied.',
    '- **Periods** are ISO 8601 intervals: `2024-08-01/P1Y` is the academic year 2024/25, `2016-09-01/P1Y` the school year 2016/17, `2023-01-01/P1Y` the calendar year 2023; any other start and duration is shown as the months it covers.',
    '- **Blank means missing**, never zero. `status` carries the publisher\'s flag (' + Object.entries(STATUS_MEANING).map(([flag, meaning]) => `\`${flag}\` ${meaning}`).join(', ') + ') and `notes` its note; both are shown with the value.',
    '- **Checks:** one row per area, indicator and period; numbers in `observation`, `lci_95` and `uci_95`, with `lci_95 ≤ observation ≤ uci_95`; an indicator with no row in `indicators.csv` is an error; an area the dashboard does not show is a warning.',
    '- **Comparisons with England** say "higher" or "lower" only when both 95% intervals are published and do not overlap, and "similar" when they overlap. Without intervals the difference is stated as published, with no claim of significance.',
    '',
    '### indicators/indicators.csv',
    '',
    cell(METADATA_SPEC.description),
    '',
    `Key: ${code(METADATA_SPEC.key)}; each \`label\` is unique too.`,
    '',
    ...HEADER,
    ...metadataRows,
    '',
    '### indicators/<dataset>.csv (ONS tidy format)',
    '',
    'The columns, in the ONS\'s order. A file from the ONS repository has exactly these; use it unchanged. Every column must be in the header; cells marked "or blank" may be empty.',
    '',
    ...HEADER,
    ...tidyRows,
    '',
  ].join('\n');
}
