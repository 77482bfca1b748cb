"""Shared between `generator.build` and the MkDocs hook.

`make build` has already checked the directory and written the docs tree when MkDocs
loads the hook; the hook must then not do it again (and must not overwrite the
materials page the leaflets stage wrote). MkDocs imports the hook file as a fresh
module on every config load, so the state lives here, in the package.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from ..directory import Directory

_PREPARED: dict[Path, Directory] = {}

# `mkdocs serve`: leaflets are rendered on the first build only. Their PDFs are copied
# into the watched docs folder, so rendering on every rebuild could keep the watcher
# busy; the materials page keeps the last list (generator.site.MATERIALS_STATE).
serve = {"active": False, "built_once": False}


@contextlib.contextmanager
def prepared(docs_dir: Path, directory: Directory) -> Iterator[None]:
    key = Path(docs_dir).resolve()
    _PREPARED[key] = directory
    try:
        yield
    finally:
        _PREPARED.pop(key, None)


def lookup(docs_dir: Path) -> Directory | None:
    return _PREPARED.get(Path(docs_dir).resolve())
