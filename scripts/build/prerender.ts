/**
 * Build-only Vite plugin: prerenders the headline view into dist/index.html so figures
 * paint before any JavaScript runs. It reads public/data with the app's own loader,
 * renders App with Svelte's server renderer, and writes the data it rendered from (as
 * validated, with each file's fingerprint) to a file the page reads to hydrate that markup
 * exactly (src/main.ts, src/lib/app/prerendered.ts). Nothing is typed in: the markup is
 * whatever the CSVs say at build time, and the page re-reads the served CSVs after
 * hydrating, so files replaced after the build still win.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { withSsrEntry, publicText } from './ssr.ts';
import { PRERENDERED_ATTRIBUTE, type PrerenderedTexts } from '../../src/lib/app/prerendered.ts';
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
function renderApp(root: string, texts: PrerenderedTexts, dataDir: string): Promise<{ head: string; body: string; json: string }> {
  const read = async (file: string) => new TextDecoder('utf-8').decode(await readFile(path.join(dataDir, file)));
  return withSsrEntry<Entry, { head: string; body: string; json: string }>(root, ENTRY, (entry) => entry.renderApp(texts, read));
}

/** Hides controls that need JavaScript when it is off (a stylesheet, as the CSP allows no inline style). */
export const NO_SCRIPT_STYLES = '<noscript><link rel="stylesheet" href="./no-script.css" /></noscript>';

/** The file (under public/) whose text, inlined, starts the app after the first paint. */
export const START_SCRIPT = 'start-app.js';

const MODULE_SCRIPT = /[ \t]*<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"[^>]*><\/script>\n?/g;
const MODULE_PRELOAD = /[ \t]*<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"[^>]*>\n?/g;

/**
 * The prerendered page paints without JavaScript, so its scripts should not compete with
 * the HTML and stylesheets on a slow connection: the app's module scripts and preloads are
 * replaced by one small inline script (`starter`, the text of public/start-app.js) that
 * fetches them after the first paint. Inline, because even a 1 KB file requested from the
 * head is a request Lighthouse's simulation counts before the paint; the CSP allows it by
 * hash (security-plugin.ts). A page with no module scripts is left alone.
 */
export function startAppAfterFirstPaint(html: string, starter: string): string {
  // URLs are copied as attribute text, already escaped and free of quotes.
  const scripts: string[] = [];
  const preloads: string[] = [];
  const withoutScripts = html.replace(MODULE_SCRIPT, (_tag, src: string) => {
    scripts.push(src);
    return '';
  });
  if (scripts.length === 0) return html;
  const withoutPreloads = withoutScripts.replace(MODULE_PRELOAD, (_tag, href: string) => {
    preloads.push(href);
    return '';
  });
  if (/<\/script/i.test(starter)) throw new Error(`${START_SCRIPT} cannot be inlined: it contains "</script".`);
  const element = `<script type="module" data-app-scripts="${scripts.join(' ')}" data-app-preload="${preloads.join(' ')}">${starter}</script>`;
  return withoutPreloads.replace('</head>', () => `  ${element}\n  </head>`);
}

/** The data file, under assets/ and named by its content (so hosts may cache it for good, as the scripts). */
export function prerenderedDataFile(json: string): string {
  return `assets/prerendered-${createHash('sha256').update(json, 'utf8').digest('hex').slice(0, 12)}.json`;
}

export function prerenderHeadline(): Plugin {
  let root = process.cwd();
  let dataDir = '';
  let outDir = '';
  let publicDir = '';
  // Written once the bundle is on disk: the HTML pass (transformIndexHtml) has no asset to emit it with.
  let data: { file: string; json: string } | null = null;
  return {
    name: 'city-region:prerender-headline',
    apply: 'build',
    configResolved(config) {
      root = config.root;
      dataDir = path.join(config.publicDir, 'data');
      outDir = path.resolve(config.root, config.build.outDir);
      publicDir = config.publicDir;
    },
    async writeBundle() {
      if (!data) return;
      await mkdir(path.dirname(path.join(outDir, data.file)), { recursive: true });
      await writeFile(path.join(outDir, data.file), data.json);
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, context) {
        // Only the dashboard page; an embed page renders its own chart.
        if (path.basename(context.filename) !== 'index.html') return html;
        if (!APP_CONTAINER.test(html)) throw new Error('index.html must contain an empty <div id="app"></div> for the prerendered headline.');
        const { head, body, json } = await renderApp(root, await readDataTexts(dataDir), dataDir);
        data = { file: prerenderedDataFile(json), json };
        // Function replacers: rendered text may contain "$&" and similar, which a string replacement would expand.
        return startAppAfterFirstPaint(html, await publicText(publicDir, START_SCRIPT))
          .replace('</head>', () => `${head}${NO_SCRIPT_STYLES}</head>`)
          .replace(APP_CONTAINER, () => `<div id="app" ${PRERENDERED_ATTRIBUTE}="./${data?.file ?? ''}">${body}</div>`);
      },
    },
  };
}
