"""Shared test fixtures: the fictional test directory and the reference date."""

from __future__ import annotations

import atexit
import contextlib
import functools
import http.server
import os
import shutil
import tempfile
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from devtools.chromium import CHROMIUM, CHROMIUM_ARGS

# Every test process (and the commands it starts) keeps `check`'s read cache in a
# folder of its own, never in the person's home.
os.environ["XDG_CACHE_HOME"] = tempfile.mkdtemp(prefix="direktori-test-cache-")
atexit.register(shutil.rmtree, os.environ["XDG_CACHE_HOME"], ignore_errors=True)

TESTS = Path(__file__).parent
REPO = TESTS.parent
FICTIONAL = TESTS / "data" / "fictional"
TODAY = date(2026, 11, 1)  # the one reference date for every test; fixtures never drift
# The real directory follows facts revised on this day (its materials carry that date).
REAL_TODAY = date(2026, 12, 1)


@pytest.fixture
def fictional_copy(tmp_path: Path) -> Path:
    """A writable copy of the fictional directory at tmp/fictional."""
    target = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, target)
    return target


@pytest.fixture(scope="session")
def today() -> date:
    return TODAY


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


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@contextlib.contextmanager
def serve_site(site: Path) -> Iterator[str]:
    """Serve a built site on an ephemeral localhost port; yields its base URL."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
