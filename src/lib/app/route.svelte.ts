/**
 * Hash routing: "#/compare?deal-breakdown.measure=per_resident" (charts namespace their
 * parameters, lib/charts/params.ts). Hash URLs work on any static host without rewrites,
 * and every view and switch lives in the URL so links can be shared.
 */
import { buildHash, parseHash, type Route } from './hash.ts';

export type { Route };

class Router {
  // Raw: a route is a frozen value replaced whole, never mutated, so no deep proxy.
  current = $state.raw<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  /** Starts listening; returns the cleanup for the caller's $effect. */
  listen(): () => void {
    const update = () => {
      this.current = parseHash(location.hash);
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }

  /**
   * Merges `params` into the current view's switches (an empty or null value removes one).
   * By default in place (replaceState), so switches do not flood the history and no
   * hashchange fires; `replace: false` sets location.hash, a new history entry.
   */
  setParams(params: Record<string, string | null | undefined>, options: { replace?: boolean } = {}): void {
    const merged = { ...this.current.params, ...params };
    const hash = buildHash(this.current.path, merged);
    if (options.replace === false) location.hash = hash;
    else history.replaceState(history.state, '', hash);
    this.current = parseHash(hash);
  }
}

export const router = new Router();
