/**
 * public/data/README.md and public/data/templates/ are generated from the schema. This
 * fails when they are out of date: run `npx tsx scripts/generate-schema-docs.ts`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../../../src/lib/schema-docs/readme.ts';

const DATA_DIR = join(import.meta.dirname, '../../../public/data');
const REGENERATE = 'out of date with src/lib/data/schema.ts: run `npx tsx scripts/generate-schema-docs.ts`';

describe('generated data docs', () => {
  it.each(generatedFiles().map((f) => [f.path, f.content] as const))('public/data/%s is up to date', (path, content) => {
    let onDisk: string | null = null;
    try {
      onDisk = readFileSync(join(DATA_DIR, path), 'utf8');
    } catch {
      // missing: reported by the comparison below
    }
    expect(onDisk, `public/data/${path} is ${REGENERATE}`).toBe(content);
  });

  it('has no stale templates', () => {
    const expected = generatedFiles().map((f) => f.path).filter((p) => p.startsWith('templates/')).sort();
    const onDisk = readdirSync(join(DATA_DIR, 'templates')).map((name) => `templates/${name}`).sort();
    expect(onDisk, `public/data/templates is ${REGENERATE}`).toEqual(expected);
  });
});
