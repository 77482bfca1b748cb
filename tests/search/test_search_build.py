"""The search files in the docs tree: complete, deterministic, within budget, safe."""

from __future__ import annotations

import gzip
import json

from search_synth import synth_directory

from generator import regions
from generator.search import build_search
from tests.search.conftest import read_shard

BUDGET_300 = 60 * 1024  # PERFORMANCE.md budget: gzip bytes fetched for a city of 300 services


def gz(path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=9, mtime=0))


def test_every_city_has_a_shard_with_the_national_hotlines(fictional_search):
    docs, stats = fictional_search
    shards = docs / "assets" / "search" / "shards"
    assert stats["shards"] == len(regions.cities()) == 514
    assert sorted(p.stem for p in shards.glob("*.json")) == [c.code for c in regions.cities()]
    uncovered = read_shard(docs, "11.01")  # Kabupaten Simeulue: no local services
    assert {"sapa-129", "polisi-110"} <= {row[0] for row in uncovered["store"]}


def test_city_shard_holds_province_services(fictional_search):
    docs, _ = fictional_search
    ids = {row[0] for row in read_shard(docs, "73.08")["store"]}
    assert "pengelolaan-kasus-uptd-ppa-contoh-provinsi-sulsel" in ids
    assert "hotline-contoh-sulsel" in ids
    assert "rumah-aman-contoh-magelang" not in ids


def test_result_row_has_call_and_whatsapp_targets(fictional_search):
    docs, _ = fictional_search
    rows = {row[0]: row for row in read_shard(docs, "33.71")["store"]}
    row = rows["pengaduan-uptd-ppa-contoh-magelang"]
    assert row[2] == "Pengaduan Kekerasan di UPTD PPA Contoh"
    assert row[8] and row[8][0].startswith("(0293)")
    assert row[9] and row[9][0].startswith("08")


def test_two_builds_are_byte_identical(fictional_directory, fictional_search, tmp_path):
    first, _ = fictional_search
    build_search(fictional_directory, tmp_path)
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(tmp_path) for p in tmp_path.rglob("*") if p.is_file())
    assert all((first / n).read_bytes() == (tmp_path / n).read_bytes() for n in names)


def test_no_street_address_reaches_search(fictional_directory, fictional_search):
    docs, _ = fictional_search
    addresses = [
        loc.address
        for e in fictional_directory.services.values()
        if isinstance(e.record.locations, list)
        for loc in e.record.locations
        if loc.address
    ]
    assert addresses
    text = "\n".join(
        p.read_text(encoding="utf-8") for p in (docs / "assets" / "search").rglob("*.json")
    )
    assert not [a for a in addresses if a in text]


def test_city_of_300_services_within_budget(tmp_path):
    directory = synth_directory(city="33.75", services=300)
    build_search(directory, tmp_path)
    out = tmp_path / "assets" / "search"
    fetched = gz(out / "search.js") + gz(out / "search.css") + gz(out / "shards" / "33.75.json")
    assert fetched <= BUDGET_300, fetched
    store = json.loads((out / "shards" / "33.75.json").read_text(encoding="utf-8"))["store"]
    kinds = [row[1] for row in store]
    assert (kinds.count(0), kinds.count(1)) == (300, 1)  # services, hotline
    assert kinds.count(3) == len(directory.organisations)  # every organisation, reachable


def test_first_slice_holds_what_a_first_answer_needs(fictional_search):
    """The first slice: hotlines and complaint services, the best services of each kind
    of help, with the very rows of the whole shard, and no description words."""
    docs, _ = fictional_search
    out = docs / "assets" / "search"
    assert sorted(p.stem for p in (out / "first").glob("*.json")) == [
        c.code for c in regions.cities()
    ]
    whole = {row[0]: row for row in read_shard(docs, "33.71")["store"]}
    first = json.loads((out / "first" / "33.71.json").read_text(encoding="utf-8"))
    rows = {row[0]: row for row in first["store"]}
    assert {"sapa-129", "polisi-110", "pengaduan-uptd-ppa-contoh-magelang"} <= set(rows)
    assert all(whole[rid] == row for rid, row in rows.items())
    assert {row[1] for row in rows.values()} == {0, 1}  # organisations wait for the shard
    assert "d" not in first["index"]["fields"]


def test_city_of_300_services_first_slice_within_budget(tmp_path):
    """Script and first slice: what a first result needs, about a second on slow 3G."""
    directory = synth_directory(city="33.75", services=300)
    build_search(directory, tmp_path)
    out = tmp_path / "assets" / "search"
    assert gz(out / "first" / "33.75.json") <= 8 * 1024
    assert (
        gz(out / "search.js") + gz(out / "search.css") + gz(out / "first" / "33.75.json")
        <= 30 * 1024
    )
    first = json.loads((out / "first" / "33.75.json").read_text(encoding="utf-8"))["store"]
    complaint = [row for row in first if row[1] == 0 and row[7] & 4]
    assert complaint and {row[1] for row in first} == {0, 1}


def test_search_page_is_written(fictional_search):
    docs, _ = fictional_search
    page = (docs / "search" / "index.md").read_text(encoding="utf-8")
    assert "data-ids-page" in page
    assert "title: Cari bantuan" in page


def test_very_large_city_trims_descriptions_to_stay_in_budget(tmp_path):
    build_search(synth_directory(city="35.78", services=650), tmp_path)
    big = read_shard(tmp_path, "35.78")["index"]
    assert all(v == [] for v in big["vectors"]["d"])  # descriptions dropped
    small = read_shard(tmp_path, "33.75")["index"]  # hotlines only: descriptions kept
    assert any(v for v in small["vectors"]["d"])


def test_missing_lunr_js_is_a_clear_error(monkeypatch, fictional_directory, tmp_path):
    import pytest

    from generator.search import write as search_write

    monkeypatch.setattr(search_write, "LUNR_JS", tmp_path / "missing" / "lunr.min.js")
    with pytest.raises(search_write.SearchBuildError, match="npm ci"):
        build_search(fictional_directory, tmp_path / "docs")
    assert not (tmp_path / "docs").exists()


def test_real_directory_builds(tmp_path):

    from generator.check import check_directory
    from tests.reference import REAL_TODAY
    from tests.search.conftest import REPO

    directory, report = check_directory(REPO / "directory", REAL_TODAY)
    assert directory is not None, [p.format() for p in report.errors]
    build_search(directory, tmp_path)
    for city, service in (
        ("74.71", "pengaduan-uptd-ppa-kota-kendari"),
        ("33.75", "pengaduan-uptd-ppa-kota-pekalongan"),
    ):
        assert service in {row[0] for row in read_shard(tmp_path, city)["store"]}
