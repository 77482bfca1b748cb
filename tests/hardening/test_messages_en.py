"""`--lang en` is entirely English: every planted fault's message, subject and details."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.check import check_directory
from tests.check.cases import CASES
from tests.check.test_check_codes import plant
from tests.reference import FICTIONAL, TODAY

# Words of Indonesian messages that never occur in English ones.
INDONESIAN = re.compile(
    r"\b(harus|wajib|tidak|atau|dan|bukan|nilai|tertulis|layanan|organisasi|wilayah|materi"
    r"|alur|pengaturan|kategori|sasaran|sinonim|nomor|saluran|tautan|jam|hari|isi|pilih"
    r"|tanggal|kosong|teks|daftar|kunci|berisi|butir|baris|Saran|sumber|tulis|dengan)\b"
)


def english_lines(tmp_path: Path, code: str) -> list[str]:
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    relpath, fault = CASES[code]
    plant(root, relpath, fault)
    _directory, report = check_directory(root, TODAY)
    return [p.format("en") for p in report.sorted() if p.code == code]


@pytest.mark.parametrize("code", sorted(c for c, case in CASES.items() if case))
def test_english_message_has_no_indonesian(tmp_path, code):
    lines = english_lines(tmp_path, code)
    assert lines
    # Record ids, file names and quoted values stay as written.
    prose = [re.sub(r"'[^']*'|`[^`]*`|\S+\.yaml\S*", "", line) for line in lines]
    assert [line for line in prose if INDONESIAN.search(line)] == []
