"""Write a generated tree into the docs folder, touching only what changed.

`mkdocs serve` watches the docs folder: rewriting unchanged files would make it
rebuild in a loop, and `--dirty` relies on modification times. A manifest of the
files we wrote lets the next run delete pages whose record disappeared without
touching files other stages (PDFs, search shards) put there.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

MANIFEST = ".generated.json"


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)


def write_tree(files: dict[str, bytes], out: Path, manifest_name: str = MANIFEST) -> WriteResult:
    """Make `out` hold `files` (relative POSIX paths); delete what the last run wrote and this did not."""
    result = WriteResult()
    out.mkdir(parents=True, exist_ok=True)
    for rel in sorted(files):
        if write_if_changed(out / rel, files[rel]):
            result.written.append(rel)
        else:
            result.unchanged += 1
    previous = read_manifest(out / manifest_name)
    for rel in sorted(previous - files.keys()):
        path = out / rel
        if path.is_file():
            path.unlink()
            result.deleted.append(rel)
            _prune_empty(path.parent, out)
    manifest = json.dumps(sorted(files), indent=0).encode() + b"\n"
    write_if_changed(out / manifest_name, manifest)
    log.debug(
        "wrote %d, unchanged %d, deleted %d",
        len(result.written),
        result.unchanged,
        len(result.deleted),
    )
    return result


def write_if_changed(path: Path, data: bytes) -> bool:
    try:
        if path.read_bytes() == data:
            return False
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(data)
    tmp.replace(path)
    return True


def read_manifest(path: Path) -> set[str]:
    try:
        return set(json.loads(path.read_text(encoding="utf-8")))
    except (FileNotFoundError, ValueError):
        return set()


def _prune_empty(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
