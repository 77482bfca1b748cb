"""Realistic queries against the fictional directory, through lunr.py on the same
serialised shards and the same query plan the browser uses (issue 4)."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from conftest import read_shard

from generator.search import index, query
from generator.search.build import browser_config
from generator.search.text import lexicon

QUERIES = yaml.safe_load((Path(__file__).parent / "queries.yaml").read_text(encoding="utf-8"))


def test_query_set_is_large_enough():
    assert len(QUERIES) >= 40


@pytest.fixture(scope="module")
def searcher(fictional_search, fictional_directory):
    docs, _stats = fictional_search
    synonyms = browser_config(fictional_directory)["synonyms"]
    loaded: dict[str, tuple] = {}

    def rows(text: str, scope: str) -> list[list]:
        if scope not in loaded:
            shard = read_shard(docs, scope)
            loaded[scope] = (index.load(shard["index"]), shard["store"])
        idx, store = loaded[scope]
        clauses = query.plan(text, lexicon(), synonyms)
        return [store[int(ref)] for ref, _score in query.run(idx, clauses)]

    def search(text: str, scope: str) -> list[str]:
        found = rows(text, scope)
        if scope == "nasional":
            found = query.national_rows(found, lambda city: rows(text, city))
        return [row[0] for row in found]

    return search


@pytest.mark.parametrize("case", QUERIES, ids=[f"{q['scope']}:{q['query']}" for q in QUERIES])
def test_expected_record_in_top_3(searcher, case):
    results = searcher(case["query"], case["scope"])
    assert case["expect"] in results[:3], f"{case['query']!r} gave {results[:5]}"


def test_exact_match_ranks_above_typo_match(searcher):
    assert searcher("visum", "33.71")[0] == "visum-rsu-contoh-magelang"
    assert searcher("visun", "33.71")[0] == "visum-rsu-contoh-magelang"


def test_stopwords_only_query_gives_no_clauses():
    assert query.plan("yang dan di", lexicon(), []) == []
