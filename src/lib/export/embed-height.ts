/**
 * The embed page tells its host page how tall it is, so the iframe can fit it without a
 * scroll bar. Protocol (docs/embedding.md): { type, chart, height } posted to the parent.
 */
import { RESIZE_MESSAGE_TYPE } from './embed-snippet.ts';

export interface ResizeMessage {
  type: typeof RESIZE_MESSAGE_TYPE;
  chart: string;
  /** Content height in CSS pixels, rounded up. */
  height: number;
}

export function resizeMessage(chart: string, height: number): ResizeMessage {
  return { type: RESIZE_MESSAGE_TYPE, chart, height: Math.ceil(height) };
}

/**
 * Posts the element's height now and whenever it changes; returns the cleanup. Does
 * nothing when the page is not in a frame. '*' as target: the message holds only a
 * height, and the host's origin is not known to the embed.
 */
export function reportHeight(element: HTMLElement, chart: string, win: Window = window): () => void {
  if (win.parent === win) return () => {};
  let lastHeight = -1;
  const post = () => {
    const height = Math.ceil(element.getBoundingClientRect().height);
    if (height === lastHeight) return;
    lastHeight = height;
    win.parent.postMessage(resizeMessage(chart, height), '*');
  };
  post();
  const observer = new ResizeObserver(post);
  observer.observe(element);
  return () => observer.disconnect();
}
