// @vitest-environment jsdom
/**
 * public/embed-resize.js on a host page (jsdom): it resizes only the frame that sent the
 * message, only when the message comes from that frame's own origin, keeps the height in
 * bounds, and cannot be switched off by an element id (DOM clobbering).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const SCRIPT = readFileSync(path.resolve('public/embed-resize.js'), 'utf8');
const TYPE = 'city-region-dashboard:resize';
const EMBED = 'https://dash.example/embed.html?chart=deal-breakdown';

const run = () => new Function(SCRIPT)();
const frame = (id: string) => document.getElementById(id) as HTMLIFrameElement;
const send = (data: unknown, from: HTMLIFrameElement | null, origin: string) => {
  window.dispatchEvent(new MessageEvent('message', { data, origin, source: from?.contentWindow ?? null }));
};
function element(tag: string, attributes: Record<string, string>): HTMLElement {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  return el;
}
const frames = document.createElement('div');

beforeAll(() => {
  // Elements that shadow named globals and document methods (DOM clobbering), present before the script runs.
  document.body.append(element('div', { id: 'cityRegionDashboardResize' }), element('img', { name: 'getElementsByTagName' }), element('form', { name: 'getElementsByTagName' }), frames);
  run();
});

beforeEach(() => {
  frames.replaceChildren(element('iframe', { id: 'a', src: EMBED }), element('iframe', { id: 'b', src: 'https://other.example/embed.html' }), element('iframe', { id: 'c', srcdoc: '<p>hi</p>' }));
});

describe('embed-resize.js', () => {
  it('sets the height of the frame that sent the message, from its own origin', () => {
    send({ type: TYPE, chart: 'deal-breakdown', height: 812.2 }, frame('a'), 'https://dash.example');
    expect(frame('a').style.height).toBe('813px');
    expect(frame('b').style.height).toBe('');
  });

  it.each([
    ['another origin', { type: TYPE, height: 900 }, 'https://evil.example'],
    ['the host page itself', { type: TYPE, height: 900 }, 'https://council.example'],
    ['another message type', { type: 'other', height: 900 }, 'https://dash.example'],
    ['a height given as text', { type: TYPE, height: '900' }, 'https://dash.example'],
    ['a non-finite height', { type: TYPE, height: Number.POSITIVE_INFINITY }, 'https://dash.example'],
    ['a negative height', { type: TYPE, height: -5 }, 'https://dash.example'],
    ['no data', null, 'https://dash.example'],
  ])('ignores %s', (_name, data, origin) => {
    send(data, frame('a'), origin);
    expect(frame('a').style.height).toBe('');
  });

  it('ignores a message from a window that is not one of the frames', () => {
    send({ type: TYPE, height: 900 }, null, 'https://dash.example');
    expect(frame('a').style.height).toBe('');
  });

  it('does not let one frame resize another by claiming its origin', () => {
    send({ type: TYPE, height: 900 }, frame('b'), 'https://dash.example');
    expect(frame('a').style.height).toBe('');
    expect(frame('b').style.height).toBe('');
  });

  it.each([
    [1, '50px'],
    [49.5, '50px'],
    [5000, '5000px'],
    [10_001, '10000px'],
    [1e12, '10000px'],
  ])('keeps a height of %s within bounds (%s)', (height, expected) => {
    send({ type: TYPE, height }, frame('a'), 'https://dash.example');
    expect(frame('a').style.height).toBe(expected);
  });

  // jsdom has no named access on window, so Chromium proves the id case (test/e2e/embed.e2e.ts host page).
  it('works with elements on the page that shadow its guard and DOM methods (clobbering)', () => {
    expect(document.getElementById('cityRegionDashboardResize')).not.toBeNull();
    send({ type: TYPE, height: 700 }, frame('a'), 'https://dash.example');
    expect(frame('a').style.height).toBe('700px');
  });

  it('ignores a frame without an address of its own (srcdoc, about:blank)', () => {
    send({ type: TYPE, height: 700 }, frame('c'), 'null');
    expect(frame('c').style.height).toBe('');
  });

  it('listens once when included twice', () => {
    const add = vi.spyOn(window, 'addEventListener');
    run();
    expect(add).not.toHaveBeenCalled();
    add.mockRestore();
  });
});
