/**
 * The HTML a council officer pastes into their own page to embed a chart. The text is
 * built for copying, never inserted into this page; attribute values are still escaped
 * because a title could contain quotes or ampersands.
 */

/** Message type the embed page posts to its parent with its height. */
export const RESIZE_MESSAGE_TYPE = 'city-region-dashboard:resize';

/** Initial iframe height before the first resize message arrives. */
export const DEFAULT_EMBED_HEIGHT = 600;

export function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** embed.html?chart=<id>&<switches>, resolved against the dashboard’s own address. An embed shows one chart, so its switches keep their plain names (measure=…), never the compare view’s namespaced ones (charts/params.ts). */
export function embedUrl(baseUrl: string, chart: string, params: Readonly<Record<string, string>> = {}): string {
  const url = new URL('embed.html', baseUrl);
  url.search = new URLSearchParams({ chart, ...params }).toString();
  return url.href;
}

/** The host page's height helper, published beside embed.html. */
export const RESIZE_SCRIPT = 'embed-resize.js';

/** The iframe for the embed page `src`, and the resize helper served beside it. */
export function embedSnippet(options: { src: string; title: string; height?: number }): string {
  const height = options.height ?? DEFAULT_EMBED_HEIGHT;
  const scriptSrc = new URL(RESIZE_SCRIPT, options.src).href;
  return [
    `<iframe src="${escapeAttribute(options.src)}" title="${escapeAttribute(options.title)}" width="100%" height="${height}" style="border:0" loading="lazy"></iframe>`,
    `<script src="${escapeAttribute(scriptSrc)}" defer></script>`,
  ].join('\n');
}
