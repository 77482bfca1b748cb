"""The real materials render for both cities and never carry a number of their own."""

from __future__ import annotations

import re
from pathlib import Path

from pypdf import PdfReader

from generator.check import check_directory
from generator.paths import REAL_ROOT
from generator.print import render_leaflets
from tests.reference import REAL_TODAY


def test_real_materials_render_for_every_city(tmp_path):
    directory, report = check_directory(REAL_ROOT, REAL_TODAY)
    assert directory is not None, [p.format() for p in report.errors]
    made = render_leaflets(directory, tmp_path)
    pairs = {(r["material"], r["city"]) for r in made}
    assert {"33.75", "74.71"} <= {city for _m, city in pairs}
    assert {"leaflet_trifold", "flyer_a5"} <= {r["kind"] for r in made}
    for r in made:
        text = " ".join(
            " ".join(p.extract_text() for p in PdfReader(tmp_path / r["pdf"]).pages).split()
        )
        if not directory.settings.public_url:
            assert "CONTOH — alamat situs belum diatur" in text


def test_material_texts_hold_no_phone_numbers():
    # Numbers reach paper only from hotline and service records (featured).
    for path in sorted((Path(REAL_ROOT) / "materials").glob("*.yaml")):
        body = "\n".join(
            line
            for line in path.read_text(encoding="utf-8").splitlines()
            if not line.startswith(("date:", "version:", "  hotlines:", "regions:", "#"))
        )
        assert not re.search(r"\d{3,}", body), path
