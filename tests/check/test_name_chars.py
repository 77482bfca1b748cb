"""E-NAME-CHARS finds exactly the characters that render as nothing or reorder text."""

from __future__ import annotations

import sys
import unicodedata

from generator.check.rules.names import INVISIBLE_RE

HANGUL_FILLERS = {"\u115f", "\u1160", "\u3164", "\uffa0"}
INVISIBLE = {"Cc", "Cf", "Zl", "Zp"}


def test_invisible_pattern_follows_the_unicode_categories():
    missed, extra = [], []
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        category = unicodedata.category(ch)
        matched = INVISIBLE_RE.fullmatch(ch) is not None
        if category in INVISIBLE or ch in HANGUL_FILLERS:
            if not matched:
                missed.append(f"U+{cp:04X}")
        elif matched and category != "Cn":  # format controls of a newer Unicode than ours
            extra.append(f"U+{cp:04X}")
    assert missed == [] and extra == []
