"""The one Markdown sanitiser, for the site and for print.

Markdown fields may hold paragraphs, lists, emphasis and links only. `check` already
refuses raw HTML, `javascript:` links and images (E-MARKDOWN, E-IMAGE); this is the
second lock, so whatever reaches a page or a leaflet cannot add an element, an
attribute or a request (an `<img>` would make the reader's phone, or the PDF renderer,
fetch from the network). nh3 is the Rust `ammonia` sanitiser:
https://nh3.readthedocs.io/
"""

from __future__ import annotations

import re

import markdown as md
import nh3
from markupsafe import Markup

ALLOWED_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a"}
ALLOWED_SCHEMES = {"http", "https", "tel", "mailto"}

# One converter, reset per call: building a Markdown object costs about a millisecond,
# which adds up over 10,000 services.
_MARKDOWN = md.Markdown(output_format="html")


# Python-Markdown looks for the end of a link from every `[`: thousands of them take
# minutes (quadratic). Past this many, every `[` is written as `\[` and shows as itself:
# no record text needs that many links.
MAX_BRACKETS = 64
_BARE_BRACKET_RE = re.compile(r"(?<!\\)\[")


def linear_brackets(text: str) -> str:
    """`text`, with its `[` escaped when there are too many to look for links in."""
    if text.count("[") <= MAX_BRACKETS:
        return text
    return _BARE_BRACKET_RE.sub(r"\\[", text)


def _to_html(text: str) -> str:
    return _MARKDOWN.reset().convert(linear_brackets(text))


def render(text: str | None) -> Markup:
    """Markdown to safe HTML (the allowed tags only, links without referrer)."""
    if not text:
        return Markup("")
    clean = nh3.clean(
        _to_html(text),
        tags=ALLOWED_TAGS,
        # "*": nh3 keeps `lang` and `title` on every tag unless told otherwise.
        attributes={"a": {"href"}, "*": set()},
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(clean.strip())


def plain(text: str | None) -> str:
    """Markdown to one line of plain text (front matter, vCard, descriptions)."""
    if not text:
        return ""
    stripped = nh3.clean(_to_html(text), tags=set(), attributes={})
    stripped = stripped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    stripped = stripped.replace("&quot;", '"').replace("&#39;", "'")
    return " ".join(stripped.split())
