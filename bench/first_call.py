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
import json
import statistics
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from devtools import localserve  # noqa: E402

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
        for label, how in (("plain", "plain"), ("gzip", "static")):
            with localserve.serve(site, how) as base:
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
