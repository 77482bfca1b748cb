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
    simple = plain_paragraphs(text)
    if simple is not None:
        return simple
    return _MARKDOWN.reset().convert(linear_brackets(text))


# Characters that can make Markdown do more than wrap a line in <p>: control characters
# (tabs, line breaks), escapes, code, emphasis, links, images, HTML, entities, headings.
_MARKUP_CHARS = re.compile(r"[\x00-\x1f\\`*_\[\]<>&!#]")


def plain_paragraphs(text: str) -> str | None:
    """Python-Markdown's output for text made only of plain one-line paragraphs separated
    by blank lines (most record texts), without running it; None for any other text.

    A paragraph qualifies when it starts with a letter, a quote or "(" (not a list
    marker, a number or indentation) and holds none of `_MARKUP_CHARS`: then Markdown
    only wraps it in <p> (https://daringfireball.net/projects/markdown/syntax#p).
    tests/site/test_markup_fast.py compares both ways on every record text and on
    random texts."""
    paragraphs = text.strip("\n").split("\n\n")
    for p in paragraphs:
        if (
            not p
            or p != p.strip()
            or not (p[0].isalpha() or p[0] in "\"'(")
            or _MARKUP_CHARS.search(p)
        ):
            return None
    return "\n".join(f"<p>{p}</p>" for p in paragraphs)


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
