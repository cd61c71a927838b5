/**
 * What a page's JavaScript costs on the wire: its module script plus every chunk reached
 * through static imports and modulepreload links, gzipped. Lazy views (dynamic import())
 * and workers are not counted: they load only when asked for.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const MODULE_SCRIPT = /<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g;
const MODULE_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g;
const BASE = /<base\b[^>]*\bhref="([^"]+)"/;
// Static `import … from "./x.js"`, `import "./x.js"` and `export … from "./x.js"` in minified output; not `import(`.
const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[^;'"()]*?\bfrom\s*)?["']([^"']+\.js)["']/g;

export interface PageWeight {
  /** Chunk paths relative to dist, in load order. */
  files: string[];
  gzipBytes: number;
  rawBytes: number;
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

function entryFiles(distDir: string, htmlFile: string): string[] {
  const htmlPath = path.join(distDir, htmlFile);
  const html = readFileSync(htmlPath, 'utf8');
  // A page with <base href="../"> (the static map pages) resolves its scripts from there.
  const base = path.resolve(path.dirname(htmlPath), BASE.exec(html)?.[1] ?? '.');
  return [...html.matchAll(MODULE_SCRIPT), ...html.matchAll(MODULE_PRELOAD)].map((match) => path.resolve(base, match[1] ?? ''));
}

/** Gzipped JavaScript an HTML page in `distDir` loads before any user action. */
export function pageJsWeight(distDir: string, htmlFile: string): PageWeight {
  return closureWeight(distDir, entryFiles(distDir, htmlFile));
}

function closureWeight(distDir: string, start: string[]): PageWeight {
  const queue = [...start];
  const seen = new Set<string>();
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(file, 'utf8');
    for (const match of code.matchAll(STATIC_IMPORT)) queue.push(path.resolve(path.dirname(file), match[1] ?? ''));
  }
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of seen) {
    const bytes = readFileSync(file);
    rawBytes += bytes.length;
    gzipBytes += gzipSize(bytes);
  }
  return { files: [...seen].map((file) => path.relative(distDir, file)), gzipBytes, rawBytes };
}

/** Gzipped size of one file (the prerendered HTML, for the report). */
export function fileGzipBytes(filePath: string): number {
  return gzipSize(readFileSync(filePath));
}
