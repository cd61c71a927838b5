import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { barePage, textOnlyPage } from '../../../../scripts/bench/lcp.ts';
import { pageJsWeight } from '../../../../scripts/bench/sizes.ts';

/** A fake dist/ with the shapes of import Vite and rolldown emit. */
function fakeDist(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-sizes-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), text);
  }
  return dir;
}

describe('pageJsWeight', () => {
  const dist = fakeDist({
    'index.html': '<html><head><script type="module" crossorigin src="./assets/entry.js"></script><link rel="modulepreload" crossorigin href="./assets/preloaded.js"><link rel="stylesheet" href="./assets/app.css"></head></html>',
    'assets/entry.js': 'import{a as e}from"./shared.js";import"./side-effect.js";\nexport{b}from"./reexport.js";const v=()=>import("./lazy.js");const w=new Worker(new URL("./worker.js",import.meta.url));const s="import x from \'./in-a-string.js\'"',
    'assets/shared.js': 'import{c}from"./shared.js";export const a=1',
    'assets/side-effect.js': 'console.log(1)',
    'assets/reexport.js': 'export const b=2',
    'assets/preloaded.js': 'export const p=3',
    'assets/lazy.js': 'export const l=4',
    'assets/worker.js': 'self.onmessage=()=>{}',
    'assets/in-a-string.js': 'export default 5',
    'assets/app.css': 'body{}',
  });

  it.each([
    ['counts the module script, its static imports and modulepreloads once each, and nothing lazy', () => dist, 'index.html', ['assets/entry.js', 'assets/preloaded.js', 'assets/reexport.js', 'assets/shared.js', 'assets/side-effect.js']],
    [
      'resolves the scripts of a page with a <base href> from its base',
      () =>
        fakeDist({
          'embed/page.html': '<html><head><base href="../" /><script type="module" src="assets/loader.js"></script></head></html>',
          'assets/loader.js': 'import"./helper.js";const v=()=>import("./lazy.js")',
          'assets/helper.js': 'export const h=1',
          'assets/lazy.js': 'export const l=4',
        }),
      'embed/page.html',
      ['assets/helper.js', 'assets/loader.js'],
    ],
  ])('%s', (_name, site, page, expected) => {
    expect(pageJsWeight(site(), page).files.sort()).toEqual(expected);
  });

  it('adds up each file gzipped on its own, as it is sent', () => {
    const weight = pageJsWeight(dist, 'index.html');
    const expected = weight.files.reduce((sum, file) => sum + gzipSync(readFileSync(path.join(dist, file)), { level: 9 }).length, 0);
    expect(weight.gzipBytes).toBe(expected);
  });
});

/** A built page with every kind of tag the two reductions below keep or drop. */
const BUILT_PAGE = [
  '<head><meta charset="UTF-8" />',
  '<style>:root{--ink:#000}</style>',
  '<link rel="stylesheet" href="./assets/inlined.css" disabled>',
  '<link rel="stylesheet" crossorigin href="./assets/app.css">',
  '<link rel="icon" href="./favicon.svg">',
  '<script type="module" fetchpriority="low" crossorigin src="./assets/app.js"></script>',
  '<link rel="modulepreload" fetchpriority="low" crossorigin href="./assets/x.js">',
  '</head><body><div id="app"><h1>Figures</h1></div>',
  '<script type="application/json" id="data">{"a.csv":"\\u003c/script\\u003e"}</script>',
  '</body>',
].join('\n');

describe.each([
  {
    name: 'barePage',
    reduce: barePage,
    does: 'keeps the markup and stylesheets and drops every script, data block and module preload',
    kept: ['<link rel="stylesheet" crossorigin href="./assets/app.css">', '<div id="app"><h1>Figures</h1></div>'],
    dropped: /<script|modulepreload|id="data"/,
  },
  {
    name: 'textOnlyPage',
    reduce: textOnlyPage,
    does: 'keeps only the markup: no script, no stylesheet link, no <style>',
    kept: ['<div id="app"><h1>Figures</h1></div>', '<link rel="icon" href="./favicon.svg">'],
    dropped: /<script|<style|stylesheet/,
  },
])('$name', ({ reduce, does, kept, dropped }) => {
  it(does, () => {
    const reduced = reduce(BUILT_PAGE);
    for (const text of kept) expect(reduced).toContain(text);
    expect(reduced).not.toMatch(dropped);
  });
});
