"""The page memo changes no byte of any page (generator/site/pagememo.py)."""

from __future__ import annotations

from pathlib import Path

import jinja2
import pytest
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config import load_config

from generator.site import pagememo, rawpage
from generator.site.config import config_path
from generator.site.navmemo import NavMemoPlugin


def pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def build_site(docs: Path, out: Path, site_url: str | None, memo: bool) -> int:
    """MkDocs of the built docs tree, as build.mkdocs_stage runs it (with `memo`: also
    without Markdown for generated pages); pages filled in."""
    config = load_config(str(config_path(docs)), site_dir=str(out), site_url=site_url)
    config.plugins["direktori-navmemo"] = NavMemoPlugin()
    plugin = pagememo.PageMemoPlugin()
    if memo:
        config.plugins["direktori-rawpage"] = rawpage.RawPagePlugin()
        config.plugins["direktori-pagememo"] = plugin
    mkdocs_build(config)
    return plugin.memo.filled if plugin.memo else 0


@pytest.mark.slow
@pytest.mark.parametrize("site_url", [None, "https://contoh.example/direktori/"])
def test_every_page_is_the_same_with_and_without_the_memo(built, tmp_path, monkeypatch, site_url):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    monkeypatch.setattr(rawpage, "CHECKED", 0)  # every generated page the short way
    filled = build_site(built["docs"], tmp_path / "memo", site_url, memo=True)
    build_site(built["docs"], tmp_path / "plain", site_url, memo=False)
    with_memo, without = pages(tmp_path / "memo"), pages(tmp_path / "plain")
    assert with_memo.keys() == without.keys()
    assert [p for p in with_memo if with_memo[p] != without[p]] == []
    assert filled > len(with_memo) / 2  # most pages came from the memo


class Page:
    """What the memo reads of a MkDocs page."""

    def __init__(self, url: str, title: str, content: str, **meta) -> None:
        self.url, self.title, self.content = url, title, content
        self.meta = {"title": title, **meta}
        self.toc: list = []
        self.edit_url = None
        self.is_homepage = False


def render_all(source: str, pages: list[Page]) -> tuple[list[str], pagememo.PageMemo]:
    env = jinja2.Environment()
    template = env.from_string(source)
    memo = pagememo.PageMemo([], None)
    out = [memo.render(template, "main.html", {"page": p}) for p in pages]
    return out, memo


SERVICES = [
    Page(f"layanan/s{i}/", f"Layanan {i}" + " panjang" * i, f"<p>isi {i} &amp; lagi</p>")
    for i in range(1, 6)
]


@pytest.mark.parametrize(
    "source",
    [
        "<title>{{ page.meta.title }}</title><a href='{{ page.url }}'>{{ page.title | e }}</a>"
        "{{ page.content }}",
        "{{ page.title | truncate(12) }}{{ page.content }}",
        "{{ page.title | upper }}",
        "{{ page.content | striptags }}",
        "{{ page.title | replace('Layanan', 'L') }}",
        "{{ page.title | length }}{{ page.url | length }}",
        "{{ page.title | urlencode }}",
    ],
)
def test_filled_pages_are_what_the_template_gives(source):
    out, memo = render_all(source, SERVICES)
    expected = [jinja2.Environment().from_string(source).render(page=p) for p in SERVICES]
    assert out == expected


def test_a_plain_template_is_filled_in_after_two_pages():
    source = "<h1>{{ page.title | e }}</h1>{{ page.content }}"
    out, memo = render_all(source, SERVICES)
    assert memo.filled == 3
    assert (
        out[4]
        == "<h1>Layanan 5 panjang panjang panjang panjang panjang</h1><p>isi 5 &amp; lagi</p>"
    )


def test_a_filter_that_changes_the_value_keeps_the_normal_way():
    _, memo = render_all("{{ page.title | truncate(20) }}", SERVICES)
    assert memo.filled == 0


def test_values_with_surrounding_space_are_rendered_the_normal_way():
    pages = [*SERVICES[:2], Page("layanan/x/", " Spasi ", "<p>a</p>")]
    out, memo = render_all("[{{ page.title | trim }}]", pages)
    assert out[2] == "[Spasi]" and memo.filled == 0
