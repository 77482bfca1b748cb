"""Address-like text, coordinates and map links in free text: the second line of defence.

The first line is the allow-list (`confidential.py`): a shelter's free text is never
published. This scan is for what a careless or hostile editor writes anyway, so it reads
text the way a person would: after Unicode normalisation (compatibility forms, accents
and other combining marks, zero-width and bidi controls removed, Cyrillic and Greek
look-alike letters mapped to Latin), so `Jl`, `Ｊｌ.`, `J\u200bl.` and `Jаlan` (Cyrillic
`а`) are all the same street word.

Severity by place (written down in CONTRIBUTING.md, "Alamat dan rumah aman"):

- every text of a confidential service (a confidential location, or temporary shelter
  as its only kind of help): any street or estate word, landmark direction,
  coordinates or map link is an error (E-CONFIDENTIAL-TEXT);
- any other text that names a shelter (rumah aman, shelter, penampungan) and also
  holds an address, coordinates or a map link: error (E-SHELTER-ADDRESS);
- any other free text holding a map link (Google Maps, OpenStreetMap, Waze...):
  warning (W-MAP-IN-TEXT): a public office's place belongs in `locations`;
- a street address or coordinates alone in public text (a public office): no problem.

Imports no models: it runs in the reader processes (`check/rules/addresses.py`).
Every pattern runs in linear time (no nested or adjacent unbounded repeats; possessive
`*+` where two could meet), so a hostile file cannot stall `check`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from typing import Any

# Cyrillic and Greek letters that look like Latin ones, from Unicode's confusables list
# (https://www.unicode.org/Public/security/latest/confusables.txt), lowercase and upper.
_LOOKALIKES = {
    "а": "a", "в": "b", "е": "e", "ё": "e", "з": "3", "һ": "h", "і": "i", "ї": "i",
    "ј": "j", "к": "k", "л": "n", "м": "m", "н": "h", "о": "o", "п": "n", "р": "p",
    "с": "c", "т": "t", "у": "y", "х": "x", "ѕ": "s", "ԁ": "d", "ԛ": "q", "ԝ": "w",
    "ӏ": "l", "ɡ": "g", "ı": "i", "ℓ": "l",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "У": "Y", "Х": "X", "І": "I", "Ј": "J", "Ѕ": "S", "Ԁ": "D",
    "α": "a", "β": "b", "ε": "e", "ι": "i", "κ": "k", "ν": "v", "ο": "o", "ρ": "p",
    "τ": "t", "υ": "u", "χ": "x", "γ": "y",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}  # fmt: skip
_LOOKALIKE_TABLE = str.maketrans(_LOOKALIKES)
# Dropped before matching: combining marks (J̲alan), format characters (zero-width
# spaces and joiners, bidi controls, soft hyphen: https://www.unicode.org/reports/tr9/).
_DROPPED = frozenset(("Mn", "Me", "Cf"))


def normalise(text: str) -> str:
    """`text` as the scan reads it (ASCII text is already so)."""
    if text.isascii():
        return text
    if "\u202e" in text or "\u2067" in text:  # right-to-left override: read both ways
        text = f"{text} {text[::-1]}"
    decomposed = unicodedata.normalize("NFKD", text)
    kept = "".join(ch for ch in decomposed if unicodedata.category(ch) not in _DROPPED)
    text = unicodedata.normalize("NFKC", kept.translate(_LOOKALIKE_TABLE))
    if text.isascii():
        return text
    # Decimal digits of other scripts (Arabic-Indic, Devanagari...) read as 0-9.
    return "".join(str(unicodedata.decimal(ch)) if ch.isdecimal() else ch for ch in text)


# A house number ("No. 7A") never starts with 0 (that is a phone number: "nomor 021-129")
# and is not followed by "Tahun" (a regulation: "Permen PPPA No. 4 Tahun 2018").
_STREET = (
    r"jalan|jl|jln|gg|gang|lorong|perum|perumahan|komplek|kompleks|komp|griya|btn"
    r"|residen(?:ce|si)|regency|cluster|blok\s+\w+|dusun\s+\w+|dsn\s+\w+|desa\s+\w+"
    r"|kampung\s+\w+|kel(?:urahan)?\.?\s+\w+|kec(?:amatan)?\.?\s+\w+"
    r"|rt\.?\s*+/?\s*+\d+|rw\.?\s*+\d+|rt\s*+/\s*+rw|no\.?\s*+(?!0)\d++(?!\s*+tahun)|nomor\s++(?!0)\d++(?!\s*+tahun)"
)
_LANDMARK = (
    r"masjid|mesjid|musala|mushola|musholla|surau|langgar|gereja|pura|vihara|klenteng"
    r"|pasar|sekolah|sd|smp|sma|smk|madrasah|pesantren|kantor|puskesmas|rs|rumah\s+sakit"
    r"|klinik|alun-alun|terminal|stasiun|jembatan|lapangan|sungai|kali|spbu|pom\s+bensin"
    r"|minimarket|indomaret|alfamart|toko|warung|pabrik|makam|balai|polsek|koramil"
    r"|bank|hotel|kampus|gedung|perempatan|pertigaan|lampu\s+merah|bundaran|gapura|rel"
)
_DIRECTION = (
    r"belakang|depan|samping|sebelah|seberang|dekat|ujung|pojok|sekitar|utara|selatan|timur|barat"
)
_COORDINATES = (
    # latitude, longitude as Indonesia has them (lon 94..149), dot or comma decimals
    r"(?<![\d.,])-?\d{1,2}[.,]\d{2,}(?:\s*+[,;/]\s*+|\s++)(?:9[4-9]|1[0-4]\d)[.,]\d{2,}(?!\d)"
    r"|\d{1,3}\s*+°\s*+\d{1,2}"
    r"|\b(?:lat|lng|lon|latitude|longitude|lintang|bujur)\s*+[:=]?\s*+-?\d"
    r"|\b[2-9cfghjmpqrvwx]{4,8}\+[2-9cfghjmpqrvwx]{2,3}\b"  # Open Location Code (Plus Code)
)
_MAP_LINK = (
    r"maps\.google|google\.[a-z.]+/maps|goo\.gl/maps|maps\.app\.goo\.gl|\bg\.page/"
    r"|openstreetmap\.org|\bosm\.org|waze\.com|maps\.apple|bing\.com/maps|here\.com/"
    r"|wikimapia|\bgeo:\s*+-?\d"
)
_SHELTER = r"rumah\s+aman|shelter|penampungan|safe\s*house|rumah\s+perlindungan|rumah\s+singgah"

ADDRESS_RE = re.compile(
    rf"\b(?:{_STREET})\b"
    rf"|\b(?:{_DIRECTION})\s+(?:\w+\s+){{0,2}}?(?:{_LANDMARK})\b|\b(?:sebelah|seberang)\b"
    rf"|{_COORDINATES}|{_MAP_LINK}",
    re.IGNORECASE,
)
MAP_LINK_RE = re.compile(_MAP_LINK, re.IGNORECASE)
SHELTER_RE = re.compile(rf"\b(?:{_SHELTER})\b", re.IGNORECASE)

# Keys whose values are ids, codes, dates or choices, never prose.
STRUCTURED = frozenset(
    [
        "organisation",
        "categories",
        "audiences",
        "service_area",
        "status",
        "languages",
        "type",
        "hotline",
        "region",
        "regions",
        "operator",
        "publisher",
        "parent",
        "member_of",
        "services",
        "hotlines",
        "organisations",
        "days",
        "opens",
        "closes",
        "kind",
        "public_holidays",
        "date",
        "verified_on",
        "verified_how",
        "level",
        "language",
        "cities",
        "code",
        "id",
        "logo",
    ]
)
# Where a public record may hold a map link or coordinates without a warning: web
# addresses of sources and channels (a public office's own map page is not prose).
LINK_FIELDS = frozenset(("url", "value", "public_url", "repo_url", "quick_exit_url"))

# Taxonomy id of temporary shelter (`taxonomy/categories.yaml`): a service offering only
# this is a shelter, so every location of it must be confidential.
SHELTER_CATEGORY = "penampungan-sementara"

_FALSE = frozenset(("false", "no", "off", "0", "none"))

Found = tuple[tuple, str, str]  # (place in the record, code, what matched)


def is_confidential(data: dict) -> bool:
    """Raw-data twin of `confidential.is_confidential` (the readers have no models; the
    fast reader leaves scalars as text, so `true` may be `'true'`)."""
    locations = data.get("locations")
    if isinstance(locations, list) and any(
        isinstance(loc, dict) and str(loc.get("confidential", False)).lower() not in _FALSE
        for loc in locations
    ):
        return True
    return data.get("categories") == [SHELTER_CATEGORY]


def scan(data: dict, text: str | None) -> list[Found]:
    """Address-like text in one record's raw data, with the problem code for each."""
    if is_confidential(data):
        return [(loc, "E-CONFIDENTIAL-TEXT", m) for loc, m in _address_matches(data)]
    if text is not None and not _public_cues(text):
        return []  # no shelter word or map link anywhere in the file
    return list(_public(data))


