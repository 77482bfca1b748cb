"""Numbers and labels as the export writes them: one small place, so the export says what
every other output says (it delegates to the presentation layer, `generator.present`)."""

from __future__ import annotations

from .. import present, regions
from ..present import labels

# HSDS 3 service.status has no "unverified": a consumer that ignores our extension must
# not send a person to a service we cannot vouch is running, so it is "inactive".
STATUS = {
    "active": "active",
    "temporarily_closed": "temporarily closed",
    "closed": "defunct",
    "unverified": "inactive",
}
STATUS_BACK = {"active": "active", "temporarily closed": "temporarily_closed", "defunct": "closed"}


def number(value: str, short_codes) -> str:
    """E.164 (`+62293000102`) for numbers, the short code itself (`129`): the target of
    the site's `tel:` links, from the presentation layer (one parse for every output)."""
    return present.number(value, short_codes).e164


def language_name(code: str) -> str:
    return labels.language_names([code])[0]


def fee_label(fees) -> tuple[str, str]:
    """(label, note), e.g. ('Gratis', ''); ('', '') when not known."""
    fee = present.fee(fees)
    return fee.label, fee.note


def region_name(code: str) -> str:
    info = regions.lookup(code)
    return info.name if info else code


def city_of(code: str) -> str:
    """The kabupaten/kota code a region lies in (the province for a province code)."""
    return code[:5] if regions.level_of(code) >= 2 else code
