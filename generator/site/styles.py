"""The first stylesheets, written into each page's <head> instead of linked.

On a slow connection a linked stylesheet costs a round trip after the page has arrived
(about 0.5 s on slow 3G) before anything can be painted. first.css (quick exit, banner,
the home page's numbers) and top.css (what record pages show before their stylesheets
are linked) are small, so the pages carry them; the Content-Security-Policy allows
exactly these texts by their SHA-256 hashes
(https://www.w3.org/TR/CSP3/#grammardef-hash-source), never 'unsafe-inline'.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

from markupsafe import Markup

FIRST = ("first", "top")
THEME_CSS = "assets/stylesheets/theme.css"


def first_styles(custom_dir: str | Path | None) -> dict[str, dict[str, str]]:
    """{"first"|"top": {"text": the stylesheet, "hash": its CSP source}} from the theme's
    overrides folder; {} without one (the pages then link the files)."""
    out: dict[str, dict[str, str]] = {}
    for name in FIRST:
        path = Path(custom_dir or "") / "assets" / "stylesheets" / f"{name}.css"
        if custom_dir and path.is_file():
            text = _without_comments(path.read_text(encoding="utf-8"))
            out[name] = {"text": Markup(text), "hash": csp_hash(text)}
    return out


def csp_hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def _without_comments(css: str) -> str:
    """The CSS without comments, which are for developers and every page would carry.

    Our stylesheets hold no "/*" inside a string."""
    text = re.sub(r"/\*.*?\*/", "", css, flags=re.S)
    return "\n".join(line.rstrip() for line in text.splitlines() if line.strip()) + "\n"


def theme_css() -> bytes:
    """`assets/stylesheets/theme.css`: Material's stylesheet, site.css and pages.css as one
    stylesheet (in this order, as before). Linked one by one, the theme's applied a frame
    before the site's, so titles, colours and the header moved twice as they arrived
    (layout shift); a stylesheet applies once all its imports have arrived
    (https://www.w3.org/TR/css-cascade-4/#at-import)."""
    import material  # the installed theme names its stylesheet by a hash of its content

    found = sorted(
        (Path(material.__file__).parent / "templates" / "assets" / "stylesheets").glob(
            "main.*.min.css"
        )
    )
    if len(found) != 1:
        raise RuntimeError(f"expected one Material main stylesheet, found {found}")
    lines = [
        f'@import url("{found[0].name}");',
        '@import url("site.css");',
        '@import url("../pages.css");',
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")
