// Node side of the parity test: reads {lexicon, synonyms, words, queries} as JSON on
// stdin, prints {stems, plans} computed by the browser code (assets/*.js).
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
  const stems = data.words.map((w) => S.stem(w));
  const tokens = data.texts.map((t) => S.tokenise(t));
  const plans = data.queries.map((q) => S.planQuery(q, data.synonyms));
  const combined = data.national.map((c) => S.combineNational(c.results, c.cityRows));
  process.stdout.write(JSON.stringify({ stems, tokens, plans, combined }));
});
