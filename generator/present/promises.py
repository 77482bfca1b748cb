"""What a leaflet may promise next to a service or hotline.

"24 jam", "Gratis" and "Rahasia" are printed only from the record's own fields (its
hours, fees and `keeps_confidential`), which cite their sources. A material's free text
never makes these promises for a named service.
"""

from __future__ import annotations

ALWAYS = "24 jam setiap hari"
FREE = "Gratis"
CONFIDENTIAL = "Rahasia"


def promises(record) -> list[str]:
    """The promises a hotline or service record supports, in a fixed order."""
    hours = getattr(record, "hours", None)
    fees = getattr(record, "fees", None)
    found = []
    if getattr(hours, "always", False):
        found.append(ALWAYS)
    if getattr(fees, "kind", None) == "free":
        found.append(FREE)
    if getattr(record, "keeps_confidential", False):
        found.append(CONFIDENTIAL)
    return found
