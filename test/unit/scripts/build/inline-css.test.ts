import { describe, expect, it } from 'vitest';
import { inlineStylesheets } from '../../../../scripts/build/inline-css.ts';
import { inlineStyleHashes } from '../../../../scripts/build/security-plugin.ts';
import { styleHash } from '../../../../scripts/build/csp.ts';

const page = (links: string) => `<!doctype html><html><head>\n    <meta charset="UTF-8" />\n${links}  </head><body></body></html>`;
const link = (file: string) => `    <link rel="stylesheet" crossorigin href="./${file}">\n`;
const files: Record<string, string> = { 'assets/a.css': 'a{color:red}\n', 'assets/b.css': 'b{color:blue}', 'assets/img.css': 'i{background:url(./x.png)}', 'assets/data.css': 'i{background:url(data:image/png;base64,AA)}', 'assets/bad.css': 'a::after{content:"</style>"}' };
const cssFor = (file: string) => files[file];

describe('inlineStylesheets', () => {
  it('replaces every stylesheet link with its CSS, keeping a disabled link so lazy chunks do not fetch it again', () => {
    const html = inlineStylesheets(page(link('assets/a.css') + link('assets/b.css')), cssFor);
    expect(html).toContain('    <style>a{color:red}</style>\n    <link rel="stylesheet" href="./assets/a.css" disabled>\n');
    expect(html).toContain('<style>b{color:blue}</style>');
    expect(html).not.toContain('crossorigin');
    expect(inlineStyleHashes(html)).toEqual([styleHash('a{color:red}'), styleHash('b{color:blue}')]);
  });

  it.each([
    ['CSS over the limit', page(link('assets/a.css') + link('assets/b.css')), 10],
    ['a stylesheet the bundle does not hold', page(link('assets/a.css') + link('assets/missing.css')), undefined],
    ['a relative url(), which would break when moved', page(link('assets/img.css')), undefined],
    ['no stylesheet', page(''), undefined],
  ])('leaves the page alone for %s', (_name, html, limit) => {
    expect(inlineStylesheets(html, cssFor, limit)).toBe(html);
  });

  it('leaves a stylesheet inside <noscript> as a link, and inlines the rest', () => {
    const noscript = '<noscript><link rel="stylesheet" href="./no-script.css" /></noscript>';
    const html = inlineStylesheets(page(link('assets/a.css') + noscript), cssFor);
    expect(html).toContain('<style>a{color:red}</style>');
    expect(html).toContain(noscript);
  });

  it('inlines data: URLs, which do not depend on where the CSS is', () => {
    expect(inlineStylesheets(page(link('assets/data.css')), cssFor)).toContain('<style>i{background:url(data:image/png;base64,AA)}</style>');
  });

  it('refuses CSS that would end the <style> element early', () => {
    expect(() => inlineStylesheets(page(link('assets/bad.css')), cssFor)).toThrow(/bad\.css.*<\/style/);
  });
});
