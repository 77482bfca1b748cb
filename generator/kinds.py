"""Names of the record kinds, and how messages name a record. No models here.

Kept apart from `models.py` so the file readers (`load.py`, `early.py`) start without
importing pydantic: `check` starts its reader processes first and imports the models
while they work.
"""

from __future__ import annotations

# Record kinds stored one per file, by folder. The file name is the id.
FOLDERS: tuple[str, ...] = (
    "regions",
    "organisations",
    "services",
    "hotlines",
    "materials",
    "pathways",
)

# Single files holding lists.
FILES: tuple[str, ...] = (
    "settings.yaml",
    "short-codes.yaml",
    "taxonomy/categories.yaml",
    "taxonomy/audiences.yaml",
    "taxonomy/synonyms.yaml",
)

# Indonesian nouns used in messages ("layanan 'x': ...").
KIND_LABELS: dict[str, str] = {
    "regions": "wilayah",
    "organisations": "organisasi",
    "services": "layanan",
    "hotlines": "hotline",
    "materials": "materi",
    "pathways": "alur",
    "settings.yaml": "pengaturan",
    "short-codes.yaml": "nomor pendek",
    "taxonomy/categories.yaml": "kategori",
    "taxonomy/audiences.yaml": "sasaran",
    "taxonomy/synonyms.yaml": "sinonim",
}


# The same nouns in English (`--lang en`).
KIND_LABELS_EN: dict[str, str] = {
    "wilayah": "region",
    "organisasi": "organisation",
    "layanan": "service",
    "hotline": "hotline",
    "materi": "material",
    "alur": "pathway",
    "pengaturan": "settings",
    "nomor pendek": "short codes",
    "kategori": "categories",
    "sasaran": "audiences",
    "sinonim": "synonyms",
}


def subject_in(subject: str, lang: str) -> str:
    """`layanan 'x'` -> `service 'x'` for English messages."""
    if lang == "id" or not subject:
        return subject
    label, sep, rest = subject.partition(" '")
    return KIND_LABELS_EN.get(label, label) + sep + rest


def subject_of(kind: str, record_id: str | None) -> str:
    """`layanan 'x'`: how a message names the record."""
    label = KIND_LABELS[kind]
    return f"{label} '{record_id}'" if record_id else label
