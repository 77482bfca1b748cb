"""Shelters and confidential services (who is at risk must not be findable): a
confidential place gives no address, coordinates, name or access notes
(E-CONFIDENTIAL), a shelter is a confidential place (E-SHELTER), a confidential
service lists no public place beside it (E-CONFIDENTIAL-MIXED), and its own channels
that would never be published are pointed out (W-CONFIDENTIAL-HIDDEN).

Addresses written into texts are found by the one-file rule `addresses`.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ...addresses import SHELTER_RE, normalise
from ...confidential import is_confidential, is_shelter_only
from ...errors import Problem
from ..context import Batch, Checked, Rule
from .locations import locations_of

HIDDEN_FIELDS = ("address", "latitude", "longitude", "name", "accessibility")


class Confidential(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        for c in batch.of("services"):
            yield from _confidential_places(c)
            yield from _shelter_places(c)
            yield from _hidden_channels(c)


def _confidential_places(c: Checked[Any]) -> Iterator[Problem]:
    for i, loc in enumerate(locations_of(c)):
        if loc.confidential:
            for name in HIDDEN_FIELDS:
                if getattr(loc, name) is not None:
                    yield c.at(("locations", i, name), "E-CONFIDENTIAL", what=name)


def _shelter_places(c: Checked[Any]) -> Iterator[Problem]:
    """A shelter is a confidential location: by its name, or because temporary shelter
    is the service's only kind of help. An office that arranges shelter among other
    help keeps its public address. A confidential service lists no public place beside
    its shelter: that would say where the shelter's people are."""
    shelter_only = is_shelter_only(c.model)
    confidential = is_confidential(c.model)
    for i, loc in enumerate(locations_of(c)):
        if loc.confidential:
            continue
        if loc.name and SHELTER_RE.search(normalise(loc.name)):
            yield c.at(("locations", i), "E-SHELTER", why="nama tempat")
        elif shelter_only:
            yield c.at(("locations", i), "E-SHELTER", why="penampungan sementara saja")
        elif confidential and (loc.address or loc.latitude is not None):
            yield c.at(("locations", i), "E-CONFIDENTIAL-MIXED")


def _hidden_channels(c: Checked[Any]) -> Iterator[Problem]:
    """A confidential service publishes only its `hotline:` channels
    (`generator.confidential`): say so where a number or address of its own would
    silently never appear."""
    if not is_confidential(c.model) or not isinstance(c.model.channels, list):
        return
    for i, channel in enumerate(c.model.channels):
        if not channel.hotline:
            yield c.at(("channels", i), "W-CONFIDENTIAL-HIDDEN")
