"""Leaflets a volunteer can hand out: fold marks, two A5 flyers per A4, honest promises."""

from __future__ import annotations

import subprocess
from types import SimpleNamespace

from PIL import Image
from pypdf import PdfReader

from generator.check import check_directory
from generator.models import Fees, Hours
from generator.paths import REAL_ROOT
from generator.present import promises
from tests.print.leaflet_fixtures import TODAY, copy_fictional, load
from tests.reference import REAL_TODAY

MM = 72 / 25.4


def by_kind(results, kind):
    return [r for r in results if r["kind"] == kind]


def _page_png(pdf, page: int, out, dpi: int = 100) -> Image.Image:
    args = ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile"]
    subprocess.run([*args, pdf, out], check=True)
    return Image.open(f"{out}.png").convert("L")


def _dark_at(image: Image.Image, x_mm: float, y_mm: float, dpi: int = 100) -> bool:
    """Any dark pixel within 0.5 mm of the point (line anti-aliasing moves it a little)."""
    px = dpi / 25.4
    x, y = round(x_mm * px), round(y_mm * px)
    return any(image.getpixel((x + dx, y)) < 230 for dx in range(-2, 3))


def test_trifold_has_fold_marks_at_the_folds_only(built, tmp_path):
    _directory, out, results = built
    pdf = out / by_kind(results, "leaflet_trifold")[0]["pdf"]
    for page, folds in ((1, (97, 197)), (2, (100, 200))):
        image = _page_png(pdf, page, tmp_path / f"p{page}")
        for x in folds:
            assert _dark_at(image, x, 2), (page, x, "top")
            assert _dark_at(image, x, 208), (page, x, "bottom")
        # Between the folds the edges stay blank.
        assert not _dark_at(image, 50, 2) and not _dark_at(image, 150, 208)


def test_a5_flyer_also_comes_two_per_a4_sheet(built):
    _directory, out, results = built
    for r in by_kind(results, "flyer_a5"):
        single = PdfReader(out / r["pdf"]).pages
        pages = PdfReader(out / r["pdf_2up"]).pages
        assert len(pages) == len(single)
        for page in pages:
            assert (round(page.mediabox.width / MM), round(page.mediabox.height / MM)) == (297, 210)
        # Each sheet carries its A5 page twice: the title appears twice on sheet 1.
        assert " ".join(pages[0].extract_text().split()).count(r["title"]) == 2
    for r in by_kind(results, "leaflet_trifold"):
        assert r["pdf_2up"] is None


def test_print_shop_flyer_has_no_two_up(tmp_path):
    from generator.print import render_leaflets

    root = copy_fictional(tmp_path, "https://contoh.example.org/direktori/")
    made = render_leaflets(load(root), tmp_path / "out", print_shop=True)
    assert all(r["pdf_2up"] is None for r in made)


def test_promises_come_only_from_the_records_own_fields():
    record = SimpleNamespace(
        hours=Hours(always=True), fees=Fees(kind="free"), keeps_confidential=True
    )
    assert promises(record) == ["24 jam setiap hari", "Gratis", "Rahasia"]
    record = SimpleNamespace(hours="unknown", fees="unknown", keeps_confidential=False)
    assert promises(record) == []
    record = SimpleNamespace(hours=Hours(weekly=None), fees=Fees(kind="varies"))
    assert promises(record) == []


def test_real_leaflets_promise_only_what_each_record_supports(tmp_path):
    from generator.print import render_leaflets
    from generator.print.content import leaflet_content

    directory, report = check_directory(REAL_ROOT, REAL_TODAY)
    assert directory is not None, [p.format() for p in report.errors]
    for r in render_leaflets(directory, tmp_path):
        content = leaflet_content(directory, r["material"], r["city"], None, False)
        entries = [*content["hotlines"], *content["services"]]
        table = {**directory.hotlines, **directory.services}
        for e in entries:
            assert e["promises"] == promises(table[e["id"]].record), e["id"]
        # The material's own text promises nothing about services.
        own = " ".join([*content["key_messages"], *(s["html"] for s in content["sections"])])
        for word in ("gratis", "rahasia", "dirahasiakan", "24 jam", "kapan saja"):
            assert word not in own.lower().replace('"gratis", "rahasia" atau "24 jam"', "")


def test_evidence_advice_warns_about_a_checked_phone():
    directory, _ = check_directory(REAL_ROOT, REAL_TODAY)
    texts = [
        s.text
        for e in directory.materials.values()
        for s in e.record.sections
        if "bukti" in s.heading.lower()
    ]
    assert texts and all("memeriksa HP Anda" in t for t in texts)


def test_materials_page_explains_the_stamp(tmp_path):
    from generator import site

    root = copy_fictional(tmp_path, None)
    directory, _ = check_directory(root, TODAY)
    entry = {
        "title": "Contoh",
        "city": "33.71",
        "kind": "flyer_a5",
        "pdf": "materi/a.pdf",
        "png": "materi/a.png",
        "page_size": "A5",
        "file_size": 2048,
        "pdf_2up": "materi/a-2-per-a4.pdf",
    }
    _path, text = site.materials_page(directory, [entry])
    assert "Cap “CONTOH — alamat situs belum diatur”: alamat situs ini belum ditetapkan" in text
    assert (
        "mengisi alamat situs (<code>public_url</code>) di file <code>settings.yaml</code>" in text
    )
    assert "Unduh 2 flyer per lembar A4" in text
