/**
 * Build-only Vite plugin: puts the Content-Security-Policy <meta> tag in every HTML page
 * (index.html, and embed.html or any other entry added later) and writes dist/_headers.
 * Not applied by the dev server, whose hot reload injects <style> elements the policy
 * would block.
 *
 * A page's own <style> elements (the critical CSS inline-css.ts puts in it) are allowed by
 * their hashes; it must run after every plugin that changes a page's <style> elements.
 */
import type { Plugin } from 'vite';
import { tileConfig } from '../../src/lib/map/tiles.ts';
import { contentSecurityPolicy, headersFile, styleHash, tileImageSource } from './csp.ts';

const CHARSET_META = /<meta\s+charset=[^>]*>/i;
const STYLE_ELEMENT = /<style>([\s\S]*?)<\/style>/g;
/** An inline script: one without a src (a file is allowed by 'self'). */
const SCRIPT_ELEMENT = /<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g;

const hashesOf = (html: string, element: RegExp) => [...new Set([...html.matchAll(element)].map((match) => styleHash(match[1] ?? '')))];

/** Hashes of the page's inline <style> elements, in page order, each once. */
export const inlineStyleHashes = (html: string): string[] => hashesOf(html, STYLE_ELEMENT);
/** Hashes of the page's inline <script> elements (index.html's starter, embed.html's forwarding to the static pages). */
export const inlineScriptHashes = (html: string): string[] => hashesOf(html, SCRIPT_ELEMENT);

export function securityHeaders(): Plugin {
  let imageSources: string[] = [];
  // Every page's inline style hashes: _headers repeats them for every page (one union, so a
  // host copying one policy for the whole site still allows each page's critical CSS).
  const styleHashes = new Set<string>();
  const scriptHashes = new Set<string>();
  return {
    name: 'city-region:security-headers',
    apply: 'build',
    // After Vite's HTML plugin, whose generateBundle runs the pages' transformIndexHtml hooks.
    enforce: 'post',
    configResolved(config) {
      // Map tiles are the one outside resource a deployment may opt in to (VITE_TILE_URL).
      const tiles = tileConfig(config.env);
      imageSources = tiles ? [tileImageSource(tiles.url)] : [];
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const hashes = inlineStyleHashes(html);
        const scripts = inlineScriptHashes(html);
        for (const hash of hashes) styleHashes.add(hash);
        for (const hash of scripts) scriptHashes.add(hash);
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ imageSources, styleHashes: hashes, scriptHashes: scripts })}" />`;
        // Right after the charset so the policy governs every resource the page names.
        if (!CHARSET_META.test(html)) throw new Error('An HTML entry has no <meta charset>; the CSP meta tag is placed right after it.');
        return html.replace(CHARSET_META, (charset) => `${charset}\n    ${meta}`);
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile({ imageSources, styleHashes: [...styleHashes].sort(), scriptHashes: [...scriptHashes].sort() }) });
    },
  };
}
