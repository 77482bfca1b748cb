"""The dependency map says exactly which pages show a record, and follows edits."""

from __future__ import annotations

import shutil

import pytest
from markupsafe import escape

from generator.check import check_directory
from generator.preview.depmap import DepMap, Reads, TrackingRenderer, render_units
from generator.site import pages
from tests.conftest import FICTIONAL, TODAY


@pytest.fixture(scope="module")
def rendered(tmp_path_factory) -> tuple[TrackingRenderer, DepMap, dict[str, bytes]]:
    root = tmp_path_factory.mktemp("dep") / "fictional"
    shutil.copytree(FICTIONAL, root)
    directory, report = check_directory(root, TODAY)
    assert directory is not None, [p.format() for p in report.errors]
    renderer = TrackingRenderer(directory, Reads())
    depmap = DepMap()
    files = render_units(renderer, pages.page_units(renderer), depmap)
    return renderer, depmap, files


def mentions(files: dict[str, bytes], renderer: TrackingRenderer, sid: str) -> set[str]:
    """Pages whose text links the service (its address) or names it (a printable list
    names services without links)."""
    url = pages.urls.service_url(sid).encode()
    name = f">{escape(dict.__getitem__(renderer.d.services, sid).record.name)}<".encode()
    return {path for path, text in files.items() if url in text or name in text}


def test_map_pages_are_the_pages_that_mention_each_service(rendered):
    renderer, depmap, files = rendered
    services = sorted(dict.keys(renderer.d.services))
    assert len(services) == 17
    for sid in services:
        assert depmap.pages_of(("services", sid)) == mentions(files, renderer, sid), sid


def test_map_renders_the_same_pages_as_the_build(rendered):
    renderer, _depmap, files = rendered
    whole = {p.path: p.text().encode() for p in pages.all_pages(pages.Renderer(renderer.d))}
    assert whole == files


def test_units_of_a_city_service_are_its_city_lists(rendered):
    _renderer, depmap, _files = rendered
    units = depmap.units_reading({("services", "pengaduan-uptd-ppa-contoh-bone")})
    assert {u[0] for u in units} == {
        "city", "printable", "service", "organisation", "category", "index-services",
    }  # fmt: skip
    assert {u[1] for u in units if u[0] == "city"} == {"73.08"}


def test_changed_keys_of_a_new_service_name_its_cities(rendered):
    renderer, _depmap, _files = rendered
    d = renderer.d
    entry = dict.__getitem__(d.services, "puspaga-contoh-bone")
    copy = type(entry)("puspaga-baru", entry.kind, "x/services/puspaga-baru.yaml", entry.record)
    keys, cities = renderer.replace_services({"puspaga-baru": copy})
    try:
        assert ("service-set",) in keys
        assert ("city", "73.08") in keys
        assert ("city", "33.08") not in keys
        assert ("org-services", entry.record.organisation) in keys
        assert cities == {"73.08"}
    finally:
        renderer.replace_services({"puspaga-baru": None})
    assert "puspaga-baru" not in dict.keys(d.services)


def test_an_edit_that_changes_no_list_keeps_the_kind_pages(rendered):
    renderer, depmap, _files = rendered
    sid = "puspaga-contoh-bone"
    entry = dict.__getitem__(renderer.d.services, sid)
    record = entry.record.model_copy(update={"description": "Teks baru."})
    keys, cities = renderer.replace_services(
        {sid: type(entry)(sid, entry.kind, entry.file, record)}
    )
    try:
        assert ("city", "73.08") not in keys  # same services, same order
        assert ("list-field", "73.08", "description") in keys
        assert ("list-field", "73.08", "categories") not in keys
        units = depmap.units_reading(keys)
        assert ("category", "konseling") in units  # it shows the service
        assert ("category", "lapor-polisi") not in units  # it does not
        assert ("service", sid) in units and ("city", "73.08") in units
    finally:
        renderer.replace_services({sid: entry})


