"""Where a build may write, and how it replaces the live site without losing it.

- `guard_out`: the output folder is only ever a site this generator made (it holds
  `MARKER`), an empty folder or a new one; never the project, the records, a parent of
  either, or (from the command line) a folder outside the checkout unless asked.
- `locked`: one build per docs tree and output folder at a time (`flock`, released by
  the kernel when the process dies, so a killed build never leaves a stale lock).
- `clean_leftovers`: half-written sites of killed builds are removed at the next start.
- `exchange`: the new site and the live one trade places in one `renameat2(2)` call with
  `RENAME_EXCHANGE` (https://man7.org/linux/man-pages/man2/rename.2.html), so there is
  never a moment without a site; where the call is missing, two renames, and a site
  left only as `.site.old` by a kill between them is put back at the next start.
- `publishable`: 0755 folders and 0644 files, so a web server running as another user
  can read the site (`tempfile.mkdtemp` creates 0700).
- `die_with_parent`: worker processes get SIGKILL when the build that started them
  dies (`prctl(2)` PR_SET_PDEATHSIG), so a killed build leaves no orphans.
"""

from __future__ import annotations

import contextlib
import ctypes
import errno
import fcntl
import logging
import os
import shutil
import signal
from collections.abc import Iterator
from pathlib import Path

from .errors import GeneratorError

log = logging.getLogger(__name__)

MARKER = ".direktori-site"
MARKER_TEXT = "Folder ini dibuat oleh `python -m generator build` dan boleh diganti olehnya.\n"


class UnsafeOutput(GeneratorError):
    """The output folder could hold something other than a generated site."""


class BuildBusy(GeneratorError):
    """Another build of the same checkout is running."""


# --- where a build may write -------------------------------------------------------------


def guard_out(
    out: Path,
    records: list[Path],
    keep: list[Path],
    checkout: Path | None = None,
    allow_outside: bool = False,
) -> None:
    """Refuse `out` unless replacing it can only ever replace a generated site.

    `records`: folders `out` may not be, hold or lie in; `keep`: folders `out` may not be
    or hold (a site inside the project is fine, the project itself is not)."""
    shown = str(out)
    if out.is_symlink():
        raise UnsafeOutput(_refusal(shown, "adalah tautan (symlink)", "is a symbolic link"))
    target = out.resolve()
    for place in [p.resolve() for p in records + keep]:
        inside = place in map(Path.resolve, records) and target.is_relative_to(place)
        if place.is_relative_to(target) or inside:
            raise UnsafeOutput(
                _refusal(
                    shown, f"berisi atau berada di dalam '{place}'", f"holds or is inside '{place}'"
                )
            )
    if checkout is not None and not allow_outside and not target.is_relative_to(checkout.resolve()):
        raise UnsafeOutput(
            _refusal(shown, "berada di luar proyek", "is outside the project")
            + " Pakai --allow-outside jika memang sengaja / use --allow-outside if you mean it."
        )
    _guard_existing(out, shown)


def _guard_existing(out: Path, shown: str) -> None:
    if not out.exists():
        return
    if not out.is_dir():
        raise UnsafeOutput(_refusal(shown, "adalah file, bukan folder", "is a file, not a folder"))
    if (out / MARKER).is_file() or not any(out.iterdir()):
        return
    raise UnsafeOutput(
        _refusal(
            shown,
            f"sudah berisi file lain dan bukan situs buatan generator (tidak ada {MARKER})",
            f"already holds other files and is not a generated site (no {MARKER})",
        )
    )


def guard_inside(path: Path, protected: list[Path], what: str) -> None:
    """Refuse a generated folder or file (`what`: its option) that would land in or over
    a protected folder (the records)."""
    target = path.resolve()
    for place in protected:
        place = place.resolve()
        if place.is_relative_to(target) or target.is_relative_to(place):
            raise UnsafeOutput(
                f"{what} '{path}' ditolak: berisi atau berada di dalam '{place}'."
                f" / {what} '{path}' refused: it holds or is inside '{place}'."
            )


def _refusal(shown: str, why_id: str, why_en: str) -> str:
    return (
        f"folder keluaran '{shown}' ditolak: {why_id}; isinya akan terhapus."
        f" Saran: pilih folder baru atau situs lama (mis. site/)."
        f" / output folder '{shown}' refused: it {why_en}; it would be deleted."
    )


# --- one build at a time -----------------------------------------------------------------


def lock_path(folder: Path) -> Path:
    return folder.parent / f".{folder.name}.lock"


@contextlib.contextmanager
def locked(folders: list[Path]) -> Iterator[None]:
    """Hold an exclusive lock next to each folder (sorted: two builds never deadlock)."""
    with contextlib.ExitStack() as stack:
        for path in sorted({lock_path(f.resolve()) for f in folders}):
            stack.enter_context(_flock(path))
        yield


