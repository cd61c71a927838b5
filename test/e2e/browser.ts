/** The browser helpers live in scripts/lib so scripts need no test code; tests import them from here. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { DIST_DIR } from '../../scripts/lib/serve.ts';

export * from '../../scripts/lib/browser.ts';

/**
 * The boundaries file is committed, so this is undefined; a build made without it answers
 * 404 for it by design (the map shows its fallback). Pass this to `problems.all()`.
 */
export const EXPECTED_WITHOUT_BOUNDARIES: RegExp | undefined = existsSync(path.join(DIST_DIR, 'data/boundaries.topo.json')) ? undefined : /boundaries\.topo\.json/;
