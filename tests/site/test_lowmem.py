"""Packing page HTML while MkDocs waits to write it changes no byte (generator/site/lowmem.py)."""

from __future__ import annotations

from types import SimpleNamespace

from mkdocs.plugins import BasePlugin
from site_helpers import run_build

from generator import build
from generator.site.lowmem import PACKED, LowMemoryPlugin


def site_files(site) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_site_is_the_same_bytes_without_packing(built, tmp_path, monkeypatch):
    monkeypatch.setattr(build, "LowMemoryPlugin", BasePlugin)  # a plugin that does nothing
    run_build(tmp_path, built["root"], tmp_path / "site", tmp_path / "docs")
    packed, plain = site_files(built["site"]), site_files(tmp_path / "site")
    assert packed.keys() == plain.keys() and len(packed) > 50
    assert [p for p in packed if packed[p] != plain[p]] == []


def test_a_page_holds_only_packed_html_until_its_turn():
    plugin = LowMemoryPlugin()
    page = SimpleNamespace(meta={"title": "Judul"}, markdown="<div>…</div>", content=None)
    page.content = plugin.on_page_content("<div>é</div>", page=page, config=None, files=None)
    assert (page.content, page.markdown) == ("", "")
    assert len(getattr(page, PACKED)) > 0
    plugin.on_page_context({}, page=page, config=None, nav=None)
    assert page.content == "<div>é</div>" and getattr(page, PACKED) is None
    plugin.on_post_page("<html>", page=page, config=None)
    assert page.content == ""


def test_a_page_without_a_title_in_its_front_matter_keeps_its_source():
    page = SimpleNamespace(meta={}, markdown="# Tentang\n", content=None)
    LowMemoryPlugin().on_page_content("<h1>Tentang</h1>", page=page, config=None, files=None)
    assert page.markdown == "# Tentang\n"
