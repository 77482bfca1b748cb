"""Fixtures for the site browser tests: a built site, a local server, headless Chromium.

`site_dir` is any built site folder: set SITE_DIR=/path/to/site to test a given build;
otherwise the fictional test directory built once per test process (tests/conftest.py
`built_site`).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import serve_site


@pytest.fixture(scope="session")
def site_dir(request: pytest.FixtureRequest) -> Path:
    given = os.environ.get("SITE_DIR")
    if given:
        return Path(given).resolve()
    return request.getfixturevalue("built_site")["site"]


@pytest.fixture(scope="session")
def base_url(site_dir: Path) -> Iterator[str]:
    """The site served by a local http.server on an ephemeral port."""
    with serve_site(site_dir) as url:
        yield url


@pytest.fixture
def context(browser):
    """A fresh phone-sized browser context (no shared cookies or storage between tests)."""
    ctx = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    yield ctx
    ctx.close()


@pytest.fixture(scope="session")
def page_paths(site_dir: Path) -> list[str]:
    """One page of each type the site has, as paths relative to the site root."""
    return representative_pages(site_dir)


def representative_pages(site_dir: Path) -> list[str]:
    """Home, each top-level page, the largest page in each folder (the richest of its
    type: a covered city rather than an empty one), and 404."""
    paths = [""]
    for folder in sorted(p for p in site_dir.iterdir() if p.is_dir() and p.name != "assets"):
        if (folder / "index.html").exists():
            paths.append(f"{folder.name}/")
        pages = sorted(folder.glob("*/index.html"), key=lambda p: (-p.stat().st_size, p))
        if pages:
            paths.append(f"{pages[0].parent.relative_to(site_dir).as_posix()}/")
    if (site_dir / "404.html").exists():
        paths.append("404.html")
    return paths
