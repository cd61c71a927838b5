/*
 * City region skills dashboard: embed resizer for host pages.
 * Include once on a page with one or more dashboard iframes:
 *   <script src="https://<dashboard>/embed-resize.js" defer></script>
 * Each embed page posts { type: 'city-region-dashboard:resize', chart, height } to its
 * parent when it loads and whenever its content changes height. This script sets the
 * height of the iframe that sent the message (matched by its window, never by the
 * message's own claims), so the chart shows in full without a scroll bar.
 * Protocol: docs/embedding.md.
 */
(function () {
  'use strict';
  var MESSAGE_TYPE = 'city-region-dashboard:resize';
  // Guard against absurd values from a broken or hostile frame.
  var MAX_HEIGHT = 20000;
  if (window.cityRegionDashboardResize) return;
  window.cityRegionDashboardResize = true;

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.type !== MESSAGE_TYPE) return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.min(Math.ceil(height), MAX_HEIGHT) + 'px';
        return;
      }
    }
  });
})();
