"""One definition of "the services of a city" and "the hotlines of a city", with their
order and an explicit status filter.

A city's services are those whose area lies in the city (city level and below) and
those that serve its whole province; the city's own come first, because for a person
there the office in her city is the nearer and usually the right one. Which statuses
an output lists is its caller's explicit choice, from the two named sets below.
"""

from __future__ import annotations

from dataclasses import dataclass

from .. import regions

# Web pages and search: everything a person might still use. A closed service keeps
# its own page (with its status) but is not offered in a city's list.
LISTED = frozenset({"active", "temporarily_closed", "unverified"})
# Paper lives for months and can't say "closed since": only services that run.
PRINTED = frozenset({"active", "unverified"})


def services_of_city(directory, city: str, statuses: frozenset[str]) -> list:
    """Entries of the services covering `city` whose status is in `statuses`: the city's
    own first, then its province's, each by name."""
    found = [e for e in directory.services_covering_city(city) if e.record.status in statuses]
    return sorted(found, key=lambda e: (not _own(e.record, city), e.record.name.lower(), e.id))


def _own(service, city: str) -> bool:
    """True when the service's area lies in the city, not only in its province."""
    return any(
        regions.level_of(code) >= 2 and regions.contains(city, code[:5])
        for code in service.service_area
    )


@dataclass(frozen=True)
class CityLines:
    """The hotlines a person in a city is offered, in their `order`."""

    emergency: list
    other: list
    all: list  # both, in order
    instead: dict  # {national line id: id of the city's line standing in for it}


def hotlines_of_city(directory, city: str) -> CityLines:
    """National, provincial and city hotlines answering in `city`, in their `order`.

    A hotline of the city (or its province) that answers on a national emergency line's
    number, such as a city's own 112 centre, stands in for that national line there, in
    its place: its own record says who answers and has its own sources, while the
    national record can only say that 112 may not answer in every city."""
    lines = directory.hotlines_for_city(city)
    stand_ins = _stand_ins(lines)
    taken = set(stand_ins.values())
    ordered, urgent = [], set()
    for e in lines:
        if e.id in stand_ins:
            ordered.append(directory.hotlines[stand_ins[e.id]])
            urgent.add(stand_ins[e.id])
        elif e.id not in taken:
            ordered.append(e)
            if e.record.emergency:
                urgent.add(e.id)
    emergency = [e for e in ordered if e.id in urgent]
    other = [e for e in ordered if e.id not in urgent]
    return CityLines(emergency, other, ordered, stand_ins)


def _stand_ins(lines: list) -> dict[str, str]:
    """{national emergency line: the most local line answering on one of its numbers}."""
    local = sorted((e for e in lines if e.record.coverage.level != "national"), key=_most_local)
    out: dict[str, str] = {}
    for national in lines:
        if national.record.coverage.level != "national" or not national.record.emergency:
            continue
        numbers = _phones(national.record)
        for e in local:
            if numbers & _phones(e.record) and e.id not in out.values():
                out[national.id] = e.id
                break
    return out


def _most_local(entry) -> tuple:
    """City lines before province lines, then by `order`."""
    levels = [regions.level_of(code) for code in entry.record.coverage.regions]
    return (-max(levels, default=0), entry.record.order, entry.id)


def _phones(record) -> set[str]:
    return {
        "".join(ch for ch in c.value if ch.isdigit())
        for c in record.channels
        if c.type in ("phone", "sms") and c.value
    }
