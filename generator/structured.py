"""The structured form of hours, fees and languages written as plain text.

Staff often write `hours: Senin-Jumat 08.00-15.00`, `fees: gratis` or `languages:
Bahasa Indonesia dan Jawa`. Offering only `unknown` would erase what they know, so the
message shows the same facts in the form the field takes, one line of YAML flow style
they can paste. Anything not understood is kept in a `note`.
"""

from __future__ import annotations

import json
import re

DAYS = {
    "senin": "mon", "selasa": "tue", "rabu": "wed", "kamis": "thu", "jumat": "fri",
    "jum'at": "fri", "sabtu": "sat", "minggu": "sun", "ahad": "sun",
    "monday": "mon", "tuesday": "tue", "wednesday": "wed", "thursday": "thu",
    "friday": "fri", "saturday": "sat", "sunday": "sun",
}  # fmt: skip
ORDER = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
LANGUAGES = {
    "indonesia": "id", "bahasa indonesia": "id", "jawa": "jv", "sunda": "su",
    "madura": "mad", "bugis": "bug", "makassar": "mak", "bali": "ban", "minang": "min",
    "minangkabau": "min", "banjar": "bjn", "tolaki": "lbw", "inggris": "en",
    "english": "en", "arab": "ar", "mandarin": "zh", "isyarat": "sgn", "bisindo": "sgn",
}  # fmt: skip
DAY_WORD = "|".join(sorted(DAYS, key=len, reverse=True)).replace("'", "'?")
PERIOD_RE = re.compile(
    rf"(?P<first>{DAY_WORD})(?:\s*(?:-|–|s/?d|sampai)\s*(?P<last>{DAY_WORD}))?"
    r"[\s,:]*(?:pukul|jam)?\s*(?P<opens>\d{1,2}[.:]\d{2})\s*(?:-|–|s/?d|sampai)\s*"
    r"(?P<closes>\d{1,2}[.:]\d{2})",
    re.IGNORECASE,
)


def flow(key: str, value) -> str:
    """`key: value` on one line of YAML flow style (JSON is valid YAML)."""
    return f"{key}: {json.dumps(value, ensure_ascii=False)}"


def hours(text: str) -> str:
    if re.search(r"24\s*jam|setiap saat|24/7", text, re.IGNORECASE):
        return flow("hours", {"always": True, "note": text})
    weekly = [_period(m) for m in PERIOD_RE.finditer(text)]
    if not weekly:  # not understood: nothing is lost, the words go into `notes`
        return f"hours: unknown; notes: {json.dumps(text, ensure_ascii=False)}"
    return flow("hours", {"weekly": weekly})


def _period(m: re.Match) -> dict:
    first = DAYS[m["first"].lower().replace("'", "")] if m["first"] else "mon"
    last = DAYS[m["last"].lower().replace("'", "")] if m["last"] else first
    days = ORDER[ORDER.index(first) : ORDER.index(last) + 1] or [first]
    return {"days": days, "opens": _time(m["opens"]), "closes": _time(m["closes"])}


def _time(text: str) -> str:
    hour, minute = re.split(r"[.:]", text)
    return f"{int(hour):02d}:{minute}"


def fees(text: str) -> str:
    lower = text.lower()
    if re.search(r"gratis|tidak dipungut|tanpa biaya|bebas biaya|free", lower):
        kind = "free"
    elif re.search(r"tergantung|bervariasi|ada yang", lower):
        kind = "varies"
    elif re.search(r"bayar|rp|biaya|tarif", lower):
        kind = "paid"
    else:
        return flow("fees", {"kind": "varies", "note": text})
    return flow(
        "fees",
        {"kind": kind} if lower.strip() in {"gratis", "free"} else {"kind": kind, "note": text},
    )


def languages(text: str) -> str:
    parts = re.split(r",|;|/|\bdan\b|\band\b|&", text, flags=re.IGNORECASE)
    codes = []
    for part in parts:
        name = re.sub(r"^\s*(bahasa|bhs\.?)\s+", "", part.strip(), flags=re.IGNORECASE).lower()
        code = LANGUAGES.get(name) or LANGUAGES.get(f"bahasa {name}")
        if code and code not in codes:
            codes.append(code)
    return flow("languages", codes) if codes else ""


SUGGEST = {"hours": hours, "fees": fees, "languages": languages}


def suggestion(field: str, value: object) -> str:
    """The structured form for a field written as text, or "" when there is none."""
    make = SUGGEST.get(field)
    if make is None or not isinstance(value, str) or value.strip() == "unknown":
        return ""
    return make(value.strip())
