"""Shared test fixtures: the reference date, the fictional directory (as files, checked,
and built into a site once per test process), headless Chromium, a local server."""

from __future__ import annotations

import atexit
import contextlib
import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from devtools import localserve
from devtools.chromium import CHROMIUM, CHROMIUM_ARGS
from tests.reference import FICTIONAL, REAL_TODAY, REPO, TESTS, TODAY

if TYPE_CHECKING:
    from generator.directory import Directory

__all__ = ["FICTIONAL", "REAL_TODAY", "REPO", "TESTS", "TODAY", "serve_site", "skip_or_fail"]

# Every test process (and the commands it starts) keeps `check`'s read cache in a
# folder of its own, never in the person's home.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="direktori-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)


@pytest.fixture
def fictional_copy(tmp_path: Path) -> Path:
    """A writable copy of the fictional directory at tmp/fictional."""
    target = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, target)
    return target


@pytest.fixture(scope="session")
def today() -> date:
    return TODAY


@pytest.fixture(scope="session")
def fictional_directory() -> Directory:
    """The fictional directory, checked at TODAY (shared: never change it in a test)."""
    from generator.check import check_directory

    directory, report = check_directory(FICTIONAL, TODAY)
    assert directory is not None, "\n".join(p.format() for p in report.errors)
    return directory


def build_tree(root: Path, tmp: Path) -> Any:
    """`make build`'s pipeline on the records at `root`, with the repository's
    mkdocs.yml and content/, into `tmp`/docs and `tmp`/site (strict MkDocs)."""
    from generator import build

    logging.getLogger("mkdocs").setLevel(logging.WARNING)
    options = build.BuildOptions(
        root=root,
        out=tmp / "site",
        config_file=REPO / "mkdocs.yml",
        docs_dir=tmp / "docs",
        content_dir=REPO / "content",
        today=TODAY,
        strict=True,
    )
    return build.build(options)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> dict:
    """{root, docs, site, result, tmp}: the fictional directory built once per test
    process by `make build`'s pipeline, with the repository's mkdocs.yml and content/."""
    tmp = tmp_path_factory.mktemp("built-site")
    result = build_tree(FICTIONAL, tmp)
    return {
        "root": FICTIONAL,
        "docs": tmp / "docs",
        "site": tmp / "site",
        "result": result,
        "tmp": tmp,
    }


def skip_or_fail(reason: str) -> None:
    """Skip on a developer machine; fail in CI, where `make test` must have set it up."""
    if os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """One headless Chromium for the whole run.

    Playwright's sync API allows one instance per thread, so every browser test shares
    this one. In CI a missing Chromium fails the run instead of skipping the suite.
    """
    try:
        from playwright import sync_api
    except ImportError:
        skip_or_fail("playwright is not installed (run `make test`, which sets it up)")
    if not Path(CHROMIUM).exists():
        skip_or_fail(f"{CHROMIUM} is missing: `make test` installs it with apt")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@contextlib.contextmanager
def serve_site(site: Path) -> Iterator[str]:
    """Serve a built site on an ephemeral localhost port; yields its base URL."""
    with localserve.serve(site) as url:
        yield url
