"""What every test shares: the one reference date and the one fictional directory.

Import from here (`from tests.reference import TODAY, FICTIONAL`) instead of writing a
date or a path again; tests/conftest.py turns them into fixtures (`today`,
`fictional_directory`, `built_site`).
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

TESTS = Path(__file__).resolve().parent
REPO = TESTS.parent
FICTIONAL = TESTS / "data" / "fictional"  # the fictional directory every test reads
GOLDEN = TESTS / "golden"  # expected outputs (`make golden` rewrites them on purpose)
TODAY = date(2026, 11, 1)  # the one reference date for every test; fixtures never drift
# The real directory follows facts revised on this day (its materials carry that date).
REAL_TODAY = date(2026, 12, 1)
# TODAY as MkDocs reads a build date (https://reproducible-builds.org/specs/source-date-epoch/).
SOURCE_DATE_EPOCH = str(int(datetime(TODAY.year, TODAY.month, TODAY.day, tzinfo=UTC).timestamp()))
