"""What one leaflet shows: plain data gathered from the Directory (issue 5).

`leaflet_content()` turns (material, city, organisation) into a JSON-able dict. The
templates render only this dict, and its hash is the cache key of the output, so a
PDF is re-rendered exactly when something it shows has changed.
"""

from __future__ import annotations

from datetime import UTC, datetime, time

from .. import markup, urls
from .. import regions as regions_mod
from ..dates import long_date
from ..directory import Directory, Entry
from ..logo import path_of as logo_path
from ..models import Channel, Hotline, Hours, Material, Service

DAYS = {"mon": "Senin", "tue": "Selasa", "wed": "Rabu", "thu": "Kamis", "fri": "Jumat"}
DAYS |= {"sat": "Sabtu", "sun": "Minggu"}
DAY_ORDER = list(DAYS)

CHANNEL_LABELS = {
    "phone": "Telepon",
    "whatsapp": "WhatsApp",
    "sms": "SMS",
    "email": "Email",
    "website": "Situs web",
    "form": "Formulir online",
    "app": "Aplikasi",
    "walk_in": "Datang langsung",
}
FEES = {"free": "Gratis", "paid": "Berbayar", "varies": "Biaya tergantung layanan"}
PRINTED_STATUSES = ("active", "unverified")

STAMP_FICTIONAL = "CONTOH — FIKTIF"
STAMP_NO_URL = "CONTOH — alamat situs belum diatur"


def trust_text(directory: Directory, entry: Entry) -> str:
    """`dikonfirmasi <date>` only for a direct confirmation, else the source date."""
    verified = getattr(entry.record, "verified_on", None)
    if verified is not None:
        return f"dikonfirmasi {long_date(verified)}"
    latest = directory.latest_source_date(entry)
    if latest is None:
        return "belum ada sumber"
    return f"dari sumber publik {long_date(latest)}"


def hours_text(hours: Hours | str | None, timezone: str) -> str:
    if hours is None or hours == "unknown":
        return "Jam layanan belum diketahui"
    if hours.always:
        return "24 jam setiap hari"
    parts = [
        f"{_days_text(p.days)} {p.opens.replace(':', '.')}–{p.closes.replace(':', '.')} {timezone}"
        for p in hours.weekly or []
    ]
    if hours.public_holidays == "closed":
        parts.append("libur nasional tutup")
    text = "; ".join(parts) or "Jam layanan belum diketahui"
    return f"{text}. {hours.note}" if hours.note else text


def _days_text(days: list[str]) -> str:
    idx = sorted(DAY_ORDER.index(d) for d in days)
    if len(idx) >= 3 and idx == list(range(idx[0], idx[-1] + 1)):
        return f"{DAYS[DAY_ORDER[idx[0]]]}–{DAYS[DAY_ORDER[idx[-1]]]}"
    return ", ".join(DAYS[DAY_ORDER[i]] for i in idx)


def channel_lines(directory: Directory, channels, timezone: str) -> list[dict]:
    """Printable contact lines. Numbers flagged `recheck` are left off paper."""
    if not channels or channels == "unknown":
        return []
    return [_channel(directory, c, timezone) for c in channels if not c.recheck]


def _channel(directory: Directory, c: Channel, timezone: str) -> dict:
    label = c.label or CHANNEL_LABELS[c.type]
    value = c.value or ""
    if c.hotline:
        # Reached through a hotline: print that hotline's own number, from its record.
        hotline = directory.hotlines[c.hotline].record
        label = c.label or f"Lewat {hotline.name}"
        numbers = [h.value for h in hotline.channels if h.type == c.type and h.value]
        numbers = numbers or [h.value for h in hotline.channels if h.type == "phone" and h.value]
        value = numbers[0] if numbers else hotline.name
    line = {"type": c.type, "label": label, "value": value, "note": c.note or ""}
    line["hours"] = hours_text(c.hours, timezone) if c.hours else ""
    return line


def markdown(text: str | None) -> str:
    """Safe HTML for a leaflet: the same sanitiser as the site (`generator/markup.py`)."""
    return str(markup.render(text))


def hotline_content(directory: Directory, entry: Entry[Hotline], timezone: str) -> dict:
    h = entry.record
    return {
        "id": entry.id,
        "name": h.name,
        "purpose": markdown(h.purpose),
        "lines": channel_lines(directory, h.channels, timezone),
        "hours": hours_text(h.hours, timezone),
        "fees": _fees(h.fees),
        "coverage_note": h.coverage.note or "",
        "trust": trust_text(directory, entry),
    }


def service_content(directory: Directory, entry: Entry[Service], timezone: str) -> dict:
    s = entry.record
    org = directory.organisations[s.organisation].record
    return {
        "id": entry.id,
        "name": s.name,
        "organisation": org.short_name or org.name,
        "lines": channel_lines(directory, s.channels, timezone),
        "hours": hours_text(s.hours, timezone),
        "fees": _fees(s.fees),
        "places": _places(s),
        "unverified": s.status == "unverified",
        "trust": trust_text(directory, entry),
    }


def _fees(fees) -> str:
    if fees is None or fees == "unknown":
        return ""
    return FEES[fees.kind]


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
    """The material's hotlines that answer in this city, in the material's order."""
    covering = {e.id for e in directory.hotlines_for_city(city)}
    return [directory.hotlines[h] for h in material.featured.hotlines if h in covering]


def city_services(directory: Directory, material: Material, city: str) -> list[Entry]:
    """Named services and the city's services of the material's kinds of help."""
    wanted = set(material.featured.categories)
    named = set(material.featured.services)
    return [
        e
        for e in directory.services_covering_city(city)
        if e.record.status in PRINTED_STATUSES
        and (e.id in named or wanted.intersection(e.record.categories))
    ]


def leaflet_content(
    directory: Directory, material_id: str, city: str, org_id: str | None, print_shop: bool
) -> dict:
    """Everything one PDF shows, as plain data."""
    material = directory.materials[material_id].record
    info = regions_mod.lookup(city)
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
            hotline_content(directory, e, timezone)
            for e in featured_hotlines(directory, material, city)
        ],
        "services": [
            service_content(directory, e, timezone)
            for e in city_services(directory, material, city)
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
