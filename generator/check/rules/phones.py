"""Phone numbers in contact channels: a valid Indonesian number, a listed short code, a
mobile for WhatsApp, no foreign or premium-rate number without a reason (E-PHONE,
E-PHONE-DIGITS, E-PHONE-FOREIGN, E-PHONE-PREMIUM, E-SHORT-CODE, E-WHATSAPP), and one
number used by unrelated records (W-SHARED-NUMBER).

Parsing is the costliest single rule, so the readers classify each file's numbers next
to the read (`classify_numbers`) and hand them on in `RawRecord.found`; the number
rules proper need the short-code table and every record, so they run after.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from phonenumbers import PhoneNumberType

from ... import phones
from ...errors import Problem
from ...phones import COUNTRY_PREFIX, MOBILE_TYPES, NUMBER_TYPES, PhoneChecker, region_of
from ..context import Batch, Checked, Context, Rule
from ..reading import Loc, RawRecord


def classify_numbers(raw: RawRecord, data: dict[str, Any]) -> None:
    """One-file rule: classify the record's numbers for `PhoneNumbers` (no problem here)."""
    channels = data.get("channels")
    if isinstance(channels, list):
        raw.found["phones"] = {
            value: phones.classify(value)
            for value in channel_values(channels, NUMBER_TYPES)
        }  # fmt: skip


def channel_values(channels: list[Any], types: tuple[str, ...]) -> Iterator[str]:
    """The written `value` of each channel of `types` in raw data, stripped."""
    for ch in channels:
        if isinstance(ch, dict) and isinstance(ch.get("value"), str) and ch.get("type") in types:
            yield ch["value"].strip()


class PhoneNumbers(Rule):
    def __init__(self, ctx: Context):
        super().__init__(ctx)
        self.owners: dict[str, list[tuple[Checked[Any], Loc]]] = defaultdict(list)

    def add(self, batch: Batch) -> Iterator[Problem]:
        checker = self.ctx.phones
        for c, loc, ch in batch.valued_channels:
            if ch.type in NUMBER_TYPES:
                error = number_problem(
                    checker,
                    ch.value or "",
                    whatsapp=ch.type == "whatsapp",
                    exception=bool(ch.number_exception),
                )
                if error:
                    code, params = error
                    yield c.at((*loc, "value"), code, **params)
        self._gather(batch)

    def _gather(self, batch: Batch) -> None:
        """Who uses each number (E.164), for `finish`."""
        checker = self.ctx.phones
        for c, loc, ch in batch.channels:
            if ch.value and ch.type in NUMBER_TYPES and not checker.is_short(ch.value):
                number = checker.normalise(ch.value)
                if number:
                    self.owners[number].append((c, loc))

    def finish(self) -> Iterator[Problem]:
        """W-SHARED-NUMBER: a number that records of different organisations list."""
        shared = sorted((n, users) for n, users in self.owners.items() if len(users) > 1)
        for number, users in shared:
            for c, loc in users:
                others = sorted({o.raw.display for o, _ in users if not _related(c, o)})
                if others:
                    yield c.at(
                        (*loc, "value"), "W-SHARED-NUMBER", value=number, other=", ".join(others)
                    )


NOT_PHONE_CHAR_RE = re.compile(r"[^\d\s()+\-./]")
TYPE_WORDS = {
    PhoneNumberType.FIXED_LINE: "telepon rumah/kantor",
    PhoneNumberType.TOLL_FREE: "bebas pulsa",
    PhoneNumberType.PREMIUM_RATE: "premium",
    PhoneNumberType.VOIP: "VoIP",
    PhoneNumberType.UAN: "UAN",
}
NumberProblem = tuple[str, dict[str, str]]  # (code, params)


def number_problem(
    checker: PhoneChecker, value: str, *, whatsapp: bool = False, exception: bool = False
) -> NumberProblem | None:
    """None when the number is fine, else (code, params) for the problem.

    `exception`: the channel documents why a foreign or premium-rate number is listed.
    """
    value = value.strip()
    if not value.isascii():
        found = keypad_problem(value)
        if found:
            return found
    if checker.is_short(value):
        return _short_problem(checker, value, whatsapp)
    if NOT_PHONE_CHAR_RE.search(value):
        return "E-PHONE", {
            "value": value,
            "reason": "hanya angka, spasi, tanda hubung, kurung dan +",
        }
    number, kind = checker.classify(value)
    if number is None:
        reason = "bukan nomor Indonesia yang sah (jumlah angka atau kode area salah?)"
        return "E-PHONE", {"value": value, "reason": reason}
    if not exception:
        found = cost_problem(value, number, kind)
        if found:
            return found
    if whatsapp and kind not in MOBILE_TYPES:
        got = TYPE_WORDS.get(kind, "bukan HP") if kind is not None else "bukan HP"
        return "E-WHATSAPP", {"value": value, "got": got}
    return None


def _short_problem(checker: PhoneChecker, value: str, whatsapp: bool) -> NumberProblem | None:
    """A short code (129, 112...) is never a WhatsApp number, and must be listed in
    `short-codes.yaml` with a source: libphonenumber does not know them all."""
    if whatsapp:
        return "E-WHATSAPP", {"value": value, "got": "pendek"}
    if value not in checker.short_codes:
        return "E-SHORT-CODE", {"value": value}
    return None


def keypad_problem(value: str) -> NumberProblem | None:
    """E-PHONE-DIGITS when `value` holds digits of another script (Arabic-Indic,
    fullwidth…): libphonenumber would read them, but a person can't type them on a
    phone keypad and a printer may reorder them. The hint shows the plain form."""
    odd = [c for c in value if c.isdigit() and not ("0" <= c <= "9")]
    if not odd:
        return None
    plain = "".join(str(unicodedata.digit(c, "")) if c.isdigit() else c for c in value)
    plain = unicodedata.normalize("NFKC", plain)
    # "ARABIC-INDIC DIGIT ONE" -> "ARABIC-INDIC": which digits they are, by Unicode name.
    chars = ", ".join(dict.fromkeys(unicodedata.name(c, "?").split(" DIGIT")[0] for c in odd))
    return "E-PHONE-DIGITS", {"value": value, "chars": chars, "plain": plain}


def cost_problem(value: str, e164: str, kind: int | None) -> NumberProblem | None:
    """A foreign or premium-rate number: costly or impossible to call from Indonesia."""
    if not e164.startswith(COUNTRY_PREFIX):
        return "E-PHONE-FOREIGN", {"value": value, "country": region_of(e164)}
    if kind == PhoneNumberType.PREMIUM_RATE:
        return "E-PHONE-PREMIUM", {"value": value}
    return None


def _related(a: Checked[Any], b: Checked[Any]) -> bool:
    return a is b or bool(_family(a) & _family(b))


def _family(c: Checked[Any]) -> set[str]:
    """Organisation ids a record belongs to (itself, its organisation, its parent)."""
    m = c.model
    ids: set[str] = set()
    if c.raw.kind == "organisations":
        ids.add(c.raw.id or "")
        if m.parent:
            ids.add(m.parent)
    elif c.raw.kind == "services":
        ids.add(m.organisation)
    elif getattr(m, "operator", None):
        ids.add(m.operator)
    return ids
