"""How far a record can be trusted, and why it must be checked again, in words.

The trust label is the same sentence on a page, a card, a search result, paper and a
contact card: confirmed on a date, stale, from a public source of a date, or no source.
Its words are those the "Tentang data ini" page explains (content/tentang-data.md).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..dates import long_date
from .labels import VERIFIED_HOW

RECHECK_PREFIX = "Perlu dicek ulang"


@dataclass(frozen=True)
class Trust:
    kind: str  # confirmed, stale, public_source, no_source
    text: str
    warn: bool


def trust(directory, entry) -> Trust:
    kind = directory.trust(entry)
    rec = entry.record
    if kind == "confirmed":
        how = VERIFIED_HOW.get(getattr(rec, "verified_how", None) or "", "")
        words = ("Dikonfirmasi", how, long_date(rec.verified_on))
        return Trust(kind, " ".join(x for x in words if x) + ".", False)
    if kind == "stale":
        text = f"Dikonfirmasi {long_date(rec.verified_on)}, sudah lama. {RECHECK_PREFIX}."
        return Trust(kind, text, True)
    if kind == "public_source":
        latest = long_date(directory.latest_source_date(entry))
        return Trust(kind, f"Dari sumber publik {latest}. Belum dikonfirmasi.", True)
    return Trust(kind, "Belum ada sumber. Cek dulu sebelum datang.", True)


def recheck_warnings(record, actions) -> list[str]:
    """Every re-check warning of a record: its own, then each way of contact's
    ("Perlu dicek ulang: Telepon 0285-421234: nomor lama"), without repeats."""
    own = getattr(record, "recheck", None)
    out = [f"{RECHECK_PREFIX}: {own}"] if own else []
    for a in actions:
        if a.recheck and a.recheck != own:
            line = f"{RECHECK_PREFIX}: {a.label}: {a.recheck}"
            if line not in out:
                out.append(line)
    return out
