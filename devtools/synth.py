"""A synthetic national directory for benchmarks.

`synthesize(out, records, seed)` writes a complete directory root of `records`
services spread over real regions of the national table, with fictional
organisations and numbers that are valid in format (phonenumbers, region ID). The
directory declares itself fictional, so every output built from it carries the
"CONTOH — FIKTIF" stamp; no real organisation's name ever appears with an
invented number.

Deterministic for a seed: one `random.Random(seed)`, regions and records visited in
sorted order, dates fixed (no wall clock), files written in sorted order.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import random
import re
import shutil
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path

import phonenumbers
import yaml

from generator import regions as regions_mod
from generator.paths import FICTIONAL, REAL_ROOT

log = logging.getLogger(__name__)

# Every date in the synthetic directory lies on or before this day, so a check with
# `today=AS_OF` (or any later day) never sees a future date.
AS_OF = date(2026, 6, 30)

# Kind folder -> schema file name used in the yaml-language-server header.
SCHEMA_NAMES = {
    "regions": "region",
    "organisations": "organisation",
    "services": "service",
    "hotlines": "hotline",
    "materials": "material",
    "pathways": "pathway",
}
HEADER = "# yaml-language-server: $schema=../schema/{name}.schema.json\n"
FILE_HEADERS = {
    "settings.yaml": "settings",
    "short-codes.yaml": "short-codes",
    "taxonomy/categories.yaml": "categories",
    "taxonomy/audiences.yaml": "audiences",
    "taxonomy/synonyms.yaml": "synonyms",
}

# Real cities given fixed large sizes (share of N), the "300 city" first.
CITY_300 = "33.74"  # Kota Semarang: exactly 300 services when N >= 1,000
LARGE_CITIES = {"35.78": 0.06, "12.71": 0.035, "73.71": 0.025, "32.73": 0.02}
PROVINCE_SHARE = 0.05
MEAN_SMALL_CITY = 15

# --- word lists ------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return text.split()


ADJECTIVES = _words(
    "Pelita Harapan Cahaya Mentari Melati Sejahtera Bersama Peduli Kasih Damai Sahabat "
    "Lentera Cendana Kenanga Teratai Anggrek Samudra Pelangi Bintang Rembulan Gemilang "
    "Bakti Setia Sentosa Mandiri Lestari Cerah Tunas Embun Fajar Sinar Merpati Kartika"
)
NOUNS = _words(
    "Nusa Insani Keluarga Bangsa Bunda Pertiwi Ceria Mulia Utama Jaya Abadi Sakinah "
    "Sehati Muda Raya Madani Permata Rumpun Serumpun Amanah"
)
STREETS = _words(
    "Melati Kenanga Flamboyan Cempaka Merdeka Pahlawan Diponegoro Veteran Sudirman "
    "Pemuda Kartini Mawar Nangka Durian Manggis Rambutan Kelapa Cemara Beringin Angsana"
)

OPENERS = ["Layanan ini", "Petugas kami", "Tim pendamping", "Unit ini", "Kami", "Relawan kami"]
VERBS = [
    "membantu",
    "mendampingi",
    "melayani",
    "menerima pengaduan dari",
    "memberi konseling kepada",
    "merujuk",
    "melindungi",
    "mendengarkan",
]
OBJECTS = [
    "perempuan korban kekerasan",
    "anak yang mengalami kekerasan",
    "keluarga korban",
    "remaja yang butuh teman bicara",
    "penyandang disabilitas",
    "korban kekerasan dalam rumah tangga",
    "ibu dan anak",
    "korban pelecehan seksual",
]
TAILS = [
    "secara gratis",
    "tanpa biaya",
    "dengan menjaga kerahasiaan",
    "pada hari kerja",
    "bersama mitra setempat",
    "sampai kasusnya selesai",
    "dengan ramah dan aman",
    "di seluruh wilayah kota",
    "dengan bahasa yang mudah dipahami",
]
EXTRA = [
    "Semua cerita dijaga kerahasiaannya.",
    "Korban bisa datang sendiri atau diantar keluarga.",
    "Petugas menjelaskan langkah berikutnya dengan bahasa sederhana.",
    "Jika perlu, korban dirujuk ke rumah sakit, polisi, atau lembaga bantuan hukum.",
    "Anak selalu didampingi orang dewasa yang dipercaya.",
    "Tidak perlu membawa surat pengantar.",
    "Pengaduan bisa disampaikan lewat telepon atau pesan singkat.",
    "Korban berhak memutuskan sendiri apa yang ingin dilakukan.",
    "Petugas perempuan siap melayani bila diminta.",
    "Layanan ini tidak memungut biaya apa pun.",
]

# Service kinds: name and words that pick matching taxonomy categories.
SERVICE_KINDS = [
    ("Pengaduan Kekerasan", ("pengaduan", "lapor", "report")),
    ("Konseling Psikologis", ("psiko", "konseling", "counsel")),
    ("Pendampingan Hukum", ("hukum", "legal")),
    ("Layanan Visum dan Kesehatan", ("kesehatan", "visum", "health", "medis")),
    ("Mediasi Keluarga", ("mediasi",)),
    ("Penjangkauan Korban", ("penjangkauan", "jangkau")),
    ("Pengelolaan Kasus", ("kasus", "case")),
    ("Kelas Pencegahan Kekerasan", ("pencegahan", "edukasi", "prevent")),
    ("Laporan ke Polisi", ("polisi", "police", "lapor")),
    ("Rumah Aman", ("aman", "shelter", "penampungan")),
]
SHELTER_KIND = "Rumah Aman"

ORG_KINDS = [
    ("government", "Kantor Contoh Perlindungan Anak"),
    ("police", "Unit Contoh Layanan Perempuan"),
    ("health", "Klinik Contoh"),
    ("legal_aid", "Lembaga Bantuan Hukum Contoh"),
    ("ngo", "Yayasan Fiktif"),
    ("ngo", "Perkumpulan Contoh"),
    ("religious_community", "Majelis Contoh"),
    ("womens_organisation", "Perkumpulan Perempuan Contoh"),
]

MOBILE_PREFIXES = _words(
    "0811 0812 0813 0821 0822 0823 0851 0852 0853 0814 0815 0816 0855 0856 0857 0858 "
    "0817 0818 0819 0859 0877 0878 0831 0832 0833 0838 0881 0882 0883 0895 0896 0897"
)

# Regional languages spoken next to Indonesian, by province code.
LANGUAGES = {
    "31": "bew",
    "32": "su",
    "33": "jv",
    "34": "jv",
    "35": "jv",
    "36": "su",
    "51": "ban",
    "73": "bug",
    "74": "bug",
    "12": "btk",
    "16": "mui",
}

# --- small helpers ---------------------------------------------------------------


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def base_name(region_name: str) -> str:
    """`Kota Semarang` -> `semarang`, `Kabupaten Aceh Selatan` -> `aceh selatan`."""
    return re.sub(
        r"^(kota administrasi|kabupaten administrasi|kabupaten|kota)\s+", "", region_name.lower()
    )


def area_codes() -> dict[str, str]:
    """City base name (lowercase) -> landline area code, from phonenumbers' geocoder."""
    from phonenumbers.geodata import GEOCODE_DATA

    codes: dict[str, str] = {}
    for prefix, names in sorted(GEOCODE_DATA.items()):
        if not prefix.startswith("62") or len(prefix) > 5:
            continue
        for place in names.get("id", names.get("en", "")).split("/"):
            codes.setdefault(place.strip().lower(), prefix[2:])
    return codes


