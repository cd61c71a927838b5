// @vitest-environment jsdom
import { isolate } from '../../../src/lib/data/bidi.ts';
import { describe, expect, it } from 'vitest';
import { composeChartSvg, serialiseSvg, sourceLines, svgSize, wrapLine } from '../../../src/lib/export/svg.ts';
import { embedSnippet, embedUrl, escapeAttribute } from '../../../src/lib/export/embed-snippet.ts';
import { exportFileName } from '../../../src/lib/export/download.ts';
import { parseEmbedSearch } from '../../../src/lib/export/embed-params.ts';

const SVG_NS = 'http://www.w3.org/2000/svg';

function chartSvg(): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('width', '600');
  svg.setAttribute('height', '300');
  svg.setAttribute('aria-describedby', 'elsewhere');
  const text = document.createElementNS(SVG_NS, 'text');
  text.textContent = 'bar label';
  svg.append(text);
  return svg;
}

const PAYLOAD = '<script>alert(1)</script><img src=x onerror=alert(2)>';

describe('composeChartSvg', () => {
  it('contains the title, subtitle, chart, sources and licence', () => {
    const image = composeChartSvg(document, chartSvg(), {
      title: 'Skills funding',
      subtitle: 'By area',
      sourceLines: ['Source: Liverpool Echo, 1 March 2024 (Deal signed)'],
      licenceLines: ['Open Government Licence v3.0'],
      legend: [
        { label: 'Combined authority', swatch: { kind: 'bar', colour: '#d55e00' } },
        { label: 'Upper limit', swatch: { kind: 'ceiling', colour: '#0072b2' } },
        { label: 'Target', swatch: { kind: 'symbol', colour: '#000', symbol: 'hollow-diamond' } },
      ],
    });
    const text = serialiseSvg(image);
    expect(text.startsWith('<?xml')).toBe(true);
    expect(image.querySelector('title')?.textContent).toBe('Skills funding');
    expect(image.querySelector('.export-title')?.textContent).toBe('Skills funding');
    expect(image.querySelector('.export-subtitle')?.textContent).toBe('By area');
    expect(image.querySelector('.export-footer')?.textContent).toContain('Source: Liverpool Echo, 1 March 2024');
    expect(image.querySelector('.export-footer')?.textContent).toContain('Open Government Licence v3.0');
    expect(text).toContain('bar label');
    expect([...image.querySelectorAll('.export-legend text')].map((t) => t.textContent)).toEqual(['Combined authority', 'Upper limit', 'Target']);
    // The copy sits inside the new image; the page's own chart keeps its attributes.
    expect(image.querySelector('svg svg')?.hasAttribute('aria-describedby')).toBe(false);
    expect(svgSize(image).width).toBe(632);
    expect(svgSize(image).height).toBeGreaterThan(300);
  });

  it('carries the caption, the notes beside the chart and the footnotes', () => {
    const image = composeChartSvg(document, chartSvg(), {
      title: 'Skills funding',
      subtitle: 'By area',
      caption: ['The announcements come from different years, not adjusted for inflation.'],
      notes: [{ heading: 'Context: not counted', items: [{ id: 'a', text: 'Liverpool, Growth: capital, £10m. Wider investment.' }] }],
      footnotes: ['Bootcamps (Deal): a note'],
      sourceLines: ['Source: Echo'],
      licenceLines: [],
    });
    expect(image.querySelector('.export-caption')?.textContent).toContain('not adjusted for inflation');
    const notes = [...image.querySelectorAll('.export-notes text')].map((t) => t.textContent);
    expect(notes).toEqual(['Context: not counted', '• Liverpool, Growth: capital, £10m. Wider investment.']);
    expect(image.querySelector('.export-footer')?.textContent).toContain('Note: Bootcamps (Deal): a note');
    // The caption sits above the chart, the notes below it.
    const chartY = Number(image.querySelector('svg svg')?.getAttribute('y'));
    expect(Number(image.querySelector('.export-caption text')?.getAttribute('y'))).toBeLessThan(chartY);
    expect(Number(image.querySelector('.export-notes text')?.getAttribute('y'))).toBeGreaterThan(chartY + 300);
  });

  it('keeps hostile text as text', () => {
    const image = composeChartSvg(document, chartSvg(), { title: PAYLOAD, subtitle: PAYLOAD, sourceLines: [`Source: ${PAYLOAD}`], licenceLines: [] });
    expect(image.querySelector('script')).toBeNull();
    expect(image.querySelector('img')).toBeNull();
    const text = serialiseSvg(image);
    expect(text).not.toContain('<script>');
    expect(text).toContain('&lt;script&gt;');
    const reparsed = new DOMParser().parseFromString(text, 'image/svg+xml');
    expect(reparsed.getElementsByTagName('parsererror')).toHaveLength(0);
    expect(reparsed.getElementsByTagName('script')).toHaveLength(0);
    expect(reparsed.getElementsByTagNameNS(SVG_NS, 'title')[0]?.textContent).toBe(PAYLOAD);
  });
});

