import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { prerenderHeadline } from './scripts/build/prerender.ts';
import { securityHeaders } from './scripts/build/security-plugin.ts';

export default defineConfig({
  // Relative base so the built site works from any sub-path on any static host.
  base: './',
  // Both build-only: prerender the headline into index.html; CSP meta tag and dist/_headers.
  plugins: [svelte(), prerenderHeadline(), securityHeaders()],
  build: {
    target: 'es2022',
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Everything the headline statically needs in one file: on a phone each extra
        // request costs a round trip. Lazy views keep their own chunks. With a second HTML
        // entry (embed.html) this group would merge both pages' code: scope it per entry then.
        codeSplitting: { groups: [{ name: 'app', tags: ['$initial'] }] },
      },
    },
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
