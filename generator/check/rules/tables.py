"""The single files: `settings.yaml` is not marked fictional in the real directory
(E-FICTIONAL) and lists cities that exist; taxonomy terms and short codes are each
listed once (E-DUPLICATE-ID). References from the taxonomy's phrases are checked by
`references`."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...errors import Problem
from ...paths import REAL_ROOT
from ..context import Checked, Rule
from .regions import region_ref


class Settings(Rule):
    def finish(self) -> Iterator[Problem]:
        settings_c = self.ctx.tables.settings_c
        if settings_c is None:
            return
        settings = settings_c.model
        if settings.fictional and self.ctx.root.resolve() == REAL_ROOT.resolve():
            yield settings_c.at(("fictional",), "E-FICTIONAL")
        for i, code in enumerate(settings.cities):
            yield from region_ref(settings_c, ("cities", i), code, levels={2})


class UniqueIds(Rule):
    def finish(self) -> Iterator[Problem]:
        for kind, attr in (
            ("taxonomy/categories.yaml", "categories"),
            ("taxonomy/audiences.yaml", "audiences"),
        ):
            c = self.ctx.single(kind)
            if c is not None:
                yield from _once(c, attr, [term.id for term in getattr(c.model, attr)], "id")
        codes = self.ctx.single("short-codes.yaml")
        if codes is not None:
            yield from _once(
                codes, "short_codes", [sc.code for sc in codes.model.short_codes], "code"
            )


def _once(c: Checked[Any], attr: str, ids: list[str], key: str) -> Iterator[Problem]:
    """E-DUPLICATE-ID at every repeat of an id in the list `attr`, naming the first."""
    seen: dict[str, int] = {}
    for i, value in enumerate(ids):
        if value in seen:
            yield c.at(
                (attr, i, key), "E-DUPLICATE-ID", value=value, other=f"{attr}[{seen[value]}]"
            )
        seen.setdefault(value, i)
