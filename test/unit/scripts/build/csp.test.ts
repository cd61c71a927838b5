// @vitest-environment jsdom
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import * as Plot from '@observablehq/plot';
import { describe, expect, it } from 'vitest';
import { COMMON_HEADERS, PLOT_STYLE_HASHES, contentSecurityPolicy, headersFile, tileImageSource } from '../../../../scripts/build/csp.ts';

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The policy as directive → values. */
function directives(policy: string): Map<string, string[]> {
  return new Map(policy.split(';').map((d) => d.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
}

describe('PLOT_STYLE_HASHES', () => {
  it('allows exactly the <style> elements this version of Plot adds to charts and legends', () => {
    const nodes = [
      Plot.plot({ marks: [Plot.dot([1, 2], { x: (d: number) => d })] }),
      Plot.legend({ color: { type: 'threshold', domain: [1, 2], range: ['#000', '#555', '#999'] } }),
      // Explicit ranges: the build leaves out Plot's named schemes (scripts/build/trim-plot-deps.ts).
      Plot.legend({ color: { type: 'ordinal', domain: ['a', 'b'], range: ['#000', '#555'] } }),
      Plot.legend({ color: { type: 'ordinal', domain: ['a', 'b'], range: ['#000', '#555'] }, columns: '2' }),
    ];
    const hashes = nodes.flatMap((node) => [...node.querySelectorAll('style')].map((style) => sha256(style.textContent ?? '')));
    expect(hashes).toEqual(PLOT_STYLE_HASHES);
  });
});

describe('contentSecurityPolicy', () => {
  it('allows only the site itself, with no inline or eval script', () => {
    const policy = directives(contentSecurityPolicy());
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('style-src')).toEqual(["'self'", ...PLOT_STYLE_HASHES]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'self'"]);
    expect(policy.get('form-action')).toEqual(["'none'"]);
    expect([...policy.values()].flat().filter((value) => /unsafe|^https?:|^\*$/.test(value))).toEqual([]);
  });

  it.each([
    ['style-src', { styleHashes: ["'sha256-a'"] }, ["'self'", ...PLOT_STYLE_HASHES, "'sha256-a'"]],
    ['script-src', { scriptHashes: ["'sha256-b'"] }, ["'self'", "'sha256-b'"]],
    ['img-src', { imageSources: ['https://tiles.example'] }, ["'self'", 'data:', 'blob:', 'https://tiles.example']],
  ] as const)('adds the page’s own %s sources to that directive alone', (name, options, expected) => {
    const policy = directives(contentSecurityPolicy(options));
    expect(policy.get(name)).toEqual(expected);
    for (const other of ['style-src', 'script-src', 'img-src'].filter((directive) => directive !== name)) expect(policy.get(other)).toEqual(directives(contentSecurityPolicy()).get(other));
  });

  it.each([
    [undefined, undefined],
    ["'none'", ["'none'"]],
    ['*', ['*']],
    ['https://council.example', ['https://council.example']],
  ])('adds frame-ancestors %s only when asked (headers, never the meta tag)', (frameAncestors, expected) => {
    expect(directives(contentSecurityPolicy(frameAncestors ? { frameAncestors } : {})).get('frame-ancestors')).toEqual(expected);
  });
});

describe('tileImageSource', () => {
  it.each([
    ['https://tiles.example.org/{z}/{x}/{y}.png', 'https://tiles.example.org'],
    ['https://{s}.tile.example.org/{z}/{x}/{y}.png', 'https://*.tile.example.org'],
    ['https://maps.example.org:8443/tiles/{z}/{x}/{y}.png?key=abc', 'https://maps.example.org:8443'],
  ])('%s → %s', (template, expected) => {
    expect(tileImageSource(template)).toBe(expected);
  });

  it.each([
    ['http://tiles.example.org/{z}/{x}/{y}.png', 'must start with https://'],
    ['https://tiles.{s}.example.org/{z}/{x}/{y}.png', 'Only the first part'],
    ['/tiles/{z}/{x}/{y}.png', 'must start with https://'],
  ])('refuses %s', (template, message) => {
    expect(() => tileImageSource(template)).toThrow(message);
  });

  it('is added to img-src of the meta policy and every header policy', () => {
    const source = 'https://*.tile.example.org';
    expect(directives(contentSecurityPolicy({ imageSources: [source] })).get('img-src')).toEqual(["'self'", 'data:', 'blob:', source]);
    expect(headersFile({ imageSources: [source] }).match(new RegExp(`img-src 'self' data: blob: ${source.replace(/[*.]/g, '\\$&')};`, 'g'))).toHaveLength(3);
  });
});

describe('headersFile', () => {
  const text = headersFile();
  /** Path → header lines, from the Netlify / Cloudflare Pages format. */
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || line.trim() === '') continue;
    if (!line.startsWith(' ')) rules.set(line, (current = new Map()));
    else {
      const [name = '', ...value] = line.trim().split(': ');
      current?.set(name, value.join(': '));
    }
  }

  it('sets the common headers on every path and the CSP only per page, so policies never stack', () => {
    expect(Object.fromEntries(rules.get('/*') ?? [])).toEqual(COMMON_HEADERS);
    for (const [path, headers] of rules) {
      if (headers.has('Content-Security-Policy')) expect(['/', '/index.html', '/embed.html', '/compare.html', '/embed/*']).toContain(path);
    }
  });

  it.each([
    ['/compare.html', "frame-ancestors 'none'", 'DENY'],
    ['/embed/*', 'frame-ancestors *', undefined],
  ])('gives the static chart pages at %s only what a header alone can carry (their policy is in a meta tag)', (path, policy, frameOptions) => {
    expect(rules.get(path)?.get('Content-Security-Policy')).toBe(policy);
    expect(rules.get(path)?.get('X-Frame-Options')).toBe(frameOptions);
  });

  it.each(['/', '/index.html'])('forbids framing the dashboard at %s', (path) => {
    expect(rules.get(path)?.get('Content-Security-Policy')).toBe(contentSecurityPolicy({ frameAncestors: "'none'" }));
    expect(rules.get(path)?.get('X-Frame-Options')).toBe('DENY');
  });

  it('lets any site frame the embed page', () => {
    expect(rules.get('/embed.html')?.get('Content-Security-Policy')).toBe(contentSecurityPolicy({ frameAncestors: '*' }));
    expect(rules.get('/embed.html')?.has('X-Frame-Options')).toBe(false);
  });

  it('caches hashed assets for good and data briefly', () => {
    expect(rules.get('/assets/*')?.get('Cache-Control')).toContain('immutable');
    expect(rules.get('/data/*')?.get('Cache-Control')).toMatch(/max-age=\d{1,4},/);
  });
});

describe('docs/hosting.md', () => {
  it('quotes the current policies, so hosts copying from it get the real one', () => {
    const doc = readFileSync(path.join(import.meta.dirname, '../../../../docs/hosting.md'), 'utf8');
    expect(doc).toContain(contentSecurityPolicy({ frameAncestors: "'none'" }));
    expect(doc).toContain(contentSecurityPolicy({ frameAncestors: '*' }));
  });
});
