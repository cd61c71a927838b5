// Writes public/data/README.md and public/data/templates/*.csv from the schema.
// Usage: npx tsx scripts/generate-schema-docs.ts [--check]
//   --check: write nothing; exit 1 if any file is missing or out of date (for CI).
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatedFiles } from '../src/lib/schema-docs/readme.ts';

const DATA_DIR = fileURLToPath(new URL('../public/data/', import.meta.url));
const TEMPLATES_DIR = path.join(DATA_DIR, 'templates');

function readOrNull(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

function listTemplates() {
  try {
    return readdirSync(TEMPLATES_DIR, { withFileTypes: true });
  } catch {
    return [];
  }
}

function main(): void {
  const checkOnly = process.argv.includes('--check');
  const files = generatedFiles();
  const expected = new Set(files.map((f) => path.join(DATA_DIR, f.path)));
  // Templates for a dataset that no longer exists would mislead, so they count as stale.
  const stale = listTemplates()
    .filter((entry) => entry.isFile() && !expected.has(path.join(TEMPLATES_DIR, entry.name)))
    .map((entry) => path.join(TEMPLATES_DIR, entry.name));
  const changed = files.filter((f) => readOrNull(path.join(DATA_DIR, f.path)) !== f.content);

  if (checkOnly) {
    const problems = [...changed.map((f) => `out of date: public/data/${f.path}`), ...stale.map((f) => `stale: ${path.relative(process.cwd(), f)}`)];
    for (const problem of problems) console.error(problem);
    if (problems.length > 0) {
      console.error('Run `npx tsx scripts/generate-schema-docs.ts` to regenerate.');
      process.exitCode = 1;
    } else {
      console.log(`${files.length} generated files are up to date.`);
    }
    return;
  }
  for (const f of changed) {
    const target = path.join(DATA_DIR, f.path);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.content);
    console.log(`wrote public/data/${f.path}`);
  }
  for (const f of stale) {
    rmSync(f);
    console.log(`removed ${path.relative(process.cwd(), f)}`);
  }
  console.log(`${files.length} generated files, ${changed.length} changed.`);
}

main();
