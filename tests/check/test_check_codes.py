"""`check` on the fictional directory, and one planted fault per problem code."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.check import check_directory
from generator.errors import CATALOGUE
from tests.check.cases import CASES
from tests.check.expected import EXPECTED
from tests.conftest import FICTIONAL, TODAY


def plant(root: Path, relpath: str, fault: tuple) -> None:
    path = root / relpath
    action, *args = fault
    if action == "replace":
        old, new = args
        text = path.read_text(encoding="utf-8")
        assert old in text, f"fixture drifted: {old!r} not in {relpath}"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
    elif action == "append":
        with path.open("a", encoding="utf-8") as fh:
            fh.write(args[0])
    elif action == "write":
        path.write_text(args[0], encoding="utf-8")
    elif action == "bytes":
        path.write_bytes(args[0])
    elif action == "copy":
        shutil.copyfile(root / args[0], path)
    elif action == "delete":
        path.unlink()
    elif action == "symlink":
        path.symlink_to(args[0])


def lines_for(tmp_path: Path, code: str) -> list[str]:
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    relpath, fault = CASES[code]
    plant(root, relpath, fault)
    directory, report = check_directory(root, TODAY)
    if any(p.severity == "error" for p in report.problems):
        assert directory is None
    return [p.format() for p in report.sorted() if p.code == code]


def test_fictional_directory_is_clean_but_for_planted_staleness():
    directory, report = check_directory(FICTIONAL, TODAY)
    assert directory is not None
    assert report.errors == []
    assert {p.code for p in report.warnings} == {"W-STALE"}


def test_every_code_has_a_case():
    assert set(CASES) == set(CATALOGUE)
    assert set(EXPECTED) == {code for code, case in CASES.items() if case}


@pytest.mark.parametrize("code", sorted(c for c, case in CASES.items() if case))
def test_planted_fault_gives_exact_message(tmp_path, code):
    assert lines_for(tmp_path, code) == EXPECTED[code]


@pytest.mark.parametrize("code", sorted(c for c, case in CASES.items() if case))
def test_planted_fault_reads_the_same_in_reader_processes(tmp_path, monkeypatch, code):
    """Large trees are read by reader processes through the fast reader: same lines."""
    import generator.check.reading as load

    monkeypatch.setattr(load, "PARALLEL_MIN_FILES", 0)
    assert lines_for(tmp_path, code) == EXPECTED[code]


@pytest.mark.parametrize("code", sorted(c for c, case in CASES.items() if case))
def test_planted_fault_same_when_rules_run_record_by_record(tmp_path, monkeypatch, code):
    """The per-record rules run on batches while records arrive, and a reference to a
    record not seen yet waits for the end: batches of one record give the same lines."""
    import generator.check.engine as engine

    monkeypatch.setattr(engine, "RULES_BATCH", 1)
    assert lines_for(tmp_path, code) == EXPECTED[code]


def test_whole_report_same_when_rules_run_record_by_record(tmp_path, monkeypatch):
    """Forward references across batches: a pathway names services (read later), an
    organisation names its parent; one name is wrong and must be reported once."""
    import generator.check.engine as engine

    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    plant(root, *CASES["E-REF"])
    _, whole = check_directory(root, TODAY)
    monkeypatch.setattr(engine, "RULES_BATCH", 1)
    _, batched = check_directory(root, TODAY)
    assert [p.format() for p in batched.sorted()] == [p.format() for p in whole.sorted()]
    assert len([p for p in whole.problems if p.code == "E-REF"]) == len(EXPECTED["E-REF"])


def test_single_files_come_before_folder_records(tmp_path):
    """The rules read their tables (settings, short codes, taxonomy) from the first
    records; `discover` must list those files before any folder."""
    from generator.check.reading import discover
    from generator.kinds import FILES

    found, _ = discover(FICTIONAL)
    kinds = [kind for _path, kind, _shown in found]
    first_folder = next(i for i, kind in enumerate(kinds) if kind not in FILES)
    assert all(kind not in FILES for kind in kinds[first_folder:])
    assert set(kinds[:first_folder]) == {k for k in FILES if (FICTIONAL / k).is_file()}


def test_pathway_step_names_organisations_that_exist(tmp_path):
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    relpath = "pathways/alur-contoh-kota-magelang.yaml"
    old = "organisations: [gow-contoh-kota-magelang]"
    plant(root, relpath, ("replace", old, "organisations: [gow-contoh-kota-magelan]"))
    _, report = check_directory(root, TODAY)
    (ref,) = [p for p in report.problems if p.code == "E-REF"]
    assert ref.field == "steps[5].organisations[0]"
    assert "maksud Anda 'gow-contoh-kota-magelang'" in ref.format()


def test_fictional_flag_refused_in_real_directory(monkeypatch, tmp_path):
    import generator.check.rules.tables as tables

    root = tmp_path / "directory"
    shutil.copytree(FICTIONAL, root)
    monkeypatch.setattr(tables, "REAL_ROOT", root)
    _, report = check_directory(root, TODAY)
    assert [p.format() for p in report.errors] == [
        "directory/settings.yaml:18:1: error[E-FICTIONAL]: pengaturan: fictional: "
        "direktori asli tidak boleh `fictional: true`"
    ]


def test_english_messages_for_developers(tmp_path):
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    plant(root, *CASES["E-REF"])
    _, report = check_directory(root, TODAY)
    (ref,) = [p for p in report.errors if p.code == "E-REF"]
    assert ref.format("en") == (
        "fictional/services/pengaduan-uptd-ppa-contoh-magelang.yaml:2:1: error[E-REF]: "
        "service 'pengaduan-uptd-ppa-contoh-magelang': organisation: unknown organisation "
        "'uptd-ppa-contoh-kota-magelan' (did you mean 'uptd-ppa-contoh-kota-magelang'?)"
    )


def test_check_never_writes(tmp_path):
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    before = {p: p.stat().st_mtime_ns for p in root.rglob("*")}
    check_directory(root, TODAY)
    assert {p: p.stat().st_mtime_ns for p in root.rglob("*")} == before
