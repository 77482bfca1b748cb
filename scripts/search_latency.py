"""Bytes and time from typing to the first result for a city of 300 services.

Usage: .venv/bin/python scripts/search_latency.py [--runs 3] [--query konseling]

Builds a minimal MkDocs + Material site (this repository's overrides) with the search
of a synthetic city of 300 services (tests/search/search_synth.py), serves it on
127.0.0.1 and, in headless Chromium, throttles like slow 3G through the DevTools
protocol (400 ms latency, 400 kbit/s each way, CPU 4x slower, cache disabled), files
served gzip-compressed as static hosts do. For each
run, on a freshly loaded city page: tap the search button, type the query, and time
until the first result is shown. Prints the gzip bytes of search files fetched and the
median time. A measurement, not a test: nothing here asserts a figure.
"""

from __future__ import annotations

import argparse
import gzip
import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(REPO), str(REPO / "tests" / "search")]

from search_synth import synth_directory  # noqa: E402

from generator.search import build_search  # noqa: E402

CITY = "33.75"
CITY_URL = "kota/33-75-kota-pekalongan/"
SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 50_000,
    "uploadThroughput": 50_000,
}
MKDOCS_YML = """site_name: Contoh
docs_dir: docs
site_dir: site
theme:
  name: material
  language: id
  font: false
  custom_dir: {overrides}
"""


class GzipServer:
    """The built site on 127.0.0.1 with `Content-Encoding: gzip`, as static hosts serve it
    (Python's http.server sends files uncompressed: 3-4x the bytes a visitor fetches)."""

    def __init__(self, site: Path):
        import http.server
        import threading

        class Handler(http.server.SimpleHTTPRequestHandler):
            def __init__(self, *args, **kwargs):
                super().__init__(*args, directory=str(site), **kwargs)

            def log_message(self, *args) -> None:
                pass

            def send_head(self):
                path = Path(self.translate_path(self.path))
                if path.is_dir():
                    path = path / "index.html"
                if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
                    return super().send_head()
                body = gzip.compress(path.read_bytes(), compresslevel=9, mtime=0)
                self.send_response(200)
                self.send_header("Content-Type", self.guess_type(str(path)))
                self.send_header("Content-Encoding", "gzip")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                import io

                return io.BytesIO(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self.thread.start()
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/"

    def __exit__(self, *exc) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def build_site(root: Path) -> Path:
    docs = root / "docs"
    (docs / CITY_URL).mkdir(parents=True)
    (docs / "index.md").write_text("# Beranda\n", encoding="utf-8")
    (docs / CITY_URL / "index.md").write_text("# Kota Pekalongan\n", encoding="utf-8")
    build_search(synth_directory(city=CITY, services=300), docs)
    (root / "mkdocs.yml").write_text(MKDOCS_YML.format(overrides=REPO / "overrides"), "utf-8")
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True)
    return root / "site"


def one_run(browser, base: str, site: Path, query: str) -> tuple[float, int]:
    page = browser.new_page(viewport={"width": 360, "height": 800})
    cdp = page.context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
    cdp.send("Network.emulateNetworkConditions", SLOW_3G)
    cdp.send("Emulation.setCPUThrottlingRate", {"rate": 4})
    fetched: list[str] = []
    page.on("requestfinished", lambda r: fetched.append(r.url))
    page.goto(base + CITY_URL, wait_until="load", timeout=120_000)
    fetched.clear()
    start = time.perf_counter()
    page.click('label.md-header__button[for="__search"]')  # the search button at 360 px
    page.wait_for_function("() => document.activeElement.matches('[data-ids-query]')")
    page.keyboard.type(query)
    page.wait_for_selector("[data-ids-output] [data-record-id]", timeout=120_000)
    elapsed = time.perf_counter() - start
    size = 0
    for url in fetched:
        path = site / url.split("/", 3)[3].split("?")[0]
        if path.is_file() and "assets/search/" in url:
            size += len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))
    page.close()
    return elapsed, size


def main() -> int:
    from playwright.sync_api import sync_playwright

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--query", default="konseling")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        site = build_site(Path(tmp))
        with GzipServer(site) as base, sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
            runs = [one_run(browser, base, site, args.query) for _ in range(args.runs)]
            browser.close()
    times = [t for t, _ in runs]
    result = {
        "query": args.query,
        "search_gzip_bytes_fetched": runs[0][1],
        "typing_to_first_result_s": [round(t, 2) for t in times],
        "median_s": round(statistics.median(times), 2),
    }
    sys.stdout.write(json.dumps(result, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
