"""The record kinds, declared once: folder or file, labels, schema name, sourced or not.

Every place that lists or names record kinds reads `KINDS` (or the tables derived
from it below); the typed model of each kind is `models.MODELS[kind]`, and
`models.py` asserts that it declares a model for exactly these kinds, in this order.

No models here: the file readers (`check/reading.py`, `check/rules/`) import this
module, and `check` starts its reader processes before it imports pydantic.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class RecordKind:
    """One kind of record and everything about it that is not its model."""

    name: str  # folder ("services") or file path under the root ("settings.yaml")
    folder: bool  # one record per file in the folder `name`, the file name is the id
    label: str  # Indonesian noun in messages: "layanan 'x': ..."
    label_en: str  # the same noun for `--lang en`
    schema: str  # JSON Schema file stem: directory/schema/<schema>.schema.json
    title: str  # heading of the field reference page
    sourced: bool = False  # carries `sources` and `verified_on` (freshness report, HSDS)
    optional: bool = False  # a single file a directory may leave out


KINDS: tuple[RecordKind, ...] = (
    RecordKind("regions", True, "wilayah", "region", "region",
               "Wilayah (`directory/regions/<kode>.yaml`)"),
    RecordKind("organisations", True, "organisasi", "organisation", "organisation",
               "Organisasi (`directory/organisations/<id>.yaml`)", sourced=True),
    RecordKind("services", True, "layanan", "service", "service",
               "Layanan (`directory/services/<id>.yaml`)", sourced=True),
    RecordKind("hotlines", True, "hotline", "hotline", "hotline",
               "Hotline (`directory/hotlines/<id>.yaml`)", sourced=True),
    RecordKind("materials", True, "materi", "material", "material",
               "Materi kampanye (`directory/materials/<id>.yaml`)"),
    RecordKind("pathways", True, "alur", "pathway", "pathway",
               "Alur layanan (`directory/pathways/<id>.yaml`)", sourced=True),
    RecordKind("settings.yaml", False, "pengaturan", "settings", "settings",
               "Pengaturan situs (`directory/settings.yaml`)"),
    RecordKind("short-codes.yaml", False, "nomor pendek", "short codes", "short-codes",
               "Nomor pendek (`directory/short-codes.yaml`)"),
    RecordKind("taxonomy/categories.yaml", False, "kategori", "categories", "categories",
               "Jenis bantuan (`directory/taxonomy/categories.yaml`)"),
    RecordKind("taxonomy/audiences.yaml", False, "sasaran", "audiences", "audiences",
               "Sasaran (`directory/taxonomy/audiences.yaml`)"),
    RecordKind("taxonomy/synonyms.yaml", False, "sinonim", "synonyms", "synonyms",
               "Sinonim pencarian (`directory/taxonomy/synonyms.yaml`)"),
    RecordKind("taxonomy/phrases.yaml", False, "ungkapan", "phrases", "phrases",
               "Ungkapan sehari-hari untuk pencarian (`directory/taxonomy/phrases.yaml`)",
               optional=True),
)  # fmt: skip

BY_NAME: dict[str, RecordKind] = {kind.name: kind for kind in KINDS}

# Record kinds stored one per file, by folder. The file name is the id.
FOLDERS: tuple[str, ...] = tuple(kind.name for kind in KINDS if kind.folder)

# Single files holding lists.
FILES: tuple[str, ...] = tuple(kind.name for kind in KINDS if not kind.folder)

# Single files a directory may leave out (no E-MISSING-FILE).
OPTIONAL: frozenset[str] = frozenset(kind.name for kind in KINDS if kind.optional)

# Kinds whose records carry sources and a verification date, in report order.
SOURCED: tuple[str, ...] = tuple(kind.name for kind in KINDS if kind.sourced)

# Indonesian nouns used in messages ("layanan 'x': ...").
KIND_LABELS: dict[str, str] = {kind.name: kind.label for kind in KINDS}

# The same nouns in English (`--lang en`), keyed by the Indonesian noun.
KIND_LABELS_EN: dict[str, str] = {kind.label: kind.label_en for kind in KINDS}

# Indonesian noun -> kind ("layanan" -> "services").
KIND_OF_LABEL: dict[str, str] = {kind.label: kind.name for kind in KINDS}


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
