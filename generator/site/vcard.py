"""`.vcf` contact cards (RFC 6350 text, vCard 3.0), written at build time (no script,
no request).

Two variants per service: the full one and a neutral one whose name does not say what
the number is for, because a saved contact can be seen by anyone who holds the phone.
Numbers, the trust label and re-check warnings come from `generator.present`: sure
numbers first, numbers marked for re-checking last, and every warning in `NOTE`.
"""

from __future__ import annotations

import re

from ..present import Action

NEUTRAL_NAME = "Kantor Layanan"
# The neutral card must not say what the office is; its warning says only that.
NEUTRAL_RECHECK = "Sebagian nomor perlu dicek ulang sebelum dipakai."
TEL_TYPES = {"call": "VOICE", "whatsapp": "CELL", "sms": "TEXT"}


# Controls and invisible format characters: a phone's contact list shows them raw.
_HIDDEN_RE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]"
)


def _text(value: str) -> str:
    """RFC 6350 text escaping; angle brackets dropped so no HTML survives in a card, and
    line breaks folded so a value cannot start a property of its own."""
    value = _HIDDEN_RE.sub("", value).replace("<", "").replace(">", "")
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return " ".join(value.split())


def vcard(
    name: str,
    organisation: str,
    actions: list[Action],
    url: str | None,
    notes: list[str] = (),  # type: ignore[assignment]
) -> str:
    """The full card; `notes`: the trust label and re-check warnings, in that order."""
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_text(name)}", f"N:{_text(name)};;;;"]
    if organisation:
        lines.append(f"ORG:{_text(organisation)}")
    lines += _numbers(actions)
    lines += [f"EMAIL:{_text(a.value)}" for a in actions if a.kind == "email"]
    if url:
        lines.append(f"URL:{url}")
    if notes:
        lines.append(f"NOTE:{_text(' '.join(notes))}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def neutral_vcard(actions: list[Action]) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{NEUTRAL_NAME}", f"N:{NEUTRAL_NAME};;;;"]
    lines += _numbers(actions)
    if any(a.recheck for a in actions if a.is_number):
        lines.append(f"NOTE:{_text(NEUTRAL_RECHECK)}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def _numbers(actions: list[Action]) -> list[str]:
    """`TEL` lines in the display form every other output shows (a phone dials it as
    written), sure numbers first, because a phone offers the first one."""
    ordered = sorted((a for a in actions if a.is_number), key=lambda a: bool(a.recheck))
    out: list[str] = []
    for a in ordered:
        line = f"TEL;TYPE={TEL_TYPES[a.kind]}:{_text(a.value)}"
        if line not in out:
            out.append(line)
    return out
