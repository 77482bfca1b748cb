"""`python -m generator new <kind>`: records that pass `check`, never an overwrite."""

from __future__ import annotations

import builtins
import sys
from pathlib import Path

import pytest
import yaml

from generator.__main__ import main
from generator.check import check_directory
from tests.reference import TODAY

# Flags for every kind, using ids that exist in tests/data/fictional.
CASES = {
    "organisation": [
        "--name", "Lembaga Fiktif Baru Magelang",
        "--kind", "ngo",
        "--regions", "33.71",
    ],
    "service": [
        "--organisation", "uptd-ppa-contoh-kota-magelang",
        "--name", "Kelompok Dukungan Contoh",
        "--description", "Pertemuan rutin untuk saling mendukung.",
        "--categories", "pendampingan,konseling",
        "--audiences", "perempuan",
        "--service-area", "33.71",
        "--status", "active",
    ],
    "hotline": [
        "--name", "Saluran Fiktif Baru",
        "--purpose", "Saluran karangan untuk pengujian.",
        "--set", "channels.0.type=whatsapp",
        "--set", "channels.0.value=0852-0000-9009",
        "--set", "coverage.level=province",
        "--set", "coverage.regions=73",
    ],
    "region": ["--id", "73.08.01"],
    "pathway": [
        "--region", "33.71",
        "--title", "Alur Fiktif Kedua",
        "--set", "steps.0.title=Melapor",
        "--set", "steps.0.description=Telepon atau datang langsung.",
        "--set", "steps.1.title=Pendampingan",
        "--set", "steps.1.description=Petugas menemani Anda.",
    ],
    "material": [
        "--title", "Selebaran Fiktif Baru",
        "--kind", "flyer_a5",
        "--audiences", "perempuan",
        "--set", "sections.0.heading=Anda tidak sendiri",
        "--set", "sections.0.text=Ada yang bisa membantu.",
        "--regions", "33.71",
        "--set", "publisher=dinas-contoh-ppa-kota-magelang",
        "--licence", "CC BY 4.0",
        "--version", "1.0",
        "--date", "2026-10-01",
    ],
}  # fmt: skip
EXPECTED_FILES = {
    "organisation": "organisations/lembaga-fiktif-baru-magelang.yaml",
    "service": "services/kelompok-dukungan-contoh.yaml",
    "hotline": "hotlines/saluran-fiktif-baru.yaml",
    "region": "regions/73.08.01.yaml",
    "pathway": "pathways/alur-fiktif-kedua.yaml",
    "material": "materials/selebaran-fiktif-baru.yaml",
}


def run_new(root: Path, kind: str, *flags: str) -> int:
    argv = ["new", kind, "--root", str(root), "--today", TODAY.isoformat(), "--no-input", *flags]
    return main(argv)


@pytest.mark.parametrize("kind", sorted(CASES))
def test_new_record_passes_check(fictional_copy, kind, capsys):
    assert run_new(fictional_copy, kind, *CASES[kind]) == 0, capsys.readouterr().err
    path = fictional_copy / EXPECTED_FILES[kind]
    text = path.read_text(encoding="utf-8")
    folder = EXPECTED_FILES[kind].split("/")[0]
    assert text.startswith(
        f"# yaml-language-server: $schema=../schema/{folder.removesuffix('s')}.schema.json\n"
    )
    data = yaml.safe_load(text)
    assert "verified_on" not in data and "verified_by" not in data
    _directory, report = check_directory(fictional_copy, TODAY)
    assert [p.format() for p in report.errors] == []
    assert capsys.readouterr().out.strip() == str(path)


def test_region_name_comes_from_the_national_table(fictional_copy):
    assert run_new(fictional_copy, "region", "--id", "73.08.01") == 0
    data = yaml.safe_load((fictional_copy / "regions/73.08.01.yaml").read_text())
    assert data == {"name": "Bontocani"}


