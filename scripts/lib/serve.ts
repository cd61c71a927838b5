/**
 * A static file server for the production build, shared by the browser tests and the
 * scripts (screenshots, bench): scripts never import test code.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root (two levels above scripts/lib/). */
export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Default directory served: the production build. */
export const DIST_DIR = process.env.E2E_DIST ? path.resolve(process.env.E2E_DIST) : path.join(REPO_ROOT, 'dist');

export interface ServeOptions {
  /** Directory to serve. Default: `<repo>/dist`. */
  root?: string;
  /**
   * URL prefix the directory is mounted under, e.g. '/some/sub/path/'.
   * Default '/'. Requests outside the prefix get 404, so any asset URL the
   * build resolves against the wrong base shows up as a failed request.
   */
  basePath?: string;
  /**
   * Bodies served instead of files. Keys are URL paths relative to the mount
   * point (e.g. '/data/funding.csv'); a full URL path including basePath also
   * matches. Lets tests serve broken data without touching files on disk.
   */
  overrides?: Record<string, string | Buffer>;
}

export interface StaticServer {
  /** Page URL: origin + basePath, always ending in '/'. */
  url: string;
  /** e.g. 'http://127.0.0.1:40123' */
  origin: string;
  /**
   * URL paths requested so far (in order), handy for asserting what loaded.
   * Excludes the browser's automatic '/favicon.ico' probe (see below).
   */
  requests: string[];
  close(): Promise<void>;
}

// Longest suffix first so '.topo.json' wins over '.json'.
const CONTENT_TYPES: [string, string][] = [
  ['.topo.json', 'application/json; charset=utf-8'],
  ['.webmanifest', 'application/manifest+json; charset=utf-8'],
  ['.geojson', 'application/geo+json; charset=utf-8'],
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.csv', 'text/csv; charset=utf-8'],
  ['.txt', 'text/plain; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.jpg', 'image/jpeg'],
  ['.webp', 'image/webp'],
  ['.ico', 'image/x-icon'],
  ['.map', 'application/json; charset=utf-8'],
  ['.woff2', 'font/woff2'],
  ['.woff', 'font/woff'],
];

export function contentTypeFor(filePath: string): string {
  const lower = filePath.toLowerCase();
  const hit = CONTENT_TYPES.find(([ext]) => lower.endsWith(ext));
  return hit ? hit[1] : 'application/octet-stream';
}

function normaliseBase(basePath: string): string {
  let base = basePath.startsWith('/') ? basePath : `/${basePath}`;
  if (!base.endsWith('/')) base += '/';
  return base;
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string, head: boolean): void {
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
    // Tests must always see the current build, never a cached one.
    'Cache-Control': 'no-store',
  });
  res.end(head ? undefined : body);
}

async function isFile(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isFile();
  } catch {
    return false;
  }
}

/** Serve a directory on 127.0.0.1 with an ephemeral port. */
export async function serveStatic(options: ServeOptions = {}): Promise<StaticServer> {
  const root = path.resolve(options.root ?? DIST_DIR);
  const base = normaliseBase(options.basePath ?? '/');
  const overrides = new Map(Object.entries(options.overrides ?? {}));
  const requests: string[] = [];

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      send(res, 405, 'Method Not Allowed', 'text/plain; charset=utf-8', head);
      return;
    }

    let urlPath: string;
    try {
      urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      send(res, 400, 'Bad Request', 'text/plain; charset=utf-8', head);
      return;
    }

    // Chromium probes <origin>/favicon.ico by itself when a page declares no icon.
    // That is not the app's request, so answer it quietly unless the build really
    // ships one at the origin root.
    if (urlPath === '/favicon.ico' && !(base === '/' && (await isFile(path.join(root, 'favicon.ico'))))) {
      res.writeHead(204, { 'Cache-Control': 'no-store' });
      res.end();
      return;
    }
    requests.push(urlPath);

    // '/sub/path' → '/sub/path/' so relative asset URLs resolve under the mount.
    if (`${urlPath}/` === base) {
      res.writeHead(301, { Location: base });
      res.end();
      return;
    }
    if (!urlPath.startsWith(base)) {
      send(res, 404, `Not Found: ${urlPath}`, 'text/plain; charset=utf-8', head);
      return;
    }

    const rel = `/${urlPath.slice(base.length)}`;
    const override = overrides.get(rel) ?? overrides.get(urlPath);
    if (override !== undefined) {
      send(res, 200, override, contentTypeFor(rel), head);
      return;
    }

    let filePath = path.join(root, rel);
    // Refuse anything that escapes the served directory (e.g. '/../package.json').
    if (filePath !== root && !filePath.startsWith(root + path.sep)) {
      send(res, 403, 'Forbidden', 'text/plain; charset=utf-8', head);
      return;
    }
    if (rel.endsWith('/')) filePath = path.join(filePath, 'index.html');

    if (!(await isFile(filePath))) {
      send(res, 404, `Not Found: ${urlPath}`, 'text/plain; charset=utf-8', head);
      return;
    }
    send(res, 200, await readFile(filePath), contentTypeFor(filePath), head);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      if (!res.headersSent) send(res, 500, String(err), 'text/plain; charset=utf-8', false);
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });

  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin + base,
    origin,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        // Browsers hold keep-alive sockets open; without this close() waits for them to time out.
        server.closeAllConnections();
      }),
  };
}
