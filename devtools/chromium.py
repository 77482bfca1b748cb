"""How this project starts headless Chromium (tests and the benchmark).

Debian's Chromium; the flags keep it from calling Google's services, which this
machine's closed network refuses (and which a privacy-minded project should not call).
"""

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
