/**
 * The embed's height messages: posted to the parent only inside a frame, rounded up,
 * sent again only when the height changes, and stopped by the cleanup.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { reportHeight, resizeMessage } from '../../../src/lib/export/embed-height.ts';
import { RESIZE_MESSAGE_TYPE } from '../../../src/lib/export/embed-snippet.ts';

/** A ResizeObserver whose callback the test fires by hand. */
class FakeObserver {
  static last: FakeObserver | undefined;
  observed: unknown[] = [];
  disconnected = false;
  constructor(readonly callback: () => void) {
    FakeObserver.last = this;
  }
  observe(element: unknown) {
    this.observed.push(element);
  }
  disconnect() {
    this.disconnected = true;
  }
}

function setup(inFrame: boolean) {
  let height = 100.2;
  const element = { getBoundingClientRect: () => ({ height }) } as unknown as HTMLElement;
  const posted: { message: unknown; target: string }[] = [];
  const parent = { postMessage: (message: unknown, target: string) => posted.push({ message, target }) };
  const win = {} as { parent: unknown };
  win.parent = inFrame ? parent : win;
  vi.stubGlobal('ResizeObserver', FakeObserver);
  return { element, posted, win: win as unknown as Window, resize: (next: number) => ((height = next), FakeObserver.last?.callback()) };
}

afterEach(() => {
  vi.unstubAllGlobals();
  FakeObserver.last = undefined;
});

describe('resizeMessage', () => {
  it.each([
    [100, 100],
    [100.01, 101],
    [0, 0],
  ])('%d px → %d', (height, expected) => {
    expect(resizeMessage('deal-breakdown', height)).toEqual({ type: RESIZE_MESSAGE_TYPE, chart: 'deal-breakdown', height: expected });
  });
});

describe('reportHeight', () => {
  it('does nothing outside a frame', () => {
    const { element, posted, win } = setup(false);
    reportHeight(element, 'map', win)();
    expect(posted).toEqual([]);
    expect(FakeObserver.last).toBeUndefined();
  });

  it('posts the height at once and again only when it changes, until the cleanup', () => {
    const { element, posted, win, resize } = setup(true);
    const stop = reportHeight(element, 'map', win);
    expect(FakeObserver.last?.observed).toEqual([element]);
    resize(100.4); // rounds to the same 101 px: not sent again
    resize(250);
    expect(posted.map((p) => (p.message as { height: number }).height)).toEqual([101, 250]);
    expect(posted.every((p) => p.target === '*' && (p.message as { chart: string }).chart === 'map')).toBe(true);
    stop();
    expect(FakeObserver.last?.disconnected).toBe(true);
  });
});
