// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { loadCharts } from '../../../src/lib/charts/registry.ts';
import { drawChart } from '../../../src/lib/charts/render.ts';
import { defaultInputs } from './fixtures.ts';

const CHARTS = await loadCharts();
const { data, inputs } = await defaultInputs(CHARTS);

function draw(chartId: string, width: number, params: Record<string, string> = {}): SVGSVGElement {
  const chart = CHARTS.find((c) => c.id === chartId);
  const rendered = chart?.render(inputs.get(chartId) ?? data, params);
  if (!rendered || rendered.status !== 'ok') throw new Error(`${chartId} did not render`);
  const node = drawChart(rendered, { width, describedBy: 'summary', document });
  if (!(node instanceof window.SVGSVGElement)) throw new Error(`${chartId} rendered a ${node.nodeName}, not an SVG`);
  return node;
}

// Data text in labels is isolated (FSI…PDI, issue 19); these checks read the words around it.
const texts = (svg: SVGSVGElement) => [...svg.querySelectorAll('text')].map((t) => (t.textContent ?? '').replace(/[\u2068\u2069]/gu, ''));

describe.each([320, 960])('chart SVGs at %i px', (width) => {
  it.each(CHARTS.map((c) => [c.id]))('%s matches its snapshot', async (id) => {
    const svg = draw(id, width);
    expect(svg.getAttribute('width')).toBe(String(width));
    expect(svg.getAttribute('role')).toBe('img');
    expect(svg.getAttribute('aria-describedby')).toBe('summary');
    expect(svg.querySelectorAll('[aria-label]')).toHaveLength(0);
    await expect(new XMLSerializer().serializeToString(svg)).toMatchFileSnapshot(`__snapshots__/${id}-${width}.svg`);
  });
});

describe('deal-breakdown SVG', () => {
  it('draws unquantified items as labelled markers, not as bars', () => {
    const all = texts(draw('deal-breakdown', 320)).join(' ');
    expect(all).toContain('Not quantified: described as “multi-million”');
    expect(all).toContain('Investment in local colleges');
  });

  it('outlines ceilings: every "up to" bar has a stroke and a faint fill', () => {
    const svg = draw('deal-breakdown', 960);
    // Plot puts constant styles on the mark's group and per-bar colours on each rect.
    const outlined = [...svg.querySelectorAll('g[fill-opacity][stroke-width] rect[stroke]')];
    const ceilings = (data.funding ?? []).filter((row) => row.category === 'skills' && row.qualifier === 'up_to');
    expect(outlined.length).toBe(ceilings.length);
  });

  it('draws no bar for wider investment', () => {
    const all = texts(draw('deal-breakdown', 960)).join(' ');
    for (const row of (data.funding ?? []).filter((r) => r.category !== 'skills')) expect(all).not.toContain(`${row.component}:`);
  });

  it('redraws in pence per resident', () => {
    const all = texts(draw('deal-breakdown', 960, { measure: 'per_resident' })).join(' ');
    expect(all).toMatch(/Whole deal: up to £\d+\.\d\d/);
  });
});
