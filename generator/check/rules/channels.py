"""Contact channels as a whole: `value` or `hotline`, not both nor neither, `hotline`
only on numbers (E-CHANNEL), and a link that is a web address (E-URL).

Numbers and e-mail addresses are judged by their own rules (`phones`, `emails`).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ...errors import Problem
from ...phones import NUMBER_TYPES
from ..context import Batch, Rule

URL_RE = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


class Channels(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        for c, loc, ch in batch.channels:
            if ch.type == "walk_in":
                continue
            if ch.value and ch.hotline:
                yield c.at(loc, "E-CHANNEL", detail="isi `value` atau `hotline`, jangan keduanya")
            elif not ch.value and not ch.hotline:
                yield c.at(
                    loc,
                    "E-CHANNEL",
                    detail=f"saluran `{ch.type}` perlu `value` (nomor/alamat) atau `hotline`",
                )
            elif ch.hotline and ch.type not in NUMBER_TYPES:
                yield c.at(
                    (*loc, "hotline"),
                    "E-CHANNEL",
                    detail="`hotline` hanya untuk phone, whatsapp atau sms",
                )
        for c, loc, ch in batch.valued_channels:
            if (
                ch.type not in NUMBER_TYPES
                and ch.type != "email"
                and not URL_RE.match(ch.value or "")
            ):
                yield c.at((*loc, "value"), "E-URL", value=ch.value)