@dataclass
class Numbers:
    """Issues unique, format-valid Indonesian numbers."""

    rng: random.Random
    area: dict[str, str]
    used: set[str] = field(default_factory=set)

    def mobile(self) -> str:
        while True:
            prefix = self.rng.choice(MOBILE_PREFIXES)
            rest = "".join(str(self.rng.randrange(10)) for _ in range(self.rng.choice((7, 8))))
            text = f"{prefix}-{rest[:4]}-{rest[4:]}"
            if self._fresh(text, phonenumbers.PhoneNumberType.MOBILE):
                return text

    def landline(self, city_name: str, province: str) -> str:
        code = self.area.get(base_name(city_name)) or ("21" if province == "31" else None)
        for _ in range(10):
            if code is None:
                break
            length = 8 if len(code) == 2 else 6
            rest = str(self.rng.randrange(2, 10)) + "".join(
                str(self.rng.randrange(10)) for _ in range(length - 1)
            )
            text = f"(0{code}) {rest}"
            if self._fresh(text, phonenumbers.PhoneNumberType.FIXED_LINE):
                return text
        return self.mobile()

    def _fresh(self, text: str, kind: int) -> bool:
        number = phonenumbers.parse(text, "ID")
        key = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        if key in self.used or not phonenumbers.is_valid_number(number):
            return False
        if phonenumbers.number_type(number) not in (
            kind,
            phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
        ):
            return False
        self.used.add(key)
        return True


