"""The one reference date of a run (staleness, 'not in the future')."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime

from .errors import UsageError


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
