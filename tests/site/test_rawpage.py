"""Generated pages pass through Markdown whole: same HTML as Markdown's own parse, cheaper."""

from __future__ import annotations

import markdown
import pytest
from mkdocs.utils import meta

from generator.site import rawpage

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
