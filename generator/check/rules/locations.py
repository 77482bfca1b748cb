"""Places of services: the region of the right level (a city for a confidential place,
a city, district or village otherwise) and coordinates inside Indonesia, both or
neither (E-REGION, E-REGION-LEVEL, E-REQUIRED, E-COORDINATES).

What a confidential place may not say is the `confidential` rule's business.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...errors import Problem
from ...models import Location
from ..context import Batch, Checked, Rule
from ..reading import Loc, field_path
from .regions import region_ref

# Bounding box of Indonesia, with a margin for outlying islands.
LAT_RANGE = (-11.5, 6.5)
LON_RANGE = (94.5, 141.5)


def locations_of(c: Checked[Any]) -> list[Location]:
    """A service's places (none when it says `unknown`)."""
    return c.model.locations if isinstance(c.model.locations, list) else []


class Locations(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        for c in batch.of("services"):
            for i, loc in enumerate(locations_of(c)):
                yield from _location(c, ("locations", i), loc)


def _location(c: Checked[Any], at: Loc, loc: Location) -> Iterator[Problem]:
    if loc.confidential:
        yield from region_ref(c, (*at, "region"), loc.region, levels={2})
        return
    yield from region_ref(c, (*at, "region"), loc.region, levels={2, 3, 4})
    if (loc.latitude is None) != (loc.longitude is None):
        missing = "latitude" if loc.latitude is None else "longitude"
        yield c.at(at, "E-REQUIRED", field=field_path((*at, missing)))
    elif (
        loc.latitude is not None
        and loc.longitude is not None
        and not (
            LAT_RANGE[0] <= loc.latitude <= LAT_RANGE[1]
            and LON_RANGE[0] <= loc.longitude <= LON_RANGE[1]
        )
    ):
        yield c.at((*at, "latitude"), "E-COORDINATES", lat=loc.latitude, lon=loc.longitude)
