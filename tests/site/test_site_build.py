"""Build order, determinism, failure safety, escaping and golden pages."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from site_helpers import TODAY, config_for, run_build

from generator import build, site
from generator.errors import CheckFailed
from generator.models import Location, Service
from generator.outfolder import MARKER
from generator.paths import CONTENT
from generator.site import pages, urls
from generator.site.write import write_tree
from tests.golden_files import assert_golden

GOLDEN_PAGES = {
    "home.md": "",
    "city.md": urls.city_url("33.71"),
    "service.md": urls.service_url("pengaduan-uptd-ppa-contoh-magelang"),
    "organisation.md": urls.organisation_url("gow-contoh-kota-magelang"),
    "hotline.md": urls.hotline_url("sapa-129"),
    "category.md": urls.category_url("pengaduan"),
    "printable.md": urls.printable_url("73.08"),
}
MATERIALS = [  # what the leaflets stage hands over (its own output is tested in tests/print)
    {"title": "Kenali dan laporkan", "city": "33.71", "kind": "leaflet_trifold", "kind_label": "Leaflet lipat tiga",
     "pdf": "materi/kenali-33-71.pdf", "png": "materi/kenali-33-71.png", "page_size": "A4 lanskap", "file_size": 28672},
    {"title": "Nomor penting", "city": "73.08", "kind": "flyer_a5", "kind_label": "Flyer A5",
     "pdf": "materi/nomor-73-08.pdf", "png": "materi/nomor-73-08.png", "page_size": "A5", "file_size": 20480},
]  # fmt: skip


def tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.mark.parametrize("name", [*sorted(GOLDEN_PAGES), "materials.md"])
def test_golden_pages(built, directory, name):
    """One generated page of each type, as written into the docs tree (`make golden` updates)."""
    if name == "materials.md":
        text = site.materials_page(directory, MATERIALS)[1]
    else:
        text = (built["docs"] / urls.source_path(GOLDEN_PAGES[name])).read_text(encoding="utf-8")
    assert_golden(f"site/{name}", text)


def test_two_docs_trees_are_byte_identical(built, directory, tmp_path):
    again = tmp_path / "docs"
    site.generate(directory, again, CONTENT)
    ours = site.write.read_manifest(again / ".generated.json")  # leaflets/search files are not ours
    assert ours == site.write.read_manifest(built["docs"] / ".generated.json")
    first = {
        k: v for k, v in tree(built["docs"]).items() if k in ours and not k.startswith("materi/")
    }
    second = {k: v for k, v in tree(again).items() if k in ours and not k.startswith("materi/")}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_two_site_builds_are_byte_identical(built, tmp_path, monkeypatch):
    """A second build, in other folders, gives the session's built site byte for byte."""
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)  # the sitemap takes the data's date
    b = run_build(tmp_path, built["root"], tmp_path / "b", tmp_path / "docs-b")
    ta, tb = tree(built["site"]), tree(b.site_dir)
    assert ta.keys() == tb.keys()
    assert [k for k in ta if ta[k] != tb[k]] == []


def test_regenerating_writes_nothing_and_removes_stale_pages(built, directory, tmp_path):
    docs = tmp_path / "docs"
    site.generate(directory, docs, None)
    stale = docs / "layanan" / "hilang" / "index.md"
    stale.parent.mkdir(parents=True)
    stale.write_text("old", encoding="utf-8")
    manifest = (docs / ".generated.json").read_text(encoding="utf-8")
    (docs / ".generated.json").write_text(
        manifest.replace("[\n", '[\n"layanan/hilang/index.md",\n', 1), encoding="utf-8"
    )
    foreign = docs / "materi" / "leaflet.pdf"  # written by another stage: never ours to delete
    foreign.write_bytes(b"%PDF")
    result = site.generate(directory, docs, None)
    assert result.written == []
    assert result.deleted == ["layanan/hilang/index.md"]
    assert not stale.parent.exists() and foreign.exists()


def gathered_tree(directory, content) -> dict[str, bytes]:
    """The docs tree as it was made before it was written in slices: every file in one
    dict (content/, then assets, then pages, then contact cards; a later one wins)."""
    files = dict(site.content_files(content))
    files.update(site.asset_files())
    renderer = pages.Renderer(directory)
    for page in pages.all_pages(renderer, site._material_entries(MATERIALS)):
        files[page.path] = page.text().encode("utf-8")
    for path, text in pages.contact_cards(renderer).items():
        files[path] = text.encode("utf-8")
    return files


