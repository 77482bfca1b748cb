"""Generated pages pass through Markdown whole: same HTML as Markdown's own parse, cheaper."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.config import load_config
from mkdocs.structure.files import get_files
from mkdocs.structure.pages import Page
from mkdocs.utils import meta

from generator.site import rawpage
from generator.site.config import config_path

# The Markdown extensions of mkdocs.yml without ours.
EXTENSIONS = ["toc", "attr_list", "admonition", "def_list", "tables"]


def convert(text: str, *extra) -> str:
    md = markdown.Markdown(
        extensions=[*EXTENSIONS, *extra], extension_configs={"toc": {"permalink": False}}
    )
    return md.convert(text)


def test_every_generated_page_renders_as_markdown_would(built):
    pages = sorted(built["docs"].rglob("*.md"))
    fast = 0
    for path in pages:
        source, _ = meta.get_data(path.read_text(encoding="utf-8"))
        fast += rawpage.is_generated(source.strip("\n"))
        assert convert(source, rawpage.RawPageExtension()) == convert(source), path
    assert fast >= len(pages) - 10  # the hand-written pages of content/ are the only others


@pytest.mark.parametrize(
    "text",
    [
        "# Judul\n\nTeks *biasa*.\n",
        '<div class="dl-page">\n<p>a</p>\n</div>\n\nSesudahnya teks.\n',
        '<div class="dl-page">\n<p>a</p>\n\n<p>b</p>\n</div>\n',
        '<div class="other">\n<p>a</p>\n</div>\n',
    ],
)
def test_other_text_goes_through_markdown(text):
    assert not rawpage.is_generated(text.strip("\n"))
    assert convert(text, rawpage.RawPageExtension()) == convert(text)


def test_without_markdown_every_page_is_what_markdown_gives(built):
    """RawPagePlugin's short way against MkDocs' own Page.render, page by page."""
    config = load_config(str(config_path(built["docs"])))
    plugin = rawpage.RawPagePlugin()
    plugin.on_config(config)
    assert plugin.exact
    files = get_files(config)
    short = 0
    for file in files.documentation_pages():
        page = Page(None, file, config)
        page.read_source(config)
        page.render(config, files)
        expected = rawpage.rendered(page)
        text = rawpage.normalized(page.markdown, rawpage.TAB_LENGTH).strip("\n")
        if rawpage.is_generated(text):
            short += 1
            rawpage.RawPagePlugin.set_whole(page, text)
        assert rawpage.rendered(page) == expected, file.src_uri
    assert short >= len(files.documentation_pages()) - 10


def test_a_page_that_renders_differently_turns_the_short_way_off(built, monkeypatch):
    config = load_config(str(config_path(built["docs"])))
    plugin = rawpage.RawPagePlugin()
    plugin.on_config(config)
    files = get_files(config)
    file = next(f for f in files.documentation_pages() if f.src_uri.startswith("layanan/"))
    page = Page(None, file, config)
    plugin.on_pre_page(page, config, files)
    page.read_source(config)
    wrong = staticmethod(lambda p, t: setattr(p, "content", t + " "))  # not what Markdown gives
    monkeypatch.setattr(rawpage.RawPagePlugin, "set_whole", wrong)
    page.render(config, files)
    assert not plugin.exact and page.content.startswith('<div class="dl-page')
