"""CONTRIBUTING.md explains every problem code staff can meet (datasette's docs test)."""

from __future__ import annotations

import re
from pathlib import Path

from generator.errors import CATALOGUE

CONTRIBUTING = Path(__file__).resolve().parents[2] / "CONTRIBUTING.md"


def code_table() -> dict[str, str]:
    text = CONTRIBUTING.read_text(encoding="utf-8")
    section = text.split("## Arti pesan pemeriksaan", 1)[1].split("\n## ", 1)[0]
    return {m[1]: m[0] for m in re.finditer(r"^\| `([EW]-[A-Z-]+)` \|.*$", section, re.M)}


def test_every_code_is_explained():
    missing = sorted(set(CATALOGUE) - set(code_table()))
    assert not missing, f"add these codes to CONTRIBUTING.md, 'Arti pesan pemeriksaan': {missing}"


def test_no_code_that_does_not_exist():
    unknown = sorted(set(code_table()) - set(CATALOGUE))
    assert not unknown, f"CONTRIBUTING.md explains codes the checker no longer has: {unknown}"


def test_rows_have_meaning_and_fix():
    for code, row in code_table().items():
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        assert len(cells) == 3 and all(cells), code


def test_warnings_are_called_warnings():
    # An `E-` code that is only a warning says so in its row, so staff are not alarmed.
    for code, row in code_table().items():
        if CATALOGUE[code].severity == "warning" and not code.startswith("W-"):
            assert "Peringatan" in row, code
        if code.startswith("W-"):
            assert CATALOGUE[code].severity == "warning", code


def test_relative_links_resolve():
    text = CONTRIBUTING.read_text(encoding="utf-8")
    targets = re.findall(r"\]\(((?!https?://|#)[^)]+)\)", text)
    assert "content/referensi-kolom.md" in targets
    for target in targets:
        assert (CONTRIBUTING.parent / target).exists(), target
