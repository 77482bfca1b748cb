"""Leaflet PDFs from the fictional directory."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import zxingcpp
from leaflet_fixtures import PUBLIC_URL, copy_fictional, load
from PIL import Image
from pypdf import PdfReader

from generator import present, regions, urls
from generator.errors import UsageError
from generator.print import PanelOverflow, render_leaflets
from generator.print.content import featured_hotlines

MM = 72 / 25.4


def text_of(pdf: Path) -> str:
    """The PDF's text with runs of whitespace (line breaks) as one space."""
    return " ".join(" ".join(page.extract_text() for page in PdfReader(pdf).pages).split())


def by_kind(results, kind):
    return [r for r in results if r["kind"] == kind]


def test_default_set_is_every_material_for_every_city(built):
    directory, _out, results = built
    expected = {
        (m, c)
        for m, e in directory.materials.items()
        for c in e.record.regions
        if c in directory.city_codes()
    }
    assert {(r["material"], r["city"]) for r in results} == expected
    assert all(r["rendered"] for r in results)


def test_featured_numbers_and_dates_are_printed(built):
    directory, out, results = built
    for r in results:
        text = text_of(out / r["pdf"])
        material = directory.materials[r["material"]].record
        shown = featured_hotlines(directory, material, r["city"])
        assert shown
        for entry in shown:
            for channel in entry.record.channels:
                if channel.value and channel.type in ("phone", "whatsapp"):
                    shown_as = present.number(channel.value, directory.short_codes).display
                    assert shown_as in text, (r["pdf"], shown_as)
            assert present.trust(directory, entry).text in text  # as on the site
        for hotline_id in set(material.featured.hotlines) - {e.id for e in shown}:
            assert directory.hotlines[hotline_id].record.name not in text  # not for this city
        assert "CONTOH — FIKTIF" in text
        assert "alamat situs belum diatur" not in text


def test_page_count_and_size(built):
    _directory, out, results = built
    for r in by_kind(results, "leaflet_trifold"):
        pages = PdfReader(out / r["pdf"]).pages
        assert len(pages) == 2
        for page in pages:
            assert (round(page.mediabox.width / MM), round(page.mediabox.height / MM)) == (297, 210)
    for r in by_kind(results, "flyer_a5"):
        pages = PdfReader(out / r["pdf"]).pages
        assert 1 <= len(pages) <= 2
        assert (round(pages[0].mediabox.width / MM), round(pages[0].mediabox.height / MM)) == (
            148,
            210,
        )


