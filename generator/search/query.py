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
    return [(ref, score) for ref, score, _named in run_detailed(index, clauses)]


def run_detailed(index: lunr.index.Index, clauses: list[Clause]) -> list[tuple[str, float, bool]]:
    """(ref, score, named), best first; named: a query word matched the name field."""
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
    return [
        (r["ref"], r["score"], any("n" in fields for fields in r["match_data"].metadata.values()))
        for r in index.query(query)
    ]


KIND_SERVICE, KIND_HOTLINE, KIND_CITY = 0, 1, 2
CITY_RESULTS = 10
CLEAR_LEAD = 1.5


def best_city(results: list[tuple[list, float, bool]]) -> str | None:
    """The city a national query is about (mirror of `bestCity()` in text-id.js).

    The best-ranked city summary counts when the query named it (its name matched),
    or when it leads the next city clearly (score >= 1.5x), e.g. an organisation name.
    A query like "lapor kdrt" names no place: no city, the visitor chooses one.
    """
    cities = [(row, score, named) for row, score, named in results if row[1] == KIND_CITY]
    if not cities:
        return None
    row, score, named = cities[0]
    if named or len(cities) == 1 or score >= CLEAR_LEAD * cities[1][1]:
        return row[0]
    return None


def national_rows(results: list[tuple[list, float, bool]], city_search) -> list[list]:
    """Combine a national query's results (mirror of `combineNational()` in text-id.js).

    results: (store row, score, named), best first. Hotlines stay where they rank. The
    city from `best_city()` is replaced by that city's own results (`city_search(code)`
    -> store rows, best first; at most CITY_RESULTS), each record once; other cities
    stay as city rows (offered as "search in this city").
    """
    city = best_city(results)
    out: list[list] = []
    seen: set[str] = set()
    for row, _score, _named in results:
        found = city_search(row[0])[:CITY_RESULTS] if row[0] == city else [row]
        for item in found:
            if item[0] not in seen:
                seen.add(item[0])
                out.append(item)
    return out
