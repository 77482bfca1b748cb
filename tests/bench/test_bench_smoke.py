"""A 1,000-record smoke run of `python -m devtools bench`: correctness only.

No timing is asserted: the run must complete, print the table and write JSON with
every section, each holding figures or saying why it has none.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from devtools import bench
from tests.reference import REPO


@pytest.fixture(scope="module")
def smoke(tmp_path_factory) -> tuple[dict, str]:
    """Run as a command, in its own process: as a person runs it, and apart from the
    browser other tests of this process keep open (Playwright's sync API allows one)."""
    out = tmp_path_factory.mktemp("bench") / "latest.json"
    cmd = [sys.executable, "-m", "devtools", "bench", "--smoke", "--json", str(out)]
    done = subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(out.read_text(encoding="utf-8")), done.stdout


def test_json_has_every_section(smoke):
    results, _ = smoke
    assert set(results) == {"goals", "machine", "runs", "seed", "sizes", "smoke", "versions"}
    assert results["smoke"] is True and results["runs"] == 1
    size = results["sizes"]["1000"]
    assert set(bench.SECTIONS) <= set(size)
    assert size["records"] == 1000


def test_no_section_failed(smoke):
    results, _ = smoke
    failed = {
        name: section
        for name, section in results["sizes"]["1000"].items()
        if isinstance(section, dict) and str(section.get("status", "")).startswith("failed")
    }
    assert failed == {}


def test_stages_that_landed_report_ms_per_record(smoke):
    stages = smoke[0]["sizes"]["1000"]["stages"]
    assert set(stages) == {"load", "check", "render_docs", "search_index", "leaflets"}
    for name, figure in stages.items():
        assert figure == bench.NA or figure["ms_per_record"] > 0, name
    assert stages["check"] != bench.NA


def test_json_keys_are_sorted(smoke):
    results, _ = smoke  # read back in file order
    assert list(results) == sorted(results)
    assert list(results["sizes"]["1000"]) == sorted(results["sizes"]["1000"])


def test_table_is_printed(smoke):
    _, printed = smoke
    assert printed.splitlines()[0].split() == ["figure", "1,000", "goal"]
    assert "build ratio ours/mkdocs" in printed


def test_median_is_the_middle_value():
    assert bench.median([3.0, 1.0, 2.0]) == 2.0
    assert bench.median([4.0, 1.0, 2.0, 3.0]) == 2.5


def test_page_type_comes_from_the_url():
    assert bench.page_type("index.html") == "home"
    assert bench.page_type("layanan/x/index.html") == "layanan"
    assert bench.page_type("layanan/index.html", frozenset({"layanan"})) == "layanan-list"
    assert bench.page_type("tentang-data/index.html", frozenset({"layanan"})) == "tentang-data"
    assert bench.page_type("kota/33-74-kota-semarang/cetak/index.html") == "cetak"
