"""Contact lines: every way to reach a record, in the order a person should try them.

One `Action` per way of contact. Numbers come from `numbers.number`, so a number reads
the same on every output. A channel marked `recheck`, or any channel of a record
marked `recheck`, is never first: it goes after every sure way of contact, carries its
warning, and is never a card's big button.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..models import Channel, Hours
from .numbers import Number, number

NUMBER_KINDS = ("call", "whatsapp", "sms")
ACTION_WORDS = {"call": "Telepon", "whatsapp": "WhatsApp", "sms": "SMS"}
LINK_WORDS = {"website": "Situs web", "form": "Formulir online", "app": "Aplikasi"}
SHORT_KIND = {"call": "Tel", "whatsapp": "WA", "sms": "SMS"}
# Calls and messages first, links next, walking in last.
ACTION_ORDER = {"call": 0, "whatsapp": 0, "sms": 0, "walk_in": 2}
WALK_IN = "Datang langsung"


@dataclass(frozen=True)
class Action:
    """One way to make contact, as a button or a printed line."""

    kind: str  # call, whatsapp, sms, email, website, form, app, walk_in
    label: str  # button text, e.g. "Telepon 129"
    href: str | None
    value: str = ""  # the number (display form) or address shown
    note: str = ""  # channel label / note, or the hotline's name
    recheck: str = ""  # why this way of contact must be checked again
    via_hotline: str = ""  # hotline id when the channel goes through a hotline
    number: Number | None = None
    hours: Hours | None = None  # the channel's own hours, when they differ
    title: str = ""  # the channel's own label, e.g. "Pengaduan" (in `note` too)
    remark: str = ""  # the channel's own note (in `note` too)
    own_recheck: bool = False  # `recheck` is the channel's own, not the record's

    @property
    def is_number(self) -> bool:
        return self.kind in NUMBER_KINDS

    @property
    def sure(self) -> bool:
        return not self.recheck


def contact_actions(directory, record) -> list[Action]:
    """A record's ways of contact, sure ones first (calls, links, walking in), then
    those marked for re-checking. Channels through a hotline resolve to its numbers."""
    hotlines = getattr(directory, "hotlines", {})
    recheck = getattr(record, "recheck", None) or ""  # organisations carry no `recheck`
    found = actions_for(record.channels, directory.short_codes, hotlines, recheck)
    return sorted(found, key=_rank)


def _rank(a: Action) -> tuple[int, int]:
    return (1 if a.recheck else 0, ACTION_ORDER.get(a.kind, 1))


def numbered(actions: list[Action]) -> list[Action]:
    return [a for a in actions if a.is_number]


def card_actions(actions: list[Action]) -> list[Action]:
    """The big buttons of a card or result: at most one call and one WhatsApp, the
    record's own sure number first, else a national line it is reached through. A
    number marked for re-checking is never one of them (its page lists it, warned)."""
    sure = [a for a in actions if a.is_number and a.sure]
    preferred = [a for a in sure if not a.via_hotline] or sure
    chosen: dict[str, Action] = {}
    for a in preferred:
        if a.kind in ("call", "whatsapp"):
            chosen.setdefault(a.kind, a)
    return list(chosen.values())


def actions_for(channels, short_codes, hotlines, recheck: str = "") -> list[Action]:
    """Actions of `channels` in record order, without repeats (`recheck`: the record's)."""
    if not channels or channels == "unknown":
        return []
    out: list[Action] = []
    for channel in channels:
        for action in channel_actions(channel, short_codes, hotlines, recheck):
            if action not in out:
                out.append(action)
    return out


def channel_actions(ch: Channel, short_codes, hotlines, recheck: str = "") -> list[Action]:
    if ch.hotline:  # the record's own doubt is not the hotline's
        return _via_hotline(ch, short_codes, hotlines, ch.recheck or "")
    found = _own_action(ch, short_codes)
    if found is None:
        return []
    return [replace(found, recheck=ch.recheck or recheck, own_recheck=bool(ch.recheck))]


def _own_action(ch: Channel, short_codes) -> Action | None:
    note = ", ".join(x for x in (ch.label, ch.note) if x)
    if ch.type == "walk_in" and note.lower() == WALK_IN.lower():
        note = ""
    kind = "call" if ch.type == "phone" else ch.type
    value = ch.value or ""
    base = Action(
        kind, "", None, value, note, hours=ch.hours, title=ch.label or "", remark=ch.note or ""
    )
    if kind in NUMBER_KINDS and value:
        num = number(value, short_codes)
        label = f"{ACTION_WORDS[kind]} {num.display}"
        found = replace(base, label=label, href=num.href(kind), value=num.display, number=num)
        if num.cost:  # a foreign or premium number `check` let through: say what it costs
            found = replace(
                found,
                note=", ".join(x for x in (note, num.cost) if x),
                remark=", ".join(x for x in (ch.note, num.cost) if x),
            )
        return found
    if kind == "email" and value:
        return replace(base, label=f"Email {value}", href=f"mailto:{value}")
    if kind in LINK_WORDS and value:
        return replace(base, label=LINK_WORDS[kind], href=value)
    if kind == "walk_in":
        return replace(base, label=WALK_IN)
    return None


def _via_hotline(ch: Channel, short_codes, hotlines, recheck: str) -> list[Action]:
    """A channel reached through a hotline: that hotline's numbers, named by it, those
    of the channel's own kind first. The hotline's own `recheck` travels with them."""
    entry = hotlines.get(ch.hotline)
    if entry is None:
        return []
    own = entry.record.recheck or ""
    kind = "call" if ch.type == "phone" else ch.type
    out = []
    for hc in entry.record.channels:
        for a in channel_actions(hc, short_codes, {}, own):
            if a.is_number:
                out.append(
                    replace(
                        a,
                        note=entry.record.name,
                        recheck=recheck or a.recheck,
                        own_recheck=bool(recheck) or a.own_recheck,
                        via_hotline=entry.id,
                        title=ch.label or "",
                        remark=ch.note or "",
                    )
                )
    return sorted(out, key=lambda a: a.kind != kind)
