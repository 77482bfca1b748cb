"""Python-Markdown extension: a generated page that is one HTML block passes through whole.

Every generated page is ready HTML inside one `<div class="dl-page ...">` (see templates/).
Python-Markdown already passes such a block through unchanged
(https://python-markdown.github.io/#differences, "Inline HTML"), but only after its HTML
block parser has read every tag of it, and MkDocs reads every tag once more to collect
anchor ids (`mkdocs.structure.pages._RawHTMLPreprocessor`): at 10,000 records that is
more than half of what MkDocs spends on our pages. This preprocessor runs before both
and stores the page in Markdown's HTML stash as one block, so the output is the same
text at a fraction of the cost (tests/site/test_rawpage.py compares the two on every
generated page).

A page that does not start with the generated block, or has anything after its end,
goes through Markdown as before: the hand-written pages of content/ are Markdown.
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from typing import Any

from markdown import Extension, Markdown, util
from markdown.preprocessors import Preprocessor
from mkdocs.plugins import BasePlugin
from mkdocs.structure.toc import get_toc

log = logging.getLogger(__name__)
log_mkdocs = logging.getLogger("mkdocs.structure.pages")  # the level Page.render reads

# What every generated page starts with (generator/site/templates/*.html).
START = '<div class="dl-page'
END = "</div>"
# After Markdown's `normalize_whitespace` (30: newlines, tabs) and before MkDocs' anchor
# scan (21) and Markdown's `html_block` (20).
PRIORITY = 25
# The other Markdown extensions of mkdocs.yml: none of them adds text to a document that
# is one stashed block (no footnotes, no abbreviations).
# fenced_code (MkDocs always adds it) runs before us and leaves a text without fences alone.
KNOWN = {"toc", "attr_list", "admonition", "def_list", "tables", "fenced_code"}
FENCES = ("```", "~~~")
TAB_LENGTH = 4  # Markdown's default; MkDocs does not change it


class WholePage(Preprocessor):
    """Stash a page that is one generated HTML block; leave any other text alone."""

    def run(self, lines: list[str]) -> list[str]:
        text = "\n".join(lines).strip("\n")
        if not is_generated(text):
            return lines
        # The lines and stash entry Markdown's own HTML block parser makes of a block that
        # ends the text (markdown/htmlparser.py, HTMLExtractor.handle_endtag).
        return ["", self.md.htmlStash.store(text + "\n"), "", ""]


def is_generated(text: str) -> bool:
    """One generated block: starts with the page's div, ends with a closing div, and holds
    no blank line (a blank line is where Markdown could end an HTML block early)."""
    return text.startswith(START) and text.endswith(END) and "\n\n" not in text


class RawPageExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 (Python-Markdown's API name)
        md.preprocessors.register(WholePage(md), "dl_whole_page", PRIORITY)


def makeExtension(**kwargs) -> RawPageExtension:  # noqa: N802 (the name Markdown looks up)
    return RawPageExtension(**kwargs)


# --- in process: no Markdown at all for a generated page ---------------------------------
#
# Even with the block stashed whole, MkDocs builds a new `Markdown` for every page (about
# 0.7 ms with our extensions) and runs its parser, tree processors and serializer over
# one placeholder. `RawPagePlugin` (added by `build.mkdocs_stage` and the preview, never
# named in the config) gives a generated page what that render gives it: the block as
# content, an empty table of contents, no title from the text, no anchors and no links to
# check (the generated HTML holds final relative links). It checks that claim against
# MkDocs' own render on the first pages of every build and uses the short way only when
# they agree (tests/site/test_rawpage.py compares every fictional page).

CHECKED = 20  # pages rendered both ways at the start of each build


def normalized(text: str, tab_length: int) -> str:
    """The text as Markdown's first preprocessor leaves it, joined again
    (markdown.preprocessors.NormalizeWhitespace)."""
    source = text.replace(util.STX, "").replace(util.ETX, "")
    source = source.replace("\r\n", "\n").replace("\r", "\n") + "\n\n"
    source = source.expandtabs(tab_length) if "\t" in source else source
    # Lines of spaces only: none without " \n" (the full scan costs 0.2 ms a page).
    return re.sub(r"(?<=\n) +\n", "\n", source) if " \n" in source else source


def rendered(page: Any) -> tuple:
    """What MkDocs' `Page.render` sets on a page, for comparison."""
    return (
        page.content,
        [str(item) for item in page.toc],
        page._title_from_render,
        page.present_anchor_ids,
        getattr(page, "links_to_anchors", None),
    )


class RawPagePlugin(BasePlugin):  # type: ignore[type-arg]
    """Renders generated pages without Markdown once the first pages show it is exact."""

    def __init__(self) -> None:
        self.checked = 0
        self.exact = True
        self.skipped = 0

    def on_config(self, config: Any) -> Any:
        # Only with exactly the extensions whose effect on one stashed block is known.
        names = {e if isinstance(e, str) else "" for e in config.markdown_extensions}
        self.exact = __name__ in names and names - {__name__} <= KNOWN
        self.checked = self.skipped = 0
        return config

    def on_pre_page(self, page: Any, config: Any, files: Any) -> Any:
        if self.exact:
            page.render = functools.partial(self.render, page, page.render)
        return page

    def render(self, page: Any, markdown_render: Callable, config: Any, files: Any) -> None:
        text = normalized(page.markdown, TAB_LENGTH).strip("\n")
        if not self.exact or not is_generated(text) or any(f in text for f in FENCES):
            markdown_render(config, files)
            return
        if self.checked < CHECKED:
            self.checked += 1
            markdown_render(config, files)
            expected = rendered(page)
            self.set_whole(page, text)
            if rendered(page) != expected:
                log.warning("raw pages: %s renders differently, Markdown for all", page.url)
                self.exact = False
                markdown_render(config, files)
            return
        self.skipped += 1
        self.set_whole(page, text)

    @staticmethod
    def set_whole(page: Any, text: str) -> None:
        page.content = text
        page.toc = get_toc([])
        page._title_from_render = None
        page.present_anchor_ids = set()
        if log_mkdocs.getEffectiveLevel() > logging.DEBUG:  # as Page.render does
            page.links_to_anchors = {}

    def on_post_build(self, config: Any) -> None:
        log.info("raw pages: %d without Markdown (exact: %s)", self.skipped, self.exact)
