import { describe, expect, it } from 'vitest';
import {
  parsePrerenderedTexts,
  prerenderedDataElement,
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

  it('wraps the JSON in a non-executable data element', () => {
    expect(prerenderedDataElement({ 'a.csv': '</script>' })).toBe('<script type="application/json" id="prerendered-data">{"a.csv":"\\u003c/script\\u003e"}</script>');
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
