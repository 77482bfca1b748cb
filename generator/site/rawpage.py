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

from markdown import Extension, Markdown
from markdown.preprocessors import Preprocessor

# What every generated page starts with (generator/site/templates/*.html).
START = '<div class="dl-page'
END = "</div>"
# After Markdown's `normalize_whitespace` (30: newlines, tabs) and before MkDocs' anchor
# scan (21) and Markdown's `html_block` (20).
PRIORITY = 25


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
