"""Addresses where none may be: a shelter's whereabouts in any text of a confidential
service (E-CONFIDENTIAL-TEXT), an address next to a mention of a shelter elsewhere
(E-SHELTER-ADDRESS), a map link in free text (W-MAP-IN-TEXT).

A one-file rule on raw data (it runs next to the read, in the reader processes); the
patterns and the scan are `generator.addresses`, which the output stages share.
"""

from __future__ import annotations

from typing import Any

from ... import addresses
from ..reading import RawRecord


def addresses_in_text(raw: RawRecord, data: dict[str, Any]) -> None:
    for loc, code, match in addresses.scan(data, raw.text):
        raw.report(loc, code, match=match)
