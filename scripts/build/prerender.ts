/**
 * Build-only Vite plugin: prerenders the headline view into dist/index.html so figures
 * paint before any JavaScript runs. It reads public/data with the app's own loader,
 * renders App with Svelte's server renderer, and embeds the CSV texts it used so the
 * page can hydrate that markup exactly (src/main.ts). Nothing is typed in: the markup is
 * whatever the CSVs say at build time, and the page re-reads the served CSVs after
 * hydrating, so files replaced after the build still win.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { createServer, type Plugin } from 'vite';
import { prerenderedDataElement, type PrerenderedTexts } from '../../src/lib/app/prerendered.ts';
import { DATASET_NAMES, SCHEMA } from '../../src/lib/data/schema.ts';

type Entry = typeof import('./prerender-entry.ts');

const APP_CONTAINER = /<div id="app"><\/div>/;
const ENTRY = fileURLToPath(new URL('./prerender-entry.ts', import.meta.url));

/** Each dataset's file as the page would fetch it (UTF-8, BOM dropped as TextDecoder does); absent files are left out. */
export async function readDataTexts(dataDir: string): Promise<PrerenderedTexts> {
  const texts: Record<string, string> = {};
  for (const name of DATASET_NAMES) {
    const file = SCHEMA[name].file;
    try {
      texts[file] = new TextDecoder('utf-8').decode(await readFile(path.join(dataDir, file)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  return texts;
}

/** Renders App for the given texts in a throwaway Vite server (SSR transform of the Svelte components). */
async function renderApp(root: string, texts: PrerenderedTexts): Promise<{ head: string; body: string }> {
  const server = await createServer({
    root,
    configFile: false,
    logLevel: 'error',
    appType: 'custom',
    plugins: [svelte()],
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  try {
    const entry = (await server.ssrLoadModule(ENTRY)) as Entry;
    return await entry.renderApp(texts);
  } finally {
    await server.close();
  }
}

/**
 * The prerendered page paints without JavaScript, so scripts must not hold up the
 * stylesheet: list the stylesheets first (on HTTP/1.1 the scripts would otherwise take
 * all six connections), and fetch scripts at low priority. Module scripts still run as
 * soon as the page is parsed.
 */
export function prioritiseFirstPaint(html: string): string {
  const firstScript = /[ \t]*<(script|link)\b[^>]*\b(type="module"|rel="modulepreload")/;
  if (!firstScript.test(html)) return html;
  const stylesheets: string[] = [];
  const withoutStylesheets = html.replace(/[ \t]*<link\b[^>]*\brel="stylesheet"[^>]*>\n?/g, (tag) => {
    stylesheets.push(tag);
    return '';
  });
  return withoutStylesheets
    .replace(firstScript, (first) => `${stylesheets.join('')}${first}`)
    .replace(/<(script\b[^>]*\btype="module"|link\b[^>]*\brel="modulepreload")(?![^>]*\bfetchpriority=)/g, (tag) => `${tag} fetchpriority="low"`);
}

export function prerenderHeadline(): Plugin {
  let root = process.cwd();
  let dataDir = '';
  return {
    name: 'city-region:prerender-headline',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      dataDir = path.join(config.publicDir, 'data');
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        // Only the dashboard page; an embed page renders its own chart.
        if (path.basename(context.filename) !== 'index.html') return html;
        if (!APP_CONTAINER.test(html)) throw new Error('index.html must contain an empty <div id="app"></div> for the prerendered headline.');
        const texts = await readDataTexts(dataDir);
        const { head, body } = await renderApp(root, texts);
        // Function replacers: rendered text may contain "$&" and similar, which a string replacement would expand.
        return prioritiseFirstPaint(html)
          .replace('</head>', () => `${head}</head>`)
          .replace(APP_CONTAINER, () => `<div id="app">${body}</div>\n    ${prerenderedDataElement(texts)}`);
      },
    },
  };
}
