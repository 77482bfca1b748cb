"""Opening hours in words, in the local time of the record's region.

A service's hours are in the time zone of its first service area; a regional hotline's
in that of its first region; a national hotline answers in every zone, so its hours
read "waktu setempat" (local time).
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .. import regions
from ..models import Hotline, Hours
from .labels import DAYS, HOLIDAYS

ORDER = list(DAYS)
LOCAL_TIME = "waktu setempat"
# JavaScript's Date.getUTCDay(): Sunday is 0.
JS_DAY = {d: (i + 1) % 7 for i, d in enumerate(ORDER)}


def record_region(record) -> str | None:
    """The region whose clock a record's hours follow; None for a national hotline."""
    if isinstance(record, Hotline):
        cov = record.coverage
        return None if cov.level == "national" or not cov.regions else cov.regions[0]
    return record.service_area[0]


def zone(region: str | None) -> str:
    return regions.timezone_of(region) if region else LOCAL_TIME


def record_hours(record) -> list[str]:
    """`hours_lines` of a service's or hotline's own hours."""
    return hours_lines(record.hours, record_region(record))


def hours_lines(hours, region: str | None) -> list[str]:
    """Readable lines, e.g. ["Senin–Kamis 08.00–15.30 WIB", "Tutup pada hari libur nasional"]."""
    if not isinstance(hours, Hours):
        return []
    tz = zone(region)
    lines = ["24 jam setiap hari"] if hours.always else []
    for p in hours.weekly or []:
        lines.append(f"{_day_span(p.days)} {_clock(p.opens)}–{_clock(p.closes)} {tz}")
    holiday = HOLIDAYS.get(hours.public_holidays or "", "")
    if hours.always and hours.public_holidays == "open":
        holiday = ""  # "24 jam setiap hari" says it already
    return lines + ([holiday] if holiday else [])


def hours_line(hours, region: str | None) -> str:
    """One line for paper: the lines joined by "; ", then the note ('' when unknown)."""
    text = "; ".join(hours_lines(hours, region))
    note = hours.note if isinstance(hours, Hours) and hours.note else ""
    return f"{text}. {note}" if text and note else text or note


def is_always(hours) -> bool:
    return isinstance(hours, Hours) and hours.always


def hours_json(hours, region: str | None) -> str:
    """The `data-hours` attribute read by assets/hours.js; '' when not computable (a
    national line has no one clock)."""
    if region is None or not isinstance(hours, Hours) or not (hours.always or hours.weekly):
        return ""
    data: dict = {"utc": regions.UTC_OFFSETS[regions.timezone_of(region)]}
    if hours.always:
        data["always"] = True
    else:
        data["weekly"] = [
            [sorted(JS_DAY[d] for d in p.days), p.opens, p.closes] for p in hours.weekly or []
        ]
    return json.dumps(data, sort_keys=True, separators=(",", ":"))


def _day_span(days: Sequence[str]) -> str:
    idx = sorted(ORDER.index(d) for d in set(days))
    if len(idx) > 2 and idx == list(range(idx[0], idx[-1] + 1)):
        return f"{DAYS[ORDER[idx[0]]]}–{DAYS[ORDER[idx[-1]]]}"
    if len(idx) == 7:
        return "Setiap hari"
    return ", ".join(DAYS[ORDER[i]] for i in idx)


def _clock(value: str) -> str:
    return value.replace(":", ".")
