/**
 * Build-only Vite plugin: puts the Content-Security-Policy <meta> tag in every HTML page
 * (index.html, and embed.html or any other entry added later) and writes dist/_headers.
 * Not applied by the dev server, whose hot reload injects <style> elements the policy
 * would block.
 */
import type { Plugin } from 'vite';
import { tileConfig } from '../../src/lib/map/tiles.ts';
import { contentSecurityPolicy, headersFile, tileImageSource } from './csp.ts';

const CHARSET_META = /<meta\s+charset=[^>]*>/i;

export function securityHeaders(): Plugin {
  let imageSources: string[] = [];
  return {
    name: 'city-region:security-headers',
    apply: 'build',
    configResolved(config) {
      // Map tiles are the one outside resource a deployment may opt in to (VITE_TILE_URL).
      const tiles = tileConfig(config.env);
      imageSources = tiles ? [tileImageSource(tiles.url)] : [];
    },
    transformIndexHtml: {
      order: 'post',
      handler(html) {
        const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy({ imageSources })}" />`;
        // Right after the charset so the policy governs every resource the page names.
        if (!CHARSET_META.test(html)) throw new Error('An HTML entry has no <meta charset>; the CSP meta tag is placed right after it.');
        return html.replace(CHARSET_META, (charset) => `${charset}\n    ${meta}`);
      },
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: '_headers', source: headersFile({ imageSources }) });
    },
  };
}
