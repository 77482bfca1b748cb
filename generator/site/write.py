"""Write a generated tree into the docs folder, touching only what changed.

`mkdocs serve` watches the docs folder: rewriting unchanged files would make it
rebuild in a loop, and `--dirty` relies on modification times. A manifest of the
files we wrote lets the next run delete pages whose record disappeared without
touching files other stages (PDFs, search shards) put there.
"""

from __future__ import annotations

import filecmp
import json
import logging
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

MANIFEST = ".generated.json"


@dataclass
class WriteResult:
    written: list[str] = field(default_factory=list)
    unchanged: int = 0
    deleted: list[str] = field(default_factory=list)
    total: int = 0  # files the tree holds now


def write_tree(files: dict[str, bytes], out: Path, manifest_name: str = MANIFEST) -> WriteResult:
    """Make `out` hold `files` (relative POSIX paths); delete what the last run wrote and this did not."""
    return write_stream(((rel, files[rel]) for rel in sorted(files)), out, manifest_name)


def write_stream(
    items: Iterable[tuple[str, bytes | Iterable[bytes]]],
    out: Path,
    manifest_name: str = MANIFEST,
) -> WriteResult:
    """`write_tree` for files that arrive one by one, each written and let go before the
    next is made, so memory does not grow with the tree; a large file may come in pieces
    (an iterable of bytes). A path met again is skipped (the first one wins)."""
    result = WriteResult()
    out.mkdir(parents=True, exist_ok=True)
    seen: set[str] = set()
    for rel, data in items:
        if rel in seen:
            continue
        seen.add(rel)
        changed = (
            write_if_changed(out / rel, data)
            if isinstance(data, bytes)
            else write_pieces_if_changed(out / rel, data)
        )
        if changed:
            result.written.append(rel)
        else:
            result.unchanged += 1
    result.written.sort()
    result.total = len(seen)
    result.deleted = remove_stale(out, read_manifest(out / manifest_name) - seen)
    write_manifest(out / manifest_name, seen)
    log.debug(
        "wrote %d, unchanged %d, deleted %d",
        len(result.written),
        result.unchanged,
        len(result.deleted),
    )
    return result


def remove_stale(out: Path, stale: set[str]) -> list[str]:
    """Delete the files of `stale` (what the last run wrote and this one did not)."""
    deleted = []
    for rel in sorted(stale):
        path = out / rel
        if path.is_file():
            path.unlink()
            deleted.append(rel)
            _prune_empty(path.parent, out)
    return deleted


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


def write_pieces_if_changed(path: Path, pieces: Iterable[bytes]) -> bool:
    """`write_if_changed` for a file that arrives in pieces: written beside, then kept
    only if its bytes differ from the file already there."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    with tmp.open("wb") as f:
        for piece in pieces:
            f.write(piece)
    if path.is_file() and filecmp.cmp(tmp, path, shallow=False):
        tmp.unlink()
        return False
    tmp.replace(path)
    return True


def write_manifest(path: Path, names: set[str]) -> bool:
    """The list of generated files (read back by `read_manifest`), written if it changed."""
    return write_if_changed(path, json.dumps(sorted(names), indent=0).encode() + b"\n")


def read_manifest(path: Path) -> set[str]:
    try:
        return set(json.loads(path.read_text(encoding="utf-8")))
    except (FileNotFoundError, ValueError):
        return set()


def _prune_empty(folder: Path, top: Path) -> None:
    while folder != top and folder.is_dir() and not any(folder.iterdir()):
        folder.rmdir()
        folder = folder.parent
