"""When does the first tap-to-call link become visible on a slow connection?

Serves a built site twice on localhost: as it is (no compression, like a host that does
not compress) and with the build's .gz copies (like nginx `gzip_static on`). For each
page, a fresh headless Chromium context (empty cache) with Chrome DevTools Protocol
throttling ("slow 3G": 400 ms latency, 400 kbit/s each way, CPU 4x slower) opens the
page; the figure is the time from navigation start to the first animation frame in
which the first `tel:` link is laid out inside the first screen. Frames are not run
while a stylesheet still holds back the first paint, so this is when it can be seen.
Median of the runs, in seconds.

    .venv/bin/python bench/first_call.py SITE_DIR [--runs 3] [--pages "" kota/...]

A measuring tool, never run by the test suite.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import http.server
import json
import os
import statistics
import threading
from collections.abc import Iterator
from pathlib import Path

from playwright.sync_api import sync_playwright

SLOW_3G = {
    "offline": False,
    "latency": 400,
    "downloadThroughput": 400 * 1000 / 8,
    "uploadThroughput": 400 * 1000 / 8,
}
CPU_SLOWDOWN = 4

# Runs before the page's own scripts (an init script is not subject to the page's CSP).
WATCH = """
window.__firstCall = null;
(function frame() {
  const a = document.querySelector('a[href^="tel:"]');
  if (a) {
    const r = a.getBoundingClientRect();
    if (r.width > 0 && r.height > 0 && r.top < innerHeight && a.checkVisibility()) {
      window.__firstCall = performance.now();
      return;
    }
  }
  requestAnimationFrame(frame);
})();
"""


class QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


class GzipStaticHandler(QuietHandler):
    """Sends `file.gz` with Content-Encoding: gzip when the browser accepts gzip."""

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        packed = path.with_name(path.name + ".gz")
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not packed.is_file():
            return super().send_head()
        body = packed.open("rb")
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(os.fstat(body.fileno()).st_size))
        self.end_headers()
        return body


@contextlib.contextmanager
def serve(site: Path, handler: type) -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(handler, directory=str(site))
    )
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def first_call(browser, url: str) -> float | None:
    context = browser.new_context(viewport={"width": 360, "height": 740}, locale="id-ID")
    try:
        page = context.new_page()
        cdp = context.new_cdp_session(page)
        cdp.send("Network.enable")
        cdp.send("Network.setCacheDisabled", {"cacheDisabled": True})
        cdp.send("Network.emulateNetworkConditions", SLOW_3G)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.add_init_script(WATCH)
        page.goto(url, wait_until="commit", timeout=120_000)
        # Polled from here: wait_for_function would need 'unsafe-eval', which the CSP forbids.
        for _ in range(1200):
            found = page.evaluate("() => window.__firstCall")
            if found is not None:
                return found / 1000
            page.wait_for_timeout(100)
        return None
    finally:
        context.close()


def measure(site: Path, pages: list[str], runs: int) -> dict:
    results: dict[str, dict[str, float]] = {}
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        for label, handler in (("plain", QuietHandler), ("gzip", GzipStaticHandler)):
            with serve(site, handler) as base:
                for path in pages:
                    times = [first_call(browser, base + path) for _ in range(runs)]
                    results.setdefault(path or "/", {})[label] = round(statistics.median(times), 2)
        browser.close()
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("site", type=Path)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--pages", nargs="*", default=[""])
    args = parser.parse_args()
    print(json.dumps(measure(args.site, args.pages, args.runs), indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
