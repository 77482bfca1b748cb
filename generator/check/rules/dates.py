"""Dates that have not happened yet: a source, a confirmation or a material dated after
the reference date (E-FUTURE-DATE). How dates are written is the shape check's."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any

from ...dates import iso_date
from ...errors import Problem
from ..context import Batch, Checked, Rule
from ..reading import Loc


class FutureDates(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        today = self.ctx.today
        for c in batch.of():
            for loc, value in _dates(c):
                if value > today:
                    yield c.at(loc, "E-FUTURE-DATE", value=iso_date(value), today=today.isoformat())


def _dates(c: Checked[Any]) -> Iterator[tuple[Loc, date]]:
    """Every date field: sources' dates, verified_on, a material's date."""
    values = c.model.__dict__  # pydantic keeps fields here; getattr of a missing one is slow
    for i, source in enumerate(values.get("sources") or []):
        yield ("sources", i, "date"), source.date
    for name in ("verified_on", "date"):
        value = values.get(name)
        if isinstance(value, date):
            yield (name,), value
    if c.raw.kind == "short-codes.yaml":
        for i, sc in enumerate(c.model.short_codes):
            for j, source in enumerate(sc.sources):
                yield ("short_codes", i, "sources", j, "date"), source.date
