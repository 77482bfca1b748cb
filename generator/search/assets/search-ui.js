/*
 * The search panel: city-scoped by default, facets, results with call and
 * WhatsApp buttons. The query lives only in the input box: it is never put into the
 * URL, history, localStorage or sessionStorage, and nothing is sent anywhere; the only
 * requests are for static files of this site (a shard per city, the national index).
 * Every text from the data is inserted with textContent, never as HTML.
 */
(function () {
  "use strict";
  var S = globalThis.IdSearch;
  var C = globalThis.IdSearchConfig;
  var lunr = globalThis.lunr;
  S.configure(C.lexicon);
  S.registerPipeline(lunr);

  var root = document.querySelector("[data-ids-search]");
  if (!root) return;
  function slash(url) { return url && url.charAt(url.length - 1) !== "/" ? url + "/" : url || "./"; }
  var assets = slash(root.getAttribute("data-ids-assets"));
  var siteBase = slash(root.getAttribute("data-ids-base"));
  var pageCity = root.getAttribute("data-ids-city") || "";
  if (!/^\d\d\.\d\d$/.test(pageCity)) pageCity = "";
  var pageCityName = root.getAttribute("data-ids-city-name") || "";
  var PAGE_SIZE = 30;
  var NATIONAL = "nasional";
  var OTHER = "lainnya";
  var shards = Object.create(null);

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function getJSON(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status + " " + url);
      return r.json();
    });
  }

  var firsts = Object.create(null);
  var ready = Object.create(null);  // scopes whose whole shard has arrived

  function fetchShard(url) {
    var prefetched = (globalThis.IdSearchPrefetch || {})[url];
    if (prefetched) delete globalThis.IdSearchPrefetch[url];  // a retry fetches afresh
    return (prefetched || getJSON(url)).then(function (data) {
      return { index: lunr.Index.load(S.expandIndex(data.index)), store: data.store };
    });
  }

  // The whole shard. A city's is requested once its first slice has arrived (or
  // failed): on a slow connection the two would otherwise share the bandwidth and
  // both arrive late.
  function shard(scope) {
    if (!shards[scope]) {
      var url = assets + (scope === NATIONAL ? "national.json" : "shards/" + scope + ".json");
      var after = scope === NATIONAL ? Promise.resolve() : first(scope).catch(function () {});
      shards[scope] = after.then(function () { return fetchShard(url); });
      shards[scope].then(function () { ready[scope] = true; }, function () { delete shards[scope]; });
    }
    return shards[scope];
  }

  // A city's first slice: the same form as its shard with fewer records (hotlines,
  // complaint services, the best services of each kind of help).
  function first(scope) {
    if (!firsts[scope]) {
      firsts[scope] = fetchShard(assets + "first/" + scope + ".json").then(function (s) {
        s.partial = true;
        return s;
      });
      firsts[scope].catch(function () { delete firsts[scope]; });
    }
    return firsts[scope];
  }

  // quick: a city's first slice while its whole shard is still on the way.
  function load(scope, quick) {
    if (!quick || scope === NATIONAL || ready[scope]) return shard(scope);
    shard(scope);
    return first(scope).catch(function () { return shard(scope); });
  }

  // --- one row of the store: [id, kind, name, org, place, cats, auds, flags, calls, wa,
  //     trust, warnings] (a city: [..., wa, services]);
  // kind 0 service, 1 hotline, 2 city, 3 organisation (org: how it is reached)
  function telHref(number) { return "tel:" + number.replace(/[^\d+]/g, ""); }
  function waHref(number) {
    var digits = number.replace(/\D/g, "");
    if (digits.charAt(0) === "0") digits = "62" + digits.slice(1);
    return "https://wa.me/" + digits;
  }

  // level: the heading level of a result's name (2 under the search page's title, 3 in
  // the header panel), so headings never skip a level (WCAG 1.3.1).
  function renderRow(row, level, where) {
    var li = el("li", { "class": "ids-result", "data-record-id": row[0] });
    var href = siteBase + (C.urls[row[1]] || C.urls[0]).replace("{id}", row[0]);
    var title = el("a", { "class": "ids-result__name", href: href }, row[2]);
    li.appendChild(el("h" + level, { "class": "ids-result__title" })).appendChild(title);
    if (where) li.appendChild(el("p", { "class": "ids-result__elsewhere" }, where));
    var meta = [row[3], row[4]].filter(Boolean).join(" · ");
    if (meta) li.appendChild(el("p", { "class": "ids-result__meta" }, meta));
    var kinds = row[5].map(function (i) { return C.categories[i][1]; });
    var tags = [];
    if (row[7] & 1) tags.push("24 jam");
    if (row[7] & 2) tags.push("Gratis");
    var line = kinds.join(", ") + (tags.length ? (kinds.length ? " · " : "") + tags.join(" · ") : "");
    if (line) li.appendChild(el("p", { "class": "ids-result__kinds" }, line));
    var actions = el("p", { "class": "ids-result__actions" });
    row[8].forEach(function (n) {
      actions.appendChild(el("a", { "class": "ids-button ids-button--call", href: telHref(n) }, "Telepon " + n));
    });
    row[9].forEach(function (n) {
      actions.appendChild(el("a", { "class": "ids-button ids-button--wa", href: waHref(n), rel: "noreferrer" }, "WhatsApp " + n));
    });
    if (actions.childNodes.length) li.appendChild(actions);
    if (row[1] !== 2) {
      (row[11] || []).forEach(function (w) { li.appendChild(el("p", { "class": "ids-result__recheck" }, w)); });
      if (row[10]) li.appendChild(el("p", { "class": "ids-result__trust" }, row[10]));
    }
    return li;
  }

  // --- a host: an input plus an output area (header panel, or the search page)
  function Host(input, output, autofocus, level) {
    this.input = input;
    this.level = level;
    this.token = 0;
    this.shown = PAGE_SIZE;
    this.build(output);
    var self = this;
    var timer = null;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.shown = PAGE_SIZE; self.search(); }, 120);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        var first = self.list.querySelector("a");
        if (first) { e.preventDefault(); first.focus(); }
      }
    });
    if (autofocus) input.focus();
    // A box not in use (the header's, on the search page) waits until it is: the page
    // stays responsive while it starts.
    if (autofocus || input.value || document.activeElement === input) this.search();
    else input.addEventListener("focus", function () { self.search(); }, { once: true });
  }

  Host.prototype.select = function (label, name, options) {
    var wrap = el("label", { "class": "ids-facet" });
    wrap.appendChild(el("span", { "class": "ids-facet__label" }, label));
    var sel = el("select", { "data-facet": name });
    options.forEach(function (o) { sel.appendChild(el("option", { value: o[0] }, o[1])); });
    wrap.appendChild(sel);
    (this.moreFacets || this.facets).appendChild(wrap);
    return sel;
  };

  Host.prototype.check = function (label, name) {
    var wrap = el("label", { "class": "ids-facet ids-facet--check" });
    var box = el("input", { type: "checkbox", "data-facet": name });
    wrap.appendChild(box);
    wrap.appendChild(el("span", {}, label));
    this.moreFacets.appendChild(wrap);
    return box;
  };

  Host.prototype.build = function (output) {
    var self = this;
    var panel = el("div", { "class": "ids-panel" });
    this.facets = el("div", { "class": "ids-facets", role: "group", "aria-label": "Saring hasil" });
    panel.appendChild(this.facets);
    var scopes = [];
    if (pageCity) scopes.push([pageCity, pageCityName || "Kota/kabupaten ini"]);
    scopes.push([NATIONAL, "Seluruh Indonesia"], [OTHER, "Pilih kota lain…"]);
    this.scope = this.select("Wilayah", "scope", scopes);
    // The other facets fold away so results stay in view on a small screen.
    var details = el("details", { "class": "ids-more-facets" });
    details.appendChild(el("summary", {}, "Saring: jenis bantuan, untuk siapa, 24 jam, gratis"));
    this.moreFacets = el("div", { "class": "ids-facets" });
    details.appendChild(this.moreFacets);
    this.facets.appendChild(details);
    this.cat = this.select("Jenis bantuan", "category", [["", "Semua jenis bantuan"]].concat(
      C.categories.map(function (c, i) { return [String(i), c[1]]; })));
    this.aud = this.select("Untuk", "audience", [["", "Semua"]].concat(
      C.audiences.map(function (a, i) { return [String(i), a[1]]; })));
    this.h24 = this.check("Buka 24 jam", "24h");
    this.free = this.check("Gratis", "free");
    this.status = el("p", { "class": "ids-status", role: "status", "aria-live": "polite" });
    panel.appendChild(this.status);
    this.list = el("ol", { "class": "ids-results", "aria-label": "Hasil pencarian" });
    panel.appendChild(this.list);
    this.more = el("button", { type: "button", "class": "ids-button ids-more", hidden: "" }, "Tampilkan lebih banyak");
    panel.appendChild(this.more);
    this.help = el("div", { "class": "ids-help", hidden: "" });
    panel.appendChild(this.help);
    output.textContent = "";
    output.appendChild(panel);
    this.current = this.scope.value;
    this.scope.addEventListener("change", function () {
      if (self.scope.value === OTHER) self.chooseCity();
      else { self.current = self.scope.value; self.search(); }
    });
    [this.cat, this.aud, this.h24, this.free].forEach(function (f) {
      f.addEventListener("change", function () { self.shown = PAGE_SIZE; self.search(); });
    });
    this.more.addEventListener("click", function () { self.shown += PAGE_SIZE; self.search(); });
  };

  Host.prototype.chooseCity = function () {
    var self = this;
    this.status.textContent = "Memuat daftar kota…";
    getJSON(assets + "cities.json").then(function (cities) {
      var sel = self.scope;
      sel.textContent = "";
      sel.appendChild(el("option", { value: NATIONAL }, "Seluruh Indonesia"));
      var groups = Object.create(null);
      cities.forEach(function (c) {
        if (!groups[c[2]]) groups[c[2]] = sel.appendChild(el("optgroup", { label: c[2] }));
        groups[c[2]].appendChild(el("option", { value: c[0] }, c[1]));
      });
      sel.value = self.current;
      self.status.textContent = "Pilih kota dari daftar Wilayah.";
      sel.focus();
    }, function () {
      self.scope.value = self.current;
      self.status.textContent = "Daftar kota tidak bisa dimuat.";
    });
  };

  Host.prototype.keep = function (row) {
    var cat = this.cat.value, aud = this.aud.value;
    if (cat !== "" && row[5].indexOf(+cat) < 0) return false;
    if (row[1] === 2) return true;
    if (aud !== "" && row[6].indexOf(+aud) < 0) return false;
    if (this.h24.checked && !(row[7] & 1)) return false;
    if (this.free.checked && !(row[7] & 2)) return false;
    return true;
  };

  // One index: the plan (with its words mended against this index), reranked results,
  // and the exact terms the index lacks (a place elsewhere, perhaps).
  function run(s, text) {
    if (!s.counts) {
      s.counts = S.termCounts(s.index);
      s.prefixes = S.prefixLookup(Object.keys(s.counts));
    }
    var known = function (t) { return s.counts[t] || 0; };
    var clauses = S.planQuery(text, C.synonyms, known, C.phrases, s.prefixes);
    var results = clauses.length ? S.rerank(S.detailed(S.runPlan(lunr, s.index, clauses), s.store)) : [];
    return { clauses: clauses, results: results, unknown: S.unknownTerms(clauses, known, s.prefixes) };
  }
  function rowsOf(results) { return results.map(function (r) { return r.row; }); }

  // National scope: the compact national index finds hotlines and the best city; the
  // query then runs in that city's shard (never download every record).
  // City scope: a word this city does not know may name another city; the national
  // index (fetched only then) finds it, and its best results come first.
  // Mirror of quality.Searcher.rows() (generator/search/quality.py).
  // quick: answer from first slices where the whole shard has not arrived yet; the
  // answer then says `partial` and search() asks again for the whole one.
  Host.prototype.rows = function (text, quick) {
    var scope = this.current;
    var option = this.scope.options[this.scope.selectedIndex];
    var hereName = option && option.value === scope ? option.text : "kota/kabupaten ini";
    var partial = false;
    var get = function (code) {
      return load(code, quick).then(function (s) { partial = partial || !!s.partial; return s; });
    };
    return get(scope).then(function (s) {
      var done = function (rows) { return { rows: rows, store: s.store, partial: partial }; };
      var r = run(s, text);
      if (!r.clauses.length) {
        return done(scope === NATIONAL ? s.store.filter(function (row) { return row[1] === 1; }) : s.store.slice());
      }
      if (scope === NATIONAL) {
        var city = S.bestCity(r.results);
        if (!city) return done(S.combineNational(r.results, []));
        return get(city).then(function (c) { return done(S.combineNational(r.results, rowsOf(run(c, text).results))); });
      }
      var rows = rowsOf(r.results);
      // A first slice lacks most words: they name no other city until the whole shard says so.
      if (!r.unknown.length || s.partial) return done(rows);
      return shard(NATIONAL).then(function (n) {
        var nr = run(n, text);
        var vocabulary = S.vocabularyOf(C.synonyms, C.phrases);
        var words = S.exactTerms(nr.clauses).filter(function (t) {
          return nr.unknown.indexOf(t) < 0 && !vocabulary[t];
        });
        var other = S.elsewhere(nr.results, scope, words);
        if (!other) return done(rows);
        var cityRow = nr.results.filter(function (x) { return x.row[0] === other; })[0].row;
        return shard(other).then(function (o) {
          var there = rowsOf(run(o, text).results);
          var found = done(S.withElsewhere(rows, there, cityRow));
          found.elsewhere = elsewhereLabels(there.slice(0, 3), rows, cityRow[2], hereName);
          return found;
        });
      }, function () { return done(rows); });
    });
  };

  // The other city's results say where they are: they do not serve this city.
  function elsewhereLabels(there, rows, cityName, hereName) {
    var here = Object.create(null);
    rows.forEach(function (row) { here[row[0]] = true; });
    var labels = Object.create(null);
    there.forEach(function (row) { if (!here[row[0]]) labels[row[0]] = "Di " + cityName + ", bukan di " + hereName; });
    return labels;
  }

  // First the answer at hand (a first slice on a slow connection), then, once the
  // whole shard is in, the refined one in its place.
  Host.prototype.search = function () {
    var self = this;
    var token = ++this.token;
    var text = this.input.value;
    var searched = S.planQuery(text, C.synonyms).length > 0;
    var started = performance.now();
    var shown = false;
    var show = function (found) {
      if (token !== self.token) return;
      var rows = found.rows.filter(function (row) { return self.keep(row); });
      self.render(rows, searched, found.store, found.partial, found.elsewhere || {});
      shown = true;
      if (found.partial) return self.rows(text, false).then(show, fail);
      root.setAttribute("data-ids-ms", String(Math.round(performance.now() - started)));
    };
    var fail = function () {
      if (token !== self.token) return;
      self.list.setAttribute("aria-busy", "false");
      self.status.textContent = shown
        ? "Baru sebagian hasil: sisanya tidak bisa dimuat. Periksa koneksi, lalu coba lagi."
        : "Pencarian tidak bisa dimuat. Periksa koneksi, lalu coba lagi.";
    };
    this.rows(text, true).then(show, fail);
  };

  // Another city that matches a national query: one tap searches there.
  Host.prototype.renderCity = function (row) {
    var self = this;
    var li = el("li", { "class": "ids-result ids-result--city", "data-city": row[0] });
    var button = el("button", { type: "button", "class": "ids-button ids-city" },
      "Cari di " + row[2] + " (" + row[10] + " layanan)");
    button.addEventListener("click", function () { self.setScope(row[0], row[2]); });
    li.appendChild(button);
    if (row[4]) li.appendChild(el("p", { "class": "ids-result__meta" }, row[4]));
    return li;
  };

  Host.prototype.render = function (rows, searched, store, partial, elsewhere) {
    var list = this.list;
    list.textContent = "";
    var self = this;
    var shown = rows.slice(0, this.shown);
    shown.forEach(function (row) {
      list.appendChild(row[1] === 2 ? self.renderCity(row) : renderRow(row, self.level, elsewhere[row[0]]));
    });
    this.more.hidden = rows.length <= this.shown;
    list.setAttribute("aria-busy", partial ? "true" : "false");
    if (partial) {
      this.status.textContent = (rows.length ? rows.length + " hasil pertama. " : "") + "Memuat semua hasil…";
    } else {
      this.status.textContent = rows.length
        ? (searched ? rows.length + " hasil ditemukan." : rows.length + " layanan.")
        : "Tidak ada hasil untuk kata itu.";
    }
    var reachable = shown.some(function (row) { return row[1] !== 2 && (row[8].length || row[9].length); });
    this.renderHelp(reachable ? [] : S.callNow(store), rows.length === 0 && !partial);
  };

  // No dead end (mirror of quality.py): when nothing shown has a number to call, the
  // numbers to call now, then what to try next.
  Host.prototype.renderHelp = function (calls, empty) {
    var help = this.help;
    help.textContent = "";
    help.hidden = !calls.length && !empty;
    if (help.hidden) return;
    var self = this;
    if (calls.length) {
      help.appendChild(el("h" + this.level, { "class": "ids-help__title" }, "Perlu bantuan sekarang? Telepon:"));
      var list = help.appendChild(el("ol", { "class": "ids-results ids-help__calls", "aria-label": "Nomor untuk ditelepon sekarang" }));
      calls.forEach(function (row) { list.appendChild(renderRow(row, self.level + 1)); });
    }
    help.appendChild(el("h" + this.level, { "class": "ids-help__title" }, "Coba juga"));
    var next = help.appendChild(el("p", { "class": "ids-help__next" }));
    if (this.current !== NATIONAL) {
      next.appendChild(this.action("Cari di seluruh Indonesia", function () {
        self.setScope(NATIONAL, "Seluruh Indonesia");
      }));
    }
    C.categories.forEach(function (c, i) {
      next.appendChild(self.action(c[1], function () {
        self.input.value = "";
        self.cat.value = String(i);
        self.shown = PAGE_SIZE;
        self.search();
      }));
    });
  };

  Host.prototype.action = function (label, onClick) {
    var button = el("button", { type: "button", "class": "ids-button ids-help__action" }, label);
    button.addEventListener("click", onClick);
    return button;
  };

  Host.prototype.setScope = function (code, name) {
    if (!this.scope.querySelector('option[value="' + code + '"]')) {
      this.scope.insertBefore(el("option", { value: code }, name), this.scope.firstChild);
    }
    this.scope.value = code;
    this.current = code;
    this.shown = PAGE_SIZE;
    this.search();
    this.input.focus();
  };

  // --- mount: the header panel, and the search page when on it
  var toggle = document.getElementById("__search");
  var headerInput = root.querySelector("[data-ids-query]");
  var headerOutput = root.querySelector("[data-ids-output]");
  var pageHost = document.querySelector("[data-ids-page]");
  if (pageHost) {
    var label = el("label", { "class": "ids-page__label", "for": "ids-page-query" }, "Ketik yang Anda cari");
    var input = el("input", {
      id: "ids-page-query", type: "search", "class": "ids-page__input", autocomplete: "off",
      autocapitalize: "off", spellcheck: "false", placeholder: "mis. lapor kdrt, rumah aman"
    });
    var out = el("div", { "class": "ids-page__output" });
    pageHost.textContent = "";
    pageHost.appendChild(label);
    pageHost.appendChild(input);
    pageHost.appendChild(out);
    new Host(input, out, true, 2);
  }
  new Host(headerInput, headerOutput, false, 3);
  function open() { if (toggle && !toggle.checked) { toggle.checked = true; } }
  headerInput.addEventListener("focus", open);
  headerInput.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle) { toggle.checked = false; headerInput.blur(); }
  });
  if (document.activeElement === headerInput) open();
})();
