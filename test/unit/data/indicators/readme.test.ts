import { describe, expect, it } from 'vitest';
import { METADATA_SPEC, TIDY_COLUMNS } from '../../../../src/lib/data/indicators/schema.ts';
import { INDICATOR_LICENCE_NOTE } from '../../../../src/lib/data/indicators/sources.ts';
import { schemaReadme } from '../../../../src/lib/schema-docs/readme.ts';

describe('README section for official statistics', () => {
  const readme = schemaReadme();
  const section = readme.slice(readme.indexOf('## Official statistics'));

  it('carries the Open Government Licence attribution', () => {
    expect(section).toContain(INDICATOR_LICENCE_NOTE);
    expect(INDICATOR_LICENCE_NOTE).toContain('Open Government Licence v3.0');
  });

  it.each([...Object.keys(METADATA_SPEC.columns), ...TIDY_COLUMNS])('documents the column %s', (column) => {
    expect(section).toMatch(new RegExp(`^\\| \`${column}\``, 'm'));
  });
});
