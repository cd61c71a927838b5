import { describe, expect, it } from 'vitest';
import {
  loadPrerenderedTexts,
  parsePrerenderedTexts,
  PRERENDERED_ATTRIBUTE,
  prerenderedReader,
  sameTexts,
  serialisePrerenderedTexts,
} from '../../../src/lib/app/prerendered.ts';

describe('serialisePrerenderedTexts', () => {
  const hostile = [
    ['a closing script tag', 'id,note\nx,"</script><script>alert(1)</script>"\n'],
    ['an HTML comment opener', 'id,note\nx,<!-- hidden\n'],
    ['a closing tag in capitals', 'id,note\nx,</SCRIPT >\n'],
    ['ampersands and entities', 'id,note\nx,&lt;b&gt; & more\n'],
    ['line and paragraph separators', 'id,note\nx,a\u2028b\u2029c\n'],
    ['quotes, backslashes and a BOM', '\uFEFFid,note\nx,"say ""hi"" \\ bye"\n'],
  ] as const;

  it.each(hostile)('keeps %s from ending the script element, and reads back unchanged', (_, text) => {
    const json = serialisePrerenderedTexts({ 'notes.csv': text });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(parsePrerenderedTexts(json)).toEqual({ 'notes.csv': text });
  });

});

describe('loadPrerenderedTexts', () => {
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
    ['a file that is not the texts', container('./assets/prerendered-x.json'), answering(200, '<!doctype html>')],
  ])('returns null for %s, so the app renders from the served files', async (_, element, fetchImpl) => {
    expect(await loadPrerenderedTexts(element, 'https://example.org/dash/', fetchImpl as typeof fetch)).toBeNull();
  });

  it('fetches the named file from the page address and reads the texts', async () => {
    const asked: string[] = [];
    const fetchImpl = (async (url: string) => {
      asked.push(url);
      return new Response(serialisePrerenderedTexts({ 'a.csv': '</script>' }));
    }) as typeof fetch;
    expect(await loadPrerenderedTexts(container('./assets/prerendered-x.json'), 'https://example.org/dash/index.html', fetchImpl)).toEqual({ 'a.csv': '</script>' });
    expect(asked).toEqual(['https://example.org/dash/assets/prerendered-x.json']);
  });
});

describe('parsePrerenderedTexts', () => {
  it.each([
    ['nothing', null],
    ['an empty string', ''],
    ['invalid JSON', '{"a.csv":'],
    ['an array', '["a"]'],
    ['a string', '"a"'],
    ['null', 'null'],
    ['a non-string value', '{"a.csv":1}'],
    ['a nested object', '{"a.csv":{"b":"c"}}'],
  ])('returns null for %s', (_, json) => {
    expect(parsePrerenderedTexts(json)).toBeNull();
  });

  it('returns the texts by file name', () => {
    expect(parsePrerenderedTexts('{"a.csv":"x,y\\n","b.csv":""}')).toEqual({ 'a.csv': 'x,y\n', 'b.csv': '' });
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

describe('sameTexts', () => {
  it.each([
    ['identical files', { 'a.csv': 'x', 'b.csv': 'y' }, { 'b.csv': 'y', 'a.csv': 'x' }, true],
    ['no files on either side', {}, {}, true],
    ['one file changed', { 'a.csv': 'x' }, { 'a.csv': 'x ' }, false],
    ['a file no longer served', { 'a.csv': 'x', 'b.csv': 'y' }, { 'a.csv': 'x' }, false],
    ['a file newly served', { 'a.csv': 'x' }, { 'a.csv': 'x', 'b.csv': 'y' }, false],
    ['a file swapped for another', { 'a.csv': 'x' }, { 'b.csv': 'x' }, false],
  ])('%s → %s', (_, baked, served, expected) => {
    expect(sameTexts(baked, served)).toBe(expected);
  });
});
