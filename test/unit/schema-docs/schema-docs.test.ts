import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/lib/data/parse.ts';
import { DATASET_NAMES, QUALIFIERS, SCHEMA } from '../../../src/lib/data/schema.ts';
import { validateCsv } from '../../../src/lib/data/validate.ts';
import { QUALIFIER_MEANING, generatedFiles, schemaReadme } from '../../../src/lib/schema-docs/readme.ts';
import { csvCell, csvRow } from '../../../src/lib/export/csv.ts';
import { describeDataset, describeSchema, exampleCsv, examplePath, templateCsv, templatePath, typeLabel } from '../../../src/lib/schema-docs/schema-docs.ts';

describe('describeSchema', () => {
  it('lists every dataset and every column, in schema order', () => {
    const docs = describeSchema();
    expect(docs.map((d) => d.name)).toEqual(DATASET_NAMES);
    for (const doc of docs) {
      expect(doc.file).toBe(SCHEMA[doc.name].file);
      expect(doc.columns.map((c) => c.name)).toEqual(Object.keys(SCHEMA[doc.name].columns));
      expect(doc.columns.filter((c) => c.isKey).map((c) => c.name)).toEqual([SCHEMA[doc.name].key]);
    }
  });

  it('carries required, allowed values, description and example from the column specs', () => {
    const funding = describeDataset('funding');
    const byName = Object.fromEntries(funding.columns.map((c) => [c.name, c]));
    expect(byName.qualifier).toMatchObject({ required: true, values: QUALIFIERS, type: 'one of the allowed values' });
    expect(byName.amount_gbp).toMatchObject({ required: false, values: null, type: 'whole number', example: '5000000' });
    expect(byName.part_of?.type).toBe('an id listed in funding.csv');
    expect(byName.source_id?.type).toBe('a source_id listed in sources.csv');
    expect(byName.area_code?.type).toBe('an area_code listed in areas.csv');
    expect(byName.announced?.type).toMatch(/YYYY, YYYY-MM or YYYY-MM-DD/);
  });

  it('labels every kind of column', () => {
    for (const name of DATASET_NAMES) {
      for (const spec of Object.values(SCHEMA[name].columns)) expect(typeLabel(spec)).not.toBe('');
    }
  });
});

describe('CSV writing', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    [' padded', '" padded"'],
    ['£69m – “deal”', '£69m – “deal”'],
  ])('csvCell(%j) = %j', (value, expected) => {
    expect(csvCell(value)).toBe(expected);
  });

  it('joins cells into a row that papaparse reads back unchanged', () => {
    const cells = ['a,b', 'say "hi"', '', 'two\nlines', 'x'];
    const { table } = parseCsv(`${csvRow(['h1', 'h2', 'h3', 'h4', 'h5'])}\n${csvRow(cells)}\n`, 't.csv');
    expect(table.records[0]?.cells).toEqual(cells);
  });
});

describe('templates', () => {
  it.each(DATASET_NAMES)('%s: the blank template is the header row only, with a BOM', (name) => {
    const doc = describeDataset(name);
    const text = templateCsv(doc);
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text.slice(1)).toBe(`${Object.keys(SCHEMA[name].columns).join(',')}\n`);
    expect(templatePath(doc)).toBe(`templates/${SCHEMA[name].file}`);
  });

  it.each(DATASET_NAMES)('%s: the example row passes the file’s own checks', (name) => {
    const doc = describeDataset(name);
    const result = validateCsv(name, exampleCsv(doc));
    expect(result.errors).toEqual([]);
    expect(result.warnings).toEqual([]);
    expect(result.rows).toHaveLength(1);
    expect(examplePath(doc)).toMatch(/^templates\/[a-z_]+\.example\.csv$/);
  });
});

describe('README', () => {
  const readme = schemaReadme();

  it('starts with the human introduction', () => {
    expect(readme.startsWith('# The data files\n')).toBe(true);
    for (const phrase of ['UTF-8', 'One header row', 'YYYY', '2024-03', 'thousands commas', 'No `£`', 'part_of', 'source_id', 'Adding a new combined authority', 'check:data']) {
      expect(readme).toContain(phrase);
    }
  });

  it('explains every qualifier', () => {
    for (const q of QUALIFIERS) expect(readme).toContain(`\`${q}\`: ${QUALIFIER_MEANING[q]}`);
  });

  it('has a table row for every column of every dataset, with its allowed values', () => {
    for (const doc of describeSchema()) {
      const section = readme.split('\n### ').find((part) => part.startsWith(`${doc.file}\n`));
      expect(section, doc.file).toBeDefined();
      const lines = section?.split('\n') ?? [];
      for (const column of doc.columns) {
        const row = lines.find((line) => line.startsWith(`| \`${column.name}\``));
        expect(row, `${doc.file} ${column.name}`).toBeDefined();
        for (const value of column.values ?? []) expect(row).toContain(`\`${value}\``);
      }
    }
  });

  it('keeps every table row to six cells (no unescaped pipes)', () => {
    const rows = readme.split('\n').filter((line) => line.startsWith('| `'));
    for (const row of rows) expect(row.replaceAll('\\|', '').split('|')).toHaveLength(8);
  });
});

describe('generatedFiles', () => {
  it('is the README plus a template and an example for every dataset', () => {
    const paths = generatedFiles().map((f) => f.path);
    expect(paths).toEqual(['README.md', ...DATASET_NAMES.flatMap((n) => [`templates/${SCHEMA[n].file}`, `templates/${n}.example.csv`])]);
  });
});
