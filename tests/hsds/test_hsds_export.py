"""The HSDS 3.0 export: valid against the official compiled schemas, confidential
locations cut down, deterministic, and published by the build under data/."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
import yaml
from hsds_helpers import REAL, directory, exported, reference

from generator.hsds import export_files, site_stage
from generator.hsds.ids import hsds_id
from generator.hsds.schemas import validate_files
from generator.hsds.tabular import TABLES
from generator.models import Service
from tests.reference import FICTIONAL, REPO

SHELTER = "rumah-aman-contoh-magelang"


@pytest.mark.parametrize("root", [FICTIONAL, REAL], ids=["fictional", "real"])
def test_export_is_valid_against_the_compiled_hsds_schemas(root):
    errors = validate_files(reference(), exported(root))
    assert [e.format() for e in errors] == []


def test_schema_check_has_format_checking_on():
    files = dict(exported())
    services = json.loads(files["hsds/services.json"])
    services[0]["id"] = "not-a-uuid"
    services[0]["email"] = "not an email"
    files["hsds/services.json"] = json.dumps(services).encode()
    found = {(e.path, e.message) for e in validate_files(reference(), files)}
    assert ("$[0].id", "'not-a-uuid' is not a 'uuid'") in found
    assert ("$[0].email", "'not an email' is not a 'email'") in found


def test_every_file_is_there():
    names = set(exported())
    assert {
        "hsds/organizations.json",
        "hsds/services.json",
        "hsds/service_at_locations.json",
        "hsds/taxonomies.json",
        "hsds/taxonomy_terms.json",
        "tabular/datapackage.json",
        "tabular/services.csv",
        "lokasi.geojson",
    } <= names
    assert {f"tabular/{path}" for path, _cols in TABLES.values()} <= names


def test_tables_follow_the_compiled_tabular_schema():
    schema = json.loads((reference() / "tabular.json").read_text())
    for table, spec in schema["properties"].items():
        item = spec["items"]
        columns = [
            k for k, v in item["properties"].items() if v.get("type") not in ("array", "object")
        ]
        assert TABLES[table][0] == item["path"]
        assert [name for name, _t, _f in TABLES[table][1]] == columns


def test_ids_are_uuid5_of_record_ids():
    assert hsds_id("service", SHELTER) == "48fef58e-cb36-5380-8e15-cc5e2a5b210d"
    services = json.loads(exported()["hsds/services.json"])
    assert hsds_id("service", SHELTER) in {s["id"] for s in services}


def test_export_is_deterministic():
    assert export_files(directory()) == export_files(directory())


def _service(name_or_id: str) -> dict:
    services = json.loads(exported()["hsds/services.json"])
    return next(s for s in services if name_or_id in (s["id"], s["name"]))


def test_confidential_service_keeps_only_name_org_kinds_audiences_and_city():
    shelter = _service(hsds_id("service", SHELTER))
    assert sorted(shelter) == [
        "attributes", "id", "name", "organization_id", "service_areas",
        "service_at_locations", "status",
    ]  # fmt: skip
    assert [a["name"] for a in shelter["service_areas"]] == ["Kota Magelang"]
    location = shelter["service_at_locations"][0]["location"]
    assert sorted(location) == ["attributes", "id", "location_type"]
    assert [a["value"] for a in location["attributes"]] == ["true"]


def test_no_free_text_of_a_confidential_service_leaves_in_any_file():
    # The Directory holds the allow-listed copy: look for the texts staff wrote in the file.
    entry = directory().services[SHELTER]
    record = Service.model_validate(
        yaml.safe_load((directory().root.parent / entry.file).read_text("utf-8"))
    )
    texts = [record.description, record.how_to_get_help, record.eligibility, record.if_no_answer]
    texts += [loc.referral for loc in record.locations] + (record.what_to_bring or [])
    texts += [s.url for s in record.sources]  # keywords and the office that confirmed are shared
    for name, data in exported().items():
        body = data.decode("utf-8")
        for text in filter(None, texts):
            assert text not in body, (name, text)


def test_geojson_has_public_locations_only():
    data = json.loads(exported()["lokasi.geojson"])
    assert data["type"] == "FeatureCollection"
    ids = {f["properties"]["service_id"] for f in data["features"]}
    assert hsds_id("service", SHELTER) not in ids
    first = next(
        f
        for f in data["features"]
        if f["properties"]["service"] == "Pengaduan Kekerasan di UPTD PPA Contoh"
    )
    assert first["geometry"] == {"type": "Point", "coordinates": [110.2203, -7.4851]}
    assert first["properties"]["address"] == "Jalan Contoh Raya No. 1, Kelurahan Magersari"


def test_24_hours_is_one_weekly_schedule_flagged():
    hotline = _service("Saluran Contoh 129")
    [schedule] = hotline["schedules"]
    assert (schedule["freq"], schedule["byday"], schedule["opens_at"], schedule["closes_at"]) == (
        "WEEKLY", "MO,TU,WE,TH,FR,SA,SU", "00:00", "24:00",
    )  # fmt: skip
    assert [a["value"] for a in schedule["attributes"]] == ["true"]


def test_whatsapp_short_code_and_channel_hours_are_extensions():
    service = _service("Pengaduan Kekerasan di UPTD PPA Contoh")
    numbers = {p["number"]: p for p in service["phones"]}
    assert set(numbers) == {"+62293000102", "+6281200001001"}
    whatsapp = numbers["+6281200001001"]
    assert (whatsapp["type"], whatsapp["description"]) == ("text", "WhatsApp pengaduan")
    assert {a["value"] for a in whatsapp["attributes"]} == {
        "whatsapp", "Pesan di luar jam kerja dibalas oleh petugas piket.",
    }  # fmt: skip
    channel_hours = [
        s
        for s in service["schedules"]
        if any(a["value"] == whatsapp["id"] for a in s.get("attributes", []))
    ]
    assert len(channel_hours) == 1 and channel_hours[0]["byday"] == "MO,TU,WE,TH,FR,SA,SU"
    short = _service("Saluran Contoh 129")["phones"][0]
    assert short["number"] == "129" and "true" in {a["value"] for a in short["attributes"]}


def test_sources_and_confirmation_keep_their_dates():
    service = _service("Pengaduan Kekerasan di UPTD PPA Contoh")
    assert service["assured_date"] == "2026-09-15"
    rows = {
        (m["last_action_type"], m["last_action_date"], m["updated_by"]) for m in service["metadata"]
    }
    assert rows == {
        ("public_source", "2025-11-20", "Berita Contoh Magelang"),
        ("verified", "2026-09-15", "Petugas piket UPTD PPA Contoh"),
    }


def test_tabular_rows_match_the_json():
    files = exported()
    services = list(csv.DictReader(io.StringIO(files["tabular/services.csv"].decode())))
    assert len(services) == len(json.loads(files["hsds/services.json"]))
    package = json.loads(files["tabular/datapackage.json"])
    assert package["title"].startswith("CONTOH — FIKTIF")
    assert package["licenses"] == [{"name": "CC BY 4.0", "title": "CC BY 4.0"}]


def test_site_stage_writes_the_data_folder_linked_from_tentang_data(tmp_path):
    site_stage(directory(), tmp_path)
    page = (REPO / "content" / "tentang-data.md").read_text(encoding="utf-8")
    links = re.findall(r'href="\.\./data/([^"]+)"', page)
    assert links and all((tmp_path / "data" / link).is_file() for link in links)
    assert (tmp_path / "data" / "hsds" / "services.json").read_bytes() == exported()[
        "hsds/services.json"
    ]
