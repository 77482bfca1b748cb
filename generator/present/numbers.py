"""One formatter for every published number, working from the parsed number.

Indonesian numbers are shown in the national form people dial (`0812-3456-7890`,
`(0285) 421234`); a short code (129, 110) exactly as `short-codes.yaml` lists it; a
foreign number that `check` let through with a documented exception in the
international form. Link targets (`tel:`, `https://wa.me/`, `sms:`) come from E.164
(RFC 3966 for `tel:`; https://faq.whatsapp.com/5913398998672934 for wa.me).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberFormat

from .. import phones


@dataclass(frozen=True)
class Number:
    display: str  # what a person reads and dials
    e164: str  # +6281234567890, or the short code itself (129)
    short: bool
    cost: str = ""  # the reader's warning for a foreign or premium-rate number

    @property
    def tel(self) -> str:
        return f"tel:{self.e164}"

    @property
    def sms(self) -> str:
        return f"sms:{self.e164}"

    @property
    def whatsapp(self) -> str:
        return f"https://wa.me/{self.e164.lstrip('+')}"

    def href(self, kind: str) -> str:
        """The link for a `call`, `whatsapp` or `sms` action."""
        return {"call": self.tel, "whatsapp": self.whatsapp, "sms": self.sms}[kind]


def number(value: str, short_codes) -> Number:
    """The number `value` as every output shows it (`short_codes`: codes listed)."""
    value = value.strip()
    if value in short_codes:
        return Number(value, value, True)
    return _parsed(value)


@lru_cache(maxsize=65536)
def _parsed(value: str) -> Number:
    parsed = phones.parse(value)
    if parsed is None:  # `check` rejects these; never guess a number
        return Number(value, phones.digits(value), False)
    e164 = phonenumbers.format_number(parsed, PhoneNumberFormat.E164)
    local = e164.startswith(phones.COUNTRY_PREFIX)
    style = PhoneNumberFormat.NATIONAL if local else PhoneNumberFormat.INTERNATIONAL
    cost = phones.cost_note(e164, phonenumbers.number_type(parsed))
    return Number(phonenumbers.format_number(parsed, style), e164, False, cost)
