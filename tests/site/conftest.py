"""Session fixtures for the site tests: the fictional directory built once."""

from __future__ import annotations

import logging

import pytest
from site_helpers import TODAY, fixture_root, run_build

from generator import build


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> dict:
    """{root, docs, site, result, tmp}: the fictional directory built once per session."""
    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    tmp = tmp_path_factory.mktemp("site")
    root = fixture_root(tmp)
    result = run_build(tmp, root, tmp / "site", tmp / "docs")
    return {"root": root, "docs": tmp / "docs", "site": tmp / "site", "result": result, "tmp": tmp}


@pytest.fixture(scope="session")
def directory(built):
    return build.check_stage(built["root"], TODAY)