_RUMAH_AMAN_RE = re.compile(r"rumah\s+aman")
_PENAMPUNGAN_RE = re.compile(r"penampungan(?!-sementara)")  # not the category id


def _public_cues(text: str) -> bool:
    """Whether a public record's file may hold anything `_public` reports.

    Plain substring look-ups on the whole file, about 7 µs a record: a regular expression
    over every file cost `check` seconds at 10,000 records (PERFORMANCE.md budget).
    """
    low = text.lower() if text.isascii() else normalise(text).lower()
    return bool(
        ("aman" in low and _RUMAH_AMAN_RE.search(low))
        or "shelter" in low
        or ("penampungan" in low and _PENAMPUNGAN_RE.search(low))
        or "map" in low
        or "waze" in low
        or "geo:" in low
    )


def _public(data: dict) -> Iterator[Found]:
    for loc, value in strings(data, ()):
        clean = normalise(value)
        if SHELTER_RE.search(clean):
            match = ADDRESS_RE.search(clean)
            if match:
                yield loc, "E-SHELTER-ADDRESS", match.group(0)
                continue
        if loc and loc[-1] in LINK_FIELDS:
            continue
        match = MAP_LINK_RE.search(clean)
        if match:
            yield loc, "W-MAP-IN-TEXT", match.group(0)


