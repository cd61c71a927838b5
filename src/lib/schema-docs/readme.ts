/**
 * public/data/README.md and the template files, generated from the schema. The intro
 * is written by hand; every table below it comes from SCHEMA. Pure.
 */
import { QUALIFIERS, type Qualifier } from '../data/schema.ts';
import { indicatorsReadmeSection } from './indicators.ts';
import { describeSchema, markdownCell as cell, examplePath, exampleCsv, templateCsv, templatePath, type DatasetDoc } from './schema-docs.ts';

/** Keyed by Qualifier so a new qualifier cannot be added without explaining it here. */
export const QUALIFIER_MEANING: Record<Qualifier, string> = {
  exact: 'the source gives this exact figure.',
  about: 'the source gives an approximate figure ("about", "around", "roughly").',
  up_to: 'the source gives a ceiling ("up to £49m"); the real figure may be lower. Shown as "up to".',
  more_than: 'the source gives a floor ("more than 4,000"); the real figure is higher. Shown with a "+".',
  unquantified: 'the source mentions the item but publishes no number. Leave the number blank; put any words the source uses instead ("hundreds") in stated_as.',
};

function code(text: string): string {
  return `\`${text}\``;
}

function datasetSection(doc: DatasetDoc): string {
  const rows = doc.columns.map((column) =>
    [
      code(column.name) + (column.isKey ? ' (key)' : ''),
      column.required ? 'yes' : 'no',
      cell(column.isKey ? `${column.type}; unique in the file` : column.type),
      column.values ? column.values.map(code).join(', ') : '',
      cell(column.description),
      column.example === '' ? '' : code(cell(column.example)),
    ].join(' | '),
  );
  return [
    `### ${doc.file}`,
    '',
    cell(doc.description),
    '',
    `Key: ${code(doc.key)}. Blank template: [${templatePath(doc)}](${templatePath(doc)}). Example row: [${examplePath(doc)}](${examplePath(doc)}).`,
    '',
    '| Column | Required | Type | Allowed values | Description | Example |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((row) => `| ${row} |`),
    '',
  ].join('\n');
}

