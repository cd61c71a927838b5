/**
 * Hash routing: "#/compare?measure=per_resident". Hash URLs work on any static host
 * without rewrites, and every view and switch lives in the URL so links can be shared.
 */
import { buildHash, parseHash, type Route } from './hash.ts';

export type { Route };

class Router {
  current = $state<Route>(parseHash(typeof location === 'undefined' ? '' : location.hash));

  /** Starts listening; returns the cleanup for the caller's $effect. */
  listen(): () => void {
    const update = () => {
      this.current = parseHash(location.hash);
    };
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }

  /** Changes one view's switches in place (replaceState) so switches do not flood the history. */
  setParams(params: Record<string, string | null | undefined>, options: { replace?: boolean } = {}): void {
    const merged = { ...this.current.params, ...params };
    const hash = buildHash(this.current.path, merged);
    if (options.replace === false) location.hash = hash;
    else history.replaceState(history.state, '', hash);
    this.current = parseHash(hash);
  }
}

export const router = new Router();
