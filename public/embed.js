/* Host-side resizer for our chart embeds (paste with the embed code; served as an external file so sites with a
   strict Content-Security-Policy can allow it by origin). It accepts a height only from an iframe marked
   data-opsi-embed, only when the message comes from that iframe's own window and origin, and only a finite number,
   clamped to 100-20000 px. Understands our message, pym.js strings and AMP embed-size. No polling. */
(function () {
  'use strict';
  if (window.__opsiEmbedHost) return;
  window.__opsiEmbedHost = true;
  var MIN = 100;
  var MAX = 20000;
  var PYM = /^pymxPYMx[^x]*xPYMxheightxPYMx(\d+(?:\.\d+)?)$/;

  function heightFrom(data) {
    var h = null;
    if (data && typeof data === 'object') {
      if (data.type === 'opsi-embed:height' || (data.sentinel === 'amp' && data.type === 'embed-size')) h = data.height;
    } else if (typeof data === 'string') {
      var m = PYM.exec(data);
      if (m) h = Number(m[1]);
    }
    return typeof h === 'number' && isFinite(h) ? Math.min(MAX, Math.max(MIN, Math.round(h))) : null;
  }

  function prepare(frame) {
    frame.style.border = '0';
    frame.style.width = '100%';
    frame.style.display = 'block';
  }

  var frames = document.querySelectorAll('iframe[data-opsi-embed]');
  for (var i = 0; i < frames.length; i++) prepare(frames[i]);

  window.addEventListener('message', function (event) {
    var list = document.querySelectorAll('iframe[data-opsi-embed]');
    for (var i = 0; i < list.length; i++) {
      var frame = list[i];
      if (event.source !== frame.contentWindow) continue;
      var origin;
      try {
        origin = new URL(frame.src, location.href).origin;
      } catch (e) {
        return;
      }
      if (event.origin !== origin) return;
      var h = heightFrom(event.data);
      if (h === null) return;
      prepare(frame);
      if (Math.abs(frame.getBoundingClientRect().height - h) >= 1) frame.style.height = h + 'px';
      return;
    }
  });
})();
