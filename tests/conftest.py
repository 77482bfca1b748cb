"""Shared test fixtures: the fictional test directory and the reference date."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

TESTS = Path(__file__).parent
REPO = TESTS.parent
FICTIONAL = TESTS / "data" / "fictional"
TODAY = date(2026, 11, 1)  # the one reference date for every test; fixtures never drift


@pytest.fixture
def fictional_copy(tmp_path: Path) -> Path:
    """A writable copy of the fictional directory at tmp/fictional."""
    target = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, target)
    return target


@pytest.fixture(scope="session")
def today() -> date:
    return TODAY
