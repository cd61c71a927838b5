// Full-page screenshots of the built site for visual review.
// Usage: npm run build && npx tsx scripts/screenshot.ts [hash-route ...]
//   e.g. npx tsx scripts/screenshot.ts '#/' '#/region/gmca' embed/map-E47000004.html
// Writes screenshots/<route-name>-<width>.png (gitignored). Builds nothing.
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { collectProblems, launch, openPage, serveDist } from './lib/browser.ts';
import { DIST_DIR, REPO_ROOT } from './lib/serve.ts';

const VIEWPORTS = [
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
];

/** Accept '#/x', '/x' or 'x' and return a hash route; a page's path ('embed/map-E47000004.html') is kept as it is. */
function toHash(route: string): string {
  if (route.startsWith('#') || /\.html(?:[?#]|$)/.test(route)) return route;
  return route.startsWith('/') ? `#${route}` : `#/${route}`;
}

/** '#/' → 'home', '#/region/gmca?x=1' → 'region-gmca-x-1' (safe as a file name). */
function routeName(hash: string): string {
  const slug = hash
    .replace(/^#\/?/, '')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .toLowerCase();
  return slug === '' ? 'home' : slug;
}

async function main(): Promise<void> {
  if (!existsSync(path.join(DIST_DIR, 'index.html'))) {
    throw new Error('dist/index.html not found. Run `npm run build` first.');
  }
  const routes = (process.argv.length > 2 ? process.argv.slice(2) : ['#/']).map(toHash);
  const outDir = path.join(REPO_ROOT, 'screenshots');
  mkdirSync(outDir, { recursive: true });

  const [browser, server] = await Promise.all([launch(), serveDist()]);
  try {
    for (const route of routes) {
      for (const viewport of VIEWPORTS) {
        // Fresh page per shot: changing only the hash would not reload the app.
        const page = await openPage(browser, viewport);
        const problems = collectProblems(page);
        await page.goto(server.url + route, { waitUntil: 'networkidle' });
        await page.evaluate(() => document.fonts.ready);
        const file = path.join(outDir, `${routeName(route)}-${viewport.width}.png`);
        await page.screenshot({ path: file, fullPage: true });
        console.log(path.relative(process.cwd(), file));
        // Warn rather than fail: a screenshot of a broken page is still useful.
        for (const p of problems.all()) console.warn(`  warning (${route} @${viewport.width}): ${p}`);
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exitCode = 1;
});
