"""Realistic queries against the fictional directory, through lunr.py on the same
serialised shards and the same query plan the browser uses."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from devtools import search_quality as quality
from generator.search import query
from generator.search.text import lexicon

QUERIES = yaml.safe_load((Path(__file__).parent / "queries.yaml").read_text(encoding="utf-8"))


def test_query_set_is_large_enough():
    assert len(QUERIES) >= 40


@pytest.fixture(scope="module")
def searcher():
    """What the panel lists, best first, as quality.Searcher computes it (the browser's flow)."""
    fictional = quality.searcher("fictional")

    def search(text: str, scope: str) -> list[str]:
        rows, _panel = fictional.rows(text, scope)
        return [row[0] for row in rows]

    return search


@pytest.mark.parametrize("case", QUERIES, ids=[f"{q['scope']}:{q['query']}" for q in QUERIES])
def test_expected_record_in_top_3(searcher, case):
    results = searcher(case["query"], case["scope"])
    expect = case["expect"] if isinstance(case["expect"], list) else [case["expect"]]
    assert set(expect) & set(results[:3]), f"{case['query']!r} gave {results[:5]}"


def test_exact_match_ranks_above_typo_match(searcher):
    assert searcher("visum", "33.71")[0] == "visum-rsu-contoh-magelang"
    assert searcher("visun", "33.71")[0] == "visum-rsu-contoh-magelang"


def test_national_query_without_a_place_offers_cities(searcher):
    found = searcher("pendampingan korban", "nasional")
    assert "sapa-129" in found
    assert "33.71" in found and "73.08" in found  # "search in this city" rows


def test_stopwords_only_query_gives_no_clauses():
    assert query.plan("yang dan di", lexicon(), []) == []
