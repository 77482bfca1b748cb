"""`check --format github|json` on a directory with a planted error, as CI runs it."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from generator.__main__ import main
from tests.reference import FICTIONAL, TODAY

SERVICE = "services/pengaduan-uptd-ppa-contoh-magelang.yaml"

# What a staff member sees on line 16 of the file in the pull request's "Files changed".
EXPECTED_ANNOTATION = (
    "::error file=directory/services/pengaduan-uptd-ppa-contoh-magelang.yaml,line=16,col=5,"
    "title=E-PHONE::layanan 'pengaduan-uptd-ppa-contoh-magelang': channels[1].value: "
    "nomor '0812-0000-10O1' tidak sah: hanya angka, spasi, tanda hubung, kurung dan + "
    '(Saran: Tulis nomor lengkap dengan kode area, mis. "(kode area) nomor" atau nomor HP "08xx-xxxx-xxxx".)'
)


@pytest.fixture
def broken(tmp_path) -> Path:
    """A copy named `directory/`, as in the repository, with a letter O typed for a zero."""
    root = tmp_path / "directory"
    shutil.copytree(FICTIONAL, root)
    path = root / SERVICE
    text = path.read_text(encoding="utf-8")
    assert '    value: "0812-0000-1001"\n' in text
    path.write_text(text.replace('"0812-0000-1001"', '"0812-0000-10O1"'), encoding="utf-8")
    return root


def check(root: Path, *flags: str) -> int:
    return main(["check", "--root", str(root), "--today", TODAY.isoformat(), *flags])


def test_github_annotation_for_planted_error(broken, tmp_path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert check(broken, "--format", "github") == 1
    out = capsys.readouterr().out.splitlines()
    errors = [line for line in out if line.startswith("::error ")]
    assert errors == [EXPECTED_ANNOTATION]
    assert all(line.startswith(("::error ", "::warning ")) for line in out)
    table = summary.read_text(encoding="utf-8")
    assert (
        "| ❌ kesalahan | `E-PHONE` | directory/services/pengaduan-uptd-ppa-contoh-magelang.yaml:16:5 |"
        in table
    )
    assert table.count("| ⚠️ peringatan | `W-STALE` |") == 4


def test_summary_only_when_github_asks(broken, tmp_path, monkeypatch, capsys):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    check(broken)
    assert not summary.exists()
    assert "error[E-PHONE]" in capsys.readouterr().out


def test_json_format(broken, capsys):
    assert check(broken, "--format", "json") == 1
    data = json.loads(capsys.readouterr().out)
    assert (data["errors"], data["warnings"]) == (1, 4)
    (error,) = [p for p in data["problems"] if p["severity"] == "error"]
    assert error["code"] == "E-PHONE"
    assert (error["file"], error["line"], error["col"]) == (f"directory/{SERVICE}", 16, 5)
    assert error["params"]["value"] == "0812-0000-10O1"
