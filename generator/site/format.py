"""Turning record fields into what a reader sees: numbers, hours, dates, languages.

Pure functions of the record (and the directory for short codes and hotlines); the
templates only place their results.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from datetime import date

from markupsafe import Markup

from .. import markup, phones, regions
from ..dates import long_date  # noqa: F401 - the `date` filter of the templates
from ..models import Channel, Hours

DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
DAY_NAMES = dict(
    zip(DAYS, ["Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu"], strict=True)
)
# JavaScript's Date.getUTCDay(): Sunday is 0.
JS_DAY = {d: (i + 1) % 7 for i, d in enumerate(DAYS)}
LANGUAGES = {
    "id": "Bahasa Indonesia", "jv": "Bahasa Jawa", "su": "Bahasa Sunda", "mad": "Bahasa Madura",
    "bug": "Bahasa Bugis", "mak": "Bahasa Makassar", "ban": "Bahasa Bali", "min": "Bahasa Minang",
    "tol": "Bahasa Tolaki", "en": "Bahasa Inggris", "ar": "Bahasa Arab", "bjn": "Bahasa Banjar",
    "sgn": "Bahasa isyarat", "ins": "Bahasa isyarat", "bzs": "Bahasa isyarat",
}  # fmt: skip
FEES = {"free": "Gratis", "paid": "Berbayar", "varies": "Biaya tergantung layanan"}

# The one sanitiser for site and print lives in `generator/markup.py`.
render_markdown = markup.render
plain_text = markup.plain


def shorten(text: str, limit: int = 160) -> str:
    """Cut at a word boundary, with an ellipsis when cut (meta descriptions)."""
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0].rstrip(",.;:") + "…"


def language_names(codes) -> list[str]:
    if not codes or codes == "unknown":
        return []
    return [LANGUAGES.get(code, code) for code in codes]


def fee_text(fees) -> tuple[str, str]:
    """(label, note) for a fees field; ('', '') when not known."""
    if fees is None or fees == "unknown":
        return "", ""
    return FEES[fees.kind], fees.note or ""


# --- phone numbers ------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    display: str  # national format, e.g. 0812-3456-7890 or (0285) 421234
    e164: str  # +6281234567890, or the short code itself (129)
    short: bool


def parse_number(value: str, short_codes) -> Number:
    """Short codes (129, 110, 112) stay as they are; others E.164 for links, national for reading."""
    digits = phones.digits(value)
    if digits in short_codes:
        return Number(digits, digits, True)
    e164 = phones.e164(value)
    if e164 is None:  # `check` rejects these; never guess a number
        return Number(value, digits, False)
    return Number(phones.national(value) or value, e164, False)


@dataclass(frozen=True)
class Action:
    """One way to make contact, as a button or line."""

    kind: str  # call, whatsapp, sms, email, website, form, app, walk_in
    label: str  # button text, e.g. "Telepon 129"
    href: str | None
    value: str = ""  # the number or address shown (for print)
    note: str = ""  # channel label / note
    recheck: str = ""
    via_hotline: str = ""  # hotline id when the channel goes through a hotline


ACTION_WORDS = {"call": "Telepon", "whatsapp": "WhatsApp", "sms": "SMS"}
LINK_WORDS = {"website": "Situs web", "form": "Formulir online", "app": "Aplikasi"}


def channel_actions(channel: Channel, short_codes, hotlines) -> list[Action]:
    note = ", ".join(x for x in (channel.label, channel.note) if x)
    if channel.type == "walk_in" and note.lower() == "datang langsung":
        note = ""
    recheck = channel.recheck or ""
    if channel.hotline:
        entry = hotlines.get(channel.hotline)
        if entry is None:
            return []
        actions = []
        for ch in entry.record.channels:
            for a in channel_actions(ch, short_codes, {}):
                if a.kind in ACTION_WORDS:
                    actions.append(
                        Action(
                            a.kind, a.label, a.href, a.value, entry.record.name, recheck, entry.id
                        )
                    )
        return actions
    kind = "call" if channel.type == "phone" else channel.type
    value = channel.value or ""
    if kind in ACTION_WORDS and value:
        number = parse_number(value, short_codes)
        href = {
            "call": f"tel:{number.e164}",
            "whatsapp": f"https://wa.me/{number.e164.lstrip('+')}",
            "sms": f"sms:{number.e164}",
        }[kind]
        return [
            Action(
                kind, f"{ACTION_WORDS[kind]} {number.display}", href, number.display, note, recheck
            )
        ]
    if kind == "email" and value:
        return [Action(kind, f"Email {value}", f"mailto:{value}", value, note, recheck)]
    if kind in LINK_WORDS and value:
        return [Action(kind, LINK_WORDS[kind], value, value, note, recheck)]
    if kind == "walk_in":
        return [Action(kind, "Datang langsung", None, "", note, recheck)]
    return []


def actions_for(channels, short_codes, hotlines) -> list[Action]:
    if not channels or channels == "unknown":
        return []
    out: list[Action] = []
    for channel in channels:
        for action in channel_actions(channel, short_codes, hotlines):
            if action not in out:
                out.append(action)
    return out


# --- hours --------------------------------------------------------------------------


def _day_span(days: list[str]) -> str:
    idx = sorted(DAYS.index(d) for d in set(days))
    if len(idx) > 2 and idx == list(range(idx[0], idx[-1] + 1)):
        return f"{DAY_NAMES[DAYS[idx[0]]]}–{DAY_NAMES[DAYS[idx[-1]]]}"
    if len(idx) == 7:
        return "Setiap hari"
    return ", ".join(DAY_NAMES[DAYS[i]] for i in idx)


def _clock(value: str) -> str:
    return value.replace(":", ".")


def hours_lines(hours, region_code: str) -> list[str]:
    """Readable lines, e.g. ["Senin–Kamis 08.00–15.30 WIB", "Tutup pada hari libur nasional"]."""
    if hours is None or hours == "unknown":
        return []
    tz = regions.timezone_of(region_code)
    lines = []
    if hours.always:
        lines.append("24 jam, setiap hari")
    for period in hours.weekly or []:
        lines.append(
            f"{_day_span(period.days)} {_clock(period.opens)}–{_clock(period.closes)} {tz}"
        )
    if hours.public_holidays == "closed":
        lines.append("Tutup pada hari libur nasional")
    elif hours.public_holidays == "open":
        lines.append("Buka pada hari libur nasional")
    return lines


def is_always(hours) -> bool:
    return isinstance(hours, Hours) and hours.always


def hours_json(hours, region_code: str) -> str:
    """The `data-hours` attribute read by assets/hours.js; '' when not computable."""
    if not isinstance(hours, Hours) or not (hours.always or hours.weekly):
        return ""
    data: dict = {"utc": regions.UTC_OFFSETS[regions.timezone_of(region_code)]}
    if hours.always:
        data["always"] = True
    else:
        data["weekly"] = [
            [sorted(JS_DAY[d] for d in p.days), p.opens, p.closes] for p in hours.weekly or []
        ]
    return json.dumps(data, sort_keys=True, separators=(",", ":"))