@contextlib.contextmanager
def _flock(path: Path) -> Iterator[None]:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise GeneratorError(describe_os_error(exc, "membuat kunci build")) from None
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 32, 0).decode("ascii", "replace").strip() or "?"
            raise BuildBusy(
                f"build lain sedang berjalan untuk folder ini (proses {holder}, kunci {path});"
                " tunggu sampai selesai lalu coba lagi."
                f" / another build is running here (process {holder}); wait and try again."
            ) from None
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(fd)


# --- leftovers of killed builds ----------------------------------------------------------


def temp_prefix(out: Path) -> str:
    return f".{out.name}.new-"


def old_path(out: Path) -> Path:
    return out.with_name(f".{out.name}.old")


def clean_leftovers(out: Path) -> list[str]:
    """Remove half-written sites of killed builds (call while holding the lock); put a
    site back that a kill between the fallback's two renames left as `.site.old`."""
    removed: list[str] = []
    old = old_path(out)
    if old.is_dir() and not out.exists() and (old / MARKER).is_file():
        old.rename(out)
        log.warning("restored %s from %s (an earlier build stopped mid-swap)", out, old)
    if not out.parent.is_dir():
        return removed
    for entry in sorted(out.parent.iterdir()):
        ours = entry.name.startswith(temp_prefix(out)) or entry == old
        if ours and entry.is_dir() and not entry.is_symlink():
            shutil.rmtree(entry, ignore_errors=True)
            removed.append(entry.name)
    if removed:
        log.info("removed leftovers of earlier builds: %s", ", ".join(removed))
    return removed


# --- the swap ----------------------------------------------------------------------------

RENAME_EXCHANGE = 2
AT_FDCWD = -100


def _renameat2():
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        func = libc.renameat2
    except (OSError, AttributeError):
        return None
    func.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    func.restype = ctypes.c_int
    return func


def rename_exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically; False when this system or file system cannot."""
    func = _renameat2()
    if func is None:
        return False
    if func(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def exchange(new_site: Path, out: Path) -> None:
    """Make `new_site` the live `out`; the previous site is deleted afterwards."""
    if not out.exists():
        new_site.rename(out)
        return
    if rename_exchange(new_site, out):
        shutil.rmtree(new_site, ignore_errors=True)  # now holds the previous site
        return
    old = old_path(out)
    shutil.rmtree(old, ignore_errors=True)
    out.rename(old)
    try:
        new_site.rename(out)
    except OSError:
        old.rename(out)
        raise
    shutil.rmtree(old, ignore_errors=True)


# --- what the published folder looks like ------------------------------------------------


def publishable(site: Path) -> None:
    """Mark the folder as a generated site and make it readable by everyone."""
    (site / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
    os.chmod(site, 0o755)
    for folder, dirs, files in os.walk(site):
        for name in dirs:
            os.chmod(os.path.join(folder, name), 0o755)
        for name in files:
            path = os.path.join(folder, name)
            if not os.path.islink(path):
                os.chmod(path, 0o644)


# --- worker processes --------------------------------------------------------------------

PR_SET_PDEATHSIG = 1


def die_with_parent() -> None:
    """In a worker: be killed when the process that started it dies (Linux only)."""
    parent = os.getppid()
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        return
    if os.getppid() != parent:  # the parent died before prctl took effect
        os._exit(1)


# --- OS errors as messages ---------------------------------------------------------------

OS_HINTS = {
    errno.ENOSPC: ("disk penuh", "the disk is full", "kosongkan ruang disk lalu coba lagi"),
    errno.EFBIG: (
        "file terlalu besar untuk sistem ini",
        "file too large for this system",
        "periksa batas ukuran file (ulimit -f)",
    ),
    errno.EACCES: ("izin ditolak", "permission denied", "periksa izin tulis folder proyek"),
    errno.EPERM: ("izin ditolak", "permission denied", "periksa izin tulis folder proyek"),
    errno.EROFS: (
        "sistem file hanya-baca",
        "read-only file system",
        "bangun di folder yang bisa ditulis",
    ),
    errno.ENOTDIR: ("bukan folder", "not a folder", "hapus atau pindahkan file yang menghalangi"),
    errno.EEXIST: ("sudah ada", "already exists", "hapus atau pindahkan file yang menghalangi"),
    errno.EISDIR: ("adalah folder", "is a folder", "hapus atau pindahkan folder yang menghalangi"),
}


def describe_os_error(exc: OSError, doing: str) -> str:
    """`gagal menulis '.build/docs' (disk penuh) ...`: what failed, where, and the fix."""
    where = f" '{exc.filename}'" if exc.filename else ""
    why_id, why_en, fix = OS_HINTS.get(
        exc.errno or 0, (exc.strerror or str(exc), exc.strerror or str(exc), "coba lagi")
    )
    return (
        f"gagal {doing}{where} ({why_id}). Saran: {fix}; situs lama tidak diubah."
        f" / failed{where} ({why_en}); the previous site is unchanged."
    )
