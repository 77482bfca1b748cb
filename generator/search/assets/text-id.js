/*
 * Indonesian text pipeline and query planning for the browser: the mirror of
 * generator/search/text.py and generator/search/query.py. Keep the two in
 * step; tests/search/test_search_stemmer_parity.py compares them through Node.
 */
(function (root) {
  "use strict";

  var PARTICLES = ["kah", "lah", "pun"];
  var POSSESSIVES = ["nya", "ku", "mu"];
  var EXACT_BOOST = 10, FUZZY_BOOST = 1, PREFIX_BOOST = 1, SYNONYM_BOOST = 3, PHRASE_BOOST = 3;
  var FUZZY_MIN_LETTERS = 5, PREFIX_MIN_LETTERS = 3, MEND_MIN_LETTERS = 3, SPLIT_MIN_LETTERS = 3;
  var LETTERS = "abcdefghijklmnopqrstuvwxyz";

  var lex = { stopwords: {}, protected: {}, overrides: {} };

  function setOf(list) {
    var set = Object.create(null);
    for (var i = 0; i < list.length; i++) set[list[i]] = true;
    return set;
  }

  root.configure = function (lexicon) {
    lex = {
      stopwords: setOf(lexicon.stopwords),
      protected: setOf(lexicon.protected),
      overrides: Object.assign(Object.create(null), lexicon.overrides)
    };
  };

  root.normalise = function (text) {
    return String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  };

  root.tokenise = function (text) {
    return root.normalise(text).match(/[a-z0-9]+/g) || [];
  };

  function bareForms(token) {
    var forms = [token];
    [PARTICLES, POSSESSIVES].forEach(function (endings) {
      var last = forms[forms.length - 1];
      for (var i = 0; i < endings.length; i++) {
        var e = endings[i];
        if (last.length - e.length >= 3 && last.slice(-e.length) === e) {
          forms.push(last.slice(0, -e.length));
          break;
        }
      }
    });
    return forms;
  }

  root.stem = function (token) {
    var forms = bareForms(token);
    for (var i = 0; i < forms.length; i++) {
      if (forms[i] in lex.overrides) return lex.overrides[forms[i]];
      if (lex.protected[forms[i]]) return forms[i];
    }
    return root.snowballIndonesian(token);
  };

  root.isStopword = function (token) {
    return !!lex.stopwords[token];
  };

  function contains(stems, seq) {
    for (var i = 0; i + seq.length <= stems.length; i++) {
      var ok = true;
      for (var j = 0; j < seq.length && ok; j++) ok = stems[i + j] === seq[j];
      if (ok) return true;
    }
    return false;
  }

  // Same clauses, same order as generator/search/query.py plan(). known(stem): the
  // index holds the term (optional); phrases: [[phrase stems...], [target stems]].
  root.planQuery = function (query, synonyms, known, phrases, prefixes) {
    synonyms = synonyms || [];
    phrases = phrases || [];
    var words = root.tokenise(query).filter(function (t) { return !lex.stopwords[t]; });
    if (known) {
      var vocabulary = vocabularyOf(synonyms, phrases);
      var typing = prefixes && words.length && prefixes(words[words.length - 1]) ? words.slice(-1) : [];
      words = root.mendWords(words.slice(0, words.length - typing.length), function (t) {
        return known(t) || (vocabulary[t] ? 1 : 0);
      }).concat(typing);
    }
    var stems = words.map(root.stem);
    var clauses = [], seen = Object.create(null);
    function add(c) {
      var key = c.term + "|" + (c.editDistance || 0) + "|" + (c.wildcard || "");
      if (!seen[key]) { seen[key] = true; clauses.push(c); }
    }
    words.forEach(function (word, i) {
      add({ term: stems[i], boost: EXACT_BOOST });
      if (word.length >= FUZZY_MIN_LETTERS) add({ term: stems[i], boost: FUZZY_BOOST, editDistance: 1 });
      if (i === words.length - 1 && word.length >= PREFIX_MIN_LETTERS) {
        add({ term: word, boost: PREFIX_BOOST, wildcard: "trailing" });
      }
    });
    synonyms.forEach(function (group) {
      if (!group.some(function (seq) { return contains(stems, seq); })) return;
      group.forEach(function (seq) {
        if (contains(stems, seq)) return;
        seq.forEach(function (s) { add({ term: s, boost: SYNONYM_BOOST }); });
      });
    });
    phrases.forEach(function (entry) {
      if (!entry[0].some(function (seq) { return contains(stems, seq); })) return;
      entry[1].forEach(function (label) {
        label.forEach(function (s) { add({ term: s, boost: PHRASE_BOOST / label.length }); });
      });
    });
    return clauses;
  };

  root.vocabularyOf = vocabularyOf;
  function vocabularyOf(synonyms, phrases) {
    var set = Object.create(null);
    function addSeq(seq) { seq.forEach(function (s) { set[s] = true; }); }
    synonyms.forEach(function (group) { group.forEach(addSeq); });
    phrases.forEach(function (entry) { entry[0].forEach(addSeq); });
    return set;
  }

  // Mirror of query.py mend_words(): split run-together words, correct one-edit typos.
  root.mendWords = function (words, known) {
    var out = [];
    words.forEach(function (word) {
      if (known(root.stem(word)) || word.length < MEND_MIN_LETTERS || /^[0-9]+$/.test(word)) {
        out.push(word);
        return;
      }
      var mended = splitWord(word, known);
      if (!mended.length) mended = correctWord(word, known);
      out.push.apply(out, mended.length ? mended : [word]);
    });
    return out;
  };

  function splitWord(word, known) {
    var cuts = [];
    for (var i = SPLIT_MIN_LETTERS; i <= word.length - SPLIT_MIN_LETTERS; i++) cuts.push(i);
    cuts.sort(function (a, b) {
      return (Math.abs(word.length - 2 * a) - Math.abs(word.length - 2 * b)) || (a - b);
    });
    for (var j = 0; j < cuts.length; j++) {
      var left = word.slice(0, cuts[j]), right = word.slice(cuts[j]);
      if (known(root.stem(left)) && known(root.stem(right))) return [left, right];
    }
    return [];
  }

  function correctWord(word, known) {
    var found = null;
    oneEdit(word, function (candidate) {
      if (!lex.stopwords[candidate] && known(root.stem(candidate))) { found = candidate; return true; }
      return false;
    });
    return found ? [found] : [];
  }

  // Calls visit(variant) for each one-edit variant in query.py one_edit() order; stops on true.
  function oneEdit(word, visit) {
    var n = word.length, i, k, c;
    for (i = 0; i < n; i++) if (visit(word.slice(0, i) + word.slice(i + 1))) return;
    for (i = 0; i < n - 1; i++) {
      if (visit(word.slice(0, i) + word.charAt(i + 1) + word.charAt(i) + word.slice(i + 2))) return;
    }
    for (i = 0; i < n; i++) {
      for (k = 0; k < LETTERS.length; k++) {
        c = LETTERS.charAt(k);
        if (c !== word.charAt(i) && visit(word.slice(0, i) + c + word.slice(i + 1))) return;
      }
    }
    for (i = 0; i <= n; i++) {
      for (k = 0; k < LETTERS.length; k++) {
        if (visit(word.slice(0, i) + LETTERS.charAt(k) + word.slice(i))) return;
      }
    }
  }

  // The compact shard index -> lunr's serialised schema (mirror of index.py expand()).
  root.expandIndex = function (data) {
    var fields = data.fields, inverted = [], vectors = [];
    data.terms.forEach(function (term, i) {
      var posting = { _index: i };
      fields.forEach(function (name) { posting[name] = {}; });
      data.postings[i].forEach(function (group) {
        for (var j = 1; j < group.length; j++) posting[fields[group[0]]][String(group[j])] = {};
      });
      inverted.push([term, posting]);
    });
    fields.forEach(function (name) {
      data.vectors[name].forEach(function (flat, ref) {
        var elements = [], termIndex = 0;
        for (var j = 0; j < flat.length; j += 2) {
          termIndex += flat[j];
          elements.push(termIndex, flat[j + 1]);
        }
        vectors.push([name + "/" + ref, elements]);
      });
    });
    return { version: "2.3.9", fields: fields, fieldVectors: vectors, invertedIndex: inverted,
             pipeline: data.pipeline };
  };

  // National queries (mirror of query.py best_city() and national_rows()).
  // results: [{row, score, named}], best first; named: a word matched the name field.
  root.bestCity = function (results) {
    var cities = results.filter(function (r) { return r.row[1] === 2; });
    if (!cities.length) return null;
    var first = cities[0];
    if (first.named || cities.length === 1 || first.score >= 1.5 * cities[1].score) return first.row[0];
    return null;
  };

  root.combineNational = function (results, cityRows) {
    var city = root.bestCity(results);
    var out = [], seen = Object.create(null);
    results.forEach(function (r) {
      var found = r.row[0] === city ? cityRows.slice(0, 10) : [r.row];
      found.forEach(function (item) {
        if (!seen[item[0]]) { seen[item[0]] = true; out.push(item); }
      });
    });
    return out;
  };

  // lunr.js results -> [{row, score, named}] for a store.
  root.detailed = function (results, store) {
    return results.map(function (r) {
      var named = Object.keys(r.matchData.metadata).some(function (term) {
        return "n" in r.matchData.metadata[term];
      });
      return { row: store[+r.ref], score: r.score, named: named };
    });
  };

  // Term -> how many records hold it (mirror of query.py vocabulary()).
  root.termCounts = function (index) {
    var counts = Object.create(null);
    Object.keys(index.invertedIndex).forEach(function (term) {
      var posting = index.invertedIndex[term], refs = Object.create(null);
      Object.keys(posting).forEach(function (name) {
        if (name !== "_index") Object.keys(posting[name]).forEach(function (r) { refs[r] = true; });
      });
      counts[term] = Object.keys(refs).length;
    });
    return counts;
  };

  root.exactTerms = function (clauses) {
    return clauses.filter(function (c) { return c.boost === EXACT_BOOST && !c.wildcard; })
      .map(function (c) { return c.term; });
  };

  // Mirror of query.py unknown_terms(): the last word still being typed is not unknown.
  root.unknownTerms = function (clauses, known, prefixes) {
    var typing = "";
    clauses.forEach(function (c, i) {
      if (!c.wildcard || !prefixes || !prefixes(c.term)) return;
      for (var j = i - 1; j >= 0; j--) {
        if (clauses[j].boost === EXACT_BOOST) { typing = clauses[j].term; break; }
      }
    });
    return root.exactTerms(clauses).filter(function (t) { return !known(t) && t !== typing; });
  };

  // prefixes(word): some term starts with it (mirror of query.py prefix_lookup()).
  root.prefixLookup = function (terms) {
    var ordered = terms.slice().sort();
    return function (prefix) {
      var lo = 0, hi = ordered.length;
      while (lo < hi) {
        var mid = (lo + hi) >> 1;
        if (ordered[mid] < prefix) lo = mid + 1; else hi = mid;
      }
      return lo < ordered.length && ordered[lo].slice(0, prefix.length) === prefix;
    };
  };

  // Ranking and the call-now rows: mirror of query.py rerank(), call_now(), elsewhere(),
  // with_elsewhere(). Row flags: 4 complaint, 8 re-check, 16 emergency.
  function factor(row) {
    if (row[1] === 2) return 1;
    var f = row[7] & 4 ? 1.5 : 1;
    if (row[1] === 3) f = 0.6;
    return f * (row[7] & 8 ? 0.5 : 1);
  }

  root.rerank = function (results) {
    var weighed = results.map(function (r, i) {
      return { row: r.row, score: r.score * factor(r.row), named: r.named, i: i };
    });
    weighed.sort(function (a, b) { return (b.score - a.score) || (a.i - b.i); });
    return weighed.map(function (r) { return { row: r.row, score: r.score, named: r.named }; });
  };

  root.callNow = function (store) {
    var reachable = store.filter(function (r) { return r[1] < 2 && (r[8].length || r[9].length); });
    var lines = reachable.filter(function (r) { return r[1] === 1 && (r[7] & 20); });
    var services = reachable.filter(function (r) { return r[1] === 0 && (r[7] & 4) && !(r[7] & 8); });
    return lines.concat(services.slice(0, 2));
  };

  root.elsewhere = function (results, city, words) {
    for (var i = 0; i < results.length; i++) {
      var row = results[i].row;
      if (row[1] !== 2 || row[0] === city) continue;
      var terms = root.tokenise(row[2]).filter(function (t) { return !lex.stopwords[t]; }).map(root.stem);
      if (terms.some(function (t) { return words.indexOf(t) >= 0; })) return row[0];
    }
    return null;
  };

  root.withElsewhere = function (rows, there, cityRow) {
    var out = [], seen = Object.create(null);
    there.slice(0, 3).concat([cityRow], rows).forEach(function (row) {
      if (!seen[row[0]]) { seen[row[0]] = true; out.push(row); }
    });
    return out;
  };

  // Register under the names lunr.py wrote into the serialised pipeline.
  root.registerPipeline = function (lunr) {
    var stop = function (token) { return lex.stopwords[token.toString()] ? undefined : token; };
    var stemmer = function (token) { return token.update(function (s) { return root.stem(s); }); };
    lunr.Pipeline.registerFunction(stop, "id-stopword");
    lunr.Pipeline.registerFunction(stemmer, "id-stemmer");
  };

  // Run a plan on a lunr.js index, as query.py run() does with lunr.py.
  root.runPlan = function (lunr, index, clauses) {
    if (!clauses.length) return [];
    return index.query(function (q) {
      clauses.forEach(function (c) {
        // lunr.js treats any editDistance key, even 0, as fuzzy: set it only when used.
        var options = { boost: c.boost, usePipeline: false };
        if (c.editDistance) options.editDistance = c.editDistance;
        if (c.wildcard) options.wildcard = lunr.Query.wildcard.TRAILING;
        q.term(c.term, options);
      });
    });
  };
})(typeof globalThis !== "undefined" ? (globalThis.IdSearch = globalThis.IdSearch || {}) : this);
