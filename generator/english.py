"""English for the details that rules write in Indonesian (`check --lang en`).

Rules build a few message details from Indonesian phrases (a reason, a list of
choices, a kind of value). Rather than every rule carrying both languages, the
phrases are translated here, once, when an English message is formatted; a rule may
also give `<param>_en` itself. `tests/hardening/test_messages_en.py` fails when a
planted fault's English message still holds Indonesian.
"""

from __future__ import annotations

import re
from collections.abc import Callable

# Whole values, as rules write them.
EXACT = {
    "isi `value` atau `hotline`, jangan keduanya": "give `value` or `hotline`, not both",
    "`hotline` hanya untuk phone, whatsapp atau sms": "`hotline` is only for phone, whatsapp or sms",
    "pilih salah satu: `always: true` (24 jam) atau `weekly`": "choose one: `always: true` (24 hours) or `weekly`",
    "isi `always: true` (24 jam) atau jadwal `weekly`": "give `always: true` (24 hours) or a `weekly` schedule",
    "ada hari yang ditulis dua kali": "a day is written twice",
    "`verified_by` wajib diisi (kantor/jabatan yang mengonfirmasi)": "`verified_by` is required (the office or role that confirmed)",
    "`verified_on` wajib diisi (tanggal konfirmasi)": "`verified_on` is required (the date of the confirmation)",
    "hanya huruf kecil, angka dan tanda hubung, mis. uptd-ppa-kota-kendari.yaml": "only lowercase letters, digits and hyphens, e.g. uptd-ppa-kota-kendari.yaml",
    "nama file wilayah harus kode wilayah, mis. 33.75.yaml": "a region's file name must be its region code, e.g. 33.75.yaml",
    "hanya angka, spasi, tanda hubung, kurung dan +": "only digits, spaces, hyphens, brackets and +",
    "bukan nomor Indonesia yang sah (jumlah angka atau kode area salah?)": "not a valid Indonesian number (wrong number of digits or area code?)",
    "telepon rumah/kantor": "landline",
    "bebas pulsa": "toll-free",
    "pendek": "short",
    "bukan HP": "not mobile",
    "tautan simbolik": "symbolic link",
    "tautan simbolik yang rusak/berputar": "broken or looping symbolic link",
    "bukan file biasa": "not a regular file",
    "soket": "socket",
    "perangkat": "device",
    "berisi byte NUL/biner": "holds NUL or binary bytes",
    "tautan javascript:/data:": "a javascript:/data: link",
    "daftar": "a list",
    "kunci: nilai": "a `key: value` mapping",
    "kosong": "empty",
    "teks": "text",
    "angka bulat": "a whole number",
    "angka (mis. -6.89)": "a number (e.g. -6.89)",
    "true atau false": "true or false",
    "daftar (baris-baris diawali `- `)": "a list (lines starting with `- `)",
    "kumpulan `kunci: nilai`": "a `key: value` mapping",
    "provinsi": "province",
    "kabupaten/kota": "regency/city",
    "kecamatan": "district (kecamatan)",
    "desa/kelurahan": "village (desa/kelurahan)",
    **{
        "wilayah": "region", "organisasi": "organisation", "layanan": "service",
        "materi": "material", "alur": "pathway", "pengaturan": "settings",
        "nomor pendek": "short codes", "kategori": "category", "sasaran": "audience",
        "sinonim": "synonym",
    },
}  # fmt: skip

# Values with a part that varies.
# (Indonesian pattern, English replacement: a template or a function of the match)
PATTERNS: list[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]]] = [
    (re.compile(r"^saluran `(.+)` perlu `value` \(nomor/alamat\) atau `hotline`$"),
     r"a `\1` channel needs `value` (a number or address) or `hotline`"),
    (re.compile(r"^jam tutup (\S+) harus setelah jam buka (\S+)$"),
     r"closing time \1 must be after opening time \2"),
    (re.compile(r"^harus berisi minimal (\d+) butir$"), r"must hold at least \1 item(s)"),
    (re.compile(r"^nilai minimal (.+)$"), r"at least \1"),
    (re.compile(r"^nilai maksimal (.+)$"), r"at most \1"),
    (re.compile(r"^(.*) tidak sesuai pola (.+)$"), r"\1 does not match the pattern \2"),
    (re.compile(r"^teks '(.*)'$", re.S), r"the text '\1'"),
    (re.compile(r"^sintaks salah \((.*)\)$", re.S), r"syntax error (\1)"),
    (re.compile(r"^(wilayah|organisasi|layanan|hotline|materi|alur) '"),
     lambda m: EXACT.get(m.group(1), m.group(1)) + " '"),
]  # fmt: skip

CHOICES_OR = re.compile(r"` atau `")


def english(value: str) -> str:
    """The English for one detail written in Indonesian (unchanged when unknown)."""
    if value in EXACT:
        return EXACT[value]
    for pattern, replacement in PATTERNS:
        if pattern.search(value):
            return pattern.sub(replacement, value)
    if ", " in value and "'" in value:  # a list of subjects (W-SHARED-NUMBER's `other`)
        return ", ".join(english(part) for part in value.split(", "))
    return CHOICES_OR.sub("` or `", value)