describe('sourceLines', () => {
  it('names publisher, date and title; says when a source is unknown', () => {
    expect(sourceLines([{ id: 's1', source: { id: 's1', title: 'Deal', publisher: 'BBC', publishedText: 'May 2023', url: null, note: null } }, { id: 's2', source: null }])).toEqual([`Source: ${isolate('BBC')}, May 2023 (${isolate('Deal')})`, `Source details unavailable (${isolate('s2')})`]);
  });
});

describe('wrapLine', () => {
  it.each([
    ['short', 'a b c', 400, ['a b c']],
    ['wraps at about ten characters', 'one two three four five six seven eight', 60, ['one two', 'three four', 'five six', 'seven', 'eight']],
    ['keeps a long word whole', 'supercalifragilistic word', 60, ['supercalifragilistic', 'word']],
    ['empty', '', 400, []],
  ])('%s', (_, text, width, expected) => {
    expect(wrapLine(text, width, 12)).toEqual(expected);
  });
});

describe('embed snippet', () => {
  it.each([
    ['&', '&amp;'],
    ['<b>', '&lt;b&gt;'],
    ['"quoted"', '&quot;quoted&quot;'],
    ["it's", "it's"],
  ])('escapes %s', (input, expected) => {
    expect(escapeAttribute(input)).toBe(expected);
  });

  it('builds an iframe with an escaped title and the resize script served beside the embed page', () => {
    const src = embedUrl('https://example.org/dash/index.html', 'deal-breakdown', { measure: 'per_resident' });
    expect(src).toBe('https://example.org/dash/embed.html?chart=deal-breakdown&measure=per_resident');
    const snippet = embedSnippet({ src, title: 'Funding "A" & <B>' });
    expect(snippet).toContain('<iframe src="https://example.org/dash/embed.html?chart=deal-breakdown&amp;measure=per_resident" title="Funding &quot;A&quot; &amp; &lt;B&gt;" width="100%" height="600" style="border:0" loading="lazy"></iframe>');
    expect(snippet).toContain('<script src="https://example.org/dash/embed-resize.js" defer></script>');
  });
});

describe('parseEmbedSearch', () => {
  it.each([
    ['?chart=deal-breakdown&measure=total', { chart: 'deal-breakdown', params: { measure: 'total' } }],
    ['?chart=%3Cscript%3E', { chart: '<script>', params: {} }],
    ['', { chart: '', params: {} }],
    ['?chart=map&region=E47000007', { chart: 'map', params: { region: 'E47000007' } }],
  ])('%s', (search, expected) => {
    expect(parseEmbedSearch(search)).toEqual(expected);
  });
});

describe('exportFileName', () => {
  it.each([
    [['deal-breakdown', 'per_resident'], 'png', 'deal-breakdown-per_resident.png'],
    [['a/b', '../c'], 'csv', 'a-b-c.csv'],
    [[], 'svg', 'chart.svg'],
  ])('%j', (parts, ext, expected) => {
    expect(exportFileName(parts, ext)).toBe(expected);
  });
});
