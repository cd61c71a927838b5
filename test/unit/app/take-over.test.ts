// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest';
import { PENDING_ATTRIBUTE, readIsland, takeOver } from '../../../src/lib/app/take-over.ts';

/** A chart figure as ChartFigure marks it up: ready, with a drawing, a button, a details and a radio. */
const FIGURE = `<figure data-chart-ready><div class="chart-plot"><svg width="640"></svg></div>
  <input type="radio" name="m" value="a"><input type="radio" name="m" value="b"><button type="button">Show table</button>
  <details><summary>Sources</summary></details></figure>`;

/** Fixed test markup (never data) into `target`. */
const setMarkup = (target: Element, markup: string) => target.replaceChildren(document.createRange().createContextualFragment(markup));

function one<T extends Element = HTMLElement>(selector: string, root: ParentNode = document): T {
  const element = root.querySelector<T>(selector);
  if (!element) throw new Error(`No ${selector}`);
  return element;
}

function page(island = FIGURE): HTMLElement {
  setMarkup(document.body, `<main><p>before</p><div class="chart-island" data-static-chart="deal-breakdown" data-site-root="../" data-standalone>${island}</div><p>after</p></main>`);
  return one('[data-static-chart]');
}

/** Mounts a copy of the static markup later, as the interactive chart would once its data is in. */
const mountLater =
  (html = FIGURE, delay = 5) =>
  (target: HTMLElement) => {
    setTimeout(() => setMarkup(target, html), delay);
  };

describe('readIsland', () => {
  it.each([
    ['an embed page', '<div data-static-chart="a" data-site-root="../" data-standalone><div class="chart-plot"><svg width="640"></svg></div></div>', { chartId: 'a', siteRoot: '../', initialWidth: 640, controls: false, standalone: true }],
    ['a compare page', '<div data-static-chart="b" data-site-root="./" data-controls></div>', { chartId: 'b', siteRoot: './', initialWidth: undefined, controls: true, standalone: false }],
    ['no attributes but the id', '<div data-static-chart="c"><div class="chart-plot"><svg width="wide"></svg></div></div>', { chartId: 'c', siteRoot: './', initialWidth: undefined, controls: false, standalone: false }],
  ])('%s', (_name, html, expected) => {
    setMarkup(document.body, html);
    expect(readIsland(one('[data-static-chart]'))).toEqual(expected);
  });
});

describe('takeOver', () => {
  it('shows the interactive chart in the static one’s place only once it has drawn', async () => {
    const root = page();
    const targets: HTMLElement[] = [];
    const done = takeOver(root, (target) => {
      targets.push(target);
      mountLater()(target);
    });
    const [mounted] = targets;
    // Mounted beside the static chart, hidden and out of reach, while the static one stays.
    expect(mounted?.previousElementSibling).toBe(root);
    expect(mounted?.style.visibility).toBe('hidden');
    expect(mounted?.inert).toBe(true);
    const next = await done;
    expect(next).toBe(mounted);
    expect(root.isConnected).toBe(false);
    expect(next.className).toBe('chart-island');
    expect(next.getAttribute('style')).toBeNull();
    expect(next.inert).toBe(false);
    expect([...one('main').children].map((element) => element.tagName)).toEqual(['P', 'DIV', 'P']);
  });

  it.each([
    ['a ready figure with nothing to draw', '<figure data-chart-ready><p data-chart-empty>Nothing</p></figure>'],
    ['an error', '<div role="alert"><p>Not found</p></div>'],
  ])('counts %s as drawn', async (_name, html) => {
    const root = page();
    const next = await takeOver(root, mountLater(html), 10_000);
    expect(next.textContent).toContain(html.includes('alert') ? 'Not found' : 'Nothing');
  });

  it('waits for the drawing, not just the figure', async () => {
    const root = page();
    let drawn = false;
    const done = takeOver(root, (target) => {
      setMarkup(target, '<figure data-chart-ready><div class="chart-plot"></div></figure>');
      setTimeout(() => {
        drawn = true;
        setMarkup(one('.chart-plot', target), '<svg></svg>');
      }, 20);
    });
    await done;
    expect(drawn).toBe(true);
  });

  it('keeps focus and open <details> on the same elements', async () => {
    const root = page();
    one<HTMLDetailsElement>('details', root).open = true;
    one('button', root).focus();
    const next = await takeOver(root, mountLater());
    expect(document.activeElement).toBe(next.querySelector('button'));
    expect(one<HTMLDetailsElement>('details', next).open).toBe(true);
  });

  it('presses again what the reader pressed while the script loaded', async () => {
    const root = page();
    root.querySelectorAll('input')[1]?.setAttribute(PENDING_ATTRIBUTE, '');
    const changes: string[] = [];
    const next = await takeOver(root, (target) => {
      setMarkup(target, FIGURE);
      target.addEventListener('change', (event) => changes.push((event.target as HTMLInputElement).value));
    });
    expect(changes).toEqual(['b']);
    expect(next.querySelectorAll('input')[1]?.checked).toBe(true);
  });

  it('carries a choice made in a <select> over, as a change', async () => {
    const SELECT = '<figure data-chart-ready><select><option value="a">A</option><option value="b">B</option></select></figure>';
    const root = page(SELECT);
    one<HTMLSelectElement>('select', root).value = 'b';
    const changes: string[] = [];
    const next = await takeOver(root, (target) => {
      setMarkup(target, SELECT);
      target.addEventListener('change', (event) => changes.push((event.target as HTMLSelectElement).value));
    });
    expect(one<HTMLSelectElement>('select', next).value).toBe('b');
    expect(changes).toEqual(['b']);
  });

  it('shows whatever it has after the timeout rather than never', async () => {
    vi.useFakeTimers();
    try {
      const root = page();
      const done = takeOver(root, (target) => setMarkup(target, '<p role="status">Loading the chart…</p>'), 1000);
      await vi.advanceTimersByTimeAsync(1000);
      const next = await done;
      expect(root.isConnected).toBe(false);
      expect(next.textContent).toContain('Loading the chart');
    } finally {
      vi.useRealTimers();
    }
  });
});
