/**
 * Build-only Vite plugin: puts a page's render-blocking stylesheets into the HTML itself,
 * so the prerendered page paints after one request (each <link rel="stylesheet"> costs a
 * round trip on a slow connection before anything shows). Only while the page's CSS stays
 * small (INLINE_CSS_LIMIT); a larger set is left as links.
 *
 * Each inlined <link> is kept, `disabled`, after its <style>: browsers do not fetch a
 * disabled stylesheet, but Vite's lazy-chunk loader sees a stylesheet link with that href
 * and does not fetch the same CSS again when a later view imports it.
 *
 * The <style> text is allowed by hash in the page's Content-Security-Policy
 * (security-plugin.ts reads the hashes of every <style> element in the page).
 */
import type { Plugin } from 'vite';

/** Inline a page's stylesheets only while they add up to at most this many bytes (uncompressed). */
export const INLINE_CSS_LIMIT = 20_000;

const STYLESHEET_LINK = /[ \t]*<link\b[^>]*\brel="stylesheet"[^>]*\bhref="\.\/([^"]+\.css)"[^>]*>\n?/g;

/** The page with its stylesheet links replaced by <style> elements, given each file's CSS text by its path from the page. */
const NOSCRIPT = /<noscript\b[^>]*>[\s\S]*?<\/noscript>/gi;

/** Whether a position in the page lies inside a <noscript> element (whose stylesheet applies only without scripts). */
function inNoscript(html: string): (at: number) => boolean {
  const ranges = [...html.matchAll(NOSCRIPT)].map((m) => [m.index, m.index + m[0].length] as const);
  return (at) => ranges.some(([start, end]) => at >= start && at < end);
}

export function inlineStylesheets(html: string, cssFor: (file: string) => string | undefined, limit = INLINE_CSS_LIMIT): string {
  const noscript = inNoscript(html);
  // A stylesheet inside <noscript> is for pages without scripts only: it stays a link.
  const kept = (tag: string, at: number) => /\bdisabled\b/.test(tag) || noscript(at);
  const links = [...html.matchAll(STYLESHEET_LINK)].filter((match) => !kept(match[0], match.index));
  const texts = links.map((match) => cssFor(match[1] ?? ''));
  if (links.length === 0 || texts.some((text) => text === undefined)) return html;
  if (texts.reduce((sum, text) => sum + (text?.length ?? 0), 0) > limit) return html;
  // A relative url() in a stylesheet is relative to the stylesheet, not to the page.
  if (texts.some((text) => /url\(\s*['"]?(?!data:|#)/.test(text ?? ''))) return html;
  let index = 0;
  return html.replace(STYLESHEET_LINK, (tag, file: string, at: number) => {
    if (kept(tag, at)) return tag;
    const css = (texts[index++] ?? '').trim();
    // A stylesheet is text for the CSS parser; "</style" would end the element early.
    if (/<\/style/i.test(css)) throw new Error(`${file} contains "</style" and cannot be inlined.`);
    const indent = /^[ \t]*/.exec(tag)?.[0] ?? '';
    return `${indent}<style>${css}</style>\n${indent}<link rel="stylesheet" href="./${file}" disabled>\n`;
  });
}

export function inlineCriticalCss(): Plugin {
  return {
    name: 'city-region:inline-css',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html;
        return inlineStylesheets(html, (file) => {
          const asset = bundle[file];
          if (asset?.type !== 'asset') return undefined;
          return typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
        });
      },
    },
  };
}
