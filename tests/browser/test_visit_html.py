"""Static checks over the built pages for the visit: one small stylesheet in <head>, the
theme's after the home page's emergency numbers, the history setting, breadcrumbs,
gzip copies next to the text files."""

from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from generator.site import styles
from generator.site.config import apply_settings

STYLESHEET = re.compile(rb'<link rel="stylesheet" href="([^"]+)">')


@pytest.fixture(scope="module")
def pages(site_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in site_dir.rglob("*.html")}


FIRST = styles.first_styles(Path(__file__).resolve().parents[2] / "overrides")


def has_top(html: bytes) -> bool:
    return FIRST["top"]["text"].encode() in html


def test_only_the_first_stylesheets_hold_back_the_first_paint(pages):
    """first.css on every page, top.css on record pages: written into <head>, so they
    cost no round trip; every other stylesheet comes in <body>."""
    for name, html in pages.items():
        head = html[: html.find(b"</head>")]
        assert STYLESHEET.findall(head) == [], name
        inline = re.findall(rb"<style>(.*?)</style>", head, re.S)
        expected = ["first", "top"] if has_top(html) else ["first"]
        assert [t.decode() for t in inline] == [FIRST[n]["text"] for n in expected], name
        body = [h.rsplit(b"/", 1)[-1] for h in STYLESHEET.findall(html[len(head) :])]
        assert body == [b"theme.css"], name


@pytest.mark.parametrize(
    "name",
    [
        "index.html",
        "kota/33-71-kota-magelang/index.html",
        "kota/73-08-kabupaten-bone/index.html",
        "layanan/pengaduan-uptd-ppa-contoh-magelang/index.html",
    ],
)
def test_first_numbers_come_before_the_theme_stylesheet(pages, name):
    html = pages[name]
    assert 0 < html.find(b'href="tel:') < html.find(b"stylesheets/theme.css")
    assert has_top(html) == (name != "index.html")


def test_record_pages_link_the_theme_after_their_numbers(pages):
    late = [n for n, html in pages.items() if has_top(html)]
    assert {n.split("/")[0] for n in late} == {"kota", "layanan", "hotline", "organisasi"}
    for name in late:
        html = pages[name]
        if name.startswith(("kota/", "layanan/")) and b'href="tel:' in html:
            assert html.find(b'href="tel:') < html.find(b"stylesheets/theme.css"), name


def test_every_page_asks_for_one_history_entry(pages):
    meta = b'<meta name="site-history" content="replace">'
    assert [name for name, html in pages.items() if meta not in html] == []


def test_setting_reaches_the_theme():
    class Settings:
        site_name = site_description = data_licence = edit_branch = "x"
        public_url = repo_url = None
        quick_exit_url = "https://www.bmkg.go.id/"
        fictional = False
        corrections = type("C", (), {"text": None, "email": None, "url": None})
        one_history_entry = False

    config = {"extra": {}}
    apply_settings(config, Settings)
    assert config["extra"]["one_history_entry"] is False


def test_breadcrumbs_lead_back(pages):
    crumbs = re.compile(
        rb'<nav class="site-breadcrumbs" aria-label="Jejak halaman">(.*?)</nav>', re.S
    )
    service = crumbs.search(pages["layanan/pengaduan-uptd-ppa-contoh-magelang/index.html"])
    links = re.findall(rb'<a href="([^"]+)">([^<]+)</a>', service.group(1))
    assert links == [(b"../..", b"Beranda"), (b"../../kota/33-71-kota-magelang/", b"Kota Magelang")]
    hotline = crumbs.search(pages["hotline/sapa-129/index.html"])
    assert re.findall(rb'<a href="([^"]+)">([^<]+)</a>', hotline.group(1)) == [
        (b"../..", b"Beranda"),
        (b"../", b"Saluran bantuan"),
    ]
    assert crumbs.search(pages["index.html"]) is None


def test_theme_and_site_stylesheets_arrive_as_one(site_dir: Path):
    """Linked one by one, the theme's applied a frame before the site's: titles and the
    header moved twice as they arrived."""
    imports = (site_dir / "assets/stylesheets/theme.css").read_text(encoding="utf-8")
    names = re.findall(r'@import url\("([^"]+)"\);', imports)
    assert [n.rsplit("/", 1)[-1].split(".")[0] for n in names] == ["main", "site", "pages"]
    for name in names:
        assert (site_dir / "assets/stylesheets" / name).resolve().is_file(), name


def test_text_files_have_gzip_copies(site_dir: Path):
    for name in ("index.html", "assets/stylesheets/first.css", "assets/javascripts/visit.js"):
        copy = site_dir / (name + ".gz")
        assert gzip.decompress(copy.read_bytes()) == (site_dir / name).read_bytes(), name
