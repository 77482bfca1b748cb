"""A record with a shape problem is still checked by the rules, as far as it can be:
staff see every problem in one run, not one round of fixes at a time."""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.check import check_directory
from tests.conftest import FICTIONAL, TODAY

SERVICE = "services/bantuan-hukum-lbh-fiktif-magelang.yaml"
ORGANISATION = "organisations/lbh-fiktif-magelang.yaml"


def edited(tmp_path: Path, relpath: str, old: str, new: str) -> Path:
    root = tmp_path / "fictional"
    if not root.exists():
        shutil.copytree(FICTIONAL, root)
    path = root / relpath
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture drifted: {old!r} not in {relpath}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return root


def codes_in(report, relpath: str) -> list[str]:
    return sorted(p.code for p in report.problems if p.file.endswith(relpath))


def test_misspelt_key_does_not_hide_a_wrong_number(tmp_path):
    edited(tmp_path, SERVICE, "if_no_answer:", "if_no_anwser:")
    root = edited(tmp_path, SERVICE, '"0813-0000-2002"', '"0813-00"')
    directory, report = check_directory(root, TODAY)
    assert directory is None
    assert codes_in(report, SERVICE) == ["E-PHONE", "E-UNKNOWN-KEY", "W-STALE"]


def test_faulty_optional_field_is_not_reported_as_missing(tmp_path):
    """`verified_by` and `hours` are left out for their own problems: no E-VERIFIED
    (verified_on without verified_by) and no W-MISSING (hours) on top."""
    edited(tmp_path, SERVICE, "verified_by: Sekretariat LBH Fiktif", "verified_by: [a, b]")
    root = edited(tmp_path, SERVICE, "  public_holidays: closed", "  public_holidays: maybe")
    _, report = check_directory(root, TODAY)
    assert codes_in(report, SERVICE) == ["E-TYPE", "E-VALUE", "W-STALE"]  # planted stale


def test_required_field_problem_still_stops_the_rules_for_that_record(tmp_path):
    """Without a valid `status` there is no record to check: only the shape problem."""
    edited(tmp_path, SERVICE, "status: active", "status: aktif")
    root = edited(tmp_path, SERVICE, '"0813-0000-2002"', '"0813-00"')
    _, report = check_directory(root, TODAY)
    assert codes_in(report, SERVICE) == ["E-VALUE"]


def test_reference_to_a_broken_record_is_not_reported_again(tmp_path):
    """The organisation's file is broken (its name is missing): the problem is reported
    there, not as an unknown organisation at every service that names it."""
    root = edited(tmp_path, ORGANISATION, "\nname:", "\nnama:")
    _, report = check_directory(root, TODAY)
    assert "E-REQUIRED" in codes_in(report, ORGANISATION)
    assert not [p for p in report.problems if p.code == "E-REF"]


def test_reference_to_an_unreadable_record_is_not_reported_again(tmp_path):
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    (root / ORGANISATION).write_text("name: [unclosed\n", encoding="utf-8")
    _, report = check_directory(root, TODAY)
    assert codes_in(report, ORGANISATION) == ["E-YAML"]
    assert not [p for p in report.problems if p.code == "E-REF"]
