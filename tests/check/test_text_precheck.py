"""The whole-file pre-check never lets through a value that the per-value scan rejects.

`_may_be_unsafe(text)` lets `check` skip the per-value HTML/link scan for a file; it
must be conservative: whenever some value read from the file is unsafe, it says True.
"""

from __future__ import annotations

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.check.rules.markup import _may_be_unsafe, _texts, _unsafe_text

TRICKS = [
    "<b>tebal</b>",
    "javascript:alert(1)",
    "JavaScript :alert(1)",
    "DATA:text/html,x",
    "vbscript\t:x",
    "java\u017fcript:x",
    "\u212aata",
    "a\nb",
    "< b",
    "data",
    ":",
    "\\",
    "\u00a0",
]
STYLES = [None, '"', "'", "|", ">"]


def values(text: str) -> list[str]:
    """Every scalar as text, as `check` reads it (BaseLoader resolves no types either)."""
    data = yaml.load(text, Loader=yaml.BaseLoader)  # noqa: S506 - BaseLoader builds only str/list/dict
    return [value for _loc, value in _texts(data, ())]


def unsafe_values(text: str) -> list[str]:
    return [v for v in values(text) if _unsafe_text(v)[0]]


@pytest.mark.parametrize(
    "text",
    [
        'a: "\\x3cscript>"\n',
        'a: "\\u003cb>"\n',
        'a: "javascript\\t:alert(1)"\n',
        'a: "javascript\\\n  :alert(1)"\n',
        'a: "javascript\\n:alert(1)"\n',
        "a: javascript\n  :alert(1)\n",
        "a: >\n  javascript\n  :alert(1)\n",
        'a: "java\\u0073cript:alert(1)"\n',
        'a: "\\x64ata:text/html,x"\n',
        "a: 'javascript:'\n",
        'a: "Java\\u017fcript:"\n',
    ],
)
def test_escaped_and_folded_values_are_scanned(text):
    assert unsafe_values(text), "the case itself must hold an unsafe value"
    assert _may_be_unsafe(text)


def test_clean_file_skips_the_scan():
    text = 'name: "Layanan"\nhow_to_get_help: "1. Telepon.\\n2. Datang."\n'
    assert not unsafe_values(text)
    assert not _may_be_unsafe(text)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(TRICKS), st.text(max_size=12)), min_size=1, max_size=6).map(
        "".join
    ),
    st.sampled_from(STYLES),
)
def test_precheck_is_conservative(value, style):
    text = yaml.safe_dump({"a": [value]}, default_style=style, allow_unicode=False)
    if unsafe_values(text):
        assert _may_be_unsafe(text)
    text = yaml.safe_dump({"a": value}, allow_unicode=True, width=8)
    if unsafe_values(text):
        assert _may_be_unsafe(text)
