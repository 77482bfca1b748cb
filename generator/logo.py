"""Where a co-branding logo may be read from: a plain file inside `directory/assets/`.

A logo name is written by staff; resolved carelessly, `../../etc/passwd` or a symlink
would let a record make the build read (and print) any file on the machine.
"""

from __future__ import annotations

from pathlib import Path


def refused(root: Path, name: str) -> str | None:
    """Why the logo `name` cannot be used (`missing` when no such file), or None."""
    if "/" in name or "\\" in name or name in (".", "..") or "\0" in name:
        return "hanya nama file, tanpa folder"
    assets = root / "assets"
    path = assets / name
    if assets.is_symlink() or path.is_symlink():
        return "symlink tidak dipakai"
    if not path.is_file():
        return "missing"
    if path.resolve().parent != assets.resolve():
        return "berada di luar directory/assets/"
    return None


def path_of(root: Path, name: str | None) -> Path | None:
    """The logo file to read, only when `refused` finds nothing wrong."""
    if not name or refused(root, name):
        return None
    return (root / "assets" / name).resolve()
