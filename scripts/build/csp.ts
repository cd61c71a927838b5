/**
 * The site's Content-Security-Policy and HTTP security headers, in one place. The build
 * puts the policy in a <meta> tag in every HTML page (security-plugin.ts) and writes the
 * same policy, plus what only a header can carry, to dist/_headers for hosts that read it.
 * docs/hosting.md explains it for other hosts; a unit test keeps that page in step.
 */
import { createHash } from 'node:crypto';

/**
 * Observable Plot adds a <style> element to every chart and legend. Its text depends
 * only on Plot's default class name, so it is allowed by hash rather than opening
 * style-src to all inline styles. Charts must keep Plot's default className.
 * test/unit/scripts/build/csp.test.ts recomputes these from Plot; update them when Plot changes.
 */
export const PLOT_STYLE_HASHES: readonly string[] = [
  // Plot.plot
  "'sha256-jSYQUrW7J0b3jPqhZP9C2Xh1PyJKHKXd4s0fpGGKrww='",
  // Plot.legend, ramp (continuous and threshold scales)
  "'sha256-/jg3HOQ97BIOLIR7iXhepLJanBbw11P39q1Ne1E+6Jc='",
  // Plot.legend, swatches (ordinal scales)
  "'sha256-rCZUQsEQJf1DmnfnMZmlj08XC7qbIZySA6bEtitbQ00='",
  // Plot.legend, swatches with the `columns` option
  "'sha256-gr1piGzv7W4aMcjDMKcjgg8AT05UNO4uGfMgGyc7Yi0='",
];

/** A CSP source allowing one inline <style> element whose text is exactly `text`. */
export function styleHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * Directives for every page. Nothing third-party: data, code, styles and boundaries are
 * all served from the site itself. Map tiles, if a build configures them, are added to
 * img-src by the build (see tileImageSource).
 */
const DIRECTIVES: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'self'"],
  ['script-src', "'self'"],
  // Component CSS is extracted to files; Svelte and Leaflet set styles through the CSSOM,
  // which style-src does not restrict. style="..." in markup and <style> elements are blocked.
  ['style-src', "'self'", ...PLOT_STYLE_HASHES],
  // data: for small images Vite inlines into CSS (Leaflet's); blob: for generated downloads/previews.
  ['img-src', "'self'", 'data:', 'blob:'],
  ['font-src', "'self'"],
  ['connect-src', "'self'"],
  // Module workers are built as separate files under assets/.
  ['worker-src', "'self'"],
  ['object-src', "'none'"],
  ['base-uri', "'self'"],
  ['form-action', "'none'"],
];

/** Who may frame a page: dashboard pages nobody; the embed page anyone (the point of it). */
export type FrameAncestors = "'none'" | '*' | string;

export interface PolicyOptions {
  /** Only in an HTTP header: browsers ignore frame-ancestors in a <meta> tag (and warn). */
  frameAncestors?: FrameAncestors;
  /** Extra img-src sources, such as a configured tile server. */
  imageSources?: readonly string[];
  /** Hashes (styleHash) of the page's own inline <style> elements: the critical CSS the build inlines. */
  styleHashes?: readonly string[];
  /** Hashes (styleHash works for any text) of the page's own inline <script> elements, such as embed.html's forwarding. */
  scriptHashes?: readonly string[];
}

export function contentSecurityPolicy(options: PolicyOptions = {}): string {
  const extra: Record<string, readonly string[]> = { 'img-src': options.imageSources ?? [], 'style-src': options.styleHashes ?? [], 'script-src': options.scriptHashes ?? [] };
  // Each source once: a page's own <style> may be one Plot's hashes already allow (a drawn chart in a static page).
  const directives = DIRECTIVES.map((parts) => [...new Set([...parts, ...(extra[parts[0]] ?? [])])]);
  if (options.frameAncestors) directives.push(['frame-ancestors', options.frameAncestors]);
  return directives.map((parts) => parts.join(' ')).join('; ');
}

/**
 * The img-src source for a tile URL template (VITE_TILE_URL, see src/lib/map/tiles.ts):
 * its origin, with a "{s}"-style subdomain placeholder as a "*." wildcard.
 */
export function tileImageSource(template: string): string {
  const host = /^https:\/\/([^/?#]+)/.exec(template)?.[1];
  if (!host) throw new Error(`The tile URL must start with https:// and a host: ${template}`);
  const source = host.replace(/^\{[a-z]+\}\./i, '*.');
  if (/[{}]/.test(source)) throw new Error(`Only the first part of the tile host may be a placeholder, such as https://{s}.tiles.example/: ${template}`);
  return `https://${source}`;
}

/** Headers for every response. */
export const COMMON_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'Permissions-Policy': 'accelerometer=(), autoplay=(), browsing-topics=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()',
};

/** Cache lifetimes: hashed assets never change; HTML and data must be rechecked so updated CSVs show up. */
export const CACHE_CONTROL = {
  assets: 'public, max-age=31536000, immutable',
  data: 'public, max-age=300, must-revalidate',
  html: 'no-cache',
} as const;

/** Origins allowed to frame the embed page; a host may narrow this to its partners' origins. */
export const EMBED_FRAME_ANCESTORS: FrameAncestors = '*';

/**
 * dist/_headers, the format read by Netlify and Cloudflare Pages. Both join the values
 * when several rules set the same header on one path, and two CSPs apply together
 * (the stricter wins), so the policy is set per page rather than under "/*".
 */
export function headersFile(options: Pick<PolicyOptions, 'imageSources' | 'styleHashes' | 'scriptHashes'> = {}): string {
  const block = (path: string, headers: Record<string, string>) => [path, ...Object.entries(headers).map(([name, value]) => `  ${name}: ${value}`)].join('\n');
  const dashboard = { 'Content-Security-Policy': contentSecurityPolicy({ ...options, frameAncestors: "'none'" }), 'X-Frame-Options': 'DENY', 'Cache-Control': CACHE_CONTROL.html };
  return [
    '# Security and cache headers, generated by scripts/build/csp.ts (see docs/hosting.md).',
    '# Paths are from the site root: if the site is served under a sub-path, prefix them.',
    block('/*', { ...COMMON_HEADERS }),
    block('/', dashboard),
    block('/index.html', dashboard),
    block('/embed.html', { 'Content-Security-Policy': contentSecurityPolicy({ ...options, frameAncestors: EMBED_FRAME_ANCESTORS }), 'Cache-Control': CACHE_CONTROL.html }),
    // The static chart pages carry their whole policy in a <meta> tag; the header adds what only a header can.
    block('/compare.html', { 'Content-Security-Policy': "frame-ancestors 'none'", 'X-Frame-Options': 'DENY', 'Cache-Control': CACHE_CONTROL.html }),
    block('/embed/*', { 'Content-Security-Policy': `frame-ancestors ${EMBED_FRAME_ANCESTORS}`, 'Cache-Control': CACHE_CONTROL.html }),
    block('/assets/*', { 'Cache-Control': CACHE_CONTROL.assets }),
    block('/data/*', { 'Cache-Control': CACHE_CONTROL.data }),
    '',
  ].join('\n');
}
