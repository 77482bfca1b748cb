"""E-mail addresses in contact channels (E-EMAIL), with email-validator's reason and its
gist in Indonesian.

Validating is costly, so the readers judge each file's addresses next to the read
(`classify_emails`) and hand the answers on in `RawRecord.found`.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from ...errors import Problem
from ..context import Batch, Rule
from ..reading import RawRecord
from .phones import channel_values


def classify_emails(raw: RawRecord, data: dict[str, Any]) -> None:
    """One-file rule: judge the record's e-mail addresses for `Emails` (no problem here)."""
    channels = data.get("channels")
    if isinstance(channels, list):
        raw.found["emails"] = {
            value: why_not(value) for value in channel_values(channels, ("email",))
        }


@lru_cache(maxsize=65536)
def why_not(value: str) -> str | None:
    """Why `value` is not an e-mail address (email-validator's English), or None."""
    from email_validator import EmailNotValidError, validate_email

    try:
        validate_email(value, check_deliverability=False)
    except EmailNotValidError as exc:
        return str(exc)
    return None


class Emails(Rule):
    def add(self, batch: Batch) -> Iterator[Problem]:
        known = self.ctx.emails
        for c, loc, ch in batch.valued_channels:
            if ch.type != "email":
                continue
            reason = known[ch.value] if ch.value in known else why_not(ch.value)
            if reason:
                yield c.at(
                    (*loc, "value"),
                    "E-EMAIL",
                    value=ch.value,
                    reason=email_reason_id(reason),
                    reason_en=reason,
                )


# email-validator explains in English; a staff member reading Indonesian gets the gist
# in Indonesian (the English text stays for `--lang en`). Cues are lowercase and
# matched without case; the first match wins.
EMAIL_REASONS_ID = (
    ("full-width", "tanda @ yang dipakai bukan @ biasa; ketik ulang tanda @"),
    ("small commercial at", "tanda @ yang dipakai bukan @ biasa; ketik ulang tanda @"),
    ("must have an @-sign", "tidak ada tanda @"),
    ("something before the @-sign", "tidak ada nama sebelum tanda @"),
    ("something after the @-sign", "tidak ada nama domain setelah tanda @"),
    ("too long", "terlalu panjang"),
    ("should have a period", "nama domain setelah @ harus memakai titik, mis. contoh.go.id"),
    ("two periods in a row", "ada dua titik berurutan"),
    ("period and a hyphen", "titik dan tanda hubung tidak boleh bersebelahan"),
    ("period", "tidak boleh diawali atau diakhiri dengan titik"),
    ("hyphen", "tanda hubung salah tempat"),
    ("top-level domain", "akhiran domain setelah @ tidak dikenal"),
    ("special-use or reserved", "nama domain setelah @ tidak bisa dipakai untuk email"),
    ("display name", "tulis alamat email saja, tanpa nama atau tanda < >"),
    ("angle bracket", "tulis alamat email saja, tanpa nama atau tanda < >"),
    ("anything after the email", "ada tulisan lain setelah alamat email"),
    ("quot", "tanda kutip tidak boleh dipakai"),
    ("bracket", "alamat IP dalam kurung tidak boleh dipakai"),
    ("character", "ada huruf atau tanda yang tidak boleh dipakai"),
    ("ascii", "ada huruf atau tanda yang tidak boleh dipakai"),
)


def email_reason_id(reason: str) -> str:
    """The gist of email-validator's English `reason`, in Indonesian."""
    low = reason.lower()
    for cue, text in EMAIL_REASONS_ID:
        if cue in low:
            return text
    return "bentuknya tidak sah"
