"""What one leaflet shows: plain data gathered from the Directory.

`leaflet_content()` turns (material, city, organisation) into a JSON-able dict. The
templates render only this dict, and its hash is the cache key of the output, so a
PDF is re-rendered exactly when something it shows has changed.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from .. import markup, present, urls
from .. import regions as regions_mod
from ..dates import long_date
from ..directory import Directory, Entry
from ..leaflet_room import is_printed, printing_order
from ..logo import path_of as logo_path
from ..models import Hotline, Material, Service
from ..present import labels

STAMP_FICTIONAL = "CONTOH — FIKTIF"
STAMP_NO_URL = "CONTOH — alamat situs belum diatur"


UNKNOWN_HOURS = "Jam layanan belum diketahui"


def hours_text(record) -> str:
    """A record's hours on one line, in its own region's time (`present`)."""
    return present.hours_line(record.hours, present.record_region(record)) or UNKNOWN_HOURS


def channel_lines(directory: Directory, record) -> list[dict]:
    """Printable contact lines, sure ones first. A number whose own channel is marked
    `recheck` is left off paper, which can't be corrected once handed out; a record
    marked `recheck` keeps its numbers and prints its warning (`paper_warnings`)."""
    region = present.record_region(record)
    lines, hotlines = [], set()
    for a in present.contact_actions(directory, record):
        if a.own_recheck or (a.via_hotline and (a.recheck or a.via_hotline in hotlines)):
            continue  # through a hotline: its first sure number is enough on paper
        hotlines.add(a.via_hotline)
        lines.append(_line(a, region))
    return lines


def _line(a: present.Action, region: str | None) -> dict:
    channel_type = "phone" if a.kind == "call" else a.kind
    label = a.title or (f"Lewat {a.note}" if a.via_hotline else labels.CHANNEL_TYPES[channel_type])
    note = a.remark
    value = a.value or (a.href or "")
    hours = present.hours_line(a.hours, region) if a.hours else ""
    return {"type": channel_type, "label": label, "value": value, "note": note, "hours": hours}


def paper_warnings(record) -> list[str]:
    """The record's own re-check warning (its numbers' warnings go with the numbers,
    which stay off paper)."""
    return present.recheck_warnings(record, [])


def markdown(text: str | None) -> str:
    """Safe HTML for a leaflet: the same sanitiser as the site (`generator/markup.py`)."""
    return str(markup.render(text))


def hotline_content(directory: Directory, entry: Entry[Hotline]) -> dict:
    h = entry.record
    return {
        "id": entry.id,
        "name": h.name,
        "purpose": markdown(h.purpose),
        "lines": channel_lines(directory, h),
        "hours": _hours(h),
        "fees": _fees(h.fees),
        "promises": present.promises(h),
        "coverage_note": h.coverage.note or "",
        "trust": present.trust(directory, entry).text,
        "warnings": paper_warnings(h),
    }


def service_content(directory: Directory, entry: Entry[Service]) -> dict:
    s = entry.record
    org = directory.organisations[s.organisation].record
    return {
        "id": entry.id,
        "name": s.name,
        "organisation": org.short_name or org.name,
        "lines": channel_lines(directory, s),
        "hours": _hours(s),
        "fees": _fees(s.fees),
        "promises": present.promises(s),
        "places": _places(s),
        "unverified": s.status == "unverified",
        "trust": present.trust(directory, entry).text,
        "warnings": paper_warnings(s),
    }


def _hours(record) -> str:
    """Opening hours, unless "24 jam" is already among the promises."""
    return "" if getattr(record.hours, "always", False) else hours_text(record)


def _fees(fees) -> str:
    """The fee label; "Gratis" is a promise, printed by `promises()`."""
    if getattr(fees, "kind", None) == "free":
        return ""
    return present.fee(fees).label


def _places(s: Service) -> list[str]:
    """Public addresses only: a confidential place (shelter) never reaches paper."""
    if not s.locations or s.locations == "unknown":
        return []
    found = []
    for loc in s.locations:
        if loc.confidential or not loc.address:
            continue
        found.append(", ".join(p for p in (loc.name, loc.address) if p))
    return found


def featured_hotlines(directory: Directory, material: Material, city: str) -> list[Entry]:
    """The material's hotlines that answer in this city, in the material's order; a
    national line the city has its own line for (present.hotlines_of_city) gives way to it."""
    lines = present.hotlines_of_city(directory, city)
    covering = {e.id for e in lines.all}
    ids = dict.fromkeys(lines.instead.get(h, h) for h in material.featured.hotlines)
    return [directory.hotlines[h] for h in ids if h in covering]


def city_services(directory: Directory, material: Material, city: str) -> list[Entry]:
    """Named services and the city's services of the material's kinds of help, in the
    printing order (complaint services first)."""
    return printing_order(
        [
            e
            for e in present.services_of_city(directory, city, present.PRINTED)
            if is_printed(e.id, e.record, material)
        ]
    )


def leaflet_content(
    directory: Directory, material_id: str, city: str, org_id: str | None, print_shop: bool
) -> dict:
    """Everything one PDF shows, as plain data."""
    material = directory.materials[material_id].record
    info = regions_mod.known(city)
    timezone = regions_mod.timezone_of(city)
    settings = directory.settings
    # A material names a publisher only when that office really issued it; otherwise
    # the paper says who compiled it (the directory), never a ministry by default.
    publisher = directory.organisations[material.publisher].record if material.publisher else None
    stamps = [STAMP_FICTIONAL] if settings.fictional else []
    if not settings.public_url:
        stamps.append(STAMP_NO_URL)
    return {
        "id": material_id,
        "kind": material.kind,
        "profile": "shop" if print_shop else "home",
        "title": material.title,
        "lang": material.language,
        "key_messages": list(material.key_messages),
        "sections": [{"heading": s.heading, "html": markdown(s.text)} for s in material.sections],
        "licence": material.licence,
        "version": material.version,
        "date": long_date(material.date),
        # Font subsets carry a timestamp: the material's own date, never the clock.
        "epoch": int(datetime.combine(material.date, time(), UTC).timestamp()),
        "publisher": publisher.name if publisher else None,
        "city": {"code": city, "name": info.name, "timezone": timezone},
        "site_name": settings.site_name,
        "city_url": urls.absolute(settings.public_url, urls.city_url(city))
        if settings.public_url
        else None,
        "hotlines": [
            hotline_content(directory, e) for e in featured_hotlines(directory, material, city)
        ],
        "services": [
            service_content(directory, e) for e in city_services(directory, material, city)
        ],
        "cobrand": _cobrand(directory, org_id),
        "stamps": stamps,
    }


def _cobrand(directory: Directory, org_id: str | None) -> dict | None:
    if org_id is None:
        return None
    org = directory.organisations[org_id].record
    logo = None
    if org.logo:
        found = logo_path(directory.root, org.logo)  # inside directory/assets/, no symlink
        logo = str(found) if found else None
    return {"id": org_id, "name": org.name, "logo": logo}
