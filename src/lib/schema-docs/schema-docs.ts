/**
 * The schema reference, CSV templates and example files, generated from SCHEMA so the
 * documentation and the validator cannot drift apart. Pure: no I/O, no DOM.
 */
import type { ColumnKind, ColumnSpec } from '../data/columns.ts';
import { DATASET_NAMES, SCHEMA, type DatasetName } from '../data/schema.ts';
import { csvRow, UTF8_BOM } from '../export/csv.ts';

export interface ColumnDoc {
  name: string;
  required: boolean;
  /** Plain-English type, e.g. "date (YYYY, YYYY-MM or YYYY-MM-DD)". */
  type: string;
  /** Allowed values for a column with a fixed list, else null. */
  values: readonly string[] | null;
  description: string;
  example: string;
  /** True for the dataset's key, which must be unique in the file. */
  isKey: boolean;
}

export interface DatasetDoc {
  name: DatasetName;
  file: string;
  key: string;
  description: string;
  columns: ColumnDoc[];
}

const KIND_LABEL: Record<ColumnKind, string> = {
  id: 'identifier (letters, digits, "-", "_", "."; no spaces)',
  text: 'text',
  gss: 'GSS area code, such as E08000012',
  integer: 'whole number',
  enum: 'one of the allowed values',
  date: 'date: YYYY, YYYY-MM or YYYY-MM-DD',
  url: 'web address (https://…)',
  ref: 'reference',
};

/** Where a reference column points, e.g. "a source_id listed in sources.csv". */
function refLabel(ref: string): string {
  const target = (SCHEMA as Record<string, { key: string; file: string } | undefined>)[ref];
  if (!target) return `a key of ${ref}`;
  const article = /^[aeiou]/i.test(target.key) ? 'an' : 'a';
  return `${article} ${target.key} listed in ${target.file}`;
}

/** A Markdown table cell, escaped: a "|" would end the cell and a line break the row. */
export function markdownCell(text: string): string {
  return text.replaceAll('\\', '\\\\').replaceAll('|', '\\|').replace(/\s*\n\s*/g, ' ');
}

export function typeLabel(spec: ColumnSpec<unknown>): string {
  return spec.kind === 'ref' && spec.ref ? refLabel(spec.ref) : KIND_LABEL[spec.kind];
}

export function describeDataset(name: DatasetName): DatasetDoc {
  const { file, key, description, columns } = SCHEMA[name];
  return {
    name,
    file,
    key,
    description,
    columns: (Object.entries(columns) as [string, ColumnSpec<unknown>][]).map(([column, spec]) => ({
      name: column,
      required: spec.required,
      type: typeLabel(spec),
      values: spec.values ?? null,
      description: spec.description,
      example: spec.example,
      isKey: column === key,
    })),
  };
}

/** Every dataset, in the schema's order. */
export function describeSchema(): DatasetDoc[] {
  return DATASET_NAMES.map(describeDataset);
}

/*
 * Templates start with a byte-order mark so Excel opens the file as UTF-8 and keeps
 * "CSV UTF-8" when it is saved again; without it Excel guesses Windows-1252 and "£"
 * breaks. The validator strips it. Cells go through the one CSV writer, with its
 * formula guard, so an example value can never run as a spreadsheet formula.
 */

/** Header row only: a blank file to fill in. */
export function templateCsv(doc: DatasetDoc): string {
  return `${UTF8_BOM}${csvRow(doc.columns.map((c) => c.name))}\n`;
}

/** Header and one row made of each column's example value; the row passes the file's own checks. */
export function exampleCsv(doc: DatasetDoc): string {
  return `${templateCsv(doc)}${csvRow(doc.columns.map((c) => c.example))}\n`;
}

export function templatePath(doc: DatasetDoc): string {
  return `templates/${doc.file}`;
}

export function examplePath(doc: DatasetDoc): string {
  return `templates/${doc.file.replace(/\.csv$/, '')}.example.csv`;
}