def new_service(renderer: TrackingRenderer, sid: str, categories: list[str]):
    """A copy of the Bone family centre under `sid`, with other kinds of help."""
    entry = dict.__getitem__(renderer.d.services, "puspaga-contoh-bone")
    record = entry.record.model_copy(update={"categories": categories})
    return type(entry)(sid, entry.kind, f"x/services/{sid}.yaml", record)


def kind_units(depmap: DepMap, keys: set) -> set[str]:
    return {unit[1] for unit in depmap.units_reading(keys) if unit[0] == "category"}


def test_a_service_of_a_kind_new_to_its_city_re_renders_only_that_kind_page(rendered, monkeypatch):
    renderer, depmap, _files = rendered
    sid = "lapor-baru-contoh-bone"  # Kabupaten Bone lists no police service yet
    keys, _cities = renderer.replace_services({sid: new_service(renderer, sid, ["lapor-polisi"])})
    try:
        assert kind_units(depmap, keys) == {"lapor-polisi"}
        assert pages.urls.service_url(sid) in pages.category_page(renderer, "lapor-polisi").body
        with monkeypatch.context() as light:  # the national page counts services per city
            light.setattr(pages, "LIGHT_LIMIT", 0)
            page = pages.category_page(renderer, "lapor-polisi")
        assert "Kabupaten Bone</a> (1)" in page.body
    finally:
        keys, _cities = renderer.replace_services({sid: None})
    assert kind_units(depmap, keys) == {"lapor-polisi"}  # and Bone leaves it again
    monkeypatch.setattr(pages, "LIGHT_LIMIT", 0)
    assert "Kabupaten Bone" not in pages.category_page(renderer, "lapor-polisi").body


def test_a_service_of_a_kind_its_city_has_re_renders_only_that_kind_page(rendered):
    renderer, depmap, _files = rendered
    sid = "mediasi-baru-contoh-bone"  # Kabupaten Bone lists a mediation service already
    keys, _cities = renderer.replace_services({sid: new_service(renderer, sid, ["mediasi"])})
    try:
        assert kind_units(depmap, keys) == {"mediasi"}
    finally:
        keys, _cities = renderer.replace_services({sid: None})
    assert kind_units(depmap, keys) == {"mediasi"}


def test_an_edit_of_a_listed_field_keeps_the_kind_pages_that_do_not_show_it(rendered):
    renderer, depmap, _files = rendered
    sid = "mediasi-uptd-ppa-contoh-bone"
    entry = dict.__getitem__(renderer.d.services, sid)
    renamed = entry.record.model_copy(update={"name": "A Mediasi Didahulukan"})
    keys, _cities = renderer.replace_services(
        {sid: type(entry)(sid, entry.kind, entry.file, renamed)}
    )
    try:
        assert ("city", "73.08") in keys  # the city's list has a new order
        assert kind_units(depmap, keys) == {"mediasi"}
    finally:
        renderer.replace_services({sid: entry})


def test_a_large_city_renders_again_only_its_pages_of_the_kinds_that_changed(tmp_path, monkeypatch):
    monkeypatch.setattr(pages, "CITY_LIMIT", 3)  # Kabupaten Bone becomes a large city
    monkeypatch.setattr(pages, "KIND_PREVIEW", 1)
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    directory, _report = check_directory(root, TODAY)
    renderer, depmap = TrackingRenderer(directory, Reads()), DepMap()
    units = pages.page_units(renderer)
    render_units(renderer, units, depmap)
    sid = "mediasi-baru-contoh-bone"
    keys, _cities = renderer.replace_services({sid: new_service(renderer, sid, ["mediasi"])})
    again = {unit for unit in depmap.units_reading(keys) if unit[0] == "city-kind"}
    assert again == {("city-kind", "73.08", "mediasi")}
    files = render_units(renderer, [u for u in units if u[0] in again], depmap)
    assert list(files) == ["kota/73-08-kabupaten-bone/bantuan/mediasi/index.md"]
    whole = {p.path: p.text().encode() for p in pages.all_pages(pages.Renderer(renderer.d))}
    assert files.items() <= whole.items()
