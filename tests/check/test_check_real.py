"""The real directory, the schemas and the command line."""

from __future__ import annotations

import json
import subprocess
import sys

from generator.check import check_directory
from generator.paths import REAL_ROOT
from generator.schema import field_reference, schema_files
from tests.conftest import FICTIONAL, REAL_TODAY, REPO, TODAY


def test_real_directory_passes_strict():
    directory, report = check_directory(REAL_ROOT, REAL_TODAY)
    assert [p.format() for p in report.problems] == []
    assert directory is not None
    assert not directory.settings.fictional
    assert set(directory.settings.cities) == {"33.75", "74.71"}


def test_real_directory_confirms_nothing_it_did_not_confirm():
    # Built from news articles only: nothing may claim a direct confirmation yet.
    directory, _ = check_directory(REAL_ROOT, REAL_TODAY)
    for kind in ("organisations", "services", "hotlines", "pathways"):
        for entry in getattr(directory, kind).values():
            assert entry.record.verified_on is None, entry.path
            assert entry.record.sources, entry.path


def test_no_shelter_address_in_the_repository():
    for root in (REAL_ROOT, FICTIONAL):
        directory, _ = check_directory(root, REAL_TODAY if root == REAL_ROOT else TODAY)
        for entry in directory.services.values():
            locations = entry.record.locations if isinstance(entry.record.locations, list) else []
            for loc in locations:
                if loc.confidential:
                    assert (loc.address, loc.latitude, loc.longitude, loc.name) == (None,) * 4
                    assert loc.region.count(".") == 1


def test_schemas_and_field_reference_are_up_to_date():
    for name, text in schema_files().items():
        path = REAL_ROOT / "schema" / name
        assert path.read_text(encoding="utf-8") == text, f"{path} is stale: run `make schema`"
        json.loads(text)
    page = REPO / "content" / "referensi-kolom.md"
    assert page.read_text(encoding="utf-8") == field_reference(), "run `make schema`"


def test_every_record_file_points_at_its_schema():
    for root in (REAL_ROOT, FICTIONAL):
        for path in sorted(root.rglob("*.yaml")):
            first = path.read_text(encoding="utf-8").splitlines()[0]
            assert first.startswith("# yaml-language-server: $schema="), path
            target = (path.parent / first.split("=", 1)[1]).resolve()
            if root == REAL_ROOT:
                assert target.is_file(), f"{path}: {target}"


def run_check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "generator", "check", *args],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )


def test_command_exit_codes_and_summary(tmp_path):
    ok = run_check("--root", str(FICTIONAL), "--today", TODAY.isoformat())
    assert ok.returncode == 0, ok.stderr
    assert ok.stderr.strip().endswith("OK: 0 kesalahan, 4 peringatan")
    strict = run_check("--root", str(FICTIONAL), "--today", TODAY.isoformat(), "--strict")
    assert strict.returncode == 1
    bad = run_check("--root", str(tmp_path / "missing"))
    assert bad.returncode == 2 and "Traceback" not in bad.stderr
    wrong_date = run_check("--today", "kemarin")
    assert wrong_date.returncode == 1
    assert wrong_date.stderr.strip() == "error: --today harus YYYY-MM-DD, tertulis 'kemarin'"


def test_parallel_read_gives_the_same_report(monkeypatch, tmp_path):
    import generator.check.reading as load
    from tests.check.cases import CASES
    from tests.check.test_check_codes import plant

    root = tmp_path / "fictional"
    import shutil

    shutil.copytree(FICTIONAL, root)
    for code in ("E-MARKDOWN", "E-DUPLICATE-KEY", "E-PHONE", "W-SHARED-NUMBER"):
        plant(root, *CASES[code])
    _, serial = check_directory(root, TODAY)
    monkeypatch.setattr(load, "PARALLEL_MIN_FILES", 0)
    _, parallel = check_directory(root, TODAY)
    assert [p.format() for p in parallel.sorted()] == [p.format() for p in serial.sorted()]
    assert {p.code for p in serial.problems} >= {"E-MARKDOWN", "E-DUPLICATE-KEY", "E-PHONE"}
