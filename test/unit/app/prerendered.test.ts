import { createHash } from 'node:crypto';
import { describe, expect, it, vi } from 'vitest';
import {
  fingerprint,
  fingerprinting,
  loadPrerendered,
  parsePrerendered,
  PRERENDERED_ATTRIBUTE,
  prerenderedReader,
  serialisePrerendered,
  unchanged,
  type Prerendered,
} from '../../../src/lib/app/prerendered.ts';
import type { LoadedIndicators } from '../../../src/lib/data/indicators/load.ts';

/** The smallest data the format carries: one dataset row holding `note`, and an indicator store with a nested Map. */
const baked = (note: string, files: Prerendered['files'] = { 'sources.csv': 'ab12' }): Prerendered => ({
  files,
  datasets: { data: { sources: [{ source_id: 'x', title: note } as never] }, reports: [{ dataset: 'sources', file: 'sources.csv', status: 'ok', rowCount: 1, errors: [], warnings: [] }] },
  indicators: { metadata: [], store: new Map([['starts', { byKey: new Map([['E92000001 2024', { value: 1 }]]), rows: [], periods: [] }]]), reports: [] } as unknown as LoadedIndicators,
});

describe('serialisePrerendered', () => {
  const hostile = [
    ['a closing script tag', '</script><script>alert(1)</script>'],
    ['an HTML comment opener', '<!-- hidden'],
    ['a closing tag in capitals', '</SCRIPT >'],
    ['ampersands and entities', '&lt;b&gt; & more'],
    ['line and paragraph separators', 'a\u2028b\u2029c'],
    ['quotes, backslashes and a BOM', '\uFEFFsay "hi" \\ bye'],
  ] as const;

  it.each(hostile)('keeps %s from ending a script element, and reads back unchanged', (_, note) => {
    const json = serialisePrerendered(baked(note));
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(parsePrerendered(json)).toEqual(baked(note));
  });

  it('writes the indicator store’s Maps so that they read back as Maps', () => {
    const read = parsePrerendered(serialisePrerendered(baked('x')));
    const series = read?.indicators?.store.get('starts');
    expect(read?.indicators?.store).toBeInstanceOf(Map);
    expect(series?.byKey).toBeInstanceOf(Map);
    expect(series?.byKey.get('E92000001 2024')).toEqual({ value: 1 });
  });

  it('keeps a build without official statistics (null) and files it could not read (null)', () => {
    const data = { ...baked('x', { 'sources.csv': 'ab', 'funding.csv': null }), indicators: null };
    expect(parsePrerendered(serialisePrerendered(data))).toEqual(data);
  });
});

describe('parsePrerendered', () => {
  const good = JSON.parse(serialisePrerendered(baked('x'))) as Record<string, unknown>;
  it.each([
    ['nothing', null],
    ['an empty string', ''],
    ['invalid JSON', '{"files":'],
    ['an array', '[]'],
    ['a string', '"a"'],
    ['null', 'null'],
    ['the old format (file → text)', '{"funding.csv":"id,amount\\n"}'],
    ['no fingerprints', JSON.stringify({ ...good, files: undefined })],
    ['a fingerprint that is not text', JSON.stringify({ ...good, files: { 'a.csv': 1 } })],
    ['datasets without reports', JSON.stringify({ ...good, datasets: { data: {} } })],
    ['indicators without a store', JSON.stringify({ ...good, indicators: { metadata: [], reports: [] } })],
  ])('returns null for %s, so the app renders from the served files', (_, json) => {
    expect(parsePrerendered(json)).toBeNull();
  });
});

