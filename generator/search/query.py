"""Query planning: the same clauses in Python (tests) and in the browser.

`plan()` mirrors `planQuery()` in assets/text-id.js; the two are compared on every
query of tests/search/queries.yaml. A plan is a list of lunr clauses on stemmed terms
(the pipeline is applied here, not by lunr, so both sides see the same terms):

- each query word: its stem, boost 10 (exact);
- words of 5+ letters: the stem with edit distance 1, boost 1 (typos rank below);
- the last word (3+ letters): the typed word as a prefix, boost 1 (search as you type);
- synonym groups whose term occurs in the query: the other terms' stems, boost 3;
- everyday phrases (taxonomy/phrases.yaml) in the query: the stems of the kinds of help
  and audiences they point to, boost 3.

Before that, a word the index does not know is split when it is two known words run
together, or corrected to a spelling one edit away that the index knows.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator, Sequence

import lunr.index
from lunr.query import Query

from .text import Lexicon, lexicon, tokenise

EXACT_BOOST = 10
FUZZY_BOOST = 1
PREFIX_BOOST = 1
SYNONYM_BOOST = 3
PHRASE_BOOST = 3
MEND_MIN_LETTERS = 3  # shorter words are too often a valid abbreviation of something else
SPLIT_MIN_LETTERS = 3
LETTERS = "abcdefghijklmnopqrstuvwxyz"
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


def plan(
    query: str,
    lex: Lexicon,
    synonyms: list[list[list[str]]],
    known: Callable[[str], int] | None = None,
    phrases: Sequence[Sequence] = (),
    prefixes: Callable[[str], bool] | None = None,
) -> list[Clause]:
    """The clauses for `query`. `known(stem)`: how many records hold the term (0: none);
    with it, unknown words are split ("rumahaman") or corrected ("kekersan"). `phrases`:
    [[phrase stems, ...], [stems of a label of a kind of help or audience, ...]].
    `prefixes(word)`: an index term starts with it; the last word, perhaps still being
    typed, is then left as it is."""
    words = [t for t in tokenise(query) if t not in lex.stopwords]
    if known is not None:
        vocabulary = vocabulary_of(synonyms, phrases)
        typing = words[-1:] if prefixes and words and prefixes(words[-1]) else []
        mended = mend_words(
            words[: len(words) - len(typing)], lex, lambda t: known(t) or int(t in vocabulary)
        )
        words = mended + typing
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
    for seqs, labels in phrases:
        if any(_contains(stems, seq) for seq in seqs):
            for label in labels:  # each kind of help weighs the same, however long its label
                for stem in label:
                    add({"term": stem, "boost": PHRASE_BOOST / len(label)})
    return clauses


def vocabulary_of(synonyms, phrases) -> set[str]:
    """Stems the synonyms and phrases know: a word among them is never "mended"."""
    seqs = [seq for group in synonyms for seq in group]
    seqs += [seq for seqs_, _targets in phrases for seq in seqs_]
    return {stem for seq in seqs for stem in seq}


def mend_words(words: list[str], lex: Lexicon, known: Callable[[str], int]) -> list[str]:
    """Each word whose stem the index does not hold: split in two known words
    ("rumahaman" -> rumah aman), else its first spelling within one edit whose stem
    is known ("kekersan" -> kekerasan), else kept as typed."""
    out: list[str] = []
    for word in words:
        if known(lex.stem(word)) or len(word) < MEND_MIN_LETTERS or word.isdigit():
            out.append(word)
            continue
        out += split_word(word, lex, known) or correct_word(word, lex, known) or [word]
    return out


def split_word(word: str, lex: Lexicon, known: Callable[[str], int]) -> list[str]:
    """The most even split of `word` into two words the index knows, or []."""
    cuts = sorted(
        range(SPLIT_MIN_LETTERS, len(word) - SPLIT_MIN_LETTERS + 1),
        key=lambda i: (abs(len(word) - 2 * i), i),
    )
    for i in cuts:
        left, right = word[:i], word[i:]
        if known(lex.stem(left)) and known(lex.stem(right)):
            return [left, right]
    return []


def correct_word(word: str, lex: Lexicon, known: Callable[[str], int]) -> list[str]:
    """The one-edit variant of `word` whose stem the most records hold (the first such
    in one_edit() order on a tie: "polsi" -> polisi, not polri), or []."""
    best, best_count = "", 0
    for candidate in one_edit(word):
        if candidate in lex.stopwords:
            continue
        count = known(lex.stem(candidate))
        if count > best_count:
            best, best_count = candidate, count
    return [best] if best else []


def one_edit(word: str) -> Iterator[str]:
    n = len(word)
    for i in range(n):
        yield word[:i] + word[i + 1 :]
    for i in range(n - 1):
        yield word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    for i in range(n):
        for c in LETTERS:
            if c != word[i]:
                yield word[:i] + c + word[i + 1 :]
    for i in range(n + 1):
        for c in LETTERS:
            yield word[:i] + c + word[i:]


def vocabulary(idx: lunr.index.Index) -> dict[str, int]:
    """Term -> how many records hold it (what `known` answers; `termCounts()` in JS)."""
    return {
        term: len({ref for name, refs in posting.items() if name != "_index" for ref in refs})
        for term, posting in idx.inverted_index.items()
    }


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


# --- ranking and the panel when nothing matches ---------------------------------------
FLAG_EMERGENCY = 16
FLAG_COMPLAINT = 4
FLAG_RECHECK = 8
COMPLAINT_FACTOR = 1.5  # complaint services and hotlines (SAPA 129) lead a broad query
RECHECK_FACTOR = 0.5  # a record marked for re-checking ranks below the others
ORGANISATION_FACTOR = 0.6  # offices are looked up by name; otherwise what they run comes first
KIND_ORGANISATION = 3
PANEL_SERVICES = 2


def rerank(results: list[tuple[list, float, bool]]) -> list[tuple[list, float, bool]]:
    """Scores weighed by the record's standing (mirror of `rerank()` in text-id.js);
    stable, so equal scores keep lunr's order."""
    weighed = [(row, score * _factor(row), named) for row, score, named in results]
    order = sorted(range(len(weighed)), key=lambda i: (-weighed[i][1], i))
    return [weighed[i] for i in order]


