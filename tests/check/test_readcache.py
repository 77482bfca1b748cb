"""`check`'s read cache: unchanged files are taken from the last run, and nothing else.

Every test here runs `check_directory` twice in one process with its own cache folder;
the second run must give exactly the report a run without any cache gives.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

import generator.check.reading as load
from generator.check import check_directory, readcache
from tests.conftest import TODAY


@pytest.fixture
def cache_home(tmp_path, monkeypatch) -> Path:
    home = tmp_path / "cache-home"
    monkeypatch.setenv("XDG_CACHE_HOME", str(home))
    monkeypatch.delenv("DIREKTORI_NO_CACHE", raising=False)
    return home


@pytest.fixture
def settled(monkeypatch):
    """Files count as settled at once (the real window is two seconds)."""
    monkeypatch.setattr(readcache, "RACY_NS", 0)


def lines(root: Path, cache: bool = True) -> list[str]:
    _directory, report = check_directory(root, TODAY, resolve=False, cache=cache)
    return [p.format("en") for p in report.sorted()]


def count_reads(monkeypatch) -> list[str]:
    read: list[str] = []
    real = load._load_one

    def counting(path, kind, shown, per_record, *args, **kwargs):
        read.append(shown)
        return real(path, kind, shown, per_record, *args, **kwargs)

    monkeypatch.setattr(load, "_load_one", counting)
    return read


def plant_problems(root: Path) -> Path:
    """A service with an unknown field, so cached problems are compared too."""
    service = sorted((root / "services").glob("*.yaml"))[0]
    with service.open("a", encoding="utf-8") as fh:
        fh.write("extra_unknown_field: 1\n")
    return service


def test_unchanged_files_come_from_the_cache_with_the_same_report(
    fictional_copy, cache_home, settled, monkeypatch
):
    plant_problems(fictional_copy)
    cold = lines(fictional_copy, cache=False)
    assert lines(fictional_copy) == cold
    read = count_reads(monkeypatch)
    assert lines(fictional_copy) == cold
    assert read == []
    assert list((cache_home / "direktori" / "check").glob("*.marshal"))


def test_an_edited_file_is_read_again(fictional_copy, cache_home, settled, monkeypatch):
    lines(fictional_copy)
    service = sorted((fictional_copy / "services").glob("*.yaml"))[0]
    time.sleep(0.05)  # the kernel's file clock is coarse: be one tick later at least
    text = service.read_text(encoding="utf-8")
    service.write_text(text.replace("name:", "nama:", 1), encoding="utf-8")
    read = count_reads(monkeypatch)
    after = lines(fictional_copy)
    assert read == [f"fictional/services/{service.name}"]
    assert after == lines(fictional_copy, cache=False)
    assert any("nama" in line for line in after)


def test_files_changed_just_before_a_run_are_not_kept(fictional_copy, cache_home, monkeypatch):
    """Default window: a freshly copied tree is read in full on the next run too."""
    read = count_reads(monkeypatch)
    lines(fictional_copy)
    first = list(read)
    lines(fictional_copy)
    assert read == first + first


def test_a_file_swapped_for_a_link_is_refused_not_taken_from_the_cache(
    fictional_copy, cache_home, settled, tmp_path
):
    lines(fictional_copy)
    service = sorted((fictional_copy / "services").glob("*.yaml"))[0]
    outside = tmp_path / "outside.yaml"
    outside.write_bytes(service.read_bytes())
    service.unlink()
    service.symlink_to(outside)
    assert any("E-NOT-REGULAR" in line for line in lines(fictional_copy))


def test_a_deleted_file_is_gone_from_the_report(fictional_copy, cache_home, settled):
    lines(fictional_copy)
    service = sorted((fictional_copy / "services").glob("*.yaml"))[0]
    service.unlink()
    assert lines(fictional_copy) == lines(fictional_copy, cache=False)


@pytest.mark.parametrize(
    "garbage",
    [b"", b"\x00\x01\x02", b"not marshal at all", None],
    ids=["empty", "binary", "text", "foreign"],
)
def test_a_broken_or_foreign_cache_file_is_read_as_empty(
    fictional_copy, cache_home, settled, monkeypatch, garbage
):
    expected = lines(fictional_copy, cache=False)
    lines(fictional_copy)
    [stored] = (cache_home / "direktori" / "check").glob("*.marshal")
    if garbage is None:  # valid marshal, but not ours: another code version
        monkeypatch.setattr(readcache, "code_version", lambda: "another version")
    else:
        stored.write_bytes(garbage)
    read = count_reads(monkeypatch)
    assert lines(fictional_copy) == expected
    assert read  # everything was read again


def test_a_cache_folder_that_cannot_be_written_only_costs_time(
    fictional_copy, tmp_path, monkeypatch, settled
):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert lines(fictional_copy) == lines(fictional_copy, cache=False)


def test_the_cache_is_private_and_can_be_turned_off(
    fictional_copy, cache_home, settled, monkeypatch
):
    monkeypatch.setenv("DIREKTORI_NO_CACHE", "1")
    lines(fictional_copy)
    assert not cache_home.exists()
    monkeypatch.delenv("DIREKTORI_NO_CACHE")
    lines(fictional_copy)
    folder = cache_home / "direktori" / "check"
    [stored] = folder.glob("*.marshal")
    assert folder.stat().st_mode & 0o777 == 0o700
    assert stored.stat().st_mode & 0o777 == 0o600


def test_code_version_follows_the_generator_source(tmp_path, monkeypatch):
    package = tmp_path / "generator"
    package.mkdir()
    (package / "rules.py").write_text("A = 1\n", encoding="utf-8")
    monkeypatch.setattr(readcache, "PACKAGE", package)
    before = readcache.code_version()
    (package / "rules.py").write_text("A = 2\n", encoding="utf-8")
    assert readcache.code_version() != before


def test_the_check_command_gives_the_same_output_with_and_without_cache(fictional_copy, tmp_path):
    import subprocess
    import sys

    from tests.conftest import REPO

    def run(*extra: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "generator", "check", "--root", str(fictional_copy), *extra],
            capture_output=True,
            text=True,
            cwd=REPO,
            env={**os.environ, "XDG_CACHE_HOME": str(tmp_path / "c")},
            timeout=60,
        )

    plant_problems(fictional_copy)
    first, second, plain = run(), run(), run("--no-cache")
    assert first.stdout == second.stdout == plain.stdout
    assert first.returncode == second.returncode == plain.returncode
