/**
 * The shared data state: loading, adopting the prerendered data, a later load winning
 * over a slower earlier one, and a failed read. (Node resolves Svelte's server build, where
 * runes are plain fields, so $state.raw versus $state cannot be told apart here.)
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { dataState } from '../../../src/lib/app/data-state.svelte.ts';
import { DATASET_NAMES, SCHEMA } from '../../../src/lib/data/schema.ts';
import { fingerprinting, prerenderedReader, type Prerendered } from '../../../src/lib/app/prerendered.ts';
import { loadDatasets } from '../../../src/lib/data/load.ts';
import { validateCsv } from '../../../src/lib/data/validate.ts';

const FIXTURES = path.resolve('test/fixtures/dashboard');
const texts = Object.fromEntries(DATASET_NAMES.map((name) => [SCHEMA[name].file, readFileSync(path.join(FIXTURES, SCHEMA[name].file), 'utf8')]));
const reader = (files: Record<string, string>, delay = 0) => async (file: string) => {
  await new Promise((resolve) => setTimeout(resolve, delay));
  const text = files[file];
  if (text === undefined) throw new Error(`no ${file}`);
  return text;
};

/** What the build bakes for `texts`: the validated data and each file's fingerprint. */
async function prerendered(): Promise<Prerendered> {
  const files: Record<string, string | null> = {};
  return { datasets: await loadDatasets(fingerprinting(prerenderedReader(texts), files)), files, indicators: null };
}

describe('dataState', () => {
  it('adopts the prerendered data as it is, and keeps it when the served files are the same', async () => {
    const baked = await prerendered();
    dataState.adopt(baked);
    const adopted = dataState.state;
    expect(adopted).toEqual({ status: 'ready', result: baked.datasets });
    await dataState.load(reader(texts));
    // Same object: nothing re-rendered.
    expect(dataState.state).toBe(adopted);
  });

  it('re-checks and shows the served files when one differs from the build’s', async () => {
    dataState.adopt(await prerendered());
    const changed = texts['funding.csv']?.replace(/\n[^\n]*\n?$/, '\n') ?? '';
    await dataState.load(reader({ ...texts, 'funding.csv': changed }));
    const state = dataState.state;
    if (state.status !== 'ready') throw new Error('not ready');
    expect(state.result.data.funding?.length).toBe(validateCsv('funding', changed).rows.length);
    expect(state.result.data.funding?.length).toBeLessThan(validateCsv('funding', texts['funding.csv'] ?? '').rows.length);
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

  it('keeps the prerendered data when a changed file cannot be re-checked (the validator did not download), and tries again next time', async () => {
    vi.resetModules();
    let fail = true;
    vi.doMock('../../../src/lib/data/load.ts', async (importOriginal) => {
      const original = await importOriginal<typeof import('../../../src/lib/data/load.ts')>();
      return { ...original, checkDatasets: (...args: Parameters<typeof original.checkDatasets>) => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : original.checkDatasets(...args)) };
    });
    try {
      const { dataState: fresh } = await import('../../../src/lib/app/data-state.svelte.ts');
      fresh.adopt(await prerendered());
      const adopted = fresh.state;
      const changed = { ...texts, 'funding.csv': `${texts['funding.csv'] ?? ''}\n` };
      await fresh.load(reader(changed));
      expect(fresh.state).toBe(adopted);
      fail = false;
      await fresh.load(reader(changed));
      expect(fresh.state).not.toBe(adopted);
      expect(fresh.state.status).toBe('ready');
    } finally {
      vi.doUnmock('../../../src/lib/data/load.ts');
      vi.resetModules();
    }
  });

  it('without prerendered data, a failed load says so', async () => {
    vi.resetModules();
    vi.doMock('../../../src/lib/data/load.ts', async (importOriginal) => ({ ...(await importOriginal<typeof import('../../../src/lib/data/load.ts')>()), checkDatasets: () => Promise.reject(new TypeError('Failed to fetch dynamically imported module')) }));
    try {
      const { dataState: fresh } = await import('../../../src/lib/app/data-state.svelte.ts');
      await fresh.load(reader(texts));
      expect(fresh.state).toEqual({ status: 'failed', message: 'Failed to fetch dynamically imported module' });
    } finally {
      vi.doUnmock('../../../src/lib/data/load.ts');
      vi.resetModules();
    }
  });
});
