import { defineConfig } from 'vitest/config';

// End-to-end tests against the built site in headless Chromium.
// Run via `npm run test:browser` (builds first). No svelte plugin: tests drive
// a real browser against dist/, nothing here is compiled by Vite.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['test/e2e/setup.ts'],
    // One browser at a time: the machine has 2 cores and Chromium is heavy.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
