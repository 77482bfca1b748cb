"""Fields a reader needs that a record leaves unwritten (W-MISSING): write `unknown`
when a thing is not known, so the gap is a decision and not an oversight."""

from __future__ import annotations

from collections.abc import Iterator

from ...errors import Problem
from ...models import RECOMMENDED
from ..context import Batch, Rule


class Completeness(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        for c in batch.of("organisations", "services", "hotlines"):
            if c.partial:
                continue  # its faulty fields were left out, not left unwritten
            for name in RECOMMENDED.get(type(c.model), ()):
                if getattr(c.model, name) is None:
                    yield c.at((), "W-MISSING", field="", name=name)
