"""Our taxonomies in HSDS form: kinds of help, audiences, and the extension terms.

HSDS 3 carries what it has no field for as `attribute`s: a taxonomy term plus a value,
linked to any object (https://docs.openreferral.org/en/latest/hsds/schema_reference.html#attribute).
Every extension this export uses is a term of the taxonomy `ekstensi-direktori`, listed
here once with its Indonesian name and its meaning; generator/hsds/README.md has the table.
"""

from __future__ import annotations

from functools import cache

from ..directory import Directory
from .ids import hsds_id

CATEGORIES = "kategori"
AUDIENCES = "sasaran"
EXTENSIONS = "ekstensi-direktori"

TAXONOMY_NAMES = {
    CATEGORIES: ("Jenis bantuan", "Jenis bantuan yang diberikan layanan."),
    AUDIENCES: ("Kelompok sasaran", "Untuk siapa layanan atau saluran bantuan ini."),
    EXTENSIONS: (
        "Ekstensi direktori",
        "Data direktori yang tidak punya kolom di HSDS 3.0; nilainya di `attribute.value`.",
    ),
}

# code -> (Indonesian name, what `value` holds)
EXTENSION_TERMS: dict[str, tuple[str, str]] = {
    "jenis-catatan": ("Jenis catatan", "`hotline` untuk saluran bantuan (SAPA 129, 110…)."),
    "lokasi-rahasia": (
        "Lokasi rahasia",
        "`true`: rumah aman; tanpa alamat, koordinat dan teks bebas, hanya kotanya.",
    ),
    "saluran": ("Jenis saluran", "Pada `phone`: `phone`, `whatsapp` atau `sms`."),
    "nomor-pendek": ("Nomor pendek", "Pada `phone`: `true` jika nomornya nomor pendek (129, 110)."),
    "lewat-saluran": (
        "Lewat saluran bantuan",
        "Pada `phone`: id HSDS layanan saluran bantuan yang menjawab nomor ini.",
    ),
    "catatan-saluran": ("Catatan saluran", "Pada `phone`/`contact`: catatan untuk pembaca."),
    "jam-saluran": (
        "Jam saluran",
        "Pada `schedule`: id HSDS `phone` yang memakai jadwal ini (jam khusus saluran).",
    ),
    "buka-24-jam": ("Buka 24 jam", "Pada `schedule`: `true` untuk jadwal 24 jam setiap hari."),
    "hari-libur": (
        "Hari libur nasional",
        "Pada layanan: `open`, `closed` atau `unknown` pada hari libur nasional.",
    ),
    "cek-ulang": ("Perlu dicek ulang", "Alasan data ini perlu dicek ulang (peringatan)."),
    "status-direktori": (
        "Status di direktori",
        "`unverified`: belum pasti masih berjalan (HSDS `status` ditulis `inactive`).",
    ),
    "biaya": ("Biaya", "`free`, `paid` atau `varies`."),
    "jika-tidak-dijawab": ("Jika tidak dijawab", "Apa yang dilakukan jika nomor tidak menjawab."),
    "saluran-web": ("Situs web lain", "URL situs web tambahan."),
    "saluran-form": ("Formulir online", "URL formulir."),
    "saluran-app": ("Aplikasi", "URL aplikasi."),
    "saluran-walk-in": ("Datang langsung", "Label saluran datang langsung (boleh kosong)."),
    "jenis-organisasi": ("Jenis organisasi", "`government`, `police`, `ngo`, …"),
    "wilayah-kerja": ("Wilayah kerja", "Kode wilayah Kemendagri, atau `national`."),
    "anggota-dari": ("Anggota dari", "id HSDS organisasi jaringan tempat organisasi ini anggota."),
    "kode-wilayah": ("Kode wilayah", "Pada `service_area`: kode wilayah Kemendagri."),
    "cakupan": ("Cakupan", "Saluran bantuan: `national`, `province` atau `city`."),
    "darurat": ("Nomor darurat", "`true` untuk nomor darurat."),
    "rujukan": ("Cara dirujuk", "Pada `service_at_location`: cara dirujuk ke lokasi ini."),
}


@cache
def term_id(taxonomy: str, code: str) -> str:
    return hsds_id("taxonomy_term", taxonomy, code)


def taxonomies() -> list[dict]:
    return [
        {"id": hsds_id("taxonomy", key), "name": name, "description": text, "version": "1"}
        for key, (name, text) in sorted(TAXONOMY_NAMES.items())
    ]


def taxonomy_terms(directory: Directory) -> list[dict]:
    """Every term, with Indonesian names; sorted by taxonomy and code."""
    rows = [_term(CATEGORIES, t.id, t.label, t.description) for t in directory.categories.values()]
    rows += [_term(AUDIENCES, t.id, t.label, t.description) for t in directory.audiences.values()]
    rows += [_term(EXTENSIONS, code, *texts) for code, texts in EXTENSION_TERMS.items()]
    return sorted(rows, key=lambda r: (r["taxonomy"], r["code"]))


def _term(taxonomy: str, code: str, name: str, description: str) -> dict:
    return {
        "id": term_id(taxonomy, code),
        "code": code,
        "name": name,
        "description": description,
        "taxonomy": taxonomy,
        "taxonomy_id": hsds_id("taxonomy", taxonomy),
        "language": "id",
    }
