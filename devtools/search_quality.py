"""Search quality on a realistic query set: top-3 rate and dead ends.

Run: `python -m devtools search-quality [--queries FILE] [--first]`.
With `--first`, the first answer on a slow connection: city scopes from their first
slices, as the panel shows them before the whole shard has arrived.

Each query runs through lunr.py on the same serialised shards and the same query plan
the browser uses (as tests/search/test_search_queries.py does). A query is

- a hit when one of its expected records (or the city it names) is among the first
  3 results;
- a dead end when what the results panel shows (results, or the call-now rows when
  nothing matches) holds no number to call.
"""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

import yaml

from generator.errors import CheckFailed
from generator.paths import FICTIONAL, REAL_ROOT, REPO
from generator.search import index, query
from generator.search.text import lexicon
from generator.search.write import OUT, browser_config, search_files

QUERIES = REPO / "tests" / "search" / "realistic_queries.yaml"
DIRECTORIES = {"real": REAL_ROOT, "fictional": FICTIONAL}
TODAY = date(2026, 12, 1)
TOP = 3
PAGE = 30  # results the panel shows before "Tampilkan lebih banyak"

log = logging.getLogger(__name__)


@dataclass
class Outcome:
    case: dict
    ids: list[str]
    callable: bool

    @property
    def hit(self) -> bool:
        expect = self.case["expect"]
        wanted = expect if isinstance(expect, list) else [expect]
        return any(w in self.ids[:TOP] for w in wanted)


class Searcher:
    """One directory's search files, queried as the browser queries them."""

    def __init__(self, root: Path, first: bool = False):
        from generator.check import check_directory

        directory, report = check_directory(root, TODAY)
        if directory is None:
            raise CheckFailed(report, kept="kualitas tidak diukur")
        self.files = search_files(directory)
        config = browser_config(directory)
        self.synonyms = config["synonyms"]
        self.phrases = config.get("phrases", [])
        self.first = first  # answer from first slices (search-ui.js: rows(text, quick))
        self.loaded: dict[str, tuple] = {}
        self.counts: dict[str, dict[str, int]] = {}
        self.prefixes: dict[str, Callable[[str], bool]] = {}

    def shard(self, scope: str) -> tuple:
        if scope not in self.loaded:
            folder = "first" if self.first else "shards"
            name = "national.json" if scope == "nasional" else f"{folder}/{scope}.json"
            data = json.loads(self.files[f"{OUT}/{name}"])
            self.loaded[scope] = (index.load(data["index"]), data["store"])
        return self.loaded[scope]

    def results(self, text: str, scope: str) -> tuple[list[tuple[list, float, bool]], list]:
        """(reranked results, the plan's exact terms this index does not hold)."""
        idx, store = self.shard(scope)
        counts = self.counts.setdefault(scope, query.vocabulary(idx))
        known = lambda t: counts.get(t, 0)  # noqa: E731
        prefixes = self.prefixes.setdefault(scope, query.prefix_lookup(counts))
        clauses = query.plan(text, lexicon(), self.synonyms, known, self.phrases, prefixes)
        found = [(store[int(r)], s, n) for r, s, n in query.run_detailed(idx, clauses)]
        return query.rerank(found), query.unknown_terms(clauses, known, prefixes)

    def exact(self, text: str, scope: str) -> list[str]:
        idx, _store = self.shard(scope)
        counts = self.counts.setdefault(scope, query.vocabulary(idx))
        prefixes = self.prefixes.setdefault(scope, query.prefix_lookup(counts))
        known = lambda t: counts.get(t, 0)  # noqa: E731
        clauses = query.plan(text, lexicon(), self.synonyms, known, self.phrases, prefixes)
        return query.exact_terms(clauses)

    def rows(self, text: str, scope: str) -> tuple[list[list], list[list]]:
        """(result rows, the call-now rows when no result shown has a number): what
        Host.rows() and Host.render() in assets/search-ui.js show."""
        found, unknown = self.results(text, scope)
        if scope == "nasional":
            rows = query.national_rows(found, lambda c: [r[0] for r in self.results(text, c)[0]])
        else:
            rows = [row for row, _s, _n in found]
            if unknown and not self.first:  # a first slice lacks most words
                national, missing = self.results(text, "nasional")
                known = query.vocabulary_of(self.synonyms, self.phrases)
                words = [
                    t for t in self.exact(text, "nasional") if t not in missing and t not in known
                ]
                other = query.elsewhere(national, scope, words)
                if other:
                    there = [r[0] for r in self.results(text, other)[0]]
                    city = next(r for r, _s, _n in national if r[0] == other)
                    rows = query.with_elsewhere(rows, there, city)
        reachable = any(row[8] or row[9] for row in rows[:PAGE] if row[1] != query.KIND_CITY)
        return rows, ([] if reachable else query.call_now(self.shard(scope)[1]))


@cache
def searcher(kind: str, first: bool = False) -> Searcher:
    return Searcher(DIRECTORIES[kind], first)


def run_case(case: dict, first: bool = False) -> Outcome:
    rows, panel = searcher(case["dir"], first).rows(case["query"], str(case["scope"]))
    shown = rows[:PAGE] + panel
    callable_ = any(row[8] or row[9] for row in shown if len(row) > 9)
    return Outcome(case, [row[0] for row in rows], callable_)


def measure(cases: list[dict], first: bool = False) -> dict:
    outcomes = [run_case(c, first) for c in cases]
    by_class: dict[str, Counter] = {}
    for o in outcomes:
        counts = by_class.setdefault(o.case["class"], Counter())
        counts["queries"] += 1
        counts["top3"] += o.hit
        counts["dead_ends"] += not o.callable
    hits = sum(o.hit for o in outcomes)
    return {
        "queries": len(outcomes),
        "top3": hits,
        "top3_rate": round(hits / len(outcomes), 3),
        "dead_ends": sum(not o.callable for o in outcomes),
        "by_class": {k: dict(v) for k, v in sorted(by_class.items())},
        "misses": [_miss(o) for o in outcomes if not o.hit],
        "dead_end_queries": [
            f"{o.case['scope']}: {o.case['query']}" for o in outcomes if not o.callable
        ],
    }


def _miss(o: Outcome) -> str:
    return f"{o.case['dir']} {o.case['scope']}: {o.case['query']!r} -> {o.ids[:3]}"


def run(queries: Path, first: bool) -> dict:
    """The report for the query file `queries` (YAML)."""
    cases = yaml.safe_load(queries.read_text(encoding="utf-8"))
    return measure(cases, first)
