import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { renderMaps, staticMarkup } from '../../../../scripts/build/static-maps-entry.ts';
import { loaderScripts, staticMapPage } from '../../../../scripts/build/static-maps.ts';
import type { OutputBundle, OutputChunk } from 'rolldown';
import { styleHash } from '../../../../scripts/build/csp.ts';
import { DATASET_NAMES, SCHEMA } from '../../../../src/lib/data/schema.ts';
import { BOUNDARIES_FILE } from '../../../../src/lib/map/boundaries.ts';
import { mapRegionCodes } from '../../../../src/lib/map/view-model.ts';
import { fixtureData, syntheticTopology } from '../../map/fixtures.ts';

const body = (html: string) => new JSDOM(`<!doctype html><body>${html}</body>`).window.document.body;

describe('staticMarkup', () => {
  it.each([
    ['disables the pickers', '<form class="controls"><select id="s"><option>a</option></select></form>', (root: HTMLElement) => expect(root.querySelector('select')?.hasAttribute('disabled')).toBe(true)],
    ['drops the downloads', '<div class="map-actions"><button>PNG</button></div><p>kept</p>', (root: HTMLElement) => expect(root.querySelector('.map-actions')).toBeNull()],
    [
      'hides "Explore the map" until the script shows it',
      '<div class="map-stage"><p class="explore"><button data-map-explore>Explore</button></p></div>',
      (root: HTMLElement) => {
        expect(root.querySelector('.explore')?.hasAttribute('hidden')).toBe(true);
        expect(root.querySelector('.explore')?.hasAttribute('data-needs-script')).toBe(true);
      },
    ],
    [
      'turns the table’s "show on the map" buttons into names',
      '<table><tbody><tr><th><button class="show">Wirral<span class="visually-hidden"> (show on the map)</span></button></th></tr></tbody></table>',
      (root: HTMLElement) => {
        expect(root.querySelector('button')).toBeNull();
        expect(root.querySelector('th')?.textContent).toBe('Wirral');
      },
    ],
    [
      'drops Svelte’s markers and the SVG children’s xmlns',
      '<!--[--><svg><path xmlns="http://www.w3.org/2000/svg" d="M0,0Z"></path></svg><!--]-->',
      (root: HTMLElement) => {
        expect([...root.childNodes].map((node) => node.nodeName)).toEqual(['svg']);
        expect(root.querySelector('path')?.hasAttribute('xmlns')).toBe(false);
        expect(root.querySelector('path')?.getAttribute('d')).toBe('M0,0Z');
      },
    ],
  ])('%s', (_, html, check) => {
    check(body(staticMarkup(html).html));
  });

  it('puts the still drawing and its narrow twin side by side, for the page’s CSS to choose', () => {
    const root = body(staticMarkup('<div class="map-stage"><div class="still"><svg id="wide"></svg></div></div>', '<svg id="narrow"></svg><ol class="number-key"></ol>').html);
    expect([...root.querySelectorAll('.still > div')].map((div) => div.className)).toEqual(['static-wide', 'static-narrow']);
    expect(root.querySelector('.static-wide #wide')).not.toBeNull();
    expect(root.querySelector('.static-narrow #narrow')).not.toBeNull();
    expect(root.querySelector('.static-narrow .number-key')).not.toBeNull();
  });

  it('moves each style attribute (blocked by the CSP) into a class, one rule per distinct declaration', () => {
    const { html, css } = staticMarkup('<span style="background: #fff"></span><span style="background: #fff"></span><span style="--map-aspect: 1.5"></span>');
    const root = body(html);
    expect(root.querySelectorAll('[style]')).toHaveLength(0);
    expect([...root.querySelectorAll('span')].map((span) => span.className)).toEqual(['static-style-1', 'static-style-1', 'static-style-2']);
    expect(css).toBe('.static-style-1{background: #fff}\n.static-style-2{--map-aspect: 1.5}');
  });
});

