"""The build stamp: what the live site was built from, so an unchanged rebuild does nothing.

A build writes, after its site went live, a small JSON file next to the docs folder
(`<docs_dir>.stamp.json`) holding:
- `inputs`: one digest of everything a site is made from: every file of the records,
  of `content/`, of the theme overrides and of the generator package (path and bytes),
  the MkDocs config, the versions of every installed distribution, the Python version,
  the build's options (reference day, strict, folders) and SOURCE_DATE_EPOCH;
- `site` and `docs`: fingerprints of the built site and of the docs folder as that build
  left them (path, size and modification time of every file and folder), so a file
  edited, added or deleted by hand afterwards is noticed without reading every byte;
- `check`: a digest of the three above, so a truncated or hand-edited stamp is noticed.

The next build computes the same and keeps the live site only when all of it matches;
any doubt (no stamp, unreadable, another version, a mismatch anywhere) means a full
build, which is always safe. Like mkdocs-material's social plugin manifest
(https://github.com/squidfunk/mkdocs-material/blob/master/src/plugins/social/plugin.py),
a digest of the real inputs decides, never a time stamp of the inputs alone.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from importlib.metadata import distributions
from pathlib import Path

log = logging.getLogger(__name__)

VERSION = 1
SUFFIX = ".stamp.json"


@dataclass(frozen=True)
class Stamp:
    inputs: str
    site: str
    docs: str

    def check(self) -> str:
        return _digest_text(f"{VERSION}\n{self.inputs}\n{self.site}\n{self.docs}")

    def to_json(self) -> str:
        body = {"version": VERSION, "inputs": self.inputs, "site": self.site, "docs": self.docs}
        return json.dumps(body | {"check": self.check()}, indent=1, sort_keys=True) + "\n"


def stamp_path(docs_dir: Path) -> Path:
    """Beside the docs folder, outside both trees it fingerprints."""
    return docs_dir.with_name(docs_dir.name + SUFFIX)


# --- what the site is made from --------------------------------------------------------


def inputs_digest(trees: Iterable[Path], files: Iterable[Path], options: dict[str, str]) -> str:
    """Digest of every file under `trees` and of `files` (path and bytes), the installed
    distributions' versions, the Python version and `options`."""
    h = hashlib.sha256()
    for tree in trees:
        h.update(f"tree {tree}\n".encode())
        for rel, path in _files_under(tree):
            _add_file(h, rel, path)
    for path in files:
        _add_file(h, str(path), path)
    for line in sorted(_library_versions()):
        h.update(f"lib {line}\n".encode())
    h.update(f"python {sys.version}\n".encode())
    for key in sorted(options):
        h.update(f"option {key}={options[key]}\n".encode())
    return h.hexdigest()


def _add_file(h, rel: str, path: Path) -> None:
    try:
        data = path.read_bytes()
    except OSError as exc:  # unreadable now: a value no stamp can hold, so no match
        data = f"unreadable {exc.errno} {os.urandom(8).hex()}".encode()
    h.update(f"file {rel} {len(data)}\n".encode())
    h.update(data)


def _files_under(tree: Path) -> list[tuple[str, Path]]:
    """(relative path, path) of every file under `tree`, sorted; compiled Python skipped
    (it follows from the sources)."""
    found = []
    for folder, dirs, names in os.walk(tree):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in names:
            if not name.endswith((".pyc", ".pyo")):
                path = Path(folder, name)
                found.append((path.relative_to(tree).as_posix(), path))
    return sorted(found)


def _library_versions() -> set[str]:
    return {f"{d.metadata['Name']}=={d.version}" for d in distributions()}


# --- what the build left -----------------------------------------------------------------


def fingerprint(tree: Path) -> str:
    """Digest of the path, type, size and modification time of everything under `tree`
    (nanoseconds: an edit by hand changes it even when the size stays)."""
    if not tree.is_dir():
        return "missing"
    lines: list[str] = []
    _stat_lines(str(tree), "", lines)
    return _digest_text("\n".join(lines))


def _stat_lines(folder: str, rel: str, lines: list[str]) -> None:
    # os.scandir: one directory read per folder, names and types without a stat each
    # (https://peps.python.org/pep-0471/); about twice as fast as os.walk here.
    with os.scandir(folder) as found:
        entries = sorted(found, key=lambda e: e.name)
    for entry in entries:
        st = entry.stat(follow_symlinks=False)
        lines.append(f"{rel}{entry.name}\0{st.st_mode}\0{st.st_size}\0{st.st_mtime_ns}")
        if entry.is_dir(follow_symlinks=False):
            _stat_lines(entry.path, f"{rel}{entry.name}/", lines)


# --- reading and writing ---------------------------------------------------------------


def read_stamp(path: Path) -> Stamp | None:
    """The stamp at `path`, or None when there is none or it is not one this code wrote."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        stamp = Stamp(str(data["inputs"]), str(data["site"]), str(data["docs"]))
        valid = data.get("version") == VERSION and data.get("check") == stamp.check()
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    if not valid:
        log.info("build stamp %s does not check out: full build", path)
        return None
    return stamp


def write_stamp(path: Path, stamp: Stamp) -> None:
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(stamp.to_json(), encoding="utf-8")
    tmp.replace(path)


def remove_stamp(path: Path) -> None:
    """Before anything is written: a build that stops half-way leaves no stamp behind."""
    path.unlink(missing_ok=True)


def _digest_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()