def description(rng: random.Random, low: int = 30, high: int = 65) -> str:
    """Indonesian-looking text of roughly `low`..80 words."""
    target = rng.randint(low, high)
    sentences: list[str] = []
    words = 0
    while words < target:
        if rng.random() < 0.45:
            sentence = rng.choice(EXTRA)
        else:
            sentence = f"{rng.choice(OPENERS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(TAILS)}."
        sentences.append(sentence)
        words += len(sentence.split())
    return " ".join(sentences)


def past_date(rng: random.Random, max_days: int) -> date:
    return AS_OF - timedelta(days=rng.randrange(max_days))


def source(rng: random.Random) -> dict:
    return {"name": "Data contoh fiktif (dibuat oleh generator)", "date": past_date(rng, 900)}


def verification(rng: random.Random) -> dict:
    if rng.random() < 0.25:
        return {}
    return {
        "verified_on": past_date(rng, 200),
        "verified_by": "Petugas Direktori Contoh",
        "verified_how": rng.choice(["phone_call", "visit", "email"]),
    }


# --- taxonomy and list files -----------------------------------------------------

FALLBACK_TAXONOMY = {
    "taxonomy/categories.yaml": {
        "categories": [
            {"id": "pengaduan", "label": "Pengaduan", "description": "Menerima laporan kekerasan."},
            {
                "id": "konseling",
                "label": "Konseling",
                "description": "Teman bicara dan dukungan psikologis.",
            },
            {"id": "bantuan-hukum", "label": "Bantuan hukum", "description": "Pendampingan hukum."},
            {
                "id": "kesehatan",
                "label": "Kesehatan dan visum",
                "description": "Pemeriksaan dan perawatan.",
            },
            {
                "id": "rumah-aman",
                "label": "Rumah aman",
                "description": "Tempat tinggal sementara yang aman.",
            },
        ]
    },
    "taxonomy/audiences.yaml": {
        "audiences": [
            {"id": "perempuan", "label": "Perempuan", "description": "Perempuan dewasa."},
            {"id": "anak", "label": "Anak", "description": "Anak di bawah 18 tahun."},
            {"id": "keluarga", "label": "Keluarga", "description": "Keluarga korban."},
        ]
    },
    "taxonomy/synonyms.yaml": {
        "synonyms": [
            {"terms": ["kdrt", "kekerasan dalam rumah tangga"]},
            {"terms": ["rumah aman", "shelter"]},
        ]
    },
    "short-codes.yaml": {
        "short_codes": [
            {
                "code": "129",
                "name": "SAPA 129 (KemenPPPA)",
                "sources": [{"name": "frasa.id", "date": date(2025, 3, 27)}],
            }
        ]
    },
}


def template_root() -> Path | None:
    """The real directory, else the fictional test directory: where taxonomy comes from."""
    for root in (REAL_ROOT, FICTIONAL):
        if (root / "taxonomy" / "categories.yaml").is_file():
            return root
    return None


def list_files(template: Path | None) -> dict[str, str]:
    """Text of the taxonomy and short-code files, copied from the template root."""
    texts: dict[str, str] = {}
    for name, data in FALLBACK_TAXONOMY.items():
        path = template / name if template else None
        if path is not None and path.is_file():
            texts[name] = path.read_text(encoding="utf-8")
        else:
            texts[name] = list_header(name) + dump(data)
    if template is not None:  # so the yaml-language-server headers resolve in the copy too
        for schema in sorted((template / "schema").glob("*.schema.json")):
            texts[f"schema/{schema.name}"] = schema.read_text(encoding="utf-8")
    return texts


