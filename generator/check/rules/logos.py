"""An organisation's co-branding logo: a file that exists in the directory's logo folder,
named without a path out of it (E-COBRAND-LOGO, E-LOGO-PATH)."""

from __future__ import annotations

from collections.abc import Iterator

from ... import logo
from ...errors import Problem
from ..context import Batch, Rule


class Logos(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        for c in batch.of("organisations"):
            name = c.model.logo
            if not name:
                continue
            why = logo.refused(self.ctx.root, name)
            if why == "missing":
                yield c.at(("logo",), "E-COBRAND-LOGO", value=name)
            elif why:
                yield c.at(("logo",), "E-LOGO-PATH", value=name, why=why)
