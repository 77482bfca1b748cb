"""The committed hostile corpus (`hostile.yaml`): every case is caught by `check`.

All cases but the settings ones are planted, each in its own copy of a fictional record,
into one tree, and checked in one run.
"""

from __future__ import annotations

import shutil
from collections import Counter
from pathlib import Path

import pytest
import yaml

from generator.check import check_directory
from tests.reference import FICTIONAL, TODAY

ALL = yaml.safe_load((Path(__file__).parent / "hostile.yaml").read_text(encoding="utf-8"))
# `escaped` cases pass `check` on purpose; test_gate_outputs.py builds them.
CORPUS = [case for case in ALL if case["expect"] != "escaped"]
SOURCES = {
    "shelter": "services/rumah-aman-contoh-magelang.yaml",
    "service": "services/pengaduan-uptd-ppa-contoh-magelang.yaml",
    "hotline": "hotlines/sapa-129.yaml",
    "pathway": "pathways/alur-contoh-kota-magelang.yaml",
    "material": "materials/leaflet-contoh-stop-kekerasan.yaml",
    "organisation": "organisations/uptd-ppa-contoh-kota-magelang.yaml",
    "settings": "settings.yaml",
}


def put(data: dict, dotted: str, value) -> None:
    """Set `a.0.b` in nested YAML data."""
    *parents, last = [int(k) if k.isdigit() else k for k in dotted.split(".")]
    for key in parents:
        data = data[key]
    data[last] = value


def planted(case: dict, source: Path, target: Path) -> str:
    """Write the case into `target`; return the field it should be reported at."""
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    changes = case.get("set") or {case["field"]: case["text"]}
    for dotted, value in changes.items():
        put(data, dotted, value)
    target.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    field = case.get("field", "")
    return "".join(f"[{k}]" if k.isdigit() else f".{k}" for k in field.split(".")).lstrip(".")


def check_tree(root: Path) -> dict[str, list]:
    _directory, report = check_directory(root, TODAY)
    found: dict[str, list] = {}
    for p in report.problems:
        found.setdefault(Path(p.file).name, []).append(p)
    return found


def caught(problems: list, case: dict, field: str) -> bool:
    return any(p.code == case["expect"] and (not field or p.field == field) for p in problems)


def test_corpus_covers_every_class_it_claims():
    classes = Counter(case["class"] for case in CORPUS)
    assert len(CORPUS) >= 90, classes
    assert {"street", "estate", "landmark", "coordinates", "map-link", "unicode"} <= set(classes)


def test_every_record_case_is_caught(tmp_path):
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    fields = {}
    for i, case in enumerate(CORPUS):
        if case["in"] != "settings":
            source = FICTIONAL / SOURCES[case["in"]]
            target = root / source.parent.name / f"hostile-{i:03d}.yaml"
            fields[target.name] = (case, planted(case, source, target))
    found = check_tree(root)
    missed = [
        (name, case["class"], case.get("text") or case.get("set"), case["expect"])
        for name, (case, field) in sorted(fields.items())
        if not caught(found.get(name, []), case, field)
    ]
    assert not missed


@pytest.mark.parametrize(
    "case", [c for c in CORPUS if c["in"] == "settings"], ids=lambda c: c["expect"]
)
def test_every_settings_case_is_caught(tmp_path, case):
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    field = planted(case, FICTIONAL / "settings.yaml", root / "settings.yaml")
    assert caught(check_tree(root).get("settings.yaml", []), case, field)


def test_an_office_that_arranges_shelter_keeps_its_address(tmp_path):
    """Temporary shelter among other help, with its public office address in `locations`
    and a note that it refers people to a shelter: no problem."""
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    source = FICTIONAL / SOURCES["service"]
    data = yaml.safe_load(source.read_text(encoding="utf-8"))
    data["categories"].append("penampungan-sementara")
    data["notes"] = "Kantor ini mengatur rujukan ke rumah aman."
    assert data["locations"][0]["address"]
    (root / "services" / source.name).write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8"
    )
    assert check_tree(root).get(source.name, []) == []