describe('loadPrerendered', () => {
  /** The app's container as the build writes it: a stand-in with just the attribute the loader reads. */
  const container = (src: string | null) => ({ getAttribute: (name: string) => (name === PRERENDERED_ATTRIBUTE ? src : null) }) as unknown as Element;
  const answering = (status: number, body: string) => async () => new Response(body, { status });
  const failing = async (): Promise<Response> => {
    throw new TypeError('Failed to fetch');
  };

  it.each([
    ['no container', null, answering(200, '{}')],
    ['a container without the attribute', container(null), answering(200, '{}')],
    ['a missing file', container('./assets/prerendered-x.json'), answering(404, 'not found')],
    ['a network failure', container('./assets/prerendered-x.json'), failing],
    ['a file that is not the data', container('./assets/prerendered-x.json'), answering(200, '<!doctype html>')],
  ])('returns null for %s', async (_, element, fetchImpl) => {
    expect(await loadPrerendered(element, 'https://example.org/dash/', fetchImpl as typeof fetch)).toBeNull();
  });

  it('fetches the named file from the page address and reads the data', async () => {
    const asked: string[] = [];
    const fetchImpl = (async (url: string) => {
      asked.push(url);
      return new Response(serialisePrerendered(baked('</script>')));
    }) as typeof fetch;
    expect(await loadPrerendered(container('./assets/prerendered-x.json'), 'https://example.org/dash/index.html', fetchImpl)).toEqual(baked('</script>'));
    expect(asked).toEqual(['https://example.org/dash/assets/prerendered-x.json']);
  });
});

describe('prerenderedReader', () => {
  it('reads baked-in files, including empty ones, and reports absent ones as unreadable', async () => {
    const read = prerenderedReader({ 'a.csv': 'x\n', 'empty.csv': '' });
    await expect(read('a.csv')).resolves.toBe('x\n');
    await expect(read('empty.csv')).resolves.toBe('');
    await expect(read('b.csv')).rejects.toThrow('b.csv was not found when this page was built.');
  });
});

describe('fingerprint', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('is the SHA-256 of %j', async (text, hex) => {
    expect(await fingerprint(text)).toBe(hex);
  });

  it('hashes the UTF-8 bytes, as Node does for the build', async () => {
    const text = '£11.2m – Liverpool City Region\u2028';
    expect(await fingerprint(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('fingerprinting', () => {
  it('records each file read: its fingerprint, or null when it could not be read', async () => {
    const files: Record<string, string | null> = {};
    const read = fingerprinting(prerenderedReader({ 'a.csv': 'abc' }), files);
    await expect(read('a.csv')).resolves.toBe('abc');
    await expect(read('gone.csv')).rejects.toThrow('gone.csv was not found');
    expect(files).toEqual({ 'a.csv': 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad', 'gone.csv': null });
  });
});

describe('unchanged', () => {
  const sha = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
  it.each([
    ['every file as the build read it', { 'a.csv': sha('x'), 'b.csv': sha('y') }, { 'a.csv': { text: 'x' }, 'b.csv': { text: 'y' } }, true],
    ['nothing fetched', { 'a.csv': sha('x') }, {}, true],
    ['a file unreadable then and now', { 'a.csv': null }, { 'a.csv': { readError: '404' } }, true],
    ['only the fetched files counting (the other state checks the rest)', { 'a.csv': sha('x'), 'indicators/b.csv': sha('y') }, { 'a.csv': { text: 'x' } }, true],
    ['one character changed', { 'a.csv': sha('x') }, { 'a.csv': { text: 'x ' } }, false],
    ['a file no longer served', { 'a.csv': sha('x') }, { 'a.csv': { readError: '404' } }, false],
    ['a file newly served', { 'a.csv': null }, { 'a.csv': { text: 'x' } }, false],
    ['a file the build did not list', { 'a.csv': sha('x') }, { 'a.csv': { text: 'x' }, 'new.csv': { text: 'z' } }, false],
  ])('%s → %s', async (_, files, fetched, expected) => {
    expect(await unchanged(files, fetched)).toBe(expected);
  });

  it('counts every file as changed where there is no Web Crypto (plain HTTP), so the page re-checks rather than trusts', async () => {
    vi.stubGlobal('crypto', undefined);
    try {
      expect(await fingerprint('x')).toBeNull();
      expect(await unchanged({ 'a.csv': sha('x') }, { 'a.csv': { text: 'x' } })).toBe(false);
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
