"""Stand-in loader used only while `generator/validate.py` has not landed on main.

It parses the YAML into the declared models without any cross-record checks. Delete
this module once `validate.check_directory` exists (build.check_stage prefers it).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from ..directory import Directory, Entry
from ..models import FILE_KINDS, FOLDER_KINDS


def load_directory(root: Path, today: date) -> Directory:
    files = {name: kind.model_validate(_read(root / name)) for name, kind in FILE_KINDS.items()}
    directory = Directory(root=root, settings=files["settings.yaml"], today=today)
    directory.categories = {t.id: t for t in files["taxonomy/categories.yaml"].categories}
    directory.audiences = {t.id: t for t in files["taxonomy/audiences.yaml"].audiences}
    directory.synonyms = list(files["taxonomy/synonyms.yaml"].synonyms)
    directory.short_codes = {s.code: s for s in files["short-codes.yaml"].short_codes}
    for folder, kind in FOLDER_KINDS.items():
        table = getattr(directory, folder)
        for path in sorted((root / folder).glob("*.yaml")):
            rel = Path(root.name) / folder / path.name
            table[path.stem] = Entry(path.stem, folder, rel, kind.model_validate(_read(path)))
    return directory


def _read(path: Path):
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)
