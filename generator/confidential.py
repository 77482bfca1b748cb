"""What a service with a confidential location (a shelter) may publish: an allow-list.

A shelter's safety is its secret place. Scanning free text for addresses can only ever
catch the ways of writing one that someone thought of, so a confidential service is
published through an allow-list instead: when the Directory is built, its record is
replaced by a copy holding only the fields below, and no output stage ever receives the
rest (descriptions, notes, labels, sources' `covers`, addresses, coordinates...).

Published for a confidential service (everything else is dropped):

- `organisation`, `name`, `categories`, `audiences`, `service_area`, `status`,
  `languages`: who runs it, what it is called, the kinds of help, for whom, the area;
- `hours` and `fees` as structure only (24 hours / weekly periods / holidays; free or
  paid), without their notes;
- `channels` that are reached through a named hotline (`type` and `hotline` only):
  how to be referred; channels with a number or address of their own are dropped;
- each confidential location as `confidential: true` and its city code;
- a fixed description (`DESCRIPTION`) and, when the record has a `recheck` reason, a
  fixed warning (`RECHECK`) instead of the editor's words;
- `sources` as name and date only (for the trust label), `verified_on` and
  `verified_how`.

The texts that do pass (name, sources' names) are scanned for address-like text with
error severity by `check` (`generator/addresses.py`).
"""

from __future__ import annotations

from .addresses import SHELTER_CATEGORY
from .models import Channel, Fees, Hours, Location, Service, Source

DESCRIPTION = (
    "Tempat tinggal sementara yang aman. Lokasinya dirahasiakan demi keselamatan. "
    "Masuk hanya lewat rujukan: hubungi layanan atau saluran bantuan di halaman ini."
)
RECHECK = "hubungi saluran bantuan untuk memastikan."


def is_shelter_only(service: Service) -> bool:
    """Temporary shelter is its only kind of help."""
    return set(service.categories) == {SHELTER_CATEGORY}


def is_confidential(service: Service) -> bool:
    """A service whose record is published through the allow-list."""
    locations = service.locations if isinstance(service.locations, list) else []
    return any(loc.confidential for loc in locations) or is_shelter_only(service)


def publishable(service: Service) -> Service:
    """The service as outputs may see it: itself, or its allow-listed copy."""
    if not is_confidential(service):
        return service
    return Service.model_construct(
        organisation=service.organisation,
        name=service.name,
        description=DESCRIPTION,
        categories=list(service.categories),
        audiences=list(service.audiences),
        service_area=list(service.service_area),
        status=service.status,
        languages=service.languages,
        hours=_hours(service.hours),
        fees=_fees(service.fees),
        channels=_channels(service.channels),
        locations=_locations(service.locations),
        sources=[Source.model_construct(name=s.name, date=s.date) for s in service.sources],
        verified_on=service.verified_on,
        verified_how=service.verified_how,
        recheck=RECHECK if service.recheck else None,
        keywords=[],
    )


def _hours(hours: Hours | str | None) -> Hours | str | None:
    if not isinstance(hours, Hours):
        return hours
    return Hours.model_construct(
        always=hours.always, weekly=hours.weekly, public_holidays=hours.public_holidays
    )


def _fees(fees: Fees | str | None) -> Fees | str | None:
    return Fees.model_construct(kind=fees.kind) if isinstance(fees, Fees) else fees


def _channels(channels) -> list[Channel] | None:
    if not isinstance(channels, list):
        return None
    kept = [Channel.model_construct(type=c.type, hotline=c.hotline) for c in channels if c.hotline]
    return kept or None


def _locations(locations) -> list[Location] | None:
    if not isinstance(locations, list):
        return None
    kept = [
        Location.model_construct(confidential=True, region=loc.region[:5])
        for loc in locations
        if loc.confidential
    ]
    return kept or None
