import { existsSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { findChromium } from './chromium.ts';
import { DIST_DIR } from './server.ts';

// Values handed from this globalSetup (main process) to test files via inject().
declare module 'vitest' {
  export interface ProvidedContext {
    chromiumPath: string;
  }
}

export default function setup(project: TestProject): void {
  // The e2e suite tests the production build; it never builds on its own.
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error(`${DIST_DIR}/index.html not found. Run \`npm run build\` first (\`npm run test:browser\` does).`);
  }
  // Resolve (and if need be install) Chromium once, not once per test file.
  project.provide('chromiumPath', findChromium());
}
