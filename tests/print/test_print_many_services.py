"""A city with more services than a leaflet holds: the build passes, `check` warns.

The fictional Kota Magelang (33.71) is grown to 300 services. Each leaflet lists the
ones that fit, complaint services first, then a pointer to the rest.
"""

from __future__ import annotations

import logging

import pytest
from pypdf import PdfReader

from generator.check import check_directory
from generator.errors import CATALOGUE
from generator.leaflet_room import is_printed, slots
from tests.print.leaflet_fixtures import PUBLIC_URL, TODAY, copy_fictional

CITY = "33.71"
GROWN = 300
FLYER = "flyer-contoh-nomor-penting"  # lists the kinds pengaduan and konseling
LEAFLET = "leaflet-contoh-stop-kekerasan"  # lists kesehatan-visum and bantuan-hukum

SERVICE = """# yaml-language-server: $schema=../schema/service.schema.json
organisation: uptd-ppa-contoh-kota-magelang
name: {name}
description: Layanan contoh nomor {n} untuk menguji selebaran yang penuh.
categories: [{category}]
audiences: [perempuan]
service_area: ["33.71"]
channels:
  - type: phone
    hotline: sapa-129
hours: unknown
fees: unknown
languages: unknown
locations: unknown
how_to_get_help: Tanyakan di kantor UPTD PPA Contoh.
status: active
sources:
  - name: Berita Contoh Magelang
    date: 2025-11-20
"""
# Konseling services sort before "Pengaduan…" by name: the printing order must still
# put the complaint services first.
KINDS = ["konseling", "pengaduan", "kesehatan-visum", "bantuan-hukum"]


def grow(root, count: int) -> None:
    """Add services to Kota Magelang until it has `count` (no numbers of their own)."""
    have = sum(1 for p in (root / "services").glob("*.yaml") if '"33.71"' in p.read_text())
    for n in range(count - have):
        category = KINDS[n % len(KINDS)]
        name = f"{'Aduan' if category == 'pengaduan' else 'Bantuan'} Contoh {n:03d}"
        text = SERVICE.format(name=name, n=n, category=category)
        (root / "services" / f"contoh-ramai-{n:03d}.yaml").write_text(text, encoding="utf-8")


@pytest.fixture(scope="module")
def crowded(tmp_path_factory):
    root = copy_fictional(tmp_path_factory.mktemp("crowded"), None)
    grow(root, GROWN)
    return root


def test_check_warns_with_the_code_naming_material_and_city(crowded):
    directory, report = check_directory(crowded, TODAY)
    assert directory is not None, [p.format() for p in report.errors]
    assert len(directory.services_covering_city(CITY)) >= GROWN
    full = sorted(p.format() for p in report.warnings if p.code == "W-LEAFLET-FULL")
    material = directory.materials[FLYER].record
    flyer = sum(
        is_printed(e.id, e.record, material) for e in directory.services_covering_city(CITY)
    )
    room = slots("flyer_a5")
    assert (
        f"fictional/materials/{FLYER}.yaml:17:11: warning[W-LEAFLET-FULL]: materi '{FLYER}': "
        f"regions[0]: selebaran untuk Kota Magelang (33.71) penuh: ada {flyer} layanan, yang "
        f"dicetak hanya {room}; {flyer - room} layanan lain diganti petunjuk ke daftar lengkap "
        "(Saran: Selebaran tetap dibuat: layanan pengaduan dicetak lebih dulu, lalu kode QR ke "
        "halaman kota (atau SAPA 129 dan nama situs). Untuk daftar yang lebih pendek, persempit "
        "`featured.categories` di materi ini.)"
    ) in full
    assert {dict(p.params)["material"] for p in report.warnings if p.code == "W-LEAFLET-FULL"} == {
        FLYER,
        LEAFLET,
    }
    # Only the crowded city is named.
    assert {p.code for p in report.warnings} == {"W-LEAFLET-FULL", "W-STALE"}
    assert all(
        "(33.71)" in dict(p.params)["city"] for p in report.warnings if p.code == "W-LEAFLET-FULL"
    )
    assert CATALOGUE["W-LEAFLET-FULL"].severity == "warning"


def test_the_build_passes_and_prints_complaint_services_first(crowded, tmp_path, caplog):
    from tests.site.site_helpers import run_build

    caplog.set_level(logging.INFO)
    result = run_build(tmp_path, crowded, tmp_path / "site", tmp_path / "docs")
    assert result is not None
    pdf = tmp_path / "site" / "materi" / f"{FLYER}-33-71.pdf"
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(pdf).pages).split())
    listed = [w for w in ("Aduan Contoh", "Bantuan Contoh") if w in text]
    assert listed == ["Aduan Contoh"], "complaint services come before the others"
    assert "layanan lain di Kota Magelang yang tidak muat di sini." in text
    # No public address yet: the pointer names SAPA 129 and the site, not a QR code.
    assert "Tanyakan ke SAPA 129, atau cari “Kota Magelang” di" in text


def test_with_a_public_url_the_pointer_is_the_qr_code(crowded, tmp_path):
    from generator.print import render_leaflets

    root = copy_fictional(tmp_path, PUBLIC_URL)
    grow(root, GROWN)
    directory, report = check_directory(root, TODAY)
    made = render_leaflets(directory, tmp_path / "out", material=LEAFLET, city=CITY)
    text = " ".join(
        " ".join(
            p.extract_text() for p in PdfReader(tmp_path / "out" / made[0]["pdf"]).pages
        ).split()
    )
    assert "Pindai kode QR di selebaran ini untuk daftar lengkap." in text
