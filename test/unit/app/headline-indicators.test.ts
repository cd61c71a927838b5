/**
 * The headline's official statistics state: it adopts what the build baked, keeps it when
 * the served files have the fingerprints the build recorded, re-loads when one differs, and
 * keeps the figures shown when the re-load's code cannot be downloaded. Each test takes a
 * fresh module, because the state reads the served files once per page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fingerprinting, type Prerendered } from '../../../src/lib/app/prerendered.ts';
import { loadHeadlineIndicators } from '../../../src/lib/data/headline-indicators-load.ts';
import { fixtureReader } from '../data/indicators/fixtures.ts';

const STATE = '../../../src/lib/app/headline-indicators.svelte.ts';
const LOADER = '../../../src/lib/data/headline-indicators-load.ts';

/** What the build bakes from the fixtures: the loaded statistics and the fingerprint of every file read. */
async function prerendered(): Promise<Prerendered> {
  const files: Record<string, string | null> = {};
  const indicators = await loadHeadlineIndicators(fingerprinting(fixtureReader().reader, files));
  return { files, datasets: { data: {}, reports: [] }, indicators };
}

async function freshState() {
  vi.resetModules();
  return (await import(STATE)) as typeof import('../../../src/lib/app/headline-indicators.svelte.ts');
}

afterEach(() => {
  vi.doUnmock(LOADER);
  vi.resetModules();
});

describe('headlineIndicatorState', () => {
  it('records every file the statistics came from, the metadata first among them', async () => {
    const { files } = await prerendered();
    expect(Object.keys(files).sort()).toEqual(['indicators/indicators.csv', 'indicators/rates.csv', 'indicators/survey.csv']);
    expect(Object.values(files).every((print) => typeof print === 'string' && print.length === 64)).toBe(true);
  });

  it('keeps the baked statistics, reading only the recorded files, when none changed', async () => {
    const { headlineIndicatorState: state } = await freshState();
    const baked = await prerendered();
    state.adopt(baked);
    const { reader, read } = fixtureReader();
    await state.load(reader);
    expect(state.state).toBe(baked.indicators);
    expect(read.sort()).toEqual(Object.keys(baked.files).sort());
  });

  it('re-loads from the served files when one differs from the build’s', async () => {
    const { headlineIndicatorState: state } = await freshState();
    const baked = await prerendered();
    state.adopt(baked);
    // Survey's dataset gone from the server: its indicator is now reported missing.
    await state.load(fixtureReader({ 'indicators/survey.csv': null }).reader);
    expect(state.state).not.toBe(baked.indicators);
    expect(state.state?.reports.find((r) => r.file === 'indicators/survey.csv')?.status).toBe('missing');
  });

  it('keeps the figures shown when the re-load cannot be downloaded, and tries again on the next call', async () => {
    let fail = true;
    vi.doMock(LOADER, async (importOriginal) => {
      const original = await importOriginal<typeof import('../../../src/lib/data/headline-indicators-load.ts')>();
      return { ...original, loadHeadlineIndicators: (...args: Parameters<typeof original.loadHeadlineIndicators>) => (fail ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : original.loadHeadlineIndicators(...args)) };
    });
    const { headlineIndicatorState: state } = await freshState();
    const baked = await prerendered();
    state.adopt(baked);
    const changed = fixtureReader({ 'indicators/survey.csv': null }).reader;
    await state.load(changed);
    expect(state.state).toBe(baked.indicators);
    fail = false;
    await state.load(changed);
    expect(state.state?.reports.find((r) => r.file === 'indicators/survey.csv')?.status).toBe('missing');
  });

  it('without baked data, loads the served files', async () => {
    const { headlineIndicatorState: state } = await freshState();
    await state.load(fixtureReader().reader);
    expect([...(state.state?.store.keys() ?? [])].length).toBeGreaterThan(0);
  });
});
