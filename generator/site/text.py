"""Markdown and plain text for the site's templates.

Numbers, hours, fees, trust labels and choice labels come from `generator.present`
(one presentation layer for every output); this module only turns a record's
Markdown into safe HTML or one line of text.
"""

from __future__ import annotations

from .. import markup
from ..dates import long_date  # noqa: F401 - the `date` filter of the templates

# The one sanitiser for site and print lives in `generator/markup.py`.
render_markdown = markup.render
plain_text = markup.plain


def shorten(text: str, limit: int = 160) -> str:
    """Cut at a word boundary, with an ellipsis when cut (meta descriptions)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"
