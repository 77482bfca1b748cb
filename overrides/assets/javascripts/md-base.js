// Material's inline <head> helpers (partials/javascripts/base.html in mkdocs-material
// 9.8.1), moved to a file so the Content-Security-Policy needs no inline script.
// The scope is the site root, found from this file's own URL instead of base_url.
/* eslint-disable no-var */
var __md_scope = new URL("../..", document.currentScript.src),
  __md_hash = (e) => [...e].reduce((e, _) => (e << 5) - e + _.charCodeAt(0), 0),
  __md_get = (e, _ = localStorage, t = __md_scope) => JSON.parse(_.getItem(t.pathname + "." + e)),
  __md_set = (e, _, t = localStorage, a = __md_scope) => {
    try {
      t.setItem(a.pathname + "." + e, JSON.stringify(_));
    } catch (e) {}
  };

// Material's bundle swaps these classes; without the bundle (extra.material_bundle off)
// this does it, so CSS meant for script-enabled pages (the search button) applies.
document.documentElement.classList.replace("no-js", "js");
