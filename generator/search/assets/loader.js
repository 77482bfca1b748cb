/* Loads the search (lunr.js, Indonesian pipeline, UI, styles) only when the search box
 * is first used, so pages stay light. Nothing typed is stored or sent. */
(function () {
  "use strict";
  var root = document.querySelector("[data-ids-search]");
  if (!root) return;
  var base = root.getAttribute("data-ids-assets");
  if (base.charAt(base.length - 1) !== "/") base += "/";
  var loading = false;

  function load() {
    if (loading) return;
    loading = true;
    var css = document.createElement("link");
    css.rel = "stylesheet";
    css.href = base + "search.css";
    document.head.appendChild(css);
    var js = document.createElement("script");
    js.src = base + "search.js";
    js.async = true;
    document.head.appendChild(js);
    prefetch();
  }

  // The city's first slice (a small shard: hotlines, complaint services, the best
  // services of each kind of help) downloads alongside search.js, so a first result
  // shows about a second after the tap on slow 3G; search.js takes the promise from
  // here and fetches the whole shard only then, so the two never share the bandwidth.
  // Same-site static file: nothing typed is in the request.
  // On the search page without a city, the national index is what a query needs first.
  function prefetch() {
    var city = root.getAttribute("data-ids-city") || "";
    if (!window.fetch) return;
    var url = /^\d\d\.\d\d$/.test(city) ? base + "first/" + city + ".json"
      : document.querySelector("[data-ids-page]") ? base + "national.json" : "";
    if (!url) return;
    var pending = fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.json();
    });
    pending.catch(function () {});
    window.IdSearchPrefetch = {};
    window.IdSearchPrefetch[url] = pending;
  }

  var input = root.querySelector("[data-ids-query]");
  var form = root.querySelector("form");
  // Enter must never submit: the query would end up in the address bar.
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  ["focus", "input", "pointerdown"].forEach(function (type) {
    input.addEventListener(type, load, { once: true });
  });
  // A finger on the search button starts the download before the tap completes.
  Array.prototype.forEach.call(document.querySelectorAll('label[for="__search"]'), function (label) {
    label.addEventListener("pointerdown", load, { once: true });
  });
  var toggle = document.getElementById("__search");
  // Material's search button (small screens) only shows the box: focus it too.
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked) { load(); input.focus(); }
  });
  // A slow page may show the box before this script runs: what was typed still counts.
  if (document.querySelector("[data-ids-page]") || input.value || document.activeElement === input) {
    load();
    if (toggle && input.value) toggle.checked = true;
  }
})();
