/**
 * A static server for the Lighthouse runs: like test/e2e/server.ts, but it compresses
 * text with gzip as every real static host does, so transfer sizes and timings are
 * what a phone would get. Both pages compared are served by the same instance.
 */
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { contentTypeFor } from '../lib/serve.ts';

export interface BenchServer {
  url: string;
  close(): Promise<void>;
}

const COMPRESSIBLE = /^(text\/|application\/(json|javascript|geo\+json|manifest\+json)|image\/svg\+xml)/;

export async function serveCompressed(root: string, overrides: Record<string, string> = {}): Promise<BenchServer> {
  const base = path.resolve(root);
  const server = createServer((req, res) => {
    void (async () => {
      const urlPath = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
      const rel = urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
      const file = path.join(base, rel);
      let body: Buffer;
      if (overrides[rel] !== undefined) body = Buffer.from(overrides[rel]);
      else if (file.startsWith(base + path.sep) && (await stat(file).catch(() => null))?.isFile()) body = await readFile(file);
      else {
        res.writeHead(404, { 'Cache-Control': 'no-store' }).end();
        return;
      }
      const type = contentTypeFor(rel);
      const gzip = COMPRESSIBLE.test(type) && /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));
      const payload = gzip ? gzipSync(body) : body;
      res.writeHead(200, { 'Content-Type': type, 'Content-Length': payload.length, 'Cache-Control': 'no-store', ...(gzip ? { 'Content-Encoding': 'gzip', Vary: 'Accept-Encoding' } : {}) });
      res.end(payload);
    })().catch(() => res.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