const INTRO = `# The data files

This folder holds all the data behind the dashboard: every figure on screen comes from these files, and every figure names the publication it comes from.

This README is generated from the schema in \`src/lib/data/schema.ts\` by \`scripts/generate-schema-docs.ts\`, which also writes the templates. Do not edit it by hand: change the schema and run \`npx tsx scripts/generate-schema-docs.ts\`. A unit test fails when this file is out of date.

## How to write the files

- **CSV in UTF-8.** One file per dataset, named as below. In Excel use *Save As → CSV UTF-8 (Comma delimited)*; other encodings break characters such as "£".
- **One header row** with the column names exactly as listed below, then one row per record. Column order does not matter; an unknown column is ignored with a warning. A cell that contains a comma, a double quote or a line break must be wrapped in double quotes, with any quote inside written twice (\`""\`).
- **Dates are ISO and may be partial**: as precise as the source, \`2024\`, \`2024-03\` or \`2024-03-31\`. Not \`31/03/2024\`.
- **Numbers are whole numbers**, with optional thousands commas: \`11200000\` or \`11,200,000\`. No \`£\`, no \`%\`, no \`m\` or \`bn\`, no decimals: write £11.2m as \`11200000\`.
- **Qualifiers** say how the source states a figure:
${QUALIFIERS.map((q) => `  - \`${q}\`: ${QUALIFIER_MEANING[q]}`).join('\n')}
- **Unquantified means a blank number.** When the qualifier is \`unquantified\` the number cell must be blank, and every other qualifier needs a number. Never write 0 for "not published".
- **\`part_of\` avoids double counting.** A funding line carved out of a larger one names the larger line's \`id\` in \`part_of\` (for example, a pilot paid for out of a larger deal). Totals add up only lines that are not part of another, so a whole and its parts are never counted twice. A part may not be larger than its whole, and \`part_of\` links may not loop.
- **\`funded_by\` ties a count to the money that pays for it.** A row of \`completions.csv\` that counts what a funding line buys (places, apprenticeships) names that line's \`id\` in \`funded_by\`, when the source ties them together. Where the funding line publishes no amount, the dashboard shows the two as one card (the count, with the funding line's name and deal) rather than as two.
- **Every figure has a source.** Each row of a figure file has a \`source_id\` (in \`areas.csv\`, \`population_source_id\`) naming a row of \`sources.csv\`, which gives the title, publisher, date and web address, so every figure links to where it comes from. \`stated_in.csv\` then records what each source says about each figure row (its number, qualifier and date), including any other report that states the same figure.
- **Areas form a hierarchy.** Every district (\`local_authority\`) names its combined authority in \`parent_code\`; a combined authority has no \`parent_code\`. A combined authority's \`population\` must equal the sum of its districts' populations.

## Adding a new combined authority

No code changes are needed; the dashboard takes its regions, districts and programmes from the data.

1. In \`areas.csv\`, add a row for the combined authority (\`area_type\` \`combined_authority\`, its GSS code) and one row per district (\`area_type\` \`local_authority\`, \`parent_code\` set to the combined authority's code), each with its population and the \`source_id\` of the population figure.
2. Add each publication you take figures from to \`sources.csv\`.
3. Add its programmes to \`programmes.csv\`, with the combined authority's \`area_code\`.
4. Add its figures to \`funding.csv\`, \`completions.csv\`, \`schools_reached.csv\`, \`sector_shortages.csv\` and \`programme_items.csv\`. Use the sector ids in \`sectors.csv\`, adding a sector there if none fits. For each figure row of \`funding.csv\`, \`completions.csv\`, \`schools_reached.csv\` and \`programmes.csv\`, add a line to \`stated_in.csv\` for every source that states it.
5. If a district is not yet in \`boundaries.topo.json\`, rebuild the map's district boundaries with \`npm run data:boundaries\` (it reads the districts from \`areas.csv\`) and commit the file. \`npm run build\` says when the file is stale and names the districts it lacks.
6. Check the files (below) before publishing.

## District boundaries

\`boundaries.topo.json\` holds the shapes the map draws: every district in \`areas.csv\` and the districts bordering them (drawn grey), simplified to keep the file small. It is made by \`npm run data:boundaries\` from the Office for National Statistics' Local Authority Districts (May 2024) boundaries and is committed with the data, so the map draws with no internet. Do not edit it by hand.

Source: Office for National Statistics licensed under the Open Government Licence v3.0. Contains OS data © Crown copyright and database right 2024.

## Checking your files

- **In the browser:** open the dashboard's *Check data* page (\`#/data\`) and choose or drop your CSV files. They are checked in your browser and never uploaded; you can then preview the dashboard with them.
- **On the command line:** \`npm run check:data <folder>\`.

## Templates

\`templates/<file>.csv\` has the header row only; \`templates/<file>.example.csv\` adds one example row. Both start with a UTF-8 byte-order mark so that Excel keeps the encoding.

## Files and columns
`;

export function schemaReadme(docs: readonly DatasetDoc[] = describeSchema()): string {
  return `${INTRO}\n${docs.map(datasetSection).join('\n')}\n${indicatorsReadmeSection()}`;
}

export interface GeneratedFile {
  /** Path relative to public/data/. */
  path: string;
  content: string;
}

/** Everything scripts/generate-schema-docs.ts writes into public/data/. */
export function generatedFiles(): GeneratedFile[] {
  const docs = describeSchema();
  return [
    { path: 'README.md', content: schemaReadme(docs) },
    ...docs.flatMap((doc) => [
      { path: templatePath(doc), content: templateCsv(doc) },
      { path: examplePath(doc), content: exampleCsv(doc) },
    ]),
  ];
}
