import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch, serveDist, type ServeOptions, type StaticServer } from './browser.ts';

export interface Site {
  readonly browser: Browser;
  readonly server: StaticServer;
}

/**
 * Chromium and a static server for the built site, started before a test file's (or
 * describe block's) tests and closed after them. Read `site.browser` and `site.server`
 * inside tests: they exist only once the hooks have run.
 */
export function useSite(options: ServeOptions = {}): Site {
  let browser: Browser | undefined;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    [browser, server] = await Promise.all([launch(inject('chromiumPath')), serveDist(options)]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined, name: string): T => {
    if (value === undefined) throw new Error(`site.${name} is read before useSite's beforeAll has run.`);
    return value;
  };
  return {
    get browser() {
      return started(browser, 'browser');
    },
    get server() {
      return started(server, 'server');
    },
  };
}