def test_sliced_docs_tree_equals_the_gathered_tree(directory, tmp_path):
    """Writing page unit by page unit gives the tree the whole-tree writer gave, byte for byte."""
    sliced, whole = tmp_path / "sliced", tmp_path / "whole"
    result = site.generate(directory, sliced, CONTENT, MATERIALS)
    write_tree(gathered_tree(directory, CONTENT), whole)
    assert tree(sliced) == tree(whole)
    assert result.total == len(site.write.read_manifest(sliced / ".generated.json"))
    assert site.docs_files(directory, CONTENT, MATERIALS) == gathered_tree(directory, CONTENT)


def test_write_stream_writes_each_file_before_the_next_is_made(tmp_path):
    def files():
        yield "a.md", b"1"
        assert (tmp_path / "a.md").read_bytes() == b"1"  # written, not held
        yield "b/c.md", b"2"
        yield "a.md", b"other"  # met again: the first one stays

    result = site.write.write_stream(files(), tmp_path)
    assert (result.written, result.total) == (["a.md", "b/c.md"], 2)
    assert (tmp_path / "a.md").read_bytes() == b"1"


def test_write_tree_touches_only_changed_files(tmp_path):
    write_tree({"a.md": b"1", "b/c.md": b"2"}, tmp_path)
    before = (tmp_path / "a.md").stat().st_mtime_ns
    result = write_tree({"a.md": b"1", "b/c.md": b"3"}, tmp_path)
    assert result.written == ["b/c.md"] and (tmp_path / "a.md").stat().st_mtime_ns == before


def test_failed_check_leaves_the_previous_site(built, tmp_path):
    root = tmp_path / "fictional"
    shutil.copytree(built["root"], root)
    (root / "services" / "pengaduan-uptd-ppa-contoh-magelang.yaml").write_text(
        "name: [unclosed\n", encoding="utf-8"
    )
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("last good site", encoding="utf-8")
    (out / MARKER).write_text("", encoding="utf-8")  # a site the generator built
    with pytest.raises(CheckFailed):
        run_build(tmp_path, root, out, tmp_path / "docs")
    assert (out / "index.html").read_text(encoding="utf-8") == "last good site"


def test_failed_mkdocs_build_leaves_the_previous_site(built, tmp_path, monkeypatch):
    out = tmp_path / "site"
    out.mkdir()
    (out / "index.html").write_text("last good site", encoding="utf-8")
    (out / MARKER).write_text("", encoding="utf-8")  # a site the generator built

    def broken(config_file, docs_dir, site_dir, directory, strict):
        (site_dir / "index.html").write_text("half", encoding="utf-8")
        raise build.BuildFailed("MkDocs build failed: boom")

    monkeypatch.setattr(build, "mkdocs_stage", broken)
    with pytest.raises(build.BuildFailed):
        run_build(tmp_path, built["root"], out, tmp_path / "docs")
    assert tree(out) == {"index.html": b"last good site", MARKER: b""}
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.startswith(".site")]
    assert leftovers == [".site.lock"]  # the lock file stays (empty of meaning when no build runs)


def test_build_command_reports_errors_without_traceback(built, tmp_path, capsys):
    from generator.__main__ import main

    root = tmp_path / "fictional"
    shutil.copytree(built["root"], root)
    (root / "hotlines" / "sapa-129.yaml").write_text("name: x\n", encoding="utf-8")
    code = main(["build", "--root", str(root), "--out", str(tmp_path / "site"), "--allow-outside", "--docs-dir", str(tmp_path / "d"),
                 "--config", str(config_for(tmp_path)), "--today", TODAY.isoformat()])  # fmt: skip
    err = capsys.readouterr().err
    assert code == 1
    assert "sapa-129.yaml" in err and "Traceback" not in err
    assert f"{tmp_path / 'site'}/ tidak diubah" in err and "GAGAL: " in err


PAYLOAD = "<script>alert('x')</script> \"Layanan\" & <img src=x onerror=alert(1)>"


