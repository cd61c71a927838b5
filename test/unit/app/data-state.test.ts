/**
 * The shared data state: loading, adopting the prerendered texts, a later load winning
 * over a slower earlier one, and a failed read. (Node resolves Svelte's server build, where
 * runes are plain fields, so $state.raw versus $state cannot be told apart here.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { dataState } from '../../../src/lib/app/data-state.svelte.ts';
import { DATASET_NAMES, SCHEMA } from '../../../src/lib/data/schema.ts';

const FIXTURES = path.resolve('test/fixtures/dashboard');
const texts = Object.fromEntries(DATASET_NAMES.map((name) => [SCHEMA[name].file, readFileSync(path.join(FIXTURES, SCHEMA[name].file), 'utf8')]));
const reader = (files: Record<string, string>, delay = 0) => async (file: string) => {
  await new Promise((resolve) => setTimeout(resolve, delay));
  const text = files[file];
  if (text === undefined) throw new Error(`no ${file}`);
  return text;
};

describe('dataState', () => {
  it('adopts the prerendered texts, and keeps them when the served files are the same', async () => {
    await dataState.adopt(texts);
    const adopted = dataState.state;
    expect(adopted.status).toBe('ready');
    await dataState.load(reader(texts));
    // Same object: nothing re-rendered.
    expect(dataState.state).toBe(adopted);
  });

  it('lets a later load win over a slower earlier one', async () => {
    const slow = dataState.load(reader({ ...texts, 'funding.csv': 'broken' }, 50));
    const fast = dataState.load(reader(texts, 0));
    await Promise.all([slow, fast]);
    const state = dataState.state;
    expect(state.status === 'ready' && state.result.data.funding !== undefined).toBe(true);
  });

  it('reports a file that cannot be read as missing, and keeps the rest', async () => {
    const rest = Object.fromEntries(Object.entries(texts).filter(([file]) => file !== 'funding.csv'));
    await dataState.load(reader(rest));
    const state = dataState.state;
    if (state.status !== 'ready') throw new Error('not ready');
    expect(state.result.reports.find((r) => r.file === 'funding.csv')?.status).toBe('missing');
    expect(state.result.data.sources?.length).toBeGreaterThan(0);
  });
});