def test_list_or_word_fields_take_either(fictional_copy, capsys):
    """Fields such as `languages: [id, jv] | unknown` take a comma list or the word, and
    `--set channels.0.…` reaches into `channels: [...] | unknown`."""
    flags = [*CASES["service"], "--set", "languages=id,jv", "--set", "hours=unknown"]
    assert run_new(fictional_copy, "service", *flags) == 0, capsys.readouterr().err
    data = yaml.safe_load((fictional_copy / EXPECTED_FILES["service"]).read_text())
    assert data["languages"] == ["id", "jv"] and data["hours"] == "unknown"
    flags = [
        "--name", "Lembaga Nasional Fiktif",
        "--kind", "ngo",
        "--regions", "national",
        "--set", "channels.0.type=phone",
        "--set", "channels.0.value=0852-0000-7007",
    ]  # fmt: skip
    assert run_new(fictional_copy, "organisation", *flags) == 0, capsys.readouterr().err
    data = yaml.safe_load(
        (fictional_copy / "organisations/lembaga-nasional-fiktif.yaml").read_text()
    )
    assert data["regions"] == "national"
    assert data["channels"] == [{"type": "phone", "value": "0852-0000-7007"}]


def test_never_overwrites(fictional_copy, capsys):
    path = fictional_copy / "services" / "pengaduan-uptd-ppa-contoh-magelang.yaml"
    before = path.read_bytes()
    flags = list(CASES["service"])
    code = run_new(fictional_copy, "service", "--id", "pengaduan-uptd-ppa-contoh-magelang", *flags)
    assert code == 1
    assert "sudah ada" in capsys.readouterr().err
    assert path.read_bytes() == before


def test_second_run_refuses_the_file_it_made(fictional_copy, capsys):
    assert run_new(fictional_copy, "service", *CASES["service"]) == 0
    path = fictional_copy / EXPECTED_FILES["service"]
    before = path.read_bytes()
    assert run_new(fictional_copy, "service", *CASES["service"]) == 1
    assert path.read_bytes() == before


def test_bad_reference_writes_nothing(fictional_copy, capsys):
    flags = list(CASES["service"])
    flags[flags.index("uptd-ppa-contoh-kota-magelang")] = "uptd-ppa-contoh-kota-magelng"
    assert run_new(fictional_copy, "service", *flags) == 1
    err = capsys.readouterr().err
    assert "error[E-REF]" in err
    last = err.strip().splitlines()[-1]  # the same last line as every command `check` stops
    assert last.startswith("GAGAL: 1 kesalahan") and "tidak dibuat. Perbaiki dulu" in last
    assert not (fictional_copy / EXPECTED_FILES["service"]).exists()


def test_missing_fields_are_named_all_at_once(fictional_copy, capsys):
    assert run_new(fictional_copy, "service", "--name", "Layanan Setengah Jadi") == 1
    err = capsys.readouterr().err
    for flag in ("--organisation", "--description", "--categories", "--service-area", "--status"):
        assert flag in err
    assert not list((fictional_copy / "services").glob("layanan-setengah-jadi*"))


def test_prompts_for_what_flags_do_not_give(fictional_copy, monkeypatch, capsys):
    answers = iter(["Organisasi Fiktif Tanya Jawab", "ngo", "33.71"])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(answers))
    argv = ["new", "organisation", "--root", str(fictional_copy), "--today", TODAY.isoformat()]
    assert main(argv) == 0
    data = yaml.safe_load(
        (fictional_copy / "organisations/organisasi-fiktif-tanya-jawab.yaml").read_text()
    )
    assert data == {"name": "Organisasi Fiktif Tanya Jawab", "kind": "ngo", "regions": ["33.71"]}
    assert "name: Nama lengkap" in capsys.readouterr().err  # the field's own explanation


def test_region_prompt_asks_the_code_first(fictional_copy, monkeypatch):
    answers = iter(["73.08.01"])
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", lambda prompt="": next(answers))
    argv = ["new", "region", "--root", str(fictional_copy), "--today", TODAY.isoformat()]
    assert main(argv) == 0
    data = yaml.safe_load((fictional_copy / "regions/73.08.01.yaml").read_text())
    assert data == {"name": "Bontocani"}


@pytest.mark.parametrize("bad_id", ["../keluar", "Huruf-Besar", "a/b"])
def test_id_must_be_a_plain_file_name(fictional_copy, bad_id, capsys):
    assert run_new(fictional_copy, "service", "--id", bad_id, *CASES["service"]) == 1
    assert "tidak sah" in capsys.readouterr().err
    assert not (fictional_copy.parent / "keluar.yaml").exists()
