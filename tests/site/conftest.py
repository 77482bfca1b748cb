"""Session fixtures for the site tests: tests/conftest.py's built site and checked
directory, under the names these tests use."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session")
def built(built_site) -> dict:
    """{root, docs, site, result, tmp}: the fictional directory built once per process."""
    return built_site


@pytest.fixture(scope="session")
def directory(fictional_directory):
    return fictional_directory
