"""What the record rules share: checked records, the batch in hand, the run's context.

Everything a rule may read comes through a `Context` (the run's root, reference date,
the tables from the single files, the answers the readers worked out) and the `Batch`
it is given; nothing passes between stages through module globals.

No models are imported at run time: `check` imports this before pydantic, while its
readers start.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from ..errors import Problem, problem
from ..kinds import FILES, subject_of
from ..phones import NumberClass, PhoneChecker
from .reading import Findings, Loc, RawRecord, field_path

if TYPE_CHECKING:
    from ..models import Channel, Model, Settings, ShortCode, Term

M = TypeVar("M", bound="Model")


class Checked(Generic[M]):
    """A record that passed its shape check, with where it came from.

    `partial`: it did not pass; `model` is what is left without its faulty optional
    fields (`shape._salvage`), checked by the rules that do not judge a missing field.
    """

    __slots__ = ("raw", "model", "partial")

    def __init__(self, raw: RawRecord, model: M, partial: bool = False):
        self.raw = raw
        self.model = model
        self.partial = partial

    def at(self, loc: Loc, code: str, field: str | None = None, **params: object) -> Problem:
        """A problem of this record at `loc` (or named `field` in the message)."""
        line, col = self.raw.position(loc)
        name = field if field is not None else field_path(loc)
        subject = subject_of(self.raw.kind, self.raw.id)
        return problem(self.raw.display, line, col, code, subject, name, **params)


ByKind = dict[str, list[Checked[Any]]]
# A contact channel with its record and place: (record, ("channels", i), channel).
Placed = tuple[Checked[Any], Loc, "Channel"]


def records_of(by_kind: ByKind, *kinds: str) -> Iterator[Checked[Any]]:
    """The records of `kinds` (of every kind when none is named), kind by kind."""
    for kind in kinds or tuple(by_kind):
        yield from by_kind.get(kind, ())


class Batch:
    """The records a record rule is given at once, by kind (in tree order)."""

    def __init__(self, by_kind: ByKind):
        self.by_kind = by_kind

    def of(self, *kinds: str) -> Iterator[Checked[Any]]:
        return records_of(self.by_kind, *kinds)

    @cached_property
    def channels(self) -> list[Placed]:
        """Every contact channel of the batch (listed once, read by several rules)."""
        return [
            (c, ("channels", i), ch)
            for c in self.of("organisations", "services", "hotlines")
            if isinstance(c.model.channels, list)
            for i, ch in enumerate(c.model.channels)
        ]

    @cached_property
    def valued_channels(self) -> list[Placed]:
        """Channels whose own `value` is to be judged (a number, an address, a link):
        not walk-ins, and not those that must first fix `value` against `hotline`."""
        return [
            placed
            for placed in self.channels
            if placed[2].type != "walk_in" and placed[2].value and not placed[2].hotline
        ]


@dataclass
class Tables:
    """What the single files say that every rule may look up (read once, when the first
    folder record arrives: the single files come first in tree order)."""

    settings_c: Checked[Settings] | None = None
    categories: dict[str, Term] = field(default_factory=dict)
    audiences: dict[str, Term] = field(default_factory=dict)
    short_codes: dict[str, ShortCode] = field(default_factory=dict)

    @property
    def settings(self) -> Settings | None:
        return self.settings_c.model if self.settings_c else None


@dataclass
class Context:
    """One run of `check`: where, when, what has been read so far, the tables."""

    root: Path
    today: date
    records: ByKind = field(default_factory=lambda: defaultdict(list))
    tables: Tables = field(default_factory=Tables)
    tables_read: bool = False
    # Answers the readers worked out (`reading.Findings`), for every file so far.
    numbers: dict[str, NumberClass] = field(default_factory=dict)
    emails: dict[str, str | None] = field(default_factory=dict)
    phones: PhoneChecker = field(default_factory=lambda: PhoneChecker(set()))
    # Ids of record files outside this run, by kind: a partial run (the live preview
    # re-checks only the changed files) resolves references as a whole run would.
    known_ids: dict[str, set[str]] = field(default_factory=dict)

    def take(self, found: Findings) -> None:
        """Keep what the readers found in one file."""
        if "phones" in found:
            self.numbers.update(found["phones"])
        if "emails" in found:
            self.emails.update(found["emails"])

    def add(self, batch: Batch) -> None:
        """Count a batch's records in (kind by kind; the tables first when due)."""
        for kind, items in batch.by_kind.items():
            if kind in FILES and self.tables_read:
                raise RuntimeError(f"{items[0].raw.display} came after the folder records")
            if kind not in FILES and not self.tables_read:
                self.read_tables()
            self.records[kind].extend(items)

    def of(self, *kinds: str) -> Iterator[Checked[Any]]:
        """Every record so far (of `kinds`, or of all kinds)."""
        return records_of(self.records, *kinds)

    def single(self, kind: str) -> Checked[Any] | None:
        """The record of a single file (`settings.yaml`...), when it was read whole."""
        items = self.records.get(kind) or []
        return items[0] if items else None

    def read_tables(self) -> None:
        self.tables_read = True
        self.tables = Tables(
            self.single("settings.yaml"),
            self._terms("taxonomy/categories.yaml", "categories"),
            self._terms("taxonomy/audiences.yaml", "audiences"),
            self._short_codes(),
        )
        self.phones = PhoneChecker(set(self.tables.short_codes), self.numbers)

    def _terms(self, kind: str, attr: str) -> dict[str, Term]:
        c = self.single(kind)
        return {t.id: t for t in getattr(c.model, attr)} if c else {}

    def _short_codes(self) -> dict[str, ShortCode]:
        codes = self.single("short-codes.yaml")
        return {s.code: s for s in codes.model.short_codes} if codes else {}


class Rule:
    """A rule over the checked records, run by the engine (`engine.check_records`).

    - `read(raw)`: every file as read, before its shape check (file names, ids);
    - `add(batch)`: the next records in tree order, while the readers still read the
      rest (per-record rules, and gathering for the end);
    - `finish()`: once every record is in (cross-record rules).

    A rule overrides only what it needs; the engine calls only what is overridden.
    """

    def __init__(self, ctx: Context):
        self.ctx = ctx

    def read(self, raw: RawRecord) -> Iterable[Problem]:
        return ()

    def add(self, batch: Batch) -> Iterable[Problem]:
        return ()

    def finish(self) -> Iterable[Problem]:
        return ()