def _address_matches(data: dict) -> Iterator[tuple[tuple, str]]:
    for loc, value in strings(data, ()):
        clean = normalise(value)
        if _may_hold_address(clean):
            match = ADDRESS_RE.search(clean)
            if match:
                yield loc, match.group(0)


# Words without which ADDRESS_RE cannot match: a set look-up per value is ~20x cheaper
# than the expression (~0.5 s at 10,000 records with 1,000 shelters).
_WORD_RE = re.compile(r"[a-z]+")
_TRIGGERS = frozenset(
    [
        "jalan",
        "jl",
        "jln",
        "gg",
        "gang",
        "lorong",
        "perum",
        "perumahan",
        "komplek",
        "kompleks",
        "komp",
        "griya",
        "btn",
        "residence",
        "residensi",
        "regency",
        "cluster",
        "blok",
        "dusun",
        "dsn",
        "desa",
        "kampung",
        "kel",
        "kelurahan",
        "kec",
        "kecamatan",
        "rt",
        "rw",
        "no",
        "nomor",
        "sebelah",
        "seberang",
        "lat",
        "lng",
        "lon",
        "latitude",
        "longitude",
        "lintang",
        "bujur",
        "maps",
        "goo",
        "openstreetmap",
        "osm",
        "waze",
        "wikimapia",
        "geo",
        "apple",
        "bing",
        "here",
        "page",
    ]
)
_DIRECTIONS = frozenset(_DIRECTION.split("|"))
_LANDMARKS = frozenset(_WORD_RE.findall(_LANDMARK.replace("\\s+", " ")))
_CUE_RE = re.compile(r"\d[.,]\d\d|°|\+")


def _may_hold_address(text: str) -> bool:
    low = text.lower()
    words = set(_WORD_RE.findall(low))
    if not words.isdisjoint(_TRIGGERS) or _CUE_RE.search(low):
        return True
    return not words.isdisjoint(_DIRECTIONS) and not words.isdisjoint(_LANDMARKS)


def strings(value: Any, loc: tuple) -> Iterator[tuple[tuple, str]]:
    """Every free-text string in raw data, with its place (ids, codes, choices skipped)."""
    if isinstance(value, str):
        yield loc, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in STRUCTURED:
                yield from strings(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, (*loc, i))
