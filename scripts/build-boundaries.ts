/**
 * Entry point of `npm run data:boundaries` (build public/data/boundaries.topo.json from
 * BOUNDARIES_FILE or the ONS portal) and of `npm run build`'s `--check` (is the committed
 * file current?). The pipeline lives in scripts/boundaries/: config, input, simplify,
 * download and cli.
 *
 * Usage: tsx scripts/build-boundaries.ts [--check] [--config FILE] [--areas FILE] [--out FILE]
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { main } from './boundaries/cli.ts';

// The pipeline's API, for callers that import this entry point (tests build fixtures with it).
export * from './boundaries/cli.ts';
export * from './boundaries/config.ts';
export * from './boundaries/download.ts';
export * from './boundaries/input.ts';
export * from './boundaries/simplify.ts';

const invokedDirectly = process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
if (invokedDirectly) {
  main({ argv: process.argv.slice(2), env: process.env, cwd: process.cwd() }).then((code) => {
    process.exitCode = code;
  });
}