def list_header(name: str) -> str:
    """Header of a list file: its schema sits in `schema/` next to the directory root."""
    prefix = "../" if "/" in name else "./"
    return f"# yaml-language-server: $schema={prefix}schema/{FILE_HEADERS[name]}.schema.json\n"


def dump(data: dict) -> str:
    return yaml.dump(data, Dumper=yaml.CSafeDumper, sort_keys=False, allow_unicode=True, width=100)


def to_yaml(data: dict) -> str:
    """Block-style YAML for the record shapes made here, ~10x faster than yaml.dump.

    Strings are JSON-quoted (a JSON string is a valid YAML double-quoted scalar), so no
    value can turn into a number, date or boolean by accident.
    """
    lines: list[str] = []
    _mapping(data, "", lines)
    return "\n".join(lines) + "\n"


def _scalar(value) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    return str(value)  # int, float, date (ISO)


def _mapping(data: dict, pad: str, lines: list[str]) -> None:
    for key, value in data.items():
        if isinstance(value, dict) and value:
            lines.append(f"{pad}{key}:")
            _mapping(value, pad + "  ", lines)
        elif isinstance(value, list) and value:
            lines.append(f"{pad}{key}:")
            _sequence(value, pad + "  ", lines)
        else:
            lines.append(f"{pad}{key}: {_empty(value)}")


def _empty(value) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value)


def _sequence(items: list, pad: str, lines: list[str]) -> None:
    for item in items:
        if isinstance(item, dict) and item:
            start = len(lines)
            _mapping(item, pad + "  ", lines)
            lines[start] = f"{pad}- {lines[start][len(pad) + 2 :]}"
        else:
            lines.append(f"{pad}- {_empty(item)}")


@cache
def districts() -> dict[str, list[str]]:
    """City code -> its kecamatan codes, sorted."""
    index: dict[str, list[str]] = {}
    for code, info in sorted(regions_mod.table().items()):
        if info.level == 3 and info.name == info.name.strip():
            index.setdefault(code[:5], []).append(code)
    return index


# --- planning: which city gets how many services ----------------------------------


