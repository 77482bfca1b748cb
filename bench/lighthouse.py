"""Lighthouse (mobile) scores for a built site served with its .gz copies.

    .venv/bin/python bench/lighthouse.py SITE_DIR LIGHTHOUSE_BIN [PAGE ...]

LIGHTHOUSE_BIN is the `lighthouse` command of npm package lighthouse 12.2.3 (installed
apart from the site's own npm packages, e.g. `npm install --prefix /tmp/lh
lighthouse@12.2.3`). Chromium comes from /usr/bin/chromium. Prints performance,
accessibility and best-practices scores (0-100) per page. A measuring tool, never run by
the test suite.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from devtools import localserve  # noqa: E402

CATEGORIES = ("performance", "accessibility", "best-practices")
PAGES = ["", "kota/33-71-kota-magelang/", "layanan/pengaduan-uptd-ppa-contoh-magelang/", "search/"]


def score(lighthouse: str, url: str) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run(
            [
                lighthouse,
                url,
                "--quiet",
                "--output=json",
                f"--output-path={report}",
                "--only-categories=" + ",".join(CATEGORIES),
                "--chrome-flags=--headless=new --no-sandbox --disable-gpu",
            ],
            check=True,
            env={**os.environ, "CHROME_PATH": "/usr/bin/chromium"},
        )
        data = json.loads(report.read_text(encoding="utf-8"))
    return {c: round(data["categories"][c]["score"] * 100) for c in CATEGORIES}


def main() -> None:
    site, lighthouse, *pages = sys.argv[1:]
    with localserve.serve(Path(site), "static") as base:
        results = {page or "/": score(lighthouse, base + page) for page in pages or PAGES}
    print(json.dumps(results, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
