/**
 * The map's inputs kept per page (map-inputs.svelte.ts): read once, a failure not kept,
 * official statistics folded in, and nothing fetched again that is already known. Each
 * test imports a fresh copy of the module (its state is the page's).
 */
import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fixtureData, syntheticTopology } from './fixtures.ts';

const official = (name: string) => readFileSync(new URL(`../../fixtures/map/${name}`, import.meta.url), 'utf8');
const topology = JSON.stringify(syntheticTopology(fixtureData()));

let requests: string[] = [];
let answers: Record<string, () => Response> = {};

beforeEach(() => {
  vi.resetModules();
  requests = [];
  answers = {
    'boundaries.topo.json': () => new Response(topology, { headers: { 'content-type': 'application/json' } }),
    'indicators/indicators.csv': () => new Response(official('indicators.csv')),
    'indicators/stats.csv': () => new Response(official('stats.csv')),
  };
  vi.stubGlobal('document', { baseURI: 'https://dashboard.example/' });
  vi.stubGlobal('fetch', async (input: string | URL) => {
    const file = String(input).replace('https://dashboard.example/data/', '');
    requests.push(file);
    return answers[file]?.() ?? new Response('not found', { status: 404 });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

const fresh = () => import('../../../src/lib/map/map-inputs.svelte.ts');

describe('fetchBoundaries', () => {
  it('reads the file once, however often it is asked for', async () => {
    const { fetchBoundaries } = await fresh();
    const [a, b] = await Promise.all([fetchBoundaries(), fetchBoundaries()]);
    const c = await fetchBoundaries();
    expect(a.ok && b.ok && c.ok).toBe(true);
    expect(requests).toEqual(['boundaries.topo.json']);
  });

  it.each([
    ['missing (404)', () => new Response('', { status: 404 }), /missing/],
    ['not JSON', () => new Response('{', { headers: { 'content-type': 'application/json' } }), /not valid JSON/],
  ])('does not keep a failure (%s): the next view tries again', async (_, answer, reason) => {
    answers['boundaries.topo.json'] = answer;
    const { fetchBoundaries } = await fresh();
    const first = await fetchBoundaries();
    expect(first.ok ? '' : first.reason).toMatch(reason);
    await fetchBoundaries();
    expect(requests).toEqual(['boundaries.topo.json', 'boundaries.topo.json']);
  });

  it('uses what the build seeded, reading nothing', async () => {
    const { fetchBoundaries, seedMapInputs } = await fresh();
    const seeded = { ok: true, boundaries: { topology: {}, geometries: [], year: 2024 } } as never;
    seedMapInputs({ boundaries: seeded, official: { metadata: [], store: new Map(), problems: {} } });
    expect(await fetchBoundaries()).toBe(seeded);
    expect(requests).toEqual([]);
  });
});

describe('fetchOfficial and preloadMapInputs', () => {
  it('folds the metadata and an indicator’s file into what is known, and does not read them again', async () => {
    const { fetchOfficial, preloadMapInputs } = await fresh();
    const loaded = await fetchOfficial(['rate']);
    expect(loaded.metadata?.map((m) => m.indicator_id)).toContain('rate');
    expect(loaded.store.has('rate')).toBe(true);
    requests = [];
    await preloadMapInputs('rate');
    expect(requests).toEqual(['boundaries.topo.json']);
  });

  it.each([
    ['an unknown indicator', 'nope', (problems: Record<string, string>) => expect(problems.nope).toMatch(/does not list it/)],
    ['a dataset file that cannot be read', 'rate', (problems: Record<string, string>) => expect(problems.rate).toMatch(/stats\.csv/)],
  ])('records a problem for %s', async (name, id, check) => {
    if (name.startsWith('a dataset')) delete answers['indicators/stats.csv'];
    const { fetchOfficial } = await fresh();
    check({ ...(await fetchOfficial([id])).problems });
  });

  it('with no indicator asked for, reads the metadata only', async () => {
    const { preloadMapInputs } = await fresh();
    await preloadMapInputs(null);
    expect(requests.sort()).toEqual(['boundaries.topo.json', 'indicators/indicators.csv']);
  });
});
