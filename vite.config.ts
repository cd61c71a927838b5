import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  // Relative base so the built site works from any sub-path on any static host.
  base: './',
  plugins: [svelte()],
  build: {
    target: 'es2022',
    sourcemap: true,
  },
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
  },
});
