/* Page helpers for generated pages: "buka sekarang" from data-hours, print buttons.
   No storage, no requests. Everything here is an enhancement: pages work without it. */
(function () {
  "use strict";
  function minutes(hhmm) {
    var p = hhmm.split(":");
    return parseInt(p[0], 10) * 60 + parseInt(p[1], 10);
  }
  function openNow(h, now) {
    if (h.always) return true;
    var local = new Date(now.getTime() + h.utc * 3600000);
    var day = local.getUTCDay();
    var mins = local.getUTCHours() * 60 + local.getUTCMinutes();
    return (h.weekly || []).some(function (p) {
      var o = minutes(p[1]), c = minutes(p[2]);
      if (c <= o) {
        return (p[0].indexOf(day) >= 0 && mins >= o) || (p[0].indexOf((day + 6) % 7) >= 0 && mins < c);
      }
      return p[0].indexOf(day) >= 0 && mins >= o && mins < c;
    });
  }
  window.dlOpenNow = openNow;
  var now = new Date();
  Array.prototype.forEach.call(document.querySelectorAll("[data-hours]"), function (el) {
    var h;
    try { h = JSON.parse(el.getAttribute("data-hours")); } catch (e) { return; }
    var open = openNow(h, now);
    el.textContent = open ? "Buka sekarang" : "Tutup sekarang";
    el.classList.add(open ? "dl-now--open" : "dl-now--closed");
    el.hidden = false;
  });
  Array.prototype.forEach.call(document.querySelectorAll("[data-print]"), function (b) {
    b.hidden = false;
    b.addEventListener("click", function () { window.print(); });
  });
})();
