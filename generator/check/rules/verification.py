"""Trust in a record: a confirmation names who confirmed and when (E-VERIFIED), grows
stale after the settings' months (W-STALE), and a record without a source or a
confirmation is pointed out (W-NO-SOURCE)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...directory import months_between
from ...errors import Problem
from ..context import Batch, Checked, Rule

SOURCED = ("organisations", "services", "hotlines", "pathways")


class Verification(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        settings = self.ctx.tables.settings
        stale_after = settings.stale_after_months if settings else 12
        for c in batch.of(*SOURCED):
            yield from self._stale(c, stale_after)
            if not c.partial:  # a field left out for its own problem is not a missing field
                yield from _who_and_when(c)

    def _stale(self, c: Checked[Any], stale_after: int) -> Iterator[Problem]:
        today, verified_on = self.ctx.today, c.model.verified_on
        if verified_on and verified_on <= today:
            months = months_between(verified_on, today)
            if months >= stale_after:
                yield c.at(
                    ("verified_on",), "W-STALE", value=verified_on.isoformat(), months=months
                )


def _who_and_when(c: Checked[Any]) -> Iterator[Problem]:
    m = c.model
    if m.verified_on and not m.verified_by:
        yield c.at(
            ("verified_on",),
            "E-VERIFIED",
            detail="`verified_by` wajib diisi (kantor/jabatan yang mengonfirmasi)",
        )
    elif m.verified_by and not m.verified_on:
        yield c.at(
            ("verified_by",), "E-VERIFIED", detail="`verified_on` wajib diisi (tanggal konfirmasi)"
        )
    if not m.sources and not m.verified_on:
        yield c.at((), "W-NO-SOURCE", field="")
