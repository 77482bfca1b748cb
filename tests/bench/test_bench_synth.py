"""The synthetic national directory: deterministic, valid, realistic mix."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from devtools import synth

RECORDS = 1000


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "directory"
    synth.synthesize(out, RECORDS, seed=7)
    return out


def services(root: Path) -> list[dict]:
    return [
        yaml.load(p.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)
        for p in sorted((root / "services").glob("*.yaml"))
    ]


def test_same_seed_gives_the_same_tree(tree, tmp_path):
    again = tmp_path / "again"
    synth.synthesize(again, RECORDS, seed=7)
    assert synth.tree_hash(again) == synth.tree_hash(tree)


def test_other_seed_gives_another_tree(tree, tmp_path):
    other = tmp_path / "other"
    synth.synthesize(other, RECORDS, seed=8)
    assert synth.tree_hash(other) != synth.tree_hash(tree)


def test_counts_services_and_has_a_city_of_exactly_300(tree):
    records = services(tree)
    assert len(records) == RECORDS
    per_city = Counter(r["service_area"][0] for r in records if len(r["service_area"][0]) == 5)
    assert per_city[synth.CITY_300] == 300
    assert sum(1 for n in per_city.values() if n < 100) > len(per_city) * 0.8  # most cities: tens
    province_level = [r for r in records if len(r["service_area"][0]) == 2]
    assert 0.02 * RECORDS < len(province_level) < 0.1 * RECORDS


def test_every_record_file_has_the_schema_header(tree):
    for path in tree.rglob("*.yaml"):
        first = path.read_text(encoding="utf-8").split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), path


def test_directory_declares_itself_fictional_and_names_are_fictional(tree):
    settings = yaml.load(
        (tree / "settings.yaml").read_text(encoding="utf-8"), Loader=yaml.CSafeLoader
    )
    assert settings["fictional"] is True
    for path in (tree / "organisations").glob("*.yaml"):
        name = yaml.load(path.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)["name"]
        assert "Contoh" in name or "Fiktif" in name, name


def test_descriptions_are_30_to_80_words(tree):
    lengths = [len(r["description"].split()) for r in services(tree)]
    assert min(lengths) >= 30 and max(lengths) <= 80


def test_numbers_are_valid_indonesian_numbers_and_unique(tree):
    import phonenumbers

    seen = set()
    for record in services(tree):
        for channel in record["channels"]:
            if channel["type"] in ("phone", "whatsapp") and "value" in channel:
                number = phonenumbers.parse(channel["value"], "ID")
                assert phonenumbers.is_valid_number(number), channel["value"]
                if channel["type"] == "whatsapp":
                    assert channel["value"].startswith("08")
                key = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                assert key not in seen
                seen.add(key)


def test_shelters_carry_no_address(tree):
    shelters = [
        r
        for r in services(tree)
        if isinstance(r["locations"], list) and r["locations"][0].get("confidential")
    ]
    assert shelters
    for record in shelters:
        assert set(record["locations"][0]) == {"confidential", "region", "referral"}
        assert "Jl." not in str(record)


def test_passes_check(tree):
    validate = pytest.importorskip("generator.check")
    directory, report = validate.check_directory(tree, synth.AS_OF)
    assert [p.format() for p in report.errors] == []
    assert directory is not None and len(directory.services) == RECORDS


def test_synth_command_refuses_a_folder_that_is_not_empty(tmp_path, capsys):
    from devtools.__main__ import main

    (tmp_path / "x").write_text("keep me", encoding="utf-8")
    assert main(["synth", "--records", "10", "--out", str(tmp_path)]) == 1
    assert "is not empty" in capsys.readouterr().err
    assert (tmp_path / "x").read_text(encoding="utf-8") == "keep me"
