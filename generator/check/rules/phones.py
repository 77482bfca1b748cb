"""Phone numbers in contact channels: a valid Indonesian number, a listed short code, a
mobile for WhatsApp, no foreign or premium-rate number without a reason (E-PHONE,
E-PHONE-DIGITS, E-PHONE-FOREIGN, E-PHONE-PREMIUM, E-SHORT-CODE, E-WHATSAPP), and one
number used by unrelated records (W-SHARED-NUMBER).

Parsing is the costliest single rule, so the readers classify each file's numbers next
to the read (`classify_numbers`) and hand them on in `RawRecord.found`; the number
rules proper need the short-code table and every record, so they run after.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from ... import phones
from ...errors import Problem
from ...phones import NUMBER_TYPES
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
                error = checker.check(
                    ch.value or "",
                    whatsapp=ch.type == "whatsapp",
                    sms=ch.type == "sms",
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
