"""MkDocs keeps every page's HTML packed until that page is written.

MkDocs renders the Markdown of every page before it writes the first one
(`mkdocs.commands.build.build`: all `_populate_page`, then all `_build_page`), so each
page's source and HTML stay in memory together: at 50,000 records about 60,000 pages,
more than a gigabyte. This plugin packs a page's HTML (zlib, level 1: fast, about a
fifth of the size) once its Markdown is rendered, unpacks it just before the theme
renders that page, and lets it go once the page is written. A generated page's
Markdown source (its front matter says its title) is let go too: MkDocs reads the
title from the front matter first (`Page.title`), and nothing reads the source after.
The HTML MkDocs writes is the same (tests/site/test_lowmem.py compares whole sites).
"""

from __future__ import annotations

import zlib
from typing import Any

from mkdocs.plugins import BasePlugin, event_priority

PACKED = "_dl_packed_content"
# Pack after every other plugin has seen the HTML, unpack before any sees it again
# (https://www.mkdocs.org/dev-guide/plugins/#event-priorities).
LAST, FIRST = -100, 100


class LowMemoryPlugin(BasePlugin):  # type: ignore[type-arg]
    """Added by `build.mkdocs_stage` to the loaded config (an in-process plugin)."""

    @event_priority(LAST)
    def on_page_content(self, html: str, /, *, page: Any, config: Any, files: Any) -> str:
        setattr(page, PACKED, zlib.compress(html.encode("utf-8"), 1))
        if "title" in page.meta:
            page.markdown = ""  # not None: MkDocs reads None as "not read yet"
        return ""

    @event_priority(FIRST)
    def on_page_context(self, context: Any, /, *, page: Any, config: Any, nav: Any) -> Any:
        packed = getattr(page, PACKED, None)
        if packed is not None:
            page.content = zlib.decompress(packed).decode("utf-8")
            setattr(page, PACKED, None)
        return context

    @event_priority(LAST)
    def on_post_page(self, output: str, /, *, page: Any, config: Any) -> str:
        page.content = ""  # written; "" as in between (None would change how `title` is read)
        return output
