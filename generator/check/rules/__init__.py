"""Every rule of `check`, by topic, registered here: the one place to add a rule.

- `FILE_RULES` need one file's raw data only. They run right after the read, in the
  reader processes on all cores, and the read cache keeps what they found; they report
  on the record (`RawRecord.report`) or hand costly answers on (`RawRecord.found`).
  They import no models: the readers start before pydantic is imported.
- `record_rules()` are `context.Rule`s over checked (typed) records: per batch while
  the readers still read (`add`), and across records once all are in (`finish`).

Where is a phone number checked? `phones.py`. An e-mail address? `emails.py`. And so
on: each module's docstring names the problem codes it reports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ..reading import RawRecord
from . import addresses, emails, markup, phones

if TYPE_CHECKING:
    from collections.abc import Callable

    from ..context import Rule

    FileRule = Callable[[RawRecord, dict[str, Any]], None]

FILE_RULES: tuple[FileRule, ...] = (
    markup.unsafe_text,
    addresses.addresses_in_text,
    phones.classify_numbers,
    emails.classify_emails,
)


def run_file_rules(raw: RawRecord) -> None:
    """Every one-file rule on one record just read (`reading.stream_tree`'s hook)."""
    if raw.data is not None:
        for rule in FILE_RULES:
            rule(raw, raw.data)


def record_rules() -> tuple[type[Rule], ...]:
    """The rules over checked records (imported on call: they need the models)."""
    from . import (
        channels,
        completeness,
        confidential,
        dates,
        hours,
        leaflets,
        locations,
        logos,
        names,
        references,
        regions,
        tables,
        verification,
    )

    return (
        names.FileIds,
        references.References,
        tables.Settings,
        tables.UniqueIds,
        regions.RegionCodes,
        locations.Locations,
        confidential.Confidential,
        dates.FutureDates,
        verification.Verification,
        logos.Logos,
        completeness.Completeness,
        channels.Channels,
        phones.PhoneNumbers,
        emails.Emails,
        hours.OpeningHours,
        references.SelfReferences,
        names.NameCharacters,
        leaflets.LeafletRoom,
        references.ParentCycles,
    )
