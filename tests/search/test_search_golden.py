"""Golden files for the search documents of the fictional directory: each city's shard
documents and the national index's, as `generator.search.documents` makes them (what
is indexed and shown per record, before lunr). `make golden` rewrites them on purpose."""

from __future__ import annotations

import dataclasses
import json

import pytest

from generator.search import documents
from tests.golden_files import assert_golden

CITIES = ["33.71", "73.08"]  # the fictional directory's two cities


def docs_json(docs: list[documents.SearchDoc]) -> str:
    """One document a line (JSON Lines, https://jsonlines.org/): a change shows as the
    lines of the records it touches."""
    lines = [json.dumps(dataclasses.asdict(d), ensure_ascii=False, sort_keys=True) for d in docs]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("city", CITIES)
def test_golden_city_documents(fictional_directory, city):
    docs = documents.city_docs(fictional_directory, city)
    assert docs
    assert_golden(f"search/city-{city}.jsonl", docs_json(docs))


def test_golden_national_documents(fictional_directory):
    docs = documents.national_docs(fictional_directory)
    assert docs
    assert_golden("search/national.jsonl", docs_json(docs))
