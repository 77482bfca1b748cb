"""HSDS import: every official example imports with a complete report; the round trip
export -> import -> export of the fictional directory keeps every mapped field."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
import yaml
from hsds_helpers import EXAMPLES, reference

from generator.__main__ import main
from generator.check import check_directory
from generator.commands.import_hsds import taxonomy_codes
from generator.hsds import export_files
from generator.hsds.import_ import Importer, write_records
from generator.hsds.read import read_source
from tests.reference import FICTIONAL, REPO, TODAY


def run_import(source: Path, out: Path, terms=None):
    result = Importer(read_source(source), "Contoh HSDS", TODAY, terms or {}).run()
    write_records(result, out, replace=False)
    return result


@pytest.mark.parametrize("name", [p.name for p in sorted(EXAMPLES.glob("*.json"))] + ["csv"])
def test_every_official_example_imports_with_a_report(tmp_path, name):
    reference()
    result = run_import(EXAMPLES / name, tmp_path)
    assert result.findings, "every example holds something we cannot map"
    for finding in result.findings:
        assert re.fullmatch(r"I-[A-Z-]+", finding.code)
        where = finding.where
        assert where.startswith(f"{name}:") or (
            name == "csv" and re.match(r"\w+\.csv:row \d+$", where)
        )
    for path in tmp_path.rglob("*.yaml"):
        text = path.read_text(encoding="utf-8")
        assert "verified_on" not in text


def test_us_example_is_reported_foreign_not_guessed(tmp_path):
    reference()
    result = run_import(EXAMPLES / "service_full.json", tmp_path)
    lines = {f.format() for f in result.findings}
    assert (
        "service_full.json:$.service_at_locations[0].location: region: I-FOREIGN-PLACE: "
        "the data's places are in US, outside Indonesia: no region guessed"
    ) in lines
    assert (
        "service_full.json:$.phones[0]: number: I-FOREIGN-PLACE: "
        "'+44 1234 234567' is a number in GB, not Indonesia: not imported"
    ) in lines
    assert (
        "service_full.json:$: assured_date: I-ASSURED: kept in the source's covers; never verified_on"
        in lines
    )
    record = yaml.safe_load((tmp_path / "services" / "community-counselling.yaml").read_text())
    assert "region" not in record["locations"][0]
    assert record["sources"] == [
        {
            "name": "Contoh HSDS",
            "date": "2026-11-01",
            "covers": "Diimpor dari data HSDS. Penerbit data memeriksanya pada 2005-01-01 "
            "(assured_date); belum kami konfirmasi.",
        }
    ]
    assert "verified_on" not in record


def test_tabular_example_reports_rows_by_file_and_row(tmp_path):
    reference()
    result = run_import(EXAMPLES / "csv", tmp_path)
    lines = {f.format() for f in result.findings}
    assert (
        "contacts.csv:row 2: name: I-PERSON: names of people are not recorded (offices and roles only)"
        in lines
    )
    assert "funding.csv:row 2: -: I-NOT-IMPORTED: row of funding.csv: not imported" in lines
    assert (tmp_path / "services" / "community-counselling.yaml").exists()


def test_existing_records_are_kept_without_replace(tmp_path):
    reference()
    run_import(EXAMPLES / "service_full.json", tmp_path)
    path = tmp_path / "services" / "community-counselling.yaml"
    path.write_text("# staff edit\n", encoding="utf-8")
    result = run_import(EXAMPLES / "service_full.json", tmp_path)
    assert path.read_text(encoding="utf-8") == "# staff edit\n"
    assert any(f.code == "I-EXISTS" and f.where == str(path) for f in result.findings)


def test_out_must_be_inside_the_project_and_not_its_root(tmp_path, capsys):
    reference()
    source = str(EXAMPLES / "service_full.json")
    assert main(["import-hsds", source, "--out", str(REPO)]) == 1
    assert main(["import-hsds", source, "--out", str(tmp_path / "x")]) == 1
    err = capsys.readouterr().err
    assert "is the project root" in err and "add --outside if that is meant" in err
    assert not (tmp_path / "x").exists()
    assert main(["import-hsds", source, "--out", str(tmp_path / "x"), "--outside"]) == 0


# --- round trip ------------------------------------------------------------------------

UUID_RE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$")
IMPORTED = "Contoh HSDS"


def _labels(files: dict[str, bytes]) -> dict[str, str]:
    """HSDS id -> a name that survives the trip (records are renamed from their names);
    ids of parts (locations, areas) become "?" on both sides."""
    out = {
        t["id"]: f"term:{t['taxonomy']}:{t['code']}"
        for t in json.loads(files["hsds/taxonomy_terms.json"])
    }
    for org in json.loads(files["hsds/organizations.json"]):
        out[org["id"]] = "org:" + org["name"]
    for service in json.loads(files["hsds/services.json"]):
        out[service["id"]] = "service:" + service["name"]
        for phone in service.get("phones", []):
            out[phone["id"]] = (
                f"phone:{service['name']}:{phone['number']}:{phone.get('description')}"
            )
    return out


def _normal(obj, labels: dict[str, str]):
    if isinstance(obj, dict):
        kept = {
            k: _normal(v, labels)
            for k, v in obj.items()
            if k not in ("id", "link_id", "assured_date")
        }
        return kept
    if isinstance(obj, list):
        items = [_normal(v, labels) for v in obj]
        items = [i for i in items if not (isinstance(i, dict) and _dropped_metadata(i))]
        return sorted(items, key=lambda i: json.dumps(i, sort_keys=True))
    if isinstance(obj, str) and UUID_RE.match(obj):
        return labels.get(obj, "?")
    return obj


def _dropped_metadata(row: dict) -> bool:
    """Confirmations stay ours (never imported) and the import adds the dataset as a source."""
    return row.get("last_action_type") == "verified" or row.get("updated_by") == IMPORTED


def _normalised(files: dict[str, bytes]) -> dict[str, dict]:
    labels = _labels(files)
    out = {}
    for name in ("hsds/organizations.json", "hsds/services.json"):
        for item in json.loads(files[name]):
            out[labels[item["id"]]] = _normal(item, labels)
    return out


def test_round_trip_keeps_every_mapped_field(tmp_path):
    root = tmp_path / "directory"
    shutil.copytree(FICTIONAL, root)
    first_dir, _report = check_directory(root, TODAY)
    first = export_files(first_dir, ("hsds",))
    (tmp_path / "hsds").mkdir()
    for name, data in first.items():
        (tmp_path / name).write_bytes(data)
    for folder in ("services", "organisations", "hotlines", "materials", "pathways"):
        shutil.rmtree(root / folder)
    result = run_import(tmp_path / "hsds", root, taxonomy_codes(root))
    assert {f.code for f in result.findings} == {"I-ASSURED", "I-MISSING"}
    shelter = root / "services" / "rumah-aman-contoh.yaml"
    # The export leaves a shelter's text behind; staff write it again, as after any import.
    shelter.write_text(shelter.read_text() + "description: Rumah aman.\n", encoding="utf-8")
    second_dir, report = check_directory(root, TODAY)
    assert second_dir is not None, [p.format() for p in report.errors]
    second = export_files(second_dir, ("hsds",))
    before, after = _normalised(first), _normalised(second)
    assert sorted(before) == sorted(after)
    for key in before:
        assert after[key] == before[key], key


def test_tabular_package_imports_the_same_records_as_the_json(fictional_directory, tmp_path):
    for name, data in export_files(fictional_directory, ("hsds", "tabular")).items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(data)
    terms = taxonomy_codes(FICTIONAL)
    from_json = Importer(read_source(tmp_path / "hsds"), IMPORTED, TODAY, terms).run()
    from_csv = Importer(read_source(tmp_path / "tabular"), IMPORTED, TODAY, terms).run()
    assert len(from_json.records) == 38
    assert from_csv.records == from_json.records


def test_wrong_shapes_are_reported_never_a_traceback(tmp_path):
    source = tmp_path / "aneh.json"
    source.write_text(
        json.dumps(
            [
                {"name": "Layanan Aneh", "status": ["active"], "phones": "abc", "organization": "x",
                 "schedules": [1, {"byday": ["MO"]}], "service_areas": {"a": 1},
                 "service_at_locations": [{"location": {"latitude": "abc", "addresses": [
                     {"country": "ID", "city": "Kota Kendari", "address_1": "Jalan Contoh 1"}]}}]},
                {"name": 42, "status": "active"},
                "text",
                {"name": "Org", "description": "x", "phones": [{"number": "0812-3456-7890", "type": "cell"}]},
            ]
        ),
        encoding="utf-8",
    )  # fmt: skip
    result = run_import(source, tmp_path / "out")
    lines = {f.format() for f in result.findings}
    assert "aneh.json:$[0]: phones: I-SHAPE: expected a list of objects: left out" in lines
    assert "aneh.json:$[0]: status: I-SHAPE: expected a single value: left out" in lines
    assert "aneh.json:$[1]: name: I-MISSING: service without a name: not imported" in lines
    assert "aneh.json:$[2]: -: I-NOT-IMPORTED: not an object: not imported" in lines
    service = yaml.safe_load((tmp_path / "out" / "services" / "layanan-aneh.yaml").read_text())
    assert service["locations"] == [
        {"address": "Jalan Contoh 1", "region": "74.71"}
    ]  # one Kota Kendari
    assert "organisation" not in service
    org = yaml.safe_load((tmp_path / "out" / "organisations" / "org.yaml").read_text())
    assert org["channels"] == [{"type": "phone", "value": "0812-3456-7890"}]


def test_export_command_writes_one_format(tmp_path, capsys):
    out = tmp_path / "geo"
    assert main(["export", "--root", str(FICTIONAL), "--format", "geojson", "--out", str(out)]) == 0
    assert [p.name for p in out.iterdir()] == ["lokasi.geojson"]
    assert capsys.readouterr().out.startswith("wrote 1 file(s), ")


def test_services_inside_an_organisation_are_imported(tmp_path):
    reference()
    result = run_import(EXAMPLES / "organization_full.json", tmp_path)
    assert sorted(result.records) == [
        "organisations/example-organization-inc",
        "services/community-counselling",
    ]
    service = result.records["services/community-counselling"]
    assert service["organisation"] == "example-organization-inc"
