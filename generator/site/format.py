"""Markdown and plain text for the site's templates.

Numbers, hours, fees, trust labels and choice labels come from `generator.present`
(one presentation layer for every output); this module only turns a record's
Markdown into safe HTML or one line of text.
"""

from __future__ import annotations

import markdown as md
import nh3
from markupsafe import Markup

from ..dates import long_date  # noqa: F401 - the `date` filter of the templates

# Markdown fields may hold only these (issue 3, "Safe rendering"); `check` rejects raw
# HTML already, this is the second lock.
ALLOWED_TAGS = {"p", "ul", "ol", "li", "em", "strong", "a"}
ALLOWED_SCHEMES = {"http", "https", "tel", "mailto"}


# One converter, reset per call: building a Markdown object costs about a millisecond,
# which adds up over 10,000 services.
_MARKDOWN = md.Markdown(output_format="html")


def _to_html(text: str) -> str:
    return _MARKDOWN.reset().convert(linear_brackets(text))


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


def render_markdown(text: str | None) -> Markup:
    if not text:
        return Markup("")
    html = _to_html(text)
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )
    return Markup(clean.strip())


def plain_text(text: str | None) -> str:
    """Markdown to one line of plain text (front matter, vCard, descriptions)."""
    if not text:
        return ""
    html = _to_html(text)
    stripped = nh3.clean(html, tags=set(), attributes={})
    stripped = stripped.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
    stripped = stripped.replace("&quot;", '"').replace("&#39;", "'")
    return " ".join(stripped.split())


def shorten(text: str, limit: int = 160) -> str:
    """Cut at a word boundary, with an ellipsis when cut (meta descriptions)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
