/** The data layer's readers and loader: what each file read gives, and how the checks see failed reads. */
import { describe, expect, it } from 'vitest';
import { checkDatasets, loadDatasets, readAgain, readFiles, textsReader } from '../../../src/lib/data/load.ts';
import { SCHEMA } from '../../../src/lib/data/schema.ts';
import { FIXTURE_DATA, loadFolder } from './load-files.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

describe('readFiles and readAgain', () => {
  const read = async (file: string) => {
    if (file === 'gone.csv') throw new Error('The server answered 404 Not Found for gone.csv.');
    return `text of ${file}`;
  };

  it('keeps each text or why it could not be read, and gives them again without reading twice', async () => {
    const fetched = await readFiles(read, ['a.csv', 'gone.csv']);
    expect(fetched).toEqual({ 'a.csv': { text: 'text of a.csv' }, 'gone.csv': { readError: 'The server answered 404 Not Found for gone.csv.' } });
    const asked: string[] = [];
    const again = readAgain(fetched, async (file) => {
      asked.push(file);
      return read(file);
    });
    await expect(again('a.csv')).resolves.toBe('text of a.csv');
    await expect(again('gone.csv')).rejects.toThrow('404 Not Found for gone.csv');
    await expect(again('other.csv')).resolves.toBe('text of other.csv');
    expect(asked).toEqual(['other.csv']);
  });
});

describe('textsReader', () => {
  it('reads texts in memory, empty ones included, and fails for others with the given message', async () => {
    const read = textsReader({ 'a.csv': 'x\n', 'empty.csv': '' });
    await expect(read('a.csv')).resolves.toBe('x\n');
    await expect(read('empty.csv')).resolves.toBe('');
    await expect(read('b.csv')).rejects.toThrow('b.csv could not be read.');
    await expect(textsReader({}, (file) => `no ${file}`)('b.csv')).rejects.toThrow('no b.csv');
  });
});

describe('checkDatasets', () => {
  it('gives for files already read what loadDatasets gives for reading them', async () => {
    const read = (file: string) => readFile(join(FIXTURE_DATA, file), 'utf8');
    const files = await readFiles(read, Object.values(SCHEMA).map((spec) => spec.file));
    expect(await checkDatasets(files)).toEqual(await loadDatasets(read));
    expect(await checkDatasets(files)).toEqual(await loadFolder(FIXTURE_DATA));
  });

  it('reports a file whose read failed, or that was not read, as missing', async () => {
    const files = await readFiles(async (file) => {
      if (file === SCHEMA.funding.file) throw new Error('The server answered 404 Not Found for funding.csv.');
      return readFile(join(FIXTURE_DATA, file), 'utf8');
    }, Object.values(SCHEMA).filter((spec) => spec.file !== SCHEMA.sectors.file).map((spec) => spec.file));
    const { reports } = await checkDatasets(files);
    expect(reports.find((r) => r.dataset === 'funding')).toMatchObject({ status: 'missing', errors: [{ hint: 'The server answered 404 Not Found for funding.csv.' }] });
    expect(reports.find((r) => r.dataset === 'sectors')).toMatchObject({ status: 'missing', errors: [{ hint: 'sectors.csv was not read.' }] });
  });
});