describe('staticMapPage', () => {
  const page = { region: 'E47000004', title: 'District map: "A" & <B>', attributes: { 'data-map-region': 'E47000004', 'data-map-indicator': 'x"><script>' }, body: '<p>map</p>', css: '.static-style-1{color:red}', broken: [] };
  /** Stands in for public/start-chart.js. */
  const STARTER = "document.querySelector('[data-static-map]')";
  const html = staticMapPage(page, 'body{margin:0}', STARTER, ['assets/preload-helper-1.js', 'assets/static-map-abc.js']);

  it('allows exactly its inline CSS and starter by hash, and requests no script file: the starter names the loader', () => {
    const css = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1] ?? '';
    expect(css).toContain('body{margin:0}');
    expect(css).toContain('.static-style-1{color:red}');
    expect(html).toContain(styleHash(css));
    expect(html).toContain(`script-src 'self' ${styleHash(STARTER)};`);
    expect([...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0])).toEqual(['<script type="module" data-embed-scripts="assets/preload-helper-1.js assets/static-map-abc.js" data-resize-message="city-region-dashboard:resize">']);
    expect(html).toContain(`>${STARTER}</script>`);
  });

  it('reports its height as the map embed', () => {
    expect(html).toMatch(/<div class="embed static-map" data-static-map data-report-height="map" /);
  });

  it('refuses a starter that would end its own element', () => {
    expect(() => staticMapPage(page, '', 'x("</script>")', [])).toThrow('cannot be inlined');
  });

  it('escapes the title and attribute values', () => {
    expect(html).toContain('<title>District map: &quot;A&quot; &amp; &lt;B&gt; – City region skills dashboard</title>');
    expect(html).toContain('data-map-indicator="x&quot;&gt;&lt;script&gt;"');
    expect(html).not.toContain('"><script>');
  });

  it('names broken data files in a note', () => {
    expect(staticMapPage({ ...page, broken: ['funding.csv'] }, '', STARTER, ['a.js'])).toMatch(/role="note">Some data files could not be used \(funding\.csv\)/);
  });
});

