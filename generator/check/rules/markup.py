"""Text that would act instead of being read: HTML, `javascript:`/`data:` links and
Markdown images (E-MARKDOWN, E-IMAGE) in any value of any record.

A one-file rule on raw data: it runs next to the read, in the reader processes.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ..reading import Loc, RawRecord

HTML_RE = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
# The start of a tag. `HTML_RE` matches exactly when such a start has a `>` somewhere
# after it; searching it from every `<` is quadratic on a text of many `<a` (minutes on
# a large text), so `has_html` asks the same question in one pass.
TAG_START_RE = re.compile(r"<\s*/?\s*[a-zA-Z!]")


def has_html(text: str) -> bool:
    """Same answer as `HTML_RE.search(text)`, in linear time."""
    start = TAG_START_RE.search(text)
    return start is not None and text.find(">", start.end()) != -1


BAD_LINK_RE = re.compile(r"\b(javascript|data|vbscript)\s*:", re.IGNORECASE)
# In a double-quoted YAML string, any escape except \n, \", \\ and \/ could spell out
# `<`, a letter or a blank that the raw text does not show.
RISKY_ESCAPE_RE = re.compile(r'\\[^n"\\/]')
# What may follow `javascript`, `vbscript` or `data` up to its colon in the raw text.
BLANKS_THEN_COLON_RE = re.compile(r"(?:\s|\\n)*:")


def unsafe_text(raw: RawRecord, data: dict[str, Any]) -> None:
    """E-MARKDOWN / E-IMAGE for every value that holds markup; most files are cleared
    by one look at their text (`_may_be_unsafe`)."""
    if raw.text is not None and not _may_be_unsafe(raw.text):
        return
    for loc, text in _texts(data, ()):
        code, what = _unsafe_text(text)
        if code:
            raw.report(loc, code, what=what)


def _may_be_unsafe(text: str) -> bool:
    """False only when no value read from this YAML text can fail `_unsafe_text`.

    A cheap look at the whole file instead of every value (~0.3 s at 10,000 records).
    Folded lines only turn line breaks into spaces, which the link pattern allows.
    """
    if "<" in text or "![" in text or ("\\" in text and RISKY_ESCAPE_RE.search(text)):
        return True
    if not text.isascii():  # `str.lower` is exact only for ASCII; use the real pattern
        return BAD_LINK_RE.search(text.replace("\\n", " ")) is not None
    lower = text.lower()
    for word in ("script", "data"):  # `javascript` and `vbscript` end in `script`
        at = lower.find(word)
        while at != -1:
            if BLANKS_THEN_COLON_RE.match(lower, at + len(word)):
                return True
            at = lower.find(word, at + 1)
    return False


def _unsafe_text(text: str) -> tuple[str | None, str]:
    if "![" in text:  # Markdown image: the build and every reader would fetch it
        return "E-IMAGE", "![…](…)"
    if "<" in text and has_html(text):
        return "E-MARKDOWN", "HTML (`<…>`)"
    if ":" in text and BAD_LINK_RE.search(text):
        return "E-MARKDOWN", "tautan javascript:/data:"
    return None, ""


def _texts(value: Any, loc: Loc) -> Iterator[tuple[Loc, str]]:
    """Every string in a record's raw data (plain dicts/lists: much faster than models)."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _texts(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _texts(item, (*loc, i))
