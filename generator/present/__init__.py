"""The presentation layer: the only code that turns a resolved record into what a
person reads.

Site pages, search documents, leaflets and printable lists, and contact cards all ask
this package for a record's contact lines, hours, fees, trust label, re-check warnings
and choice labels, so a record says the same thing in every output. Nothing here
escapes for an output format: each writer escapes for the place the text lands in.
"""

from __future__ import annotations

from .city import LISTED, PRINTED, CityLines, hotlines_of_city, services_of_city
from .contact import Action, actions_for, card_actions, contact_actions, numbered
from .fees import Fee, fee
from .hours import hours_json, hours_line, hours_lines, is_always, record_hours, record_region
from .labels import label
from .numbers import Number, number
from .promises import promises
from .trust import RECHECK_PREFIX, Trust, recheck_warnings, trust

__all__ = [
    "LISTED",
    "PRINTED",
    "RECHECK_PREFIX",
    "Action",
    "CityLines",
    "Fee",
    "Number",
    "Trust",
    "actions_for",
    "card_actions",
    "contact_actions",
    "fee",
    "hotlines_of_city",
    "hours_json",
    "hours_line",
    "hours_lines",
    "is_always",
    "label",
    "number",
    "numbered",
    "promises",
    "recheck_warnings",
    "record_hours",
    "record_region",
    "services_of_city",
    "trust",
]
