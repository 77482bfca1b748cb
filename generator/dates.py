"""Dates: the one reference date of a run (staleness, 'not in the future'), source dates
as precise as their source, and how dates are written for readers."""

from __future__ import annotations

import os
import re
from datetime import UTC, date, datetime

from .errors import UsageError

MONTHS = [
    "Januari", "Februari", "Maret", "April", "Mei", "Juni",
    "Juli", "Agustus", "September", "Oktober", "November", "Desember",
]  # fmt: skip
SOURCE_DATE_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class SourceDate(date):
    """A source's date as precise as the source: a day (`2025-10-13`), a month
    (`2025-10`) or a year (`2025`). A news item that names only its month must not gain
    a day it never gave.

    It compares and sorts as its first day, so "not in the future" and "newest source"
    keep working; `long_date` and `iso_date` show it only as precisely as it was written.
    """

    __slots__ = ("precision",)
    precision: str  # "day", "month" or "year"

    def __new__(cls, year: int, month: int = 1, day: int = 1, precision: str = "day"):
        self = super().__new__(cls, year, month, day)
        self.precision = precision
        return self

    @classmethod
    def parse(cls, text: str) -> SourceDate:
        """`2025-10-13`, `2025-10` or `2025`; ValueError for anything else."""
        match = SOURCE_DATE_RE.match(text)
        if not match:
            raise ValueError(text)
        year, month, day = match.groups()
        if day:
            return cls(int(year), int(month), int(day), "day")
        if month:
            return cls(int(year), int(month), 1, "month")
        return cls(int(year), 1, 1, "year")

    def __reduce__(self):
        return (type(self), (self.year, self.month, self.day, self.precision))

    def __repr__(self) -> str:
        return f"SourceDate({iso_date(self)!r})"


def iso_date(value: date) -> str:
    """`2025-10-13`, or `2025-10` / `2025` for a source date known to the month / year."""
    precision = getattr(value, "precision", "day")
    if precision == "year":
        return f"{value.year:04d}"
    if precision == "month":
        return f"{value.year:04d}-{value.month:02d}"
    return value.isoformat()


def long_date(value: date | None) -> str:
    """`13 Oktober 2025`, `Oktober 2025` or `2025`, as precise as the date is."""
    if value is None:
        return ""
    precision = getattr(value, "precision", "day")
    if precision == "year":
        return str(value.year)
    if precision == "month":
        return f"{MONTHS[value.month - 1]} {value.year}"
    return f"{value.day} {MONTHS[value.month - 1]} {value.year}"


def reference_today(value: str | None = None) -> date:
    """`--today` if given, else SOURCE_DATE_EPOCH when set, else today's date (UTC).

    One date for the whole run keeps builds reproducible and fixtures from drifting.
    """
    if value:
        try:
            return date.fromisoformat(value)
        except ValueError:
            raise UsageError(f"--today harus YYYY-MM-DD, tertulis '{value}'") from None
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return datetime.fromtimestamp(int(epoch), UTC).date()
        except (ValueError, OverflowError):
            raise UsageError(f"SOURCE_DATE_EPOCH harus angka detik, tertulis '{epoch}'") from None
    return datetime.now(UTC).date()


# Dates as people write them in Indonesia: 20-11-2025, 20/11/2025, 20.11.2025,
# 2025/11/20, "20 November 2025", "20 Nov 2025".
_NUMERIC_DMY = re.compile(r"^\s*(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})\s*$")
_NUMERIC_YMD = re.compile(r"^\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})\s*$")
_WORDS_DMY = re.compile(r"^\s*(\d{1,2})\s+([A-Za-z]+)\.?\s+(\d{4})\s*$")
_MONTH_WORDS = {
    **{name.lower(): i for i, name in enumerate(MONTHS, start=1)},
    **{name.lower()[:3]: i for i, name in enumerate(MONTHS, start=1)},
    "agu": 8, "ags": 8, "agt": 8, "peb": 2, "nop": 11, "pebruari": 2, "nopember": 11,
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7,
    "august": 8, "october": 10, "december": 12, "mar": 3, "oct": 10, "dec": 12,
}  # fmt: skip


def corrected_date(text: object) -> str | None:
    """`2025-11-20` for `20-11-2025`, `20/11/2025`, `20 November 2025`...; None when
    the text is not such a date or names a day that does not exist."""
    if not isinstance(text, str):
        return None
    if m := _NUMERIC_DMY.match(text):
        day, month, year = (int(g) for g in m.groups())
    elif m := _NUMERIC_YMD.match(text):
        year, month, day = (int(g) for g in m.groups())
    elif m := _WORDS_DMY.match(text):
        day, year = int(m.group(1)), int(m.group(3))
        month = _MONTH_WORDS.get(m.group(2).lower(), 0)
    else:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
