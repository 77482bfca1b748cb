"""`check` judges `taxonomy/phrases.yaml` like every record: its shape, and kinds of help
and audiences that exist, with the line and a suggestion; the file may be left out."""

from __future__ import annotations

from generator.check import check_directory
from tests.conftest import TODAY


def lines(root) -> list[str]:
    _d, report = check_directory(root, TODAY, resolve=False)
    return [p.format() for p in report.sorted()]


def phrases_file(root):
    return root / "taxonomy" / "phrases.yaml"


def test_the_fictional_phrases_pass(fictional_copy):
    assert not [line for line in lines(fictional_copy) if "phrases.yaml" in line]


def test_a_directory_without_phrases_is_fine(fictional_copy):
    phrases_file(fictional_copy).unlink()
    assert not [line for line in lines(fictional_copy) if "phrases" in line]


def test_an_unknown_kind_of_help_is_named_at_its_line_with_a_suggestion(fictional_copy):
    path = phrases_file(fictional_copy)
    text = path.read_text(encoding="utf-8")
    wrong = "categories: [pengaduan,"
    assert wrong in text
    path.write_text(text.replace(wrong, "categories: [pengaduann,", 1), encoding="utf-8")
    found = [line for line in lines(fictional_copy) if "phrases.yaml" in line]
    assert len(found) == 1, found
    line_no = next(i for i, line in enumerate(text.splitlines(), start=1) if wrong in line)
    assert f"fictional/taxonomy/phrases.yaml:{line_no}:" in found[0]
    assert "error[E-REF]" in found[0] and "ungkapan" in found[0]
    assert "'pengaduann'" in found[0] and "maksud Anda 'pengaduan'" in found[0]


def test_a_misspelt_key_is_an_indonesian_shape_error(fictional_copy):
    path = phrases_file(fictional_copy)
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("gloss:", "glos:", 1), encoding="utf-8")
    found = [line for line in lines(fictional_copy) if "phrases.yaml" in line]
    assert any("error[E-UNKNOWN-KEY]" in line and "glos" in line for line in found), found
    assert any("error[E-REQUIRED]" in line and "gloss" in line for line in found), found
