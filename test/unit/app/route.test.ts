/**
 * The hash router, with window, location and history stubbed (in node, Svelte's runes are
 * plain fields, so the router is an ordinary object here).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { router as Router } from '../../../src/lib/app/route.svelte.ts';

const events = new EventTarget();
const location = { hash: '#/compare?deal-breakdown.measure=per_resident' };
const replaced: string[] = [];
const history = {
  state: null,
  replaceState: (_state: unknown, _title: string, url: string) => {
    replaced.push(url);
    location.hash = url;
  },
};
let router: typeof Router;

beforeAll(async () => {
  vi.stubGlobal('window', { addEventListener: events.addEventListener.bind(events), removeEventListener: events.removeEventListener.bind(events) });
  vi.stubGlobal('location', location);
  vi.stubGlobal('history', history);
  // Imported after the stubs: the router reads location.hash when it is created.
  ({ router } = await import('../../../src/lib/app/route.svelte.ts'));
});
afterAll(() => vi.unstubAllGlobals());
beforeEach(() => {
  replaced.length = 0;
});

const navigate = (hash: string) => {
  location.hash = hash;
  events.dispatchEvent(new Event('hashchange'));
};
/** Puts the router at `hash`, as a reader following a link would. */
const at = (hash: string) => {
  const stop = router.listen();
  navigate(hash);
  stop();
};

describe('router', () => {
  it('starts at the address it was loaded with', () => {
    expect(router.current).toEqual({ path: '/compare', params: { 'deal-breakdown.measure': 'per_resident' } });
  });

  it('follows hashchange while listening, and stops after the cleanup', () => {
    const stop = router.listen();
    navigate('#/map?region=E47000004');
    expect(router.current).toEqual({ path: '/map', params: { region: 'E47000004' } });
    stop();
    navigate('#/data');
    expect(router.current.path).toBe('/map');
  });

  it.each([
    [{ indicator: 'population' }, '#/map?region=E47000004&indicator=population'],
    [{ region: 'E47000007' }, '#/map?region=E47000007'],
    [{ region: null }, '#/map'],
    [{ region: '' }, '#/map'],
    [{ 'a&b': 'c=d' }, '#/map?region=E47000004&a%26b=c%3Dd'],
  ])('setParams(%j) replaces the entry with %s', (params, hash) => {
    at('#/map?region=E47000004');
    router.setParams(params);
    expect(replaced).toEqual([hash]);
    expect(router.current.path).toBe('/map');
    expect(router.current.params).toEqual(Object.fromEntries(new URLSearchParams(hash.split('?')[1] ?? '')));
  });

  it('adds a history entry with replace: false', () => {
    at('#/map');
    router.setParams({ region: 'E47000001' }, { replace: false });
    expect(replaced).toEqual([]);
    expect(location.hash).toBe(`#${router.current.path}?region=E47000001`);
  });

  it('gives frozen params, replaced whole on each change', () => {
    const before = router.current;
    router.setParams({ region: 'E47000002' });
    expect(router.current).not.toBe(before);
    expect(Object.isFrozen(router.current.params)).toBe(true);
  });
});
