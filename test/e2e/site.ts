import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { launch, serveDist, type ServeOptions, type StaticServer } from './browser.ts';

export interface Site {
  readonly browser: Browser;
  readonly server: StaticServer;
}

function started<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is read before its beforeAll has run.`);
  return value;
}

/**
 * A static server for the built site, started before a test file's (or describe block's)
 * tests and closed after them. It stands in for the server it starts: read its url and
 * requests inside tests, once the hooks have run.
 */
export function useServer(options: ServeOptions = {}): StaticServer {
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveDist(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get url() {
      return started(server, 'server').url;
    },
    get origin() {
      return started(server, 'server').origin;
    },
    get requests() {
      return started(server, 'server').requests;
    },
    close: () => started(server, 'server').close(),
  };
}

/**
 * Chromium and a static server for the built site (useServer), started before a test
 * file's (or describe block's) tests and closed after them. Read `site.browser` and
 * `site.server` inside tests: they exist only once the hooks have run.
 */
export function useSite(options: ServeOptions = {}): Site {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launch(inject('chromiumPath'));
  });
  afterAll(async () => {
    await browser?.close();
  });
  const server = useServer(options);
  return {
    get browser() {
      return started(browser, 'site.browser');
    },
    server,
  };
}
