"""`python -m generator schema`: write directory/schema/*.json and the field reference page."""

from __future__ import annotations

from pathlib import Path

from ..paths import REPO
from ..schema import field_reference, schema_files

HELP = "Tulis JSON Schema (directory/schema/) dan halaman referensi kolom dari models.py."
REFERENCE_PAGE = REPO / "content" / "referensi-kolom.md"


def add_arguments(parser) -> None:
    parser.add_argument("--out", type=Path, default=REPO / "directory" / "schema")


def run(args) -> int:
    args.out.mkdir(parents=True, exist_ok=True)
    for name, text in schema_files().items():
        (args.out / name).write_text(text, encoding="utf-8")
        print(args.out / name)
    REFERENCE_PAGE.parent.mkdir(parents=True, exist_ok=True)
    REFERENCE_PAGE.write_text(field_reference(), encoding="utf-8")
    print(REFERENCE_PAGE)
    return 0
