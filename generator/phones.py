"""Phone numbers: parse, classify and format with Google's libphonenumber (`phonenumbers`).

Short codes (129, 110, 112, 148…) are not all known to libphonenumber, so a short
code is valid only when the directory's `short-codes.yaml` lists it with a source.
"""

from __future__ import annotations

import re
from functools import lru_cache

import phonenumbers
from phonenumbers import NumberParseException, PhoneNumberFormat, PhoneNumberType

REGION = "ID"
COUNTRY_PREFIX = "+62"
NUMBER_TYPES = ("phone", "whatsapp", "sms")  # channel types whose value is a number
SHORT_RE = re.compile(r"^\d{3,5}$")
MOBILE_TYPES = {PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE}


def digits(value: str) -> str:
    return re.sub(r"\D", "", value)


@lru_cache(maxsize=65536)
def parse(value: str) -> phonenumbers.PhoneNumber | None:
    return _typed(value)[0]


NumberClass = tuple[str | None, int | None]  # (E.164, libphonenumber number type)


@lru_cache(maxsize=65536)
def classify(value: str) -> NumberClass:
    """(E.164, libphonenumber number type) or (None, None) when not a valid number.

    Parsing is the costliest single rule of `check`: the readers classify each file's
    numbers (`check.rules.phones.classify_numbers`) and hand the answers on.
    """
    number, kind = _typed(value)
    if number is None:
        return None, None
    return phonenumbers.format_number(number, PhoneNumberFormat.E164), kind


def _typed(value: str) -> tuple[phonenumbers.PhoneNumber | None, int | None]:
    """The number and its type, or (None, None): the one rule for a valid number."""
    try:
        number = phonenumbers.parse(value, REGION)
    except NumberParseException:
        return None, None
    # number_type() is UNKNOWN exactly when is_valid_number() is False (both match the
    # number against its region's patterns): one pass instead of two.
    kind = phonenumbers.number_type(number)
    return (None, None) if kind == PhoneNumberType.UNKNOWN else (number, kind)


def e164(value: str) -> str | None:
    number = parse(value)
    return phonenumbers.format_number(number, PhoneNumberFormat.E164) if number else None


def national(value: str) -> str | None:
    number = parse(value)
    return phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL) if number else None


def is_mobile(value: str) -> bool:
    number = parse(value)
    return number is not None and phonenumbers.number_type(number) in MOBILE_TYPES


class PhoneChecker:
    """Numbers as this directory reads them: its short codes, and libphonenumber.

    `classes`: numbers already classified (by the readers), taken before parsing again.
    """

    def __init__(self, short_codes: set[str], classes: dict[str, NumberClass] | None = None):
        self.short_codes = short_codes
        self.classes = {} if classes is None else classes

    def classify(self, value: str) -> NumberClass:
        found = self.classes.get(value)
        if found is None:
            found = self.classes[value] = classify(value)
        return found

    def is_short(self, value: str) -> bool:
        return bool(SHORT_RE.match(value.strip()))

    def normalise(self, value: str) -> str | None:
        if self.is_short(value):
            return value.strip()
        return self.classify(value.strip())[0]


def region_of(e164: str) -> str:
    """The ISO country code of an E.164 number (`US`, `MY`), or its calling code."""
    number = phonenumbers.parse(e164)
    return phonenumbers.region_code_for_number(number) or f"+{number.country_code}"


def cost_note(e164: str, kind: int | None) -> str:
    """The reader's warning for a foreign or premium number `check` let through."""
    if not e164.startswith(COUNTRY_PREFIX):
        return "Nomor luar negeri: biaya telepon internasional."
    if kind == PhoneNumberType.PREMIUM_RATE:
        return "Nomor premium: biaya telepon mahal."
    return ""
