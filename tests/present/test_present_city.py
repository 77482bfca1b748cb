"""A city's lines and services, in the order every output shows them: a city's own 112
centre in place of the national 112 line, the city's own services before its province's."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import present
from generator.check import check_directory
from generator.print.content import featured_hotlines
from generator.search.documents import FLAG_EMERGENCY, city_docs
from generator.site import pages
from tests.reference import TODAY

NATIONAL_112 = """\
name: Darurat 112
purpose: Nomor darurat untuk kebakaran, kecelakaan, ambulans, polisi dan bencana.
channels:
  - type: phone
    value: "112"
hours: unknown
fees: unknown
coverage:
  level: national
  note: Layanan 112 mungkin belum menjawab di semua kota. Jika tidak tersambung, telepon 110.
audiences: [masyarakat]
emergency: true
order: 2
sources:
  - name: Sumber contoh
    date: 2025-03-01
"""
CITY_112 = """\
name: Call Center 112 Kota Contoh Magelang
purpose: Nomor 112 di Kota Contoh Magelang dijawab pemerintah kota, gratis 24 jam.
channels:
  - type: phone
    value: "112"
hours:
  always: true
fees:
  kind: free
coverage:
  level: city
  regions: ["33.71"]
audiences: [masyarakat]
order: 2
sources:
  - name: Sumber contoh
    date: 2025-12-18
"""


@pytest.fixture
def directory(fictional_copy: Path):
    """The fictional directory with a national 112 line, a city 112 centre in Magelang,
    and the province's case service named so that it sorts before Bone's own."""
    hotlines = fictional_copy / "hotlines"
    (hotlines / "darurat-112.yaml").write_text(NATIONAL_112, encoding="utf-8")
    (hotlines / "call-center-112-contoh-magelang.yaml").write_text(CITY_112, encoding="utf-8")
    province = (
        fictional_copy / "services" / "pengelolaan-kasus-uptd-ppa-contoh-provinsi-sulsel.yaml"
    )
    text = province.read_text(encoding="utf-8")
    province.write_text(
        text.replace(
            "name: Penanganan Kasus Lintas Daerah UPTD PPA Contoh Provinsi",
            "name: Aduan Lintas Daerah UPTD PPA Contoh Provinsi",
        ).replace("categories: [pengelolaan-kasus,", "categories: [pengaduan, pengelolaan-kasus,"),
        encoding="utf-8",
    )
    found, report = check_directory(fictional_copy, TODAY)
    assert found is not None, report
    return found


def names(entries) -> list[str]:
    return [e.record.name for e in entries]


def test_city_112_centre_stands_in_for_the_national_line(directory):
    lines = present.hotlines_of_city(directory, "33.71")
    assert names(lines.emergency) == ["Polisi 110", "Call Center 112 Kota Contoh Magelang"]
    assert "Darurat 112" not in names(lines.all)
    assert lines.instead == {"darurat-112": "call-center-112-contoh-magelang"}


def test_without_a_city_centre_the_national_line_stays(directory):
    lines = present.hotlines_of_city(directory, "73.08")
    assert names(lines.emergency) == ["Polisi 110", "Darurat 112"]
    assert lines.instead == {}


def test_city_page_search_and_printable_list_agree(directory):
    renderer = pages.Renderer(directory)
    city = pages.regions.lookup("33.71")
    body = pages.city_page(renderer, city).body
    urgent = body[body.index('id="nomor-darurat"') : body.index('id="layanan"')]
    assert "Call Center 112 Kota Contoh Magelang" in urgent
    assert "Darurat 112<" not in body and "mungkin belum menjawab" not in body
    printable = pages.printable_page(renderer, city).body
    assert "Darurat 112<" not in printable
    assert "<strong>Call Center 112 Kota Contoh Magelang</strong>: Tel 112" in printable
    docs = {doc.name: doc for doc in city_docs(directory, "33.71")}
    assert "Darurat 112" not in docs
    assert docs["Call Center 112 Kota Contoh Magelang"].flags & FLAG_EMERGENCY


def test_a_leaflet_naming_the_national_line_shows_the_city_centre(directory):
    material = next(iter(directory.materials.values())).record
    material = material.model_copy(
        update={"featured": material.featured.model_copy(update={"hotlines": ["darurat-112"]})}
    )
    assert names(featured_hotlines(directory, material, "33.71")) == [
        "Call Center 112 Kota Contoh Magelang"
    ]
    assert names(featured_hotlines(directory, material, "73.08")) == ["Darurat 112"]


def test_city_services_come_before_the_province_services(directory):
    found = present.services_of_city(directory, "73.08", present.LISTED)
    own = [e.id for e in found if e.record.service_area != ["73"]]
    assert [e.id for e in found][: len(own)] == own
    assert found[-1].id == "pengelolaan-kasus-uptd-ppa-contoh-provinsi-sulsel"
    renderer = pages.Renderer(directory)
    body = pages.city_page(renderer, pages.regions.lookup("73.08")).body
    group = body[body.index('id="pengaduan"') :]
    assert group.index("Pengaduan dan Pendampingan di UPTD PPA Contoh Bone") < group.index(
        "Aduan Lintas Daerah UPTD PPA Contoh Provinsi"
    )
