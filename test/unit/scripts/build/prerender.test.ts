import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prioritiseFirstPaint, readDataTexts } from '../../../../scripts/build/prerender.ts';

describe('prioritiseFirstPaint', () => {
  const built = [
    '<head>',
    '    <title>t</title>',
    '    <script type="module" crossorigin src="./assets/app.js"></script>',
    '    <link rel="modulepreload" crossorigin href="./assets/x.js">',
    '    <link rel="stylesheet" crossorigin href="./assets/app.css">',
    '    <link rel="icon" href="./favicon.svg">',
    '</head>',
  ].join('\n');

  it('moves stylesheets before the scripts and fetches scripts at low priority', () => {
    expect(prioritiseFirstPaint(built)).toBe(
      [
        '<head>',
        '    <title>t</title>',
        '    <link rel="stylesheet" crossorigin href="./assets/app.css">',
        '    <script type="module" fetchpriority="low" crossorigin src="./assets/app.js"></script>',
        '    <link rel="modulepreload" fetchpriority="low" crossorigin href="./assets/x.js">',
        '    <link rel="icon" href="./favicon.svg">',
        '</head>',
      ].join('\n'),
    );
  });

  it('is idempotent and leaves a page without module scripts alone', () => {
    const once = prioritiseFirstPaint(built);
    expect(prioritiseFirstPaint(once)).toBe(once);
    const plain = '<head><link rel="stylesheet" href="a.css"></head>';
    expect(prioritiseFirstPaint(plain)).toBe(plain);
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
