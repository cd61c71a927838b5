/*
 * City region skills dashboard: embed resizer for host pages.
 * Include once on a page with one or more dashboard iframes:
 *   <script src="https://<dashboard>/embed-resize.js" defer></script>
 * Each embed page posts { type: 'city-region-dashboard:resize', chart, height } to its
 * parent when it loads and whenever its content changes height. This script sets the
 * height of the iframe that sent the message, so the chart shows in full without a scroll
 * bar. It trusts nothing the message says about where it came from:
 * - the frame is the one whose window is event.source, and event.origin must be the
 *   origin of that frame's own src (a frame that navigated elsewhere is ignored);
 * - the height is kept between MIN_HEIGHT and MAX_HEIGHT;
 * - the "already running" guard is a Symbol property, which no element's id or name can
 *   shadow (a named global such as window.someFlag can be, by <div id="someFlag">), and
 *   DOM methods are taken from their prototypes for the same reason.
 * Protocol: docs/embedding.md.
 */
(function () {
  'use strict';
  var MESSAGE_TYPE = 'city-region-dashboard:resize';
  var MIN_HEIGHT = 50;
  var MAX_HEIGHT = 10000;
  var GUARD = Symbol.for(MESSAGE_TYPE);
  if (Object.prototype.hasOwnProperty.call(window, GUARD)) return;
  Object.defineProperty(window, GUARD, { value: true });

  var byTagName = Document.prototype.getElementsByTagName;
  var contentWindowOf = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'contentWindow').get;
  var srcOf = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src').get;

  /** The origin of the address the frame was given, or null (about:blank, srcdoc, unparsable). */
  function frameOrigin(frame) {
    try {
      var origin = new URL(srcOf.call(frame), document.baseURI).origin;
      return origin === 'null' ? null : origin;
    } catch {
      return null;
    }
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== MESSAGE_TYPE) return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height <= 0) return;
    var frames = byTagName.call(document, 'iframe');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (contentWindowOf.call(frame) !== event.source || event.source === null) continue;
      if (frameOrigin(frame) !== event.origin) return;
      frame.style.height = Math.min(Math.max(Math.ceil(height), MIN_HEIGHT), MAX_HEIGHT) + 'px';
      return;
    }
  });
})();
