/**
 * The build's server-side rendering, shared by the prerendered headline and the static chart
 * and map pages: a throwaway Vite server that loads one entry module with the Svelte
 * components compiled for the server, the plugin shape that adds static pages to the bundle,
 * and the markup those pages carry.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import type { JSDOM } from 'jsdom';
import type { OutputAsset, OutputBundle } from 'rolldown';
import { createServer, type Plugin } from 'vite';

/** Loads `entry` (an absolute path) through Vite's SSR transform, runs `use` on it, then closes the server. */
export async function withSsrEntry<Entry, Result>(root: string, entry: string, use: (module: Entry) => Promise<Result>): Promise<Result> {
  const server = await createServer({ root, configFile: false, logLevel: 'error', appType: 'custom', plugins: [svelte()], server: { middlewareMode: true, hmr: false, ws: false } });
  try {
    return await use((await server.ssrLoadModule(entry)) as Entry);
  } finally {
    await server.close();
  }
}

/**
 * Moves every style="…" attribute under `root` into a class (`<prefix>-<n>`, one per distinct
 * declaration list) and returns the rules: the static pages' CSP blocks style attributes, and
 * Plot sets the SVG's font and colours that way (in the app it uses the CSSOM).
 */
export function stylesToClasses(root: Element, prefix: string): string {
  const rules = new Map<string, string>();
  for (const element of root.querySelectorAll('[style]')) {
    const declarations = element.getAttribute('style') ?? '';
    element.removeAttribute('style');
    let name = rules.get(declarations);
    if (!name) {
      name = `${prefix}-${rules.size + 1}`;
      rules.set(declarations, name);
    }
    element.classList.add(name);
  }
  return [...rules].map(([declarations, name]) => `.${name}{${declarations}}`).join('\n');
}

/** A page's body as the static pages carry it: style attributes moved into classes (stylesToClasses), and those rules. */
export function staticMarkup(dom: JSDOM, prefix: string): { html: string; css: string } {
  const css = stylesToClasses(dom.window.document.body, prefix);
  const html = dom.serialize();
  return { html: html.slice(html.indexOf('<body>') + '<body>'.length, html.lastIndexOf('</body>')), css };
}

/** Where a static-pages plugin reads from. */
export interface BuildPaths {
  root: string;
  publicDir: string;
  /** public/data: the published CSVs, read with the app's own loader. */
  dataDir: string;
}

/** Adds a file to the bundle being written. */
export type EmitPage = (fileName: string, source: string) => void;

/** A build-only plugin that adds pages once the bundle is complete (after the HTML entries' own passes). */
export function staticPagesPlugin(name: string, generate: (emit: EmitPage, paths: BuildPaths, bundle: OutputBundle) => Promise<void>): Plugin {
  let paths: BuildPaths = { root: process.cwd(), publicDir: '', dataDir: '' };
  return {
    name,
    apply: 'build',
    enforce: 'post',
    configResolved(config) {
      paths = { root: config.root, publicDir: config.publicDir, dataDir: path.join(config.publicDir, 'data') };
    },
    async generateBundle(_options, bundle) {
      await generate((fileName, source) => this.emitFile({ type: 'asset', fileName, source }), paths, bundle);
    },
  };
}

/** Text for HTML: in an element or a double-quoted attribute. */
export const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A static page: the head every one starts with (charset, its policy, viewport, title), then its own head lines, then its body. */
export function staticHtml(page: { policy: string; title: string; head: readonly string[]; body: string }): string {
  return `<!doctype html>
<html lang="en-GB">
  <head>
    <meta charset="UTF-8" />
    <meta http-equiv="Content-Security-Policy" content="${page.policy}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${escapeHtml(page.title)} – City region skills dashboard</title>
${page.head.map((line) => `    ${line}`).join('\n')}
  </head>
  <body>
${page.body}
  </body>
</html>
`;
}

/** An inline starter's text: the file under public/ (`publicDir`), without its trailing newline. */
export async function publicText(publicDir: string, file: string): Promise<string> {
  return (await readFile(path.join(publicDir, file), 'utf8')).trim();
}

/** An asset's text, however the bundle holds it. */
export const assetText = (output: OutputAsset) => (typeof output.source === 'string' ? output.source : new TextDecoder().decode(output.source));

/**
 * The CSS of the bundle's stylesheets whose file names match `pattern`, to inline into a
 * static page: the shared base styles first (the components' rules refine them), then the
 * rest in file order. Refuses CSS that points at other files or would end the <style> element.
 */
export function bundleCss(bundle: OutputBundle, pattern: RegExp): string {
  const parts: string[] = [];
  for (const [file, output] of Object.entries(bundle).sort(([a], [b]) => a.localeCompare(b))) {
    if (output.type !== 'asset' || !pattern.test(file)) continue;
    const text = assetText(output);
    if (/url\(\s*['"]?(?!data:|#)/.test(text) || /<\/style/i.test(text)) throw new Error(`${file} cannot be inlined into a static page.`);
    if (file.startsWith('assets/shared-')) parts.unshift(text.trim());
    else parts.push(text.trim());
  }
  return parts.join('\n');
}
