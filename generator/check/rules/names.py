"""Names and file names: a record's file name is its id (E-ID), and names shown in
headings, search and leaflets hold no control, invisible or direction-changing
characters (E-NAME-CHARS; a bidi override can make a name read as another:
https://unicode.org/reports/tr9/ and https://trojansource.codes/)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...errors import Problem, problem
from ...kinds import subject_of
from ...models import REGION_RE, SLUG_RE
from ..context import Batch, Rule
from ..reading import RawRecord

# Fields that name a record (headings, search results, leaflets).
NAME_FIELDS = ("name", "short_name", "title")
# Unicode categories Cc (controls, NUL included), Cf (format: zero-width characters,
# bidi controls, soft hyphen, BOM), Zl/Zp (line and paragraph separators) and the
# Hangul fillers that render as nothing (tests/check/test_name_chars.py holds it to that).
INVISIBLE_RE = re.compile(
    "[\x00-\x1f\x7f-\x9f\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2"
    "\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f"
    "\u3164\ufeff\uffa0\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]"
)


class FileIds(Rule):
    def read(self, raw: RawRecord) -> list[Problem]:
        return check_file_id(raw)


def check_file_id(raw: RawRecord) -> list[Problem]:
    """The file name is the id: a region code for regions, a lowercase slug otherwise."""
    rid = raw.id
    if rid is None:
        return []
    if raw.kind == "regions":
        if REGION_RE.fullmatch(rid):
            return []
        reason = "nama file wilayah harus kode wilayah, mis. 33.75.yaml"
    elif SLUG_RE.fullmatch(rid):
        return []
    else:
        reason = "hanya huruf kecil, angka dan tanda hubung, mis. uptd-ppa-kota-kendari.yaml"
    subject = subject_of(raw.kind, rid)
    return [problem(raw.display, 1, 1, "E-ID", subject, "", value=rid, reason=reason)]


class NameCharacters(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        for c in batch.of():
            fields = c.model.__dict__  # getattr of a field the kind lacks is slow in pydantic
            for name in NAME_FIELDS:
                value = fields.get(name)
                if not isinstance(value, str) or (value.isascii() and value.isprintable()):
                    continue  # most names: no character to look at (C-speed test)
                if INVISIBLE_RE.search(value):
                    found = sorted({f"U+{ord(ch):04X}" for ch in INVISIBLE_RE.findall(value)})
                    yield c.at((name,), "E-NAME-CHARS", chars=", ".join(found))
