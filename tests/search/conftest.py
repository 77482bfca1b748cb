"""Fixtures for the search tests: the fictional directory's search, built once (the
checked directory itself is tests/conftest.py's `fictional_directory`)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.search import build_search
from tests.reference import FICTIONAL, REPO, TODAY  # noqa: F401  (the search tests import them from here)


@pytest.fixture(scope="session")
def fictional_search(fictional_directory, tmp_path_factory):
    """(docs dir, stats) of build_search on the fictional directory."""
    docs = tmp_path_factory.mktemp("search-docs")
    stats = build_search(fictional_directory, docs)
    return docs, stats


def read_shard(docs: Path, scope: str) -> dict:
    name = "national.json" if scope == "nasional" else f"shards/{scope}.json"
    return json.loads((docs / "assets" / "search" / name).read_text(encoding="utf-8"))
