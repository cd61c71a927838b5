/**
 * Demonstrates that adding a combined authority is a data change only (issue 12, 14):
 * copies public/data to a scratch folder, adds a sixteenth combined authority, then runs
 * check:data, the boundaries check and the unit tests against that copy
 * (PUBLISHED_DATA_DIR points the data-contract suite at it). Exits non-zero if any fails.
 *
 * Usage: npx tsx scripts/check-sixteenth-region.ts
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { copyWithSixteenthRegion, SIXTEENTH_REGION } from './lib/sixteenth-region.ts';
import { REPO_ROOT } from './lib/serve.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'sixteen-regions-'));
copyWithSixteenthRegion(path.join(REPO_ROOT, 'public/data'), dir);
console.log(`Scratch copy of public/data with ${SIXTEENTH_REGION} added: ${dir}`);

const steps: [string, string[], Record<string, string>][] = [
  ['check:data', ['tsx', 'scripts/check-data.ts', dir], {}],
  ['boundaries check', ['tsx', 'scripts/build-boundaries.ts', '--check', '--areas', path.join(dir, 'areas.csv'), '--out', path.join(dir, 'boundaries.topo.json')], {}],
  ['unit tests', ['vitest', 'run'], { PUBLISHED_DATA_DIR: dir }],
];
let failed = 0;
for (const [name, args, env] of steps) {
  console.log(`\n— ${name}: npx ${args.join(' ')}`);
  const run = spawnSync('npx', args, { cwd: REPO_ROOT, stdio: 'inherit', env: { ...process.env, ...env } });
  if (run.status !== 0) {
    console.error(`✗ ${name} failed`);
    failed++;
  }
}
rmSync(dir, { recursive: true, force: true });
console.log(failed === 0 ? '\n✓ A sixteenth combined authority is a data change only: every check passed.' : `\n✗ ${failed} step(s) failed.`);
process.exitCode = failed === 0 ? 0 : 1;