def plan(rng: random.Random, records: int) -> tuple[dict[str, int], int]:
    """(services per city code, number of province-level services)."""
    province = round(records * PROVINCE_SHARE)
    city_total = records - province
    sizes: dict[str, int] = {}
    if records >= 1000:
        sizes[CITY_300] = 300
        for code, share in LARGE_CITIES.items():
            sizes[code] = max(20, round(records * share))
    rest = city_total - sum(sizes.values())
    # A few table names carry a trailing space that `check` compares against; skip them.
    others = [
        c.code for c in regions_mod.cities() if c.code not in sizes and c.name == c.name.strip()
    ]
    count = max(1, min(len(others), rest // MEAN_SMALL_CITY))
    chosen = sorted(rng.sample(others, count))
    weights = [rng.lognormvariate(0, 0.6) for _ in chosen]
    sizes.update(zip(chosen, apportion(rest, weights), strict=True))
    return {c: n for c, n in sorted(sizes.items()) if n > 0}, province


def apportion(total: int, weights: list[float]) -> list[int]:
    """Split `total` by `weights` (largest remainder), each share at least 1 when possible."""
    scale = total / sum(weights)
    raw = [w * scale for w in weights]
    shares = [max(1, math.floor(r)) for r in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - math.floor(raw[i]), reverse=True)
    i = 0
    while sum(shares) < total:
        shares[order[i % len(order)]] += 1
        i += 1
    while sum(shares) > total:
        j = max(range(len(shares)), key=lambda k: shares[k])
        shares[j] -= 1
    return shares


# --- building records --------------------------------------------------------------


@dataclass
class Synth:
    """Accumulates records (folder -> id -> data) for one synthetic directory."""

    rng: random.Random
    numbers: Numbers
    categories: list[tuple[str, str]]  # (id, label)
    audiences: list[str]
    records: dict[str, dict[str, dict]] = field(
        default_factory=lambda: {k: {} for k in SCHEMA_NAMES}
    )
    emergency: list[str] = field(default_factory=list)

    def add(self, kind: str, base: str, data: dict) -> str:
        """Store `data` under a unique id derived from `base`; return the id."""
        folder = self.records[kind]
        rid, n = base, 2
        while rid in folder:
            rid, n = f"{base}-{n}", n + 1
        folder[rid] = data
        return rid

    # --- regions -----------------------------------------------------------------

    def region(self, code: str) -> None:
        info = regions_mod.lookup(code)
        self.records["regions"].setdefault(code, {"name": info.name})

    def district(self, city: str) -> str:
        """A random kecamatan of the city (registered as a region)."""
        options = districts().get(city, [])
        code = self.rng.choice(options) if options else city
        self.region(code)
        return code

    # --- hotlines ------------------------------------------------------------------

    def hotlines(self, provinces: list[str]) -> None:
        names = ["Saluran Contoh Darurat", "Saluran Contoh Perempuan", "Saluran Contoh Anak"]
        for order, name in enumerate(names, start=1):
            rid = self.add("hotlines", slug(name), self.hotline(name, order, "national", []))
            if order <= 2:
                self.emergency.append(rid)
        for prov in provinces[:5]:
            pname = regions_mod.lookup(prov).name
            name = f"Saluran Contoh Provinsi {pname}"
            self.add("hotlines", slug(name), self.hotline(name, 50, "province", [prov]))

    def hotline(self, name: str, order: int, level: str, regions: list[str]) -> dict:
        rng = self.rng
        data = {
            "name": name,
            "purpose": description(rng, 12, 24),
            "channels": [
                {
                    "type": "phone",
                    "value": self.numbers.landline("jabodetabek", "31"),
                    "label": "Telepon",
                },
                {"type": "whatsapp", "value": self.numbers.mobile(), "label": "WhatsApp"},
            ],
            "hours": {"always": True, "public_holidays": "open"},
            "fees": {"kind": "free"},
            "coverage": {"level": level, "regions": regions},
            "categories": [c for c, _ in rng.sample(self.categories, min(2, len(self.categories)))],
            "audiences": rng.sample(self.audiences, min(2, len(self.audiences))),
            "emergency": order <= 2,
            "order": order,
            "sources": [source(rng)],
        }
        data.update(verification(rng))
        return data

    # --- organisations -------------------------------------------------------------

    def organisation(self, kind: str, name: str, region: str, short: str | None = None) -> str:
        rng = self.rng
        info = regions_mod.lookup(region[:5])
        data: dict = {"name": name}
        if short:
            data["short_name"] = short
        data["kind"] = kind
        data["regions"] = [region]
        data["description"] = description(rng, 20, 40)
        channels = [
            {
                "type": "phone",
                "value": self.numbers.landline(info.name, region[:2]),
                "label": "Kantor",
            }
        ]
        if rng.random() < 0.5:
            channels.append(
                {"type": "email", "value": f"kontak@{slug(name)[:40].strip('-')}.example"}
            )
        if rng.random() < 0.3:
            channels.append(
                {"type": "website", "value": f"https://{slug(name)[:40].strip('-')}.example/"}
            )
        data["channels"] = channels
        data["sources"] = [source(rng)]
        data.update(verification(rng))
        return self.add("organisations", slug(name), data)

    def city_organisations(self, city: str, services: int) -> list[str]:
        """Organisations of one city: a government office first, then a mix."""
        cname = regions_mod.lookup(city).name
        ids = [
            self.organisation(
                "government", f"Kantor Contoh Perlindungan Anak {cname}", city, "KCPA"
            )
        ]
        for _ in range(max(0, math.ceil(services / 4) - 1)):
            kind, prefix = self.rng.choice(ORG_KINDS[1:])
            name = f"{prefix} {self.rng.choice(ADJECTIVES)} {self.rng.choice(NOUNS)} {cname}"
            ids.append(self.organisation(kind, name, city))
        if services >= 100:
            net = self.organisation("network", f"Forum Jaringan Contoh {cname}", city, "FJC")
            for oid in ids[1 : 1 + len(ids) // 3]:
                self.records["organisations"][oid]["member_of"] = [net]
        return ids

    # --- services --------------------------------------------------------------------

    def service(self, org: str, area: str, city: str | None) -> str:
        """One service of `org` serving `area` (a city or province code)."""
        rng = self.rng
        kind_name, words = rng.choice(SERVICE_KINDS)
        shelter = kind_name == SHELTER_KIND and city is not None
        org_name = self.records["organisations"][org]["name"]
        place = regions_mod.lookup(area).name
        data: dict = {
            "organisation": org,
            "name": f"{kind_name} {org_name.split(' ', 1)[1]}"
            if not shelter
            else f"{kind_name} {place}",
            "description": description(rng),
            "categories": self.pick_categories(words),
            "audiences": sorted(
                rng.sample(self.audiences, rng.randint(1, min(3, len(self.audiences))))
            ),
            "service_area": [area],
            "channels": self.channels(area, shelter),
            "hours": {"always": True, "public_holidays": "open"} if shelter else self.hours(),
            "fees": self.fees(),
            "languages": self.languages(area[:2]),
            "how_to_get_help": self.how_to(shelter),
            "locations": self.locations(city, shelter),
            "status": rng.choices(["active", "temporarily_closed", "unverified"], [90, 4, 6])[0],
            "sources": [source(rng)],
        }
        self.optional_fields(data, shelter)
        data.update(verification(rng))
        return self.add("services", f"{slug(kind_name)}-{slug(place)}", data)

    def pick_categories(self, words: tuple[str, ...]) -> list[str]:
        matching = [
            cid
            for cid, label in self.categories
            if any(w in f"{cid} {label}".lower() for w in words)
        ]
        chosen = set(matching[:2]) or {self.rng.choice(self.categories)[0]}
        if self.rng.random() < 0.4:
            chosen.add(self.rng.choice(self.categories)[0])
        return sorted(chosen)

    def channels(self, area: str, shelter: bool) -> list[dict]:
        rng = self.rng
        if shelter:
            return [{"type": "phone", "hotline": rng.choice(self.emergency), "label": "Rujukan"}]
        name = regions_mod.lookup(area).name
        out = []
        if rng.random() < 0.8:
            out.append(
                {"type": "phone", "value": self.numbers.landline(name, area[:2]), "label": "Kantor"}
            )
        if rng.random() < 0.6 or not out:
            wa = {"type": "whatsapp", "value": self.numbers.mobile(), "label": "Pengaduan"}
            if rng.random() < 0.3:
                wa["hours"] = {"always": True}
                wa["note"] = "Pesan dibalas sesegera mungkin."
            out.append(wa)
        if rng.random() < 0.15:
            out.append(
                {
                    "type": "phone",
                    "hotline": rng.choice(self.emergency),
                    "label": "Di luar jam kerja",
                }
            )
        if rng.random() < 0.4:
            out.append({"type": "walk_in", "label": "Datang langsung"})
        return out

    def hours(self) -> dict:
        rng = self.rng
        if rng.random() < 0.12:
            return {"always": True, "public_holidays": "open"}
        opens = rng.choice(["07:30", "08:00", "08:30", "09:00"])
        closes = rng.choice(["14:00", "15:00", "15:30", "16:00", "17:00"])
        weekly = [{"days": ["mon", "tue", "wed", "thu"], "opens": opens, "closes": closes}]
        weekly.append(
            {"days": ["fri"], "opens": opens, "closes": rng.choice(["11:00", "11:30", closes])}
        )
        if rng.random() < 0.4:
            weekly.append({"days": ["sat"], "opens": "08:00", "closes": "12:00"})
        return {"weekly": weekly, "public_holidays": rng.choice(["closed", "closed", "unknown"])}

    def fees(self) -> dict:
        kind = self.rng.choices(["free", "varies", "paid"], [80, 12, 8])[0]
        notes = {
            "free": None,
            "varies": "Gratis bagi korban; pemeriksaan lanjutan mengikuti tarif BPJS.",
            "paid": "Ada biaya pendaftaran; tanyakan keringanan bagi korban.",
        }
        return {"kind": kind, "note": notes[kind]} if notes[kind] else {"kind": kind}

    def languages(self, province: str) -> list[str] | str:
        if self.rng.random() < 0.05:
            return "unknown"
        extra = LANGUAGES.get(province)
        return ["id", extra] if extra and self.rng.random() < 0.5 else ["id"]

    def how_to(self, shelter: bool) -> str:
        if shelter:
            return "1. Hubungi saluran rujukan.\n2. Petugas menilai keamanan Anda.\n3. Petugas mengantar Anda ke rumah aman."
        steps = [
            "Hubungi nomor di halaman ini atau datang langsung.",
            "Ceritakan apa yang terjadi kepada petugas.",
            "Petugas menjelaskan pilihan bantuan.",
            "Anda memilih langkah berikutnya bersama petugas.",
        ]
        count = self.rng.randint(2, 4)
        return "\n".join(f"{i}. {s}" for i, s in enumerate(steps[:count], start=1))

    def locations(self, city: str | None, shelter: bool) -> list[dict] | str:
        rng = self.rng
        if shelter:
            return [
                {
                    "confidential": True,
                    "region": city,
                    "referral": "Hanya lewat rujukan petugas layanan.",
                }
            ]
        if city is None or rng.random() < 0.1:
            return "unknown"
        places = []
        for _ in range(2 if rng.random() < 0.1 else 1):
            places.append(
                {
                    "name": rng.choice(
                        ["Kantor Layanan", "Pos Pengaduan", "Ruang Konseling", "Sekretariat"]
                    ),
                    "address": f"Jl. {rng.choice(STREETS)} No. {rng.randint(1, 250)}",
                    "region": self.district(city),
                }
            )
        return places

    def optional_fields(self, data: dict, shelter: bool) -> None:
        rng = self.rng
        if rng.random() < 0.5:
            data["what_to_bring"] = rng.sample(
                [
                    "KTP atau kartu identitas",
                    "Kartu Keluarga",
                    "Bukti pendukung bila ada",
                    "Kartu BPJS",
                ],
                2,
            )
        if rng.random() < 0.4:
            data["eligibility"] = "Perempuan dan anak yang mengalami atau melihat kekerasan."
        if rng.random() < 0.3 and self.emergency:
            name = self.records["hotlines"][self.emergency[0]]["name"]
            data["if_no_answer"] = f"Hubungi {name}."
        if rng.random() < 0.3:
            data["keywords"] = rng.sample(
                ["kdrt", "pelecehan", "curhat", "lapor", "anak hilang", "perundungan"], 2
            )
        if shelter:
            data["notes"] = "Lokasi dirahasiakan demi keamanan penghuni."

    # --- pathways and materials -------------------------------------------------------

    def pathway(self, city: str, services: list[str]) -> None:
        cname = regions_mod.lookup(city).name
        titles = ["Pengaduan", "Asesmen", "Layanan lanjutan", "Pemulihan"]
        steps = [
            {
                "title": title,
                "description": description(self.rng, 10, 20),
                "services": sorted(self.rng.sample(services, min(2, len(services)))),
            }
            for title in titles
        ]
        steps[0]["hotlines"] = self.emergency[:1]
        data = {"region": city, "title": f"Alur layanan contoh {cname}", "steps": steps}
        data["sources"] = [source(self.rng)]
        self.add("pathways", f"alur-{slug(cname)}", data)

    def materials(self, cities: list[str], publisher: str, services: list[str]) -> None:
        """Two materials for `cities`, featuring named services (not whole categories:
        a city of 300 services does not fit on a leaflet)."""
        for kind, title in (
            ("leaflet_trifold", "Kenali dan laporkan kekerasan"),
            ("flyer_a5", "Ke mana mencari bantuan"),
        ):
            data = {
                "title": f"{title} (contoh)",
                "kind": kind,
                "audiences": self.audiences[:2],
                "language": "id",
                "sections": [
                    {"heading": "Apa itu kekerasan?", "text": description(self.rng, 15, 25)},
                    {"heading": "Anda tidak sendiri", "text": description(self.rng, 15, 25)},
                ],
                "key_messages": ["Kekerasan bukan salah korban.", "Bantuan gratis tersedia."],
                "featured": {
                    "hotlines": list(self.emergency),
                    "services": services,
                },
                "regions": cities,
                "publisher": publisher,
                "cobranding": True,
                "licence": "CC BY 4.0",
                "version": "1.0",
                "date": AS_OF,
            }
            self.add("materials", slug(title), data)


def settings(cities: list[str], template: Path | None) -> dict:
    quick_exit = "https://www.bmkg.go.id/"
    if template is not None and (template / "settings.yaml").is_file():
        loaded = yaml.load(
            (template / "settings.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
        )
        quick_exit = (loaded or {}).get("quick_exit_url", quick_exit)
    return {
        "site_name": "Direktori Contoh Nasional",
        "site_description": "Direktori sintetis untuk uji kecepatan. Semua isi fiktif.",
        "cities": cities,
        "quick_exit_url": quick_exit,
        "corrections": {"text": "Ini direktori contoh fiktif; tidak menerima koreksi."},
        "data_licence": "CC0 1.0",
        "fictional": True,
    }


# --- the whole directory -------------------------------------------------------------


def build(records: int, seed: int, template: Path | None) -> tuple[Synth, list[str]]:
    """Plan and generate every record in memory (nothing written yet)."""
    rng = random.Random(seed)
    cats, auds = read_terms(list_files(template))
    synth = Synth(rng, Numbers(rng, area_codes()), cats, auds)
    sizes, province_count = plan(rng, records)
    cities = sorted(sizes)
    provinces = sorted({c[:2] for c in cities})
    synth.hotlines(provinces)
    city_services: dict[str, list[str]] = {}
    for city in cities:
        synth.region(city)
        synth.region(city[:2])
        orgs = synth.city_organisations(city, sizes[city])
        city_services[city] = [
            synth.service(rng.choice(orgs), city, city) for _ in range(sizes[city])
        ]
    province_services(synth, provinces, province_count)
    largest = sorted(cities, key=lambda c: (-sizes[c], c))
    for city in largest[:5]:
        synth.pathway(city, city_services[city])
    publisher = synth.records["services"][city_services[largest[0]][0]]["organisation"]
    featured = sorted(sid for city in largest[:3] for sid in sorted(city_services[city])[:2])
    synth.materials(sorted(largest[:3]), publisher, featured)
    return synth, cities


def province_services(synth: Synth, provinces: list[str], count: int) -> None:
    orgs: dict[str, str] = {}
    for _ in range(count):
        prov = synth.rng.choice(provinces)
        if prov not in orgs:
            pname = regions_mod.lookup(prov).name
            orgs[prov] = synth.organisation(
                "government", f"Kantor Contoh Layanan Perempuan Provinsi {pname}", prov
            )
        synth.service(orgs[prov], prov, None)


def read_terms(texts: dict[str, str]) -> tuple[list[tuple[str, str]], list[str]]:
    cats = yaml.load(texts["taxonomy/categories.yaml"], Loader=yaml.CSafeLoader)["categories"]
    auds = yaml.load(texts["taxonomy/audiences.yaml"], Loader=yaml.CSafeLoader)["audiences"]
    return [(c["id"], c.get("label", "")) for c in cats], [a["id"] for a in auds]


def synthesize(out: Path, records: int, seed: int = 1) -> dict[str, int]:
    """Write a synthetic directory root of `records` services into `out` (created).

    Returns counts per folder. `out` must not exist or be empty.
    """
    template = template_root()
    synth, cities = build(records, seed, template)
    texts = list_files(template)
    texts["settings.yaml"] = list_header("settings.yaml") + dump(settings(cities, template))
    write_tree(out, texts, synth.records)
    counts = {kind: len(items) for kind, items in synth.records.items()}
    log.info("synthetic directory in %s: %s", out, counts)
    return counts


def write_tree(out: Path, texts: dict[str, str], records: dict[str, dict[str, dict]]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    for name, text in sorted(texts.items()):
        path = out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    for kind, items in sorted(records.items()):
        folder = out / kind
        folder.mkdir(exist_ok=True)
        header = HEADER.format(name=SCHEMA_NAMES[kind])
        for rid in sorted(items):
            (folder / f"{rid}.yaml").write_text(header + to_yaml(items[rid]), encoding="utf-8")


def tree_hash(root: Path) -> str:
    """SHA-256 over every file's relative path and bytes, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def clear(out: Path) -> None:
    """Remove a previous synthetic tree (only when it declares itself fictional)."""
    settings_file = out / "settings.yaml"
    if settings_file.is_file() and "fictional: true" in settings_file.read_text(encoding="utf-8"):
        shutil.rmtree(out)
