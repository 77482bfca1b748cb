"""Rules that need only one file's raw data, run in the reader processes (stage 1½).

`early_rules` runs on every record right after it is read, on all cores; its costly
parts (phone numbers, e-mail addresses) are handed to the main process in `raw.extra`,
so the cross-record rules in `validate.py` find them cached. This module imports no
models, so `check` can start its readers before importing pydantic (`start_reading`).
"""

from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from . import addresses, phones
from .errors import Problem, problem
from .kinds import subject_of
from .load import Loc, RawRecord, field_path, stream_tree
from .readcache import ReadCache
from .readcache import disabled as cache_disabled

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


Started = tuple[Iterator[RawRecord], list[Problem]]


def start_reading(root: Path, cache: bool = False) -> Started:
    """Start reading the tree (in worker processes when it is large): records + problems.

    `cache`: keep what was read for the next run, and take unchanged files from the
    last one (`readcache`; off when `DIREKTORI_NO_CACHE` is set)."""
    kept = ReadCache(root) if cache and not cache_disabled() else None
    return stream_tree(root, per_record=early_rules, cache=kept)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic GC while checking: loading creates hundreds of thousands of small
    objects that all stay alive, and the GC would scan them again and again (measured:
    ~40% of `check`). Reader processes forked inside inherit the pause."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def early_rules(raw: RawRecord) -> None:
    """Rules that need only one file's raw data; run next to the read, on all cores.

    Their costly parts (phone numbers, e-mail addresses) are also worked out here and
    handed to the main process in `raw.extra`, so the cross-record rules find them cached.
    """
    if raw.data is None:
        return
    if raw.text is None or _may_be_unsafe(raw.text):
        for loc, text in _texts(raw.data, ()):
            code, what = _unsafe_text(text)
            if code:
                _report(raw, loc, code, what=what)
    for loc, code, match in addresses.scan(raw.data, raw.text):
        _report(raw, loc, code, match=match)
    channels = raw.data.get("channels")
    if isinstance(channels, list):
        values = [
            (ch.get("type"), ch["value"].strip())
            for ch in channels
            if isinstance(ch, dict) and isinstance(ch.get("value"), str)
        ]
        raw.extra["phones"] = {
            value: phones.classify(value) for kind, value in values if kind in phones.NUMBER_TYPES
        }
        raw.extra["emails"] = {
            value: _email_problem(value) for kind, value in values if kind == "email"
        }


# In a double-quoted YAML string, any escape except \n, \", \\ and \/ could spell out
# `<`, a letter or a blank that the raw text does not show.
RISKY_ESCAPE_RE = re.compile(r'\\[^n"\\/]')
# What may follow `javascript`, `vbscript` or `data` up to its colon in the raw text.
BLANKS_THEN_COLON_RE = re.compile(r"(?:\s|\\n)*:")


def _report(raw: RawRecord, loc: Loc, code: str, **params) -> None:
    """Add a problem of `raw` at `loc` (its line and column as read)."""
    line, col = raw.position(loc)
    raw.problems.append(
        problem(
            raw.display, line, col, code, subject_of(raw.kind, raw.id), field_path(loc), **params
        )
    )


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


_EMAILS: dict[str, str | None] = {}


def _email_problem(value: str) -> str | None:
    """Why `value` is not an e-mail address, or None. Cached: seeded by the readers."""
    if value in _EMAILS:
        return _EMAILS[value]
    _EMAILS[value] = reason = _validate_email(value)
    return reason


def _validate_email(value: str) -> str | None:
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


# email-validator explains in English; a staff member reading Indonesian gets the gist
# in Indonesian (the English text stays for `--lang en`). Cues are lowercase and
# matched without case; the first match wins.
EMAIL_REASONS_ID = (
    ("full-width", "tanda @ yang dipakai bukan @ biasa; ketik ulang tanda @"),
    ("small commercial at", "tanda @ yang dipakai bukan @ biasa; ketik ulang tanda @"),
    ("must have an @-sign", "tidak ada tanda @"),
    ("something before the @-sign", "tidak ada nama sebelum tanda @"),
    ("something after the @-sign", "tidak ada nama domain setelah tanda @"),
    ("too long", "terlalu panjang"),
    ("should have a period", "nama domain setelah @ harus memakai titik, mis. contoh.go.id"),
    ("two periods in a row", "ada dua titik berurutan"),
    ("period and a hyphen", "titik dan tanda hubung tidak boleh bersebelahan"),
    ("period", "tidak boleh diawali atau diakhiri dengan titik"),
    ("hyphen", "tanda hubung salah tempat"),
    ("top-level domain", "akhiran domain setelah @ tidak dikenal"),
    ("special-use or reserved", "nama domain setelah @ tidak bisa dipakai untuk email"),
    ("display name", "tulis alamat email saja, tanpa nama atau tanda < >"),
    ("angle bracket", "tulis alamat email saja, tanpa nama atau tanda < >"),
    ("anything after the email", "ada tulisan lain setelah alamat email"),
    ("quot", "tanda kutip tidak boleh dipakai"),
    ("bracket", "alamat IP dalam kurung tidak boleh dipakai"),
    ("character", "ada huruf atau tanda yang tidak boleh dipakai"),
    ("ascii", "ada huruf atau tanda yang tidak boleh dipakai"),
)


def email_reason_id(reason: str) -> str:
    """The gist of email-validator's English `reason`, in Indonesian."""
    low = reason.lower()
    for cue, text in EMAIL_REASONS_ID:
        if cue in low:
            return text
    return "bentuknya tidak sah"
