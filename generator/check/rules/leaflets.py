"""A city with more services than a leaflet lists (W-LEAFLET-FULL): the leaflet is still
made (the ones that fit, complaint services first, and a pointer to the rest); staff
are told."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ... import regions
from ...errors import Problem
from ...leaflet_room import is_printed, slots
from ..context import Batch, Checked, Context, Rule


class LeafletRoom(Rule):
    def __init__(self, ctx: Context):
        super().__init__(ctx)
        # Services by city code (or province code, for province-wide ones).
        self.areas: dict[str, list[tuple[str, Any]]] = defaultdict(list)
        self.leaflet_keys: set[str] | None = None  # known when the first services arrive

    def add(self, batch: Batch) -> tuple[()]:
        """Gather the services of the cities (or their provinces) that leaflets list.
        Materials and settings come before services in tree order."""
        services = batch.by_kind.get("services")
        if not services:
            return ()
        if self.leaflet_keys is None:
            self.leaflet_keys = self._leaflet_keys()
        keys = self.leaflet_keys
        if keys:
            for c in services:
                for code in c.model.service_area:
                    if code in keys or code[:5] in keys:
                        self.areas[code[:5]].append((c.raw.id or "", c.model))
        return ()

    def _cities(self) -> set[str]:
        settings = self.ctx.tables.settings
        return set(settings.cities) if settings else set()

    def _materials(self) -> list[Checked[Any]]:
        return [c for c in self.ctx.of("materials") if slots(c.model.kind)]

    def _leaflet_keys(self) -> set[str]:
        """Codes of the cities listed by a leaflet, and of their provinces."""
        cities = self._cities()
        needed = {city for c in self._materials() for city in c.model.regions if city in cities}
        return needed | {city[:2] for city in needed}

    def finish(self) -> Iterator[Problem]:
        cities = self._cities()
        materials = self._materials()
        if not any(city in cities for c in materials for city in c.model.regions):
            return
        for c in materials:
            room = slots(c.model.kind)
            for i, city in enumerate(c.model.regions):
                found = dict(self.areas.get(city[:2], ())) | dict(self.areas.get(city, ()))
                count = sum(is_printed(rid, s, c.model) for rid, s in found.items())
                if count > room:
                    yield c.at(
                        ("regions", i), "W-LEAFLET-FULL", material=c.raw.id,
                        city=f"{regions.names().get(city, city)} ({city})",
                        count=count, room=room, rest=count - room,
                    )  # fmt: skip
