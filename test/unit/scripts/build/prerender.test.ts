import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataTexts, startAppAfterFirstPaint } from '../../../../scripts/build/prerender.ts';

describe('startAppAfterFirstPaint', () => {
  const built = [
    '<head>',
    '    <title>t</title>',
    '    <script type="module" crossorigin src="./assets/runtime.js"></script>',
    '    <script type="module" crossorigin src="./assets/app.js"></script>',
    '    <link rel="modulepreload" crossorigin href="./assets/x.js">',
    '    <link rel="stylesheet" crossorigin href="./assets/app.css">',
    '    <link rel="icon" href="./favicon.svg">',
    '  </head>',
  ].join('\n');

  const starter = "start('app')";

  it('replaces the module scripts and preloads with the inline start script, listing them in page order', () => {
    expect(startAppAfterFirstPaint(built, starter)).toBe(
      [
        '<head>',
        '    <title>t</title>',
        '    <link rel="stylesheet" crossorigin href="./assets/app.css">',
        '    <link rel="icon" href="./favicon.svg">',
        `    <script type="module" data-app-scripts="./assets/runtime.js ./assets/app.js" data-app-preload="./assets/x.js">${starter}</script>`,
        '  </head>',
      ].join('\n'),
    );
  });

  it('refuses a starter that would end its own element', () => {
    expect(() => startAppAfterFirstPaint(built, 'x("</script>")')).toThrow(/cannot be inlined/);
  });

  it.each([
    ['a page without module scripts', '<head><link rel="stylesheet" href="a.css"><script src="classic.js"></script></head>'],
    ['a page already rewritten', startAppAfterFirstPaint(built, "start('app')")],
  ])('leaves %s alone', (_name, html) => {
    expect(startAppAfterFirstPaint(html, starter)).toBe(html);
  });

  it('copies chunk URLs as the attribute text they were', () => {
    const html = '<head><script type="module" src="./a&amp;b.js"></script></head>';
    expect(startAppAfterFirstPaint(html, starter)).toContain('data-app-scripts="./a&amp;b.js"');
  });
});

describe('readDataTexts', () => {
  it('reads each dataset file as UTF-8 without a BOM, and leaves out files that do not exist', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'prerender-data-'));
    writeFileSync(path.join(dir, 'funding.csv'), '\uFEFFid,amount\r\nx,£1\r\n');
    writeFileSync(path.join(dir, 'areas.csv'), Buffer.from([0x61, 0x2c, 0xa3, 0x0a]));
    writeFileSync(path.join(dir, 'unrelated.csv'), 'not a dataset');
    expect(await readDataTexts(dir)).toEqual({ 'funding.csv': 'id,amount\r\nx,£1\r\n', 'areas.csv': 'a,\uFFFD\n' });
  });
});
