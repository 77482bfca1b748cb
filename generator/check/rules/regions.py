"""Region codes: a known code of the right level wherever a record names a region, and a
region record whose name matches the national table (E-REGION, E-REGION-LEVEL,
E-REGION-NAME, E-REQUIRED for a hotline's coverage)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ... import regions
from ...errors import Problem
from ..context import Batch, Checked, Rule
from ..reading import Loc


class RegionCodes(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        for c in batch.of("regions"):
            yield from _region_record(c)
        for c in batch.of("organisations"):
            if c.model.regions != "national":
                for i, code in enumerate(c.model.regions):
                    yield from region_ref(c, ("regions", i), code)
        for c in batch.of("services"):
            for i, code in enumerate(c.model.service_area):
                yield from region_ref(c, ("service_area", i), code)
        for c in batch.of("hotlines"):
            yield from _coverage(c)
        for c in batch.of("materials"):
            for i, code in enumerate(c.model.regions):
                yield from region_ref(c, ("regions", i), code, levels={2})
        for c in batch.of("pathways"):
            yield from region_ref(c, ("region",), c.model.region, levels={2})


def _region_record(c: Checked[Any]) -> Iterator[Problem]:
    info = regions.lookup(c.raw.id or "")
    if info is None:
        yield c.at((), "E-REGION", value=c.raw.id, suggestion="")
    elif c.model.name.casefold() != info.name.casefold():
        yield c.at(
            ("name",), "E-REGION-NAME", got=c.model.name, region=info.code, expected=info.name
        )


def _coverage(c: Checked[Any]) -> Iterator[Problem]:
    cov = c.model.coverage
    want: set[int] = {"national": set(), "province": {1}, "city": {2}}[cov.level]
    if cov.level != "national" and not cov.regions:
        yield c.at(("coverage", "regions"), "E-REQUIRED")
    for i, code in enumerate(cov.regions):
        yield from region_ref(c, ("coverage", "regions", i), code, levels=want or None)


def region_ref(
    c: Checked[Any], loc: Loc, code: str, levels: set[int] | None = None
) -> Iterator[Problem]:
    """E-REGION for an unknown code, E-REGION-LEVEL for one not of `levels`."""
    info = regions.lookup(code)
    if info is None:
        yield c.at(loc, "E-REGION", value=code, suggestion=_suggestion(code))
        return
    if levels and info.level not in levels:
        expected = " atau ".join(regions.LEVELS[level] for level in sorted(levels))
        yield c.at(
            loc, "E-REGION-LEVEL", value=code, expected=expected, got=regions.LEVELS[info.level]
        )


def _suggestion(code: str) -> str:
    parent = code.rsplit(".", 1)[0] if "." in code else None
    info = regions.lookup(parent) if parent else None
    return f" ({parent} = {info.name})" if info else ""
