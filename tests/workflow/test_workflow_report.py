"""`python -m generator report`: the staff freshness report on the fictional directory."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.__main__ import main
from tests.reference import FICTIONAL, TODAY

SOURCED = ("organisations", "services", "hotlines", "pathways")

# Planted in tests/data/fictional (asserted by the data tests too): verified more than
# 12 months before the reference date 2026-11-01.
PLANTED_STALE = {
    "organisations/lbh-fiktif-magelang",
    "organisations/rs-contoh-magelang",
    "services/bantuan-hukum-lbh-fiktif-magelang",
    "services/visum-rsu-contoh-magelang",
}


def never_confirmed_on_disk(root: Path) -> set[str]:
    """Records whose YAML has no `verified_on`, read straight from the files."""
    found = set()
    for folder in SOURCED:
        for path in (root / folder).glob("*.yaml"):
            if "verified_on" not in yaml.safe_load(path.read_text(encoding="utf-8")):
                found.add(f"{folder}/{path.stem}")
    return found


def sections(markdown: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", markdown, flags=re.M)
    return {title: body for title, body in zip(parts[1::2], parts[2::2], strict=True)}


def files_in(section: str) -> set[str]:
    """`organisations/x` for every record file named in a section's table."""
    return {f"{m[1]}/{m[2]}" for m in re.finditer(r"\|\s*\w+/(\w+)/([\w.-]+)\.yaml\s*\|", section)}


def write_report(root: Path, out: Path) -> str:
    assert (
        main(["report", "--root", str(root), "--today", TODAY.isoformat(), "--out", str(out)]) == 0
    )
    return out.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def report_text(tmp_path_factory) -> str:
    return write_report(FICTIONAL, tmp_path_factory.mktemp("report") / "laporan.md")


def section_named(report_text: str, start: str) -> str:
    (body,) = [body for title, body in sections(report_text).items() if title.startswith(start)]
    return body


def test_lists_exactly_the_planted_stale_records(report_text):
    stale = section_named(report_text, "Perlu dicek ulang")
    assert files_in(stale) == PLANTED_STALE
    assert "| layanan | Bantuan Hukum Gratis untuk Korban Kekerasan | 2025-03-01 | 20 |" in stale


def test_lists_exactly_the_unverified_records(report_text):
    never = section_named(report_text, "Belum pernah dikonfirmasi")
    expected = never_confirmed_on_disk(FICTIONAL)
    assert expected  # the fictional directory plants unverified records
    assert files_in(never) == expected


def test_buckets_cover_every_record_once(report_text):
    titles = ("Perlu dicek ulang", "Belum pernah", "Dikonfirmasi 6 sampai", "Dikonfirmasi kurang")
    seen = [files_in(section_named(report_text, t)) for t in titles]
    everything = {
        f"{folder}/{p.stem}" for folder in SOURCED for p in (FICTIONAL / folder).glob("*.yaml")
    }
    assert set().union(*seen) == everything
    assert sum(map(len, seen)) == len(everything)
    assert files_in(section_named(report_text, "Dikonfirmasi 6 sampai")) == {
        "services/visum-puskesmas-contoh-bone"
    }


def test_summary_counts_and_fictional_stamp(report_text):
    assert report_text.startswith("# Laporan kesegaran data\n\n**CONTOH — FIKTIF:**")
    assert "Tanggal acuan: 2026-11-01." in report_text
    summary = section_named(report_text, "Ringkasan")
    assert "| Perlu dicek ulang: dikonfirmasi 12 bulan lalu atau lebih | 4 |" in summary


def test_records_without_any_channel(report_text):
    section = section_named(report_text, "Tanpa cara menghubungi")
    # The women's organisations of the GOW network have no contact channel of their own.
    assert "organisations/organisasi-wanita-contoh-mawar" in files_in(section)
    # An organisation reachable through one of its services is not listed.
    assert "organisations/uptd-ppa-contoh-kabupaten-bone" not in files_in(section)


def test_shared_number_between_unrelated_records(fictional_copy, tmp_path):
    path = fictional_copy / "services" / "konseling-keluarga-biro-psikologi-contoh.yaml"
    # Give the private psychology practice the number of the (unrelated) UPTD PPA.
    text = path.read_text(encoding="utf-8").replace('"(0293) 000303"', '"(0293) 000102"', 1)
    path.write_text(text, encoding="utf-8")
    report = write_report(fictional_copy, tmp_path / "laporan.md")
    shared = section_named(report, "Nomor yang dipakai bersama")
    assert "| +62293000102 |" in shared
    assert "layanan konseling-keluarga-biro-psikologi-contoh" in shared
    assert "layanan pengaduan-uptd-ppa-contoh-magelang" in shared


def test_same_input_same_report(report_text, tmp_path):
    assert write_report(FICTIONAL, tmp_path / "again.md") == report_text


def test_refuses_a_directory_with_errors(fictional_copy, tmp_path, capsys):
    (fictional_copy / "services" / "rusak.yaml").write_text("name: [\n", encoding="utf-8")
    out = tmp_path / "laporan.md"
    argv = [
        "report",
        "--root",
        str(fictional_copy),
        "--today",
        TODAY.isoformat(),
        "--out",
        str(out),
    ]
    assert main(argv) == 1
    assert "error[E-YAML]" in capsys.readouterr().err
    assert not out.exists()
