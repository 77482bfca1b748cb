"""What the readers made of each file, kept between runs of `check` and `build`.

Reading is most of `check` (parsing, phone numbers, the address and markup scans run
next to the read). A file that has not changed since the last run gives the same
result, so that result is kept, like ruff's and mypy's caches do
(https://docs.astral.sh/ruff/configuration/#cache-dir,
https://mypy.readthedocs.io/en/stable/additional_features.html#incremental-mode).

- **Key per file:** the path shown in messages plus `lstat`'s size, modification time,
  change time and inode. Tools can set a modification time back; nothing but the
  kernel sets the change time, so an edited file never matches its old key. A file
  changed less than `RACY_NS` before a run started is not kept: the kernel's clock for
  file times is coarse, and two quick same-size edits could otherwise share a key (git
  calls this "racy clean": https://git-scm.com/docs/racy-git).
- **Key per cache:** a digest of every generator source file and of the versions of the
  libraries that judge a file (Python, PyYAML, rapidyaml, phonenumbers,
  email-validator): new code or a new library reads everything again.
- **Where:** outside the checkout, in `$XDG_CACHE_HOME/direktori/check/` (by default
  `~/.cache/...`), one file per directory root, readable only by its owner. A pull
  request can add files to the checkout, never to this folder, so it can never hand
  `check` a forged "already read, no problems".
- **Never in the way:** a missing, unreadable, corrupt or foreign cache file is read as
  empty, and a cache that can't be written is skipped; either way the files are simply
  read. `--no-cache` or `DIREKTORI_NO_CACHE=1` turn it off.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import stat
import sys
import tempfile
import time
from importlib import metadata
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .reading import State

log = logging.getLogger(__name__)

# The whole generator package: a file rule may live outside `check/` (`addresses.py`).
PACKAGE = Path(__file__).resolve().parent.parent
# Libraries whose version can change what a reader makes of a file.
JUDGES = ("PyYAML", "rapidyaml", "phonenumbers", "email-validator")
FORMAT = 1  # bump when the layout of a stored entry changes
RACY_NS = 2_000_000_000  # files changed this shortly before a run are read again next time

Key = tuple[int, int, int, int]


def disabled() -> bool:
    return os.environ.get("DIREKTORI_NO_CACHE", "") not in ("", "0")


def cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "direktori" / "check"


def code_version() -> str:
    """Digest of the generator's own source and of the judging libraries' versions."""
    digest = hashlib.sha256(f"{FORMAT} {sys.version}".encode())
    for name in JUDGES:
        try:
            digest.update(f"{name}={metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"{name}=-".encode())
    for path in sorted(PACKAGE.rglob("*.py")):
        digest.update(path.relative_to(PACKAGE).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()


def file_key(path: Path | str) -> Key | None:
    """The key of a regular file, or None (not there, or not a regular file)."""
    try:
        info = os.lstat(path)
    except OSError:
        return None
    if not stat.S_ISREG(info.st_mode):
        return None
    return (info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino)


class ReadCache:
    """Reader results of one directory root, by shown path and file key."""

    def __init__(self, root: Path, folder: Path | None = None):
        self.version = code_version()
        name = hashlib.sha256(str(root.resolve()).encode()).hexdigest()[:24]
        self.file = (folder or cache_dir()) / f"{name}.marshal"
        self.old: dict[str, tuple[Key, State]] = self._load()
        self.new: dict[str, tuple[Key, State]] = {}
        self.keys: dict[str, Key | None] = {}
        self.changed = False
        self.settled_before = time.time_ns() - RACY_NS

    def _load(self) -> dict:
        try:
            with open(self.file, "rb") as fh:
                stored = marshal.loads(fh.read())  # whole: `load` reads in small pieces
        except (OSError, EOFError, ValueError, TypeError):
            return {}
        if not (isinstance(stored, dict) and stored.get("version") == self.version):
            return {}
        entries = stored.get("entries")
        return entries if isinstance(entries, dict) else {}

    def get(self, path: Path | str, shown: str) -> State | None:
        """The stored state of an unchanged file, or None (read it)."""
        key = self.keys[shown] = file_key(path)
        found = self.old.get(shown)
        if key is None or found is None or tuple(found[0]) != key:
            return None
        self.new[shown] = found
        return found[1]

    def put(self, shown: str, state: State) -> None:
        key = self.keys.get(shown)
        if key is not None and key[2] < self.settled_before:
            self.new[shown] = (key, state)
            self.changed = True

    def save(self) -> None:
        """Write what this run read (only when it differs from what was stored)."""
        if not self.changed and len(self.new) == len(self.old):
            return
        try:
            self.file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd, tmp = tempfile.mkstemp(dir=self.file.parent, prefix=".tmp-")
            try:
                with os.fdopen(fd, "wb") as fh:
                    # version 2 (no shared references): the fastest to load
                    marshal.dump({"version": self.version, "entries": self.new}, fh, 2)
                os.replace(tmp, self.file)
            except BaseException:
                os.unlink(tmp)
                raise
        except (OSError, ValueError) as exc:  # a read-only home, a full disk: just slower
            log.debug("check cache not written: %s", exc)