describe('renderMaps', () => {
  const texts = (data: ReturnType<typeof fixtureData>, extraAreas: string[] = []) =>
    Object.fromEntries(
      DATASET_NAMES.map((name) => {
        const text = readFileSync(new URL(`../../../fixtures/dashboard/${SCHEMA[name].file}`, import.meta.url), 'utf8');
        return [SCHEMA[name].file, name === 'areas' ? [text.trimEnd(), ...extraAreas].join('\n') + '\n' : text];
      }),
    ) satisfies Record<string, string> as Record<string, string>;
  // Without official statistics (the read fails) the map shows population, as the view does.
  const reader = (data: ReturnType<typeof fixtureData>) => async (file: string) => {
    if (file === BOUNDARIES_FILE) return JSON.stringify(syntheticTopology(data));
    throw new Error(`no ${file} in this test`);
  };

  it('renders one page per region the map offers, each with one shape per area and a table row per area', async () => {
    const data = fixtureData();
    const pages = await renderMaps(texts(data), reader(data), BOUNDARIES_FILE);
    expect(pages.map((p) => p.region)).toEqual(mapRegionCodes(data));
    for (const page of pages) {
      const root = body(page.body);
      const mapped = page.region === 'E92000001' ? (data.areas ?? []).filter((a) => a.area_type === 'combined_authority') : (data.areas ?? []).filter((a) => a.parent_code === page.region);
      // Drawn twice, for wide pages and for phones; each drawing has one shape per area.
      for (const drawing of ['.static-wide', '.static-narrow']) {
        expect([...root.querySelectorAll(`.still ${drawing} svg path[data-code]`)].map((p) => p.getAttribute('data-code')).sort()).toEqual(mapped.map((a) => a.area_code).sort());
      }
      expect(root.querySelectorAll('.still svg[role="img"]')).toHaveLength(2);
      expect(root.querySelectorAll('tbody tr[data-row-code]')).toHaveLength(mapped.length);
      expect(page.attributes['data-map-region']).toBe(page.region);
      expect(page.attributes['data-map-indicator']).toBe('population');
      expect(root.querySelectorAll('[style]')).toHaveLength(0);
    }
  });

  it('opens each page on the first official statistic at its latest period, reading only that file', async () => {
    const data = fixtureData();
    const official = (name: string) => readFileSync(new URL(`../../../fixtures/map/${name}`, import.meta.url), 'utf8');
    const read: string[] = [];
    const pages = await renderMaps(
      texts(data),
      async (file) => {
        read.push(file);
        if (file === BOUNDARIES_FILE) return JSON.stringify(syntheticTopology(data));
        if (file.startsWith('indicators/')) return official(file.replace('indicators/', ''));
        throw new Error(`no ${file}`);
      },
      BOUNDARIES_FILE,
    );
    const first = /^([^,\n]+),/m.exec(official('indicators.csv').split('\n')[1] ?? '')?.[1];
    const liverpool = pages.find((p) => p.region === 'E47000004');
    expect(liverpool?.attributes['data-map-indicator']).toBe(first);
    expect(liverpool?.attributes['data-map-period']).toBeTruthy();
    expect(body(liverpool?.body ?? '').querySelectorAll('svg path[data-code][fill^="#"]').length).toBeGreaterThan(0);
    expect(new Set(read.filter((file) => file.startsWith('indicators/')))).toEqual(new Set(['indicators/indicators.csv', 'indicators/stats.csv']));
  });

  it('gives a combined authority added to the data its page, with no code change', async () => {
    const extra = ['E47000099,Sixteenth Combined Authority,Sixteenth,combined_authority,,2000,2021,ons-census-2021,', 'E06000099,Sixteenth District,Sixteenth District,local_authority,E47000099,2000,2021,ons-census-2021,'];
    const data = fixtureData({ areas: extra });
    const pages = await renderMaps(texts(data, extra), reader(data), BOUNDARIES_FILE);
    const added = pages.find((p) => p.region === 'E47000099');
    expect(added?.title).toMatch(/Sixteenth/);
    expect(body(added?.body ?? '').querySelectorAll('.static-wide svg path[data-code="E06000099"]')).toHaveLength(1);
  });

  it('without a boundaries file still writes each page, with the table and the reason instead of a map', async () => {
    const data = fixtureData();
    const pages = await renderMaps(texts(data), async () => Promise.reject(new Error('missing')), BOUNDARIES_FILE);
    expect(pages).toHaveLength(mapRegionCodes(data).length);
    const root = body(pages[1]?.body ?? '');
    expect(root.querySelector('svg path[data-code]')).toBeNull();
    expect(root.querySelector('.map-fallback')?.textContent).toMatch(/boundaries file is missing/);
    expect(root.querySelectorAll('tbody tr[data-row-code]').length).toBeGreaterThan(0);
  });
});

describe('loaderScripts', () => {
  const chunk = (fileName: string, imports: string[], entry = false): OutputChunk => ({ type: 'chunk', fileName, name: entry ? 'static-map' : fileName, isEntry: entry, imports }) as unknown as OutputChunk;
  const bundle = (...chunks: OutputChunk[]): OutputBundle => Object.fromEntries(chunks.map((c) => [c.fileName, c]));

  it.each([
    ['the loader alone', bundle(chunk('assets/static-map-1.js', [], true)), ['assets/static-map-1.js']],
    [
      'its imports first, each once, however shared',
      bundle(chunk('assets/static-map-1.js', ['assets/a.js', 'assets/b.js'], true), chunk('assets/a.js', ['assets/c.js']), chunk('assets/b.js', ['assets/c.js']), chunk('assets/c.js', []), chunk('assets/lazy.js', [])),
      ['assets/c.js', 'assets/a.js', 'assets/b.js', 'assets/static-map-1.js'],
    ],
  ])('lists %s', (_name, input, expected) => {
    expect(loaderScripts(input)).toEqual(expected);
  });

  it('fails clearly when the build has no loader entry', () => {
    expect(() => loaderScripts(bundle(chunk('assets/a.js', [])))).toThrow(/no "static-map" entry chunk/);
  });
});