def _factor(row: list) -> float:
    if row[1] == KIND_CITY:
        return 1.0
    factor = COMPLAINT_FACTOR if row[7] & FLAG_COMPLAINT else 1.0
    if row[1] == KIND_ORGANISATION:
        factor = ORGANISATION_FACTOR
    return factor * (RECHECK_FACTOR if row[7] & FLAG_RECHECK else 1.0)


def call_now(store: list[list]) -> list[list]:
    """What the panel offers when no result shown has a number to call, e.g. nothing
    matches (mirror of `callNow()` in text-id.js):
    the emergency and complaint hotlines that answer here (SAPA 129, 110, 112), then the
    city's complaint services not marked for re-checking; only rows with a number."""
    callable_ = [row for row in store if row[1] in (0, 1) and (row[8] or row[9])]
    lines = [r for r in callable_ if r[1] == 1 and r[7] & (FLAG_EMERGENCY | FLAG_COMPLAINT)]
    services = [
        r for r in callable_ if r[1] == 0 and r[7] & FLAG_COMPLAINT and not r[7] & FLAG_RECHECK
    ]
    return lines + services[:PANEL_SERVICES]


def elsewhere(results: list[tuple[list, float, bool]], city: str, words: list[str]) -> str | None:
    """The best-ranked other city whose name holds one of `words` (the exact terms of the
    national plan that this city's index lacks); mirror of `elsewhere()` in text-id.js."""
    lex = lexicon()
    for row, _score, _named in results:
        if row[1] == KIND_CITY and row[0] != city and set(lex.terms(row[2])) & set(words):
            return row[0]
    return None


ELSEWHERE_RESULTS = 3


def unknown_terms(
    clauses: list[Clause],
    known: Callable[[str], int],
    prefixes: Callable[[str], bool] | None = None,
) -> list[str]:
    """Exact terms of a plan the index does not hold (a place elsewhere, perhaps); not the
    last word while an index term starts with it (it is still being typed)."""
    typing = ""
    for i, c in enumerate(clauses):
        if c.get("wildcard") and prefixes and prefixes(c["term"]):
            typing = next(x["term"] for x in reversed(clauses[:i]) if x["boost"] == EXACT_BOOST)
    return [term for term in exact_terms(clauses) if not known(term) and term != typing]


def prefix_lookup(terms) -> Callable[[str], bool]:
    """prefixes(word): some term starts with `word` (mirror of `prefixLookup()`)."""
    ordered = sorted(terms)

    def has(prefix: str) -> bool:
        i = bisect.bisect_left(ordered, prefix)
        return i < len(ordered) and ordered[i].startswith(prefix)

    return has


def exact_terms(clauses: list[Clause]) -> list[str]:
    return [c["term"] for c in clauses if c["boost"] == EXACT_BOOST and not c.get("wildcard")]


def with_elsewhere(rows: list[list], there: list[list], city_row: list) -> list[list]:
    """The named other city's best results and a "search there" row, then this city's
    (mirror of `withElsewhere()` in text-id.js); each record once."""
    out, seen = [], set()
    for row in there[:ELSEWHERE_RESULTS] + [city_row] + rows:
        if row[0] not in seen:
            seen.add(row[0])
            out.append(row)
    return out
