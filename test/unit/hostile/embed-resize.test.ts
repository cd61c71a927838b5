/**
 * public/embed-resize.js on a host page (jsdom): it resizes only the frame that sent the
 * message, only when the message comes from that frame's own origin, keeps the height in
 * bounds, and cannot be switched off by an element id (DOM clobbering).
 */
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';

const SCRIPT = readFileSync(new URL('../../../public/embed-resize.js', import.meta.url), 'utf8');
const TYPE = 'city-region-dashboard:resize';
const EMBED = 'https://dash.example/embed.html?chart=deal-breakdown';

function host(body = '') {
  const dom = new JSDOM(`<!doctype html><body>${body}<iframe id="a" src="${EMBED}"></iframe><iframe id="b" src="https://other.example/embed.html"></iframe></body>`, { url: 'https://council.example/page', runScripts: 'outside-only' });
  const { window } = dom;
  const frame = (id: string) => window.document.getElementById(id) as HTMLIFrameElement;
  const run = () => window.eval(SCRIPT);
  const send = (data: unknown, from: HTMLIFrameElement | null, origin: string) => {
    window.dispatchEvent(new window.MessageEvent('message', { data, origin, source: from?.contentWindow ?? null }));
  };
  return { window, frame, run, send };
}

describe('embed-resize.js', () => {
  it('sets the height of the frame that sent the message, from its own origin', () => {
    const { frame, run, send } = host();
    run();
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
    const { frame, run, send } = host();
    run();
    send(data, frame('a'), origin);
    expect(frame('a').style.height).toBe('');
  });

  it('ignores a message from a window that is not one of the frames', () => {
    const { frame, run, send } = host();
    run();
    send({ type: TYPE, height: 900 }, null, 'https://dash.example');
    expect(frame('a').style.height).toBe('');
  });

  it('does not let one frame resize another by claiming its origin', () => {
    const { frame, run, send } = host();
    run();
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
    const { frame, run, send } = host();
    run();
    send({ type: TYPE, height }, frame('a'), 'https://dash.example');
    expect(frame('a').style.height).toBe(expected);
  });

  it.each([
    ['an element with the id of the old guard', '<div id="cityRegionDashboardResize"></div>'],
    ['an image named like a DOM method', '<img name="getElementsByTagName">'],
    ['a form named like a DOM method', '<form name="getElementsByTagName"></form>'],
  ])('still works with %s on the page', (_name, body) => {
    const { frame, run, send } = host(body);
    run();
    send({ type: TYPE, height: 700 }, frame('a'), 'https://dash.example');
    expect(frame('a').style.height).toBe('700px');
  });

  it('listens once when included twice', () => {
    const { window, frame, run, send } = host();
    let listeners = 0;
    const add = window.addEventListener.bind(window);
    window.addEventListener = ((type: string, ...rest: [EventListener]) => {
      if (type === 'message') listeners++;
      add(type, ...rest);
    }) as typeof window.addEventListener;
    run();
    run();
    expect(listeners).toBe(1);
    send({ type: TYPE, height: 700 }, frame('a'), 'https://dash.example');
    expect(frame('a').style.height).toBe('700px');
  });
});
