// Node side of the ranking parity test: reads {lexicon, synonyms, phrases, cases} as JSON
// on stdin; prints what the browser code (assets/*.js) computes for each case.
"use strict";
const path = require("path");
const assets = path.join(__dirname, "..", "..", "generator", "search", "assets");
require(path.join(assets, "stemmer-id.js"));
require(path.join(assets, "text-id.js"));
const S = globalThis.IdSearch;
let input = "";
process.stdin.on("data", (chunk) => { input += chunk; });
process.stdin.on("end", () => {
  const data = JSON.parse(input);
  S.configure(data.lexicon);
  const out = data.cases.map((c) => {
    const known = (t) => c.counts[t] || 0;
    const prefixes = S.prefixLookup(Object.keys(c.counts));
    const clauses = S.planQuery(c.query, data.synonyms, known, data.phrases, prefixes);
    return {
      plan: clauses,
      unknown: S.unknownTerms(clauses, known, prefixes),
      rerank: S.rerank(c.results).map((r) => [r.row[0], r.score]),
      callNow: S.callNow(c.store).map((r) => r[0]),
      elsewhere: S.elsewhere(c.results, c.city, c.words),
    };
  });
  process.stdout.write(JSON.stringify(out));
});
