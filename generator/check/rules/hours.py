"""Opening hours of services, hotlines and channels: 24 hours or a weekly schedule,
closing after opening, no day twice (E-HOURS)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...errors import Problem
from ...models import Hours
from ..context import Batch, Checked, Rule
from ..reading import Loc


class OpeningHours(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        for c in batch.of("services", "hotlines"):
            if isinstance(c.model.hours, Hours):
                yield from _hours(c, ("hours",), c.model.hours)
        for c, loc, ch in batch.channels:
            if ch.hours:
                yield from _hours(c, (*loc, "hours"), ch.hours)


def _hours(c: Checked[Any], loc: Loc, hours: Hours) -> Iterator[Problem]:
    if hours.always and hours.weekly:
        yield c.at(loc, "E-HOURS", detail="pilih salah satu: `always: true` (24 jam) atau `weekly`")
    elif not hours.always and not hours.weekly:
        yield c.at(loc, "E-HOURS", detail="isi `always: true` (24 jam) atau jadwal `weekly`")
    for i, period in enumerate(hours.weekly or []):
        if period.closes <= period.opens:
            yield c.at(
                (*loc, "weekly", i, "closes"),
                "E-HOURS",
                detail=f"jam tutup {period.closes} harus setelah jam buka {period.opens}",
            )
        if len(set(period.days)) != len(period.days):
            yield c.at(
                (*loc, "weekly", i, "days"), "E-HOURS", detail="ada hari yang ditulis dua kali"
            )
