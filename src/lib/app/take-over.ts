/**
 * A static page's chart (drawn at build time, scripts/build/static-charts.ts) becoming the
 * interactive one without a visible repaint: the interactive chart is mounted beside the
 * static markup, hidden and at the same width, and only once it has drawn does it take the
 * static one's place, in one task, so the reader never sees a blank or a half-drawn chart.
 * Focus, open <details>, a choice made in a <select> and a press the reader made while the
 * script loaded carry over.
 */

/** What the build writes on each static chart's root element. */
export const ISLAND_ATTRIBUTE = 'data-static-chart';
/** Set by the page's inline loader on a button or input pressed before the script was in. */
export const PENDING_ATTRIBUTE = 'data-pending-press';

/** Elements a reader can focus or press, in document order: matched by position between the static markup and its replacement. */
const INTERACTIVE = 'a[href], button, input, select, textarea, summary, [tabindex]';
/** Shown (or failed) and drawn: the replacement is ready to be seen. */
const SETTLED = '[data-chart-ready]:not(:has(.chart-plot)), [data-chart-ready] .chart-plot svg, [role="alert"]';
/** Past this the replacement is shown whatever state it is in, rather than never. */
const SETTLE_TIMEOUT_MS = 15_000;

export interface IslandRequest {
  chartId: string;
  /** Where data/ and the dashboard are, relative to the page. */
  siteRoot: string;
  /** The build's drawing width, so the first interactive drawing is the same one. */
  initialWidth: number | undefined;
  /** Whether the chart shows its own controls (a compare page) or not (an embed). */
  controls: boolean;
  /** The chart is the page (an embed): it names the page and has the footer. */
  standalone: boolean;
}

/** What a static chart's root asks for, from the attributes the build wrote. */
export function readIsland(root: Element): IslandRequest {
  // The build draws each chart at more than one width and the page's CSS shows one: that one is taken over.
  const drawings = [...root.querySelectorAll('.chart-plot svg')];
  const shown = drawings.find((svg) => svg.getBoundingClientRect().width > 0) ?? drawings[0];
  const width = Number(shown?.getAttribute('width'));
  return {
    chartId: root.getAttribute(ISLAND_ATTRIBUTE) ?? '',
    siteRoot: root.getAttribute('data-site-root') ?? './',
    initialWidth: Number.isFinite(width) && width > 0 ? width : undefined,
    controls: root.hasAttribute('data-controls'),
    standalone: root.hasAttribute('data-standalone'),
  };
}

function settled(target: HTMLElement, timeoutMs: number): Promise<void> {
  return new Promise((resolve) => {
    if (target.querySelector(SETTLED)) return resolve();
    const observer = new MutationObserver(() => {
      if (target.querySelector(SETTLED)) done();
    });
    const timer = setTimeout(() => done(), timeoutMs);
    function done() {
      observer.disconnect();
      clearTimeout(timer);
      resolve();
    }
    observer.observe(target, { subtree: true, childList: true, attributes: true });
  });
}

const interactive = (root: Element) => [...root.querySelectorAll<HTMLElement>(INTERACTIVE)];

/**
 * Mounts the interactive chart (through `mountInto`) beside `root` and swaps it in once drawn.
 * Resolves with the element now holding the chart.
 */
export async function takeOver(root: HTMLElement, mountInto: (target: HTMLElement) => void, timeoutMs = SETTLE_TIMEOUT_MS): Promise<HTMLElement> {
  const doc = root.ownerDocument;
  const next = doc.createElement('div');
  next.className = root.className;
  // Laid out at the static chart's width so it draws as it will be seen; invisible and out of reach until then.
  next.style.position = 'absolute';
  next.style.visibility = 'hidden';
  next.style.width = `${root.getBoundingClientRect().width}px`;
  next.inert = true;
  root.after(next);
  mountInto(next);
  await settled(next, timeoutMs);

  const before = interactive(root);
  const focused = before.indexOf(doc.activeElement as HTMLElement);
  const pressed = before.findIndex((element) => element.hasAttribute(PENDING_ATTRIBUTE));
  const open = [...root.querySelectorAll('details')].map((details) => details.open);
  const chosen = [...root.querySelectorAll('select')].map((select) => select.value);
  root.remove();
  next.removeAttribute('style');
  next.inert = false;
  [...next.querySelectorAll('details')].forEach((details, i) => {
    if (open[i] !== undefined) details.open = open[i];
  });
  [...next.querySelectorAll('select')].forEach((select, i) => {
    const value = chosen[i];
    if (value === undefined || value === select.value) return;
    select.value = value;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  });
  const after = interactive(next);
  if (focused >= 0) after[focused]?.focus({ preventScroll: true });
  // The press the static page could not answer, answered now (a radio, a download, the table toggle).
  if (pressed >= 0) after[pressed]?.click();
  return next;
}
