"""Time from tapping search to the first result, for a city of 300 services, slow 3G.

    .venv/bin/python bench/search_latency.py [--runs 3] [--query konseling] [--before REV]

Builds a minimal MkDocs + Material site (this repository's overrides) with the search of
a synthetic city of 300 services (tests/search/search_synth.py) and serves it on
127.0.0.1 gzip-compressed, as static hosts do. Headless Chromium at 360 px, throttled
through the DevTools protocol like slow 3G (400 ms latency, 400 kbit/s each way, CPU 4x
slower, cache disabled). Each run opens a fresh page and measures, in the page's own
clock (`performance.now()`, polled every animation frame):

- city, from the tap: the city page has loaded; tap the search button, type the query;
  time from the tap to the first result shown, and to the final (refined) results;
- city, from navigation start: the same, tapping as soon as the button is there;
- search page, from navigation start: type into the page's box as soon as it is there.

Also the gzip bytes of search files fetched before the first result. With `--before REV`
the same is measured on a site built from that git revision (a temporary worktree),
runs interleaved in the same browser, so both sides share the machine's load.
Prints JSON with every run and the medians. A measuring tool, never run by the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
from devtools import localserve  # noqa: E402

CITY = "33.75"
CITY_URL = "kota/33-75-kota-pekalongan/"
SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 50_000,
    "uploadThroughput": 50_000,
}
CPU_SLOWDOWN = 4
MKDOCS_YML = """site_name: Contoh
docs_dir: docs
site_dir: site
theme:
  name: material
  language: id
  font: false
  custom_dir: {overrides}
"""
# Run in a child process with the revision's own code first on sys.path.
BUILD = """
import sys
from pathlib import Path
repo, docs = Path(sys.argv[1]), Path(sys.argv[2])
sys.path[:0] = [str(repo), str(repo / "tests" / "search")]
from search_synth import synth_directory
from generator.search import build_search
build_search(synth_directory(city=sys.argv[3], services=300), docs)
"""
# Before the page's scripts: when the tap came and when results first and finally showed.
WATCH = """
window.__tap = null; window.__first = null; window.__final = null;
addEventListener("pointerdown", () => { if (window.__tap === null) window.__tap = performance.now(); }, true);
(function frame() {
  const now = performance.now();
  const shown = "[data-ids-output] [data-record-id], [data-ids-page] [data-record-id]";
  const done = ".ids-results:not([aria-busy=true]):not(.ids-help__calls) [data-record-id]";
  if (window.__first === null && document.querySelector(shown)) window.__first = now;
  if (window.__final === null && document.querySelector(done)) window.__final = now;
  if (window.__final === null) requestAnimationFrame(frame);
})();
"""


def build_site(repo: Path, root: Path) -> Path:
    docs = root / "docs"
    (docs / CITY_URL).mkdir(parents=True)
    (docs / "index.md").write_text("# Beranda\n", encoding="utf-8")
    (docs / CITY_URL / "index.md").write_text("# Kota Pekalongan\n", encoding="utf-8")
    subprocess.run([sys.executable, "-c", BUILD, str(repo), str(docs), CITY], cwd=repo, check=True)
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(overrides=repo / "overrides"), "utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True)
    return root / "site"


@contextlib.contextmanager
def worktree(rev: str):
    """A checkout of `rev` in a temporary folder (node_modules linked: lunr.js)."""
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "tree"
        subprocess.run(
            ["git", "worktree", "add", "-q", "--detach", str(path), rev], cwd=REPO, check=True
        )
        try:
            (path / "node_modules").symlink_to(REPO / "node_modules")
            yield path
        finally:
            subprocess.run(
                ["git", "worktree", "remove", "--force", str(path)], cwd=REPO, check=True
            )


def open_throttled(browser):
    page = browser.new_page(viewport={"width": 360, "height": 800})
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
    page.add_init_script(WATCH)
    return page


def finish(page, site: Path) -> dict:
    """Wait for the final results; seconds from the tap and from navigation start, and
    the gzip bytes of search files that had arrived by the first result."""
    for _ in range(1200):
        marks = page.evaluate("() => [window.__tap, window.__first, window.__final]")
        if marks[2] is not None:
            break
        page.wait_for_timeout(100)
    tap, first, final = (m / 1000 if m is not None else None for m in marks)
    arrived = page.evaluate(
        "(t) => performance.getEntriesByType('resource').filter(e => e.responseEnd <= t).map(e => e.name)",
        marks[1],
    )
    size = sum(search_bytes(site, url) for url in arrived)
    return {"tap": tap, "first": first, "final": final, "bytes": size}


def search_bytes(site: Path, url: str) -> int:
    path = site / url.split("/", 3)[3].split("?")[0]
    if "assets/search/" not in url or not path.is_file():
        return 0
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def city_run(browser, base: str, site: Path, query: str, wait: str) -> dict:
    page = open_throttled(browser)
    try:
        page.goto(base + CITY_URL, wait_until=wait, timeout=120_000)
        page.click('label.md-header__button[for="__search"]', timeout=120_000)
        page.click("[data-ids-query]")  # focused already once loader.js runs; else a tap
        page.keyboard.type(query)
        return finish(page, site)
    finally:
        page.close()


def page_run(browser, base: str, site: Path, query: str) -> dict:
    page = open_throttled(browser)
    try:
        page.goto(base + "search/", wait_until="commit", timeout=120_000)
        page.fill("#ids-page-query", query, timeout=120_000)
        return finish(page, site)
    finally:
        page.close()


def one_round(browser, base: str, site: Path, query: str) -> dict:
    tap = city_run(browser, base, site, query, "load")
    nav = city_run(browser, base, site, query, "commit")
    search = page_run(browser, base, site, query)
    return {
        "city_tap_to_first_s": tap["first"] - tap["tap"],
        "city_tap_to_final_s": tap["final"] - tap["tap"],
        "city_search_gzip_bytes_before_first": tap["bytes"],
        "city_navigation_to_first_s": nav["first"],
        "city_navigation_to_final_s": nav["final"],
        "search_page_navigation_to_first_s": search["first"],
        "search_page_navigation_to_final_s": search["final"],
    }


def summary(rounds: list[dict]) -> dict:
    out = {}
    for key in rounds[0]:
        values = [r[key] for r in rounds]
        out[key] = {
            "runs": [round(v, 2) for v in values],
            "median": round(statistics.median(values), 2),
        }
    return out


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="konseling")
    parser.add_argument("--before", help="also measure a site built from this git revision")
    args = parser.parse_args()
    with contextlib.ExitStack() as stack:
        tmp = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        sites = {"now": build_site(REPO, tmp / "now")}
        if args.before:
            sites["before"] = build_site(stack.enter_context(worktree(args.before)), tmp / "before")
        bases = {
            name: stack.enter_context(localserve.serve(site, "fly")) for name, site in sites.items()
        }
        pw = stack.enter_context(sync_playwright())
        browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        rounds: dict[str, list] = {name: [] for name in sites}
        for _ in range(args.runs):
            for name in sorted(sites):
                rounds[name].append(one_round(browser, bases[name], sites[name], args.query))
        browser.close()
    result = {"query": args.query, **{name: summary(r) for name, r in rounds.items()}}
    sys.stdout.write(json.dumps(result, indent=1, sort_keys=True) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
