/**
 * Hash routing: "#/compare?measure=per_resident". Hash URLs work on any static host
 * without rewrites, and every view and switch lives in the URL so links can be shared.
 */

export interface Route {
  path: string;
  /** Query parameters; a plain frozen object so a route is a value, replaced whole on change. */
  params: Readonly<Record<string, string>>;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#/, '');
  const [pathPart = '', query = ''] = raw.split('?', 2);
  const path = '/' + pathPart.replace(/^\/+|\/+$/g, '');
  let params: Record<string, string> = {};
  try {
    params = Object.fromEntries(new URLSearchParams(query));
  } catch {
    // A malformed query falls back to defaults rather than breaking the page.
  }
  return { path, params: Object.freeze(params) };
}

export function buildHash(path: string, params: Record<string, string | null | undefined> = {}): string {
  const query = Object.entries(params)
    .filter((entry): entry is [string, string] => Boolean(entry[1]))
    .map(([key, value]) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`)
    .join('&');
  return `#${path}${query ? `?${query}` : ''}`;
}