def test_fonts_embedded_tagged_and_indonesian(built):
    _directory, out, results = built
    reader = PdfReader(out / results[0]["pdf"])
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "id"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert reader.metadata.title.startswith(results[0]["title"])
    fonts = subprocess.run(
        ["pdffonts", out / results[0]["pdf"]], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts
    for line in fonts:
        assert "Noto-Sans" in line.split()[0], line
        assert line.split()[-5] == "yes", line  # emb column


def test_qr_decodes_to_city_page(built, tmp_path):
    _directory, out, results = built
    r = by_kind(results, "leaflet_trifold")[0]
    subprocess.run(
        [
            "pdftoppm",
            "-png",
            "-r",
            "150",
            "-f",
            "1",
            "-l",
            "1",
            "-singlefile",
            out / r["pdf"],
            tmp_path / "p",
        ],
        check=True,
    )
    found = zxingcpp.read_barcodes(Image.open(tmp_path / "p.png"))
    expected = urls.absolute(PUBLIC_URL, urls.city_url(r["city"]))
    assert [b.text for b in found] == [expected]
    assert found[0].format == zxingcpp.BarcodeFormat.QRCode


def test_province_office_may_cobrand_for_its_cities(built):
    """An organisation of the province (regions: ["73"]) works in the province's cities."""
    from generator.print.pipeline import plan

    directory, _out, _results = built
    org_id = next(
        o for o, e in sorted(directory.organisations.items()) if e.record.regions == ["73"]
    )
    jobs = plan(directory, org=org_id)
    assert jobs and all(job.city.startswith("73.") for job in jobs)


def test_national_organisation_may_cobrand_everywhere(built):
    from generator.print.pipeline import plan

    directory, _out, _results = built
    assert directory.organisations["kementerian-contoh"].record.regions == "national"
    everywhere = {(job.material, job.city) for job in plan(directory)}
    cobranding = {m for m, e in directory.materials.items() if e.record.cobranding}
    jobs = plan(directory, org="kementerian-contoh")
    assert {(job.material, job.city) for job in jobs} == {
        (m, c) for m, c in everywhere if m in cobranding
    }


def test_previews_and_listing(built):
    _directory, out, results = built
    for r in results:
        assert (out / r["png"]).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert r["file_size"] == (out / r["pdf"]).stat().st_size
        assert r["page_size"] in ("A4 lanskap", "A5", "A3")


def test_cobranding_only_with_org_and_where_allowed(built, tmp_path):
    directory, out, results = built
    assert all("Dibagikan oleh" not in text_of(out / r["pdf"]) for r in results)
    allowed = next(m for m, e in directory.materials.items() if e.record.cobranding)
    refused = next(m for m, e in directory.materials.items() if not e.record.cobranding)
    city = directory.materials[allowed].record.regions[0]
    org_id = next(o for o, e in sorted(directory.organisations.items()) if city in e.record.regions)
    made = render_leaflets(directory, tmp_path, org=org_id, material=allowed, city=city)
    assert len(made) == 1
    name = directory.organisations[org_id].record.name
    assert f"Dibagikan oleh {name}" in text_of(tmp_path / made[0]["pdf"])
    with pytest.raises(UsageError, match=f"materi '{refused}' tidak boleh"):
        render_leaflets(directory, tmp_path, org=org_id, material=refused)


def test_no_public_url_stamps_and_refuses_print_shop(tmp_path):
    directory = load(copy_fictional(tmp_path, None))
    material = sorted(directory.materials)[0]
    city = directory.materials[material].record.regions[0]
    made = render_leaflets(directory, tmp_path / "out", material=material, city=city)
    assert "CONTOH — alamat situs belum diatur" in text_of(tmp_path / "out" / made[0]["pdf"])
    with pytest.raises(UsageError, match="--print-shop ditolak"):
        render_leaflets(directory, tmp_path / "out", print_shop=True)


def test_print_shop_boxes(built, tmp_path):
    directory, _out, _results = built
    material = next(m for m, e in directory.materials.items() if e.record.kind == "flyer_a5")
    made = render_leaflets(directory, tmp_path, print_shop=True, material=material, jobs=1)
    page = PdfReader(tmp_path / made[0]["pdf"]).pages[0]
    trim = [float(v) for v in page.trimbox]
    bleed = [float(v) for v in page.bleedbox]
    media = [float(v) for v in page.mediabox]
    assert round((trim[2] - trim[0]) / MM) == 148 and round((trim[3] - trim[1]) / MM) == 210
    assert [round((b - t) / MM, 1) for b, t in zip(bleed, trim, strict=True)] == [-3, -3, 3, 3]
    # Crop marks sit outside the bleed: the media box reaches beyond it.
    assert media[0] < bleed[0] and media[2] > bleed[2]
    assert made[0]["pdf"].endswith("-cetak.pdf")


def test_overflow_names_material_city_and_panel(tmp_path):
    root = copy_fictional(tmp_path, PUBLIC_URL)
    path = next((root / "materials").glob("*.yaml"))
    long = "Teks yang sangat panjang untuk menguji panel yang penuh. " * 120
    text = path.read_text(encoding="utf-8").replace(
        "sections:\n", f"sections:\n  - heading: Terlalu panjang\n    text: {long}\n", 1
    )
    path.write_text(text, encoding="utf-8")
    directory = load(root)
    cities = directory.materials[path.stem].record.regions
    with pytest.raises(PanelOverflow) as caught:
        render_leaflets(directory, tmp_path / "out")
    # Every failing output is named (material, city, panel); the others were made.
    lines = str(caught.value).splitlines()
    assert len(lines) == len(cities)
    for line, city in zip(lines, cities, strict=True):
        name = regions.lookup(city).name
        assert re.match(rf"materi '{path.stem}' untuk {name} \({city}\): .*panel '", line)
    manifest = json.loads((tmp_path / "out" / "materi" / "manifest.json").read_text())
    assert manifest and not any(stem.startswith(path.stem) for stem in manifest)


def test_second_run_renders_nothing_and_a_changed_number_rerenders_its_pdfs(tmp_path):
    root = copy_fictional(tmp_path, PUBLIC_URL)
    out = tmp_path / "out"
    first = render_leaflets(load(root), out)
    pdfs = {r["pdf"]: (out / r["pdf"]).read_bytes() for r in first}
    again = render_leaflets(load(root), out)
    assert not any(r["rendered"] for r in again)
    # Change one service's number; only PDFs that print that service re-render.
    directory = load(root)
    service_id, old = _printed_service_number(directory, out, first)
    path = root / "services" / f"{service_id}.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(old, "0812-0000-9999"), "utf-8")
    third = render_leaflets(load(root), out)
    showing = {r["pdf"] for r in first if old in text_of_bytes(pdfs[r["pdf"]])}
    assert showing
    assert {r["pdf"] for r in third if r["rendered"]} == showing
    for r in third:
        same = (out / r["pdf"]).read_bytes() == pdfs[r["pdf"]]
        assert same == (r["pdf"] not in showing)


def text_of_bytes(data: bytes) -> str:
    import io

    return "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages)


def _printed_service_number(directory, out, results):
    text = "\n".join(text_of(out / r["pdf"]) for r in results)
    for service_id, entry in sorted(directory.services.items()):
        for channel in entry.record.channels or []:
            if channel.type == "whatsapp" and channel.value and channel.value in text:
                return service_id, channel.value
    raise AssertionError("no printed service number in the fictional directory")


def test_cache_dir_survives_an_emptied_out_dir(built, tmp_path):
    directory, _out, _results = built
    material = sorted(directory.materials)[0]
    first = render_leaflets(
        directory, tmp_path / "site", material=material, cache_dir=tmp_path / "c"
    )
    assert all(r["rendered"] for r in first)
    shutil.rmtree(tmp_path / "site")
    again = render_leaflets(
        directory, tmp_path / "site", material=material, cache_dir=tmp_path / "c"
    )
    assert not any(r["rendered"] for r in again)
    assert all((tmp_path / "site" / r["pdf"]).exists() for r in again)


def test_same_inputs_give_byte_identical_pdfs(built, tmp_path):
    directory, out, results = built
    r = by_kind(results, "flyer_a5")[0]
    again = render_leaflets(directory, tmp_path, material=r["material"], city=r["city"], jobs=1)
    assert (tmp_path / again[0]["pdf"]).read_bytes() == (out / r["pdf"]).read_bytes()


def test_site_stage_entries_for_the_materials_page(built, tmp_path):
    import generator.print as print_stage

    directory, _out, results = built
    assert print_stage.cache_dir_for(tmp_path / "docs") == tmp_path / "docs.leaflets"
    entries = print_stage.site_stage(directory, tmp_path / "docs")
    assert [e["pdf"] for e in entries] == [r["pdf"] for r in results]
    for e in entries:
        assert {"title", "city", "kind", "pdf", "png", "page_size", "file_size"} <= set(e)
        assert (tmp_path / "docs" / e["pdf"]).exists() and (tmp_path / "docs" / e["png"]).exists()
    assert (tmp_path / "docs.leaflets" / "materi" / "manifest.json").exists()


def test_qr_target_page_exists_in_the_generated_site(fictional_directory, tmp_path):
    from generator import site

    directory = fictional_directory
    site.generate(directory, tmp_path / "docs")
    for code in directory.settings.cities:
        assert (tmp_path / "docs" / urls.source_path(urls.city_url(code))).is_file()


def test_cobranding_logo_is_embedded(tmp_path):
    root = copy_fictional(tmp_path, PUBLIC_URL)
    directory = load(root)
    material = next(m for m, e in sorted(directory.materials.items()) if e.record.cobranding)
    city = directory.materials[material].record.regions[0]
    org_id = next(o for o, e in sorted(directory.organisations.items()) if city in e.record.regions)
    (root / "assets").mkdir(exist_ok=True)
    Image.new("RGB", (120, 60), (61, 15, 82)).save(root / "assets" / "logo-contoh.png")
    path = root / "organisations" / f"{org_id}.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "logo: logo-contoh.png\n", "utf-8")
    made = render_leaflets(load(root), tmp_path / "out", org=org_id, material=material, city=city)
    page = PdfReader(tmp_path / "out" / made[0]["pdf"]).pages[0]
    images = [x for x in page["/Resources"]["/XObject"].values() if x["/Subtype"] == "/Image"]
    assert images


def _region_text(pdf: Path, page: int, left_mm: float, width_mm: float) -> str:
    """Text inside a vertical strip of a page (pdftotext crops in points at 72 dpi)."""
    args = ["pdftotext", "-f", str(page), "-l", str(page), "-r", "72"]
    box = ["-x", str(round(left_mm * MM)), "-y", "0", "-W", str(round(width_mm * MM)), "-H", "600"]
    done = subprocess.run([*args, *box, pdf, "-"], capture_output=True, text=True, check=True)
    return " ".join(done.stdout.split())


def test_trifold_panels_in_roll_fold_order(built):
    directory, out, results = built
    r = by_kind(results, "leaflet_trifold")[0]
    pdf = out / r["pdf"]
    material = directory.materials[r["material"]].record
    # Outside: tuck-in flap (97 mm) | back | front cover; the flap is 3 mm narrower.
    assert material.sections[0].heading in _region_text(pdf, 1, 0, 97)
    assert "Informasi lengkap" in _region_text(pdf, 1, 97, 100)
    assert material.title.split()[0] in _region_text(pdf, 1, 197, 100)
    assert "Informasi lengkap" not in _region_text(pdf, 1, 197, 100)
    # Inside: three panels, the city's services on the right (the tuck-in's back).
    assert f"Layanan di {r['city_name']}" in _region_text(pdf, 2, 200, 97)
    assert material.sections[0].heading not in _region_text(pdf, 2, 0, 297)
