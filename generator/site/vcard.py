"""`.vcf` contact cards, written at build time (no script, no request).

Two variants per service: the full one and a neutral one whose name does not say what
the number is for, because a saved contact can be seen by anyone who holds the phone.
"""

from __future__ import annotations

import re

from .format import Action

NEUTRAL_NAME = "Kantor Layanan"


# Controls and invisible format characters: a phone's contact list shows them raw.
_HIDDEN_RE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")


def _text(value: str) -> str:
    """RFC 6350 text escaping; angle brackets dropped so no HTML survives in a card, and
    line breaks folded so a value cannot start a property of its own."""
    value = _HIDDEN_RE.sub("", value).replace("<", "").replace(">", "")
    value = value.replace("\\", "\\\\").replace(",", "\\,").replace(";", "\\;")
    return " ".join(value.split())


def vcard(name: str, organisation: str, actions: list[Action], url: str | None) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{_text(name)}", f"N:{_text(name)};;;;"]
    if organisation:
        lines.append(f"ORG:{_text(organisation)}")
    lines += _numbers(actions)
    lines += [f"EMAIL:{_text(a.value)}" for a in actions if a.kind == "email"]
    if url:
        lines.append(f"URL:{url}")
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def neutral_vcard(actions: list[Action]) -> str:
    lines = ["BEGIN:VCARD", "VERSION:3.0", f"FN:{NEUTRAL_NAME}", f"N:{NEUTRAL_NAME};;;;"]
    lines += _numbers(actions)
    lines.append("END:VCARD")
    return "\r\n".join(lines) + "\r\n"


def _numbers(actions: list[Action]) -> list[str]:
    out: list[str] = []
    for a in actions:
        if a.kind not in ("call", "whatsapp", "sms"):
            continue
        number = a.href.split(":", 1)[1] if a.kind != "whatsapp" else "+" + a.href.rsplit("/", 1)[1]
        kind = {"call": "VOICE", "whatsapp": "CELL", "sms": "TEXT"}[a.kind]
        line = f"TEL;TYPE={kind}:{number}"
        if line not in out:
            out.append(line)
    return out
