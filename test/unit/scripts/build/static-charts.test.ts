import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { styleHash } from '../../../../scripts/build/csp.ts';
import { comparePage, NO_SCRIPT_CSS, START_CHART_SCRIPT, STATIC_PAGE_LISTS, staticChartPath, staticPage, withStaticPages } from '../../../../scripts/build/static-charts.ts';
import type { StaticChart } from '../../../../scripts/build/static-charts-entry.ts';

/** Stands in for public/start-chart.js. */
const STARTER = "document.querySelector('[data-static-chart]')";

const chart = (id: string, title = 'A chart'): StaticChart => ({
  id,
  title,
  embed: { html: '<figure data-chart-id="x"><svg></svg></figure>', css: '.static-x-1{fill:red}' },
  compare: { html: '<figure data-chart-id="x"><div class="chart-controls"></div></figure>', css: '.static-x-1{fill:blue}' },
  broken: [],
});

/** The page's policy as directive → sources. */
const policyOf = (html: string) => new Map((/content="(default-src[^"]+)"/.exec(html)?.[1] ?? '').split(';').map((part) => part.trim().split(/\s+/)).map(([name = '', ...values]) => [name, values]));
const styles = (html: string) => [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((match) => match[1] ?? '');

describe('the static pages', () => {
  it.each([
    ['an embed page', staticPage(chart('deal-breakdown'), 'body{}', ['assets/a.js', 'assets/b.js'], STARTER), '../'],
    ['the compare page', comparePage({ nav: '<nav></nav>', intro: '<h1>Compare</h1>', charts: [chart('a'), chart('b')] }, 'body{}', ['assets/a.js', 'assets/b.js'], STARTER), './'],
  ])('%s allows exactly its own inline styles and starter, which names the embed scripts from the site root', (_name, html, root) => {
    const policy = policyOf(html);
    for (const text of styles(html)) expect(policy.get('style-src')).toContain(styleHash(text));
    expect(styles(html)).toContain(NO_SCRIPT_CSS);
    expect(policy.get('script-src')).toEqual(["'self'", styleHash(STARTER)]);
    const scripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[0]);
    expect(scripts).toEqual([`<script type="module" data-embed-scripts="${root}assets/a.js ${root}assets/b.js" data-resize-message="city-region-dashboard:resize">${STARTER}</script>`]);
  });

  it('refuses a starter that would end its own element', () => {
    expect(() => staticPage(chart('a'), '', ['a.js'], 'x("</script>")')).toThrow(`${START_CHART_SCRIPT} cannot be inlined`);
  });

  it('marks each chart for the take-over, with where the site is and what it shows', () => {
    const embed = staticPage(chart('deal-breakdown'), '', ['a.js'], STARTER);
    expect(embed).toContain('<div class="chart-island" data-static-chart="deal-breakdown" data-site-root="../" data-standalone>');
    expect(embed).toContain('data-report-height="deal-breakdown"');
    const compare = comparePage({ nav: '', intro: '', charts: [chart('a'), chart('b')] }, '', ['a.js'], STARTER);
    expect([...compare.matchAll(/data-static-chart="([^"]+)" data-site-root="\.\/" data-controls/g)].map((match) => match[1])).toEqual(['a', 'b']);
    // Each chart's style rules, both in the page.
    expect(compare).toContain('.static-x-1{fill:blue}');
  });

  it('escapes a title and an id as text', () => {
    const html = staticPage(chart('x"><script>', '<b>&</b>'), '', ['a.js'], STARTER);
    expect(html).toContain('<title>&lt;b&gt;&amp;&lt;/b&gt; – City region skills dashboard</title>');
    expect(html).toContain('data-static-chart="x&quot;&gt;&lt;script&gt;"');
    expect(html).not.toContain('<b>');
  });
});

describe('withStaticPages', () => {
  it.each([
    ['<html lang="en-GB">', { a: staticChartPath('a') }, '<html lang="en-GB" data-static-pages="{&quot;a&quot;:&quot;embed/a.html&quot;}">'],
    ['<html>', {}, '<html data-static-pages="{}">'],
  ])('lists the pages on %s', (tag, pages, expected) => {
    expect(withStaticPages(`<!doctype html>\n${tag}<head></head></html>`, pages)).toBe(`<!doctype html>\n${expected}<head></head></html>`);
  });

  it('lists the map pages under their own attribute', () => {
    expect(withStaticPages('<html>', { E47000004: 'embed/map-E47000004.html' }, STATIC_PAGE_LISTS.maps)).toBe('<html data-static-maps="{&quot;E47000004&quot;:&quot;embed/map-E47000004.html&quot;}">');
  });

  it('names the attributes embed.html’s forwarding script reads', () => {
    const script = /<script>([\s\S]*?)<\/script>/.exec(readFileSync('embed.html', 'utf8'))?.[1] ?? '';
    for (const attribute of Object.values(STATIC_PAGE_LISTS)) expect(script).toContain(`'${attribute}'`);
  });

  it('refuses a page with no <html> element', () => {
    expect(() => withStaticPages('<head></head>', {})).toThrow(/no <html> element/);
  });
});
