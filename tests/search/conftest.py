"""Fixtures for the search tests: the fictional directory's search, built once."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from generator.search import build_search
from generator.validate import check_directory

REPO = Path(__file__).resolve().parents[2]
FICTIONAL = Path(os.environ.get("SEARCH_TEST_DIRECTORY", REPO / "tests" / "data" / "fictional"))
TODAY = date(2026, 11, 22)


@pytest.fixture(scope="session")
def fictional_directory():
    if not (FICTIONAL / "settings.yaml").is_file():
        pytest.skip(f"fictional test directory not found at {FICTIONAL}")
    directory, report = check_directory(FICTIONAL, TODAY)
    assert directory is not None, "\n".join(p.format() for p in report.errors)
    return directory


@pytest.fixture(scope="session")
def fictional_search(fictional_directory, tmp_path_factory):
    """(docs dir, stats) of build_search on the fictional directory."""
    docs = tmp_path_factory.mktemp("search-docs")
    stats = build_search(fictional_directory, docs)
    return docs, stats


def read_shard(docs: Path, scope: str) -> dict:
    name = "national.json" if scope == "nasional" else f"shards/{scope}.json"
    return json.loads((docs / "assets" / "search" / name).read_text(encoding="utf-8"))
