"""Query planning: the same clauses in Python (tests) and in the browser.

`plan()` mirrors `planQuery()` in assets/text-id.js; the two are compared on every
query of tests/search/queries.yaml. A plan is a list of lunr clauses on stemmed terms
(the pipeline is applied here, not by lunr, so both sides see the same terms):

- each query word: its stem, boost 10 (exact);
- words of 5+ letters: the stem with edit distance 1, boost 1 (typos rank below);
- the last word (3+ letters): the typed word as a prefix, boost 1 (search as you type);
- synonym groups whose term occurs in the query: the other terms' stems, boost 3.
"""

from __future__ import annotations

from collections.abc import Sequence

import lunr.index
from lunr.query import Query

from .text import Lexicon, tokenise

EXACT_BOOST = 10
FUZZY_BOOST = 1
PREFIX_BOOST = 1
SYNONYM_BOOST = 3
FUZZY_MIN_LETTERS = 5
PREFIX_MIN_LETTERS = 3

Clause = dict  # {"term", "boost", "editDistance"?, "wildcard"?}


def synonym_stems(groups: Sequence[Sequence[str]], lex: Lexicon) -> list[list[list[str]]]:
    """Each synonym group as lists of stems, groups with fewer than 2 usable terms dropped."""
    result = []
    for group in groups:
        stems = [lex.terms(term) for term in group]
        stems = [s for s in stems if s]
        if len(stems) >= 2:
            result.append(stems)
    return result


def plan(query: str, lex: Lexicon, synonyms: list[list[list[str]]]) -> list[Clause]:
    words = [t for t in tokenise(query) if t not in lex.stopwords]
    stems = [lex.stem(w) for w in words]
    clauses: list[Clause] = []
    seen: set[tuple] = set()

    def add(clause: Clause) -> None:
        key = (clause["term"], clause.get("editDistance", 0), clause.get("wildcard", ""))
        if key not in seen:
            seen.add(key)
            clauses.append(clause)

    for i, (word, stem) in enumerate(zip(words, stems, strict=True)):
        add({"term": stem, "boost": EXACT_BOOST})
        if len(word) >= FUZZY_MIN_LETTERS:
            add({"term": stem, "boost": FUZZY_BOOST, "editDistance": 1})
        if i == len(words) - 1 and len(word) >= PREFIX_MIN_LETTERS:
            add({"term": word, "boost": PREFIX_BOOST, "wildcard": "trailing"})
    for group in synonyms:
        if not any(_contains(stems, seq) for seq in group):
            continue
        for seq in group:
            if not _contains(stems, seq):
                for stem in seq:
                    add({"term": stem, "boost": SYNONYM_BOOST})
    return clauses


def _contains(stems: list[str], seq: list[str]) -> bool:
    """True when `seq` occurs in `stems` as consecutive words."""
    n = len(seq)
    return any(stems[i : i + n] == seq for i in range(len(stems) - n + 1))


def run(index: lunr.index.Index, clauses: list[Clause]) -> list[tuple[str, float]]:
    """Run a plan with lunr.py, as lunr.js does in the browser: (ref, score), best first."""
    if not clauses:
        return []
    query = index.create_query()
    for c in clauses:
        wildcard = Query.WILDCARD_TRAILING if c.get("wildcard") else Query.WILDCARD_NONE
        query.clause(
            term=c["term"],
            boost=c["boost"],
            use_pipeline=False,
            wildcard=wildcard,
            edit_distance=c.get("editDistance", 0),
        )
    return [(r["ref"], r["score"]) for r in index.query(query)]


KIND_SERVICE, KIND_HOTLINE, KIND_CITY = 0, 1, 2
CITY_RESULTS = 10


def national_rows(national_rows: list[list], city_search) -> list[list]:
    """Combine a national query's rows (mirror of `combineNational()` in text-id.js).

    Hotlines stay where they rank. The best-ranked city summary is replaced by that
    city's own results (`city_search(code)` -> store rows, best first; at most
    CITY_RESULTS), each record once; other cities stay as city rows (offered as
    "search in this city").
    """
    out: list[list] = []
    seen: set[str] = set()
    best_done = False
    for row in national_rows:
        if row[1] == KIND_CITY and not best_done:
            best_done = True
            for found in city_search(row[0])[:CITY_RESULTS]:
                if found[0] not in seen:
                    seen.add(found[0])
                    out.append(found)
        elif row[0] not in seen:
            seen.add(row[0])
            out.append(row)
    return out