def hostile(directory):
    """A service whose text carries HTML payloads, bypassing `check` (which rejects them)."""
    base = directory.services["pengaduan-uptd-ppa-contoh-magelang"]
    record = base.record.model_copy(
        update={
            "name": PAYLOAD,
            "description": PAYLOAD + "\n\n[klik](javascript:alert(2))",
            "eligibility": PAYLOAD,
            "locations": [
                Location(
                    region="33.71.01", name=PAYLOAD, address=PAYLOAD, latitude=-7.4, longitude=110.2
                )
            ],
        }
    )
    assert isinstance(record, Service)
    entry = type(base)(id="payload", kind="services", file=base.file, record=record)
    directory.services["payload"] = entry
    directory.__dict__.pop("_city_index", None)
    return directory


def test_payloads_are_escaped_everywhere(built, tmp_path):
    directory = hostile(build.check_stage(built["root"], TODAY))
    docs, out = tmp_path / "docs", tmp_path / "site"
    site.generate(directory, docs, CONTENT)
    build.mkdocs_stage(config_for(tmp_path), docs, out, directory, strict=True)
    for url in [
        urls.service_url("payload"),
        urls.city_url("33.71"),
        urls.printable_url("33.71"),
        "layanan/",
    ]:
        html = (out / url / "index.html").read_text(encoding="utf-8")
        assert (
            "<script>alert" not in html and "<img src=x" not in html and "javascript:" not in html
        ), url
        assert "&lt;script&gt;alert(" in html, url
    service = (out / urls.service_url("payload") / "index.html").read_text(encoding="utf-8")
    title = service.split("<title>")[1].split("</title>")[0]
    assert title.startswith(
        "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &#34;Layanan&#34; &amp;"
    )
    assert '<meta name="description" content="&#34;Layanan&#34; &amp; klik">' in service
    card = (out / urls.service_url("payload") / "kontak.vcf").read_text(encoding="utf-8")
    assert "<" not in card and ">" not in card


def test_confidential_location_never_shows_an_address_even_if_check_missed_it(built):
    directory = build.check_stage(built["root"], TODAY)
    base = directory.services["rumah-aman-contoh-magelang"]
    leaked = Location(
        region="33.71", confidential=True, address="Jl. Rahasia 1", latitude=-7.4, longitude=110.2
    )
    record = base.record.model_copy(update={"locations": [leaked]})
    directory.services[base.id] = type(base)(base.id, base.kind, base.path, record)
    renderer = pages.Renderer(directory)
    text = pages.service_page(renderer, base.id).text()
    assert "Rahasia" not in text and "geo:" not in text and "-7.4" not in text


def test_materials_page_lists_the_leaflets_it_is_given(directory, tmp_path):
    entry = {
        "title": "Kenali dan laporkan",
        "city": "33.71",
        "kind": "leaflet_trifold",
        "kind_label": "Leaflet lipat tiga",
        "pdf": "materi/kenali-33-71.pdf",
        "png": "materi/kenali-33-71.png",
        "page_size": "A4 lanskap",
        "file_size": 28672,
        "rendered": True,  # run-only key: not kept
    }
    docs = tmp_path / "docs"
    site.generate(directory, docs, None, [entry])
    page = (docs / "materi" / "index.md").read_text(encoding="utf-8")
    assert 'href="kenali-33-71.pdf"' in page and 'src="kenali-33-71.png"' in page
    assert "Leaflet lipat tiga · A4 lanskap · 28 KB" in page and "Kota Magelang" in page
    assert site.generate(directory, docs, None, [entry]).written == []  # one write
    assert not (docs / "materi" / ".materials.json").exists()  # no state for the next run


def test_a_file_in_pieces_is_written_only_when_its_bytes_change(tmp_path):
    site.write.write_stream([("d/big.json", iter([b"[\n", b"1", b"\n]\n"]))], tmp_path)
    before = (tmp_path / "d/big.json").stat().st_mtime_ns
    again = site.write.write_stream([("d/big.json", iter([b"[\n1", b"\n]\n"]))], tmp_path)
    assert again.written == [] and (tmp_path / "d/big.json").stat().st_mtime_ns == before
    changed = site.write.write_stream([("d/big.json", iter([b"[]\n"]))], tmp_path)
    assert changed.written == ["d/big.json"] and (tmp_path / "d/big.json").read_bytes() == b"[]\n"
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["big.json"]  # no .tmp left
