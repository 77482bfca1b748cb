/* Loads the search (lunr.js, Indonesian pipeline, UI, styles) only when the search box
 * is first used, so pages stay light (issue 4). Nothing typed is stored or sent. */
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
    prefetchCity();
  }

  // The city's shard downloads alongside search.js instead of after it (on slow 3G the
  // two requests in a row cost a round trip and the script's start-up); search.js takes
  // the promise from here. Same-site static file: nothing typed is in the request.
  function prefetchCity() {
    var city = root.getAttribute("data-ids-city") || "";
    if (!/^\d\d\.\d\d$/.test(city) || !window.fetch) return;
    var url = base + "shards/" + city + ".json";
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
  var toggle = document.getElementById("__search");
  // Material's search button (small screens) only shows the box: focus it too.
  if (toggle) toggle.addEventListener("change", function () {
    if (toggle.checked) { load(); input.focus(); }
  });
  if (document.querySelector("[data-ids-page]")) load();
})();
