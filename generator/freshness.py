"""Freshness report for staff: which records need a phone call.

Read from the resolved Directory; rendered as Markdown for the pull request's step
summary and a build artifact. Never part of the public site: it points at weak spots.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import cast

from .check.output import md_cell
from .dates import iso_date
from .directory import Directory, Entry, months_between
from .kinds import KIND_LABELS, SOURCED
from .models import Organisation, Service
from .phones import NUMBER_TYPES, PhoneChecker

SOURCED_KINDS = SOURCED
KIND_WORDS = KIND_LABELS


@dataclass
class Freshness:
    """Everything the report says, gathered before any text is written."""

    today: date
    stale_after: int
    fictional: bool
    buckets: dict[str, list[Entry]] = field(default_factory=dict)
    no_channel: list[Entry] = field(default_factory=list)
    shared: dict[str, list[Entry]] = field(default_factory=dict)
    recheck: list[tuple[Entry, str, str]] = field(default_factory=list)

    @property
    def unverified(self) -> list[Entry]:
        return self.buckets["never"]

    @property
    def stale(self) -> list[Entry]:
        return self.buckets["stale"]


def sourced_entries(d: Directory) -> list[Entry]:
    return [e for kind in SOURCED_KINDS for e in getattr(d, kind).values()]


def months_since(d: Directory, e: Entry) -> int | None:
    verified = e.record.verified_on
    return None if verified is None else months_between(verified, d.today)


def bucket_of(d: Directory, e: Entry) -> str:
    months = months_since(d, e)
    if months is None:
        return "never"
    if months >= d.stale_months:  # same rule as Directory.trust() and W-STALE
        return "stale"
    return "recent" if months < 6 else "aging"


def gather(d: Directory) -> Freshness:
    f = Freshness(d.today, d.stale_months, d.settings.fictional)
    f.buckets = {name: [] for name in ("stale", "aging", "recent", "never")}
    for e in sorted(sourced_entries(d), key=sort_key):
        f.buckets[bucket_of(d, e)].append(e)
        if not reachable(d, e):
            f.no_channel.append(e)
        f.recheck.extend(recheck_notes(e))
    for key in ("stale", "aging", "recent"):
        f.buckets[key].sort(key=lambda e: (e.record.verified_on, sort_key(e)))
    f.shared = shared_numbers(d)
    return f


def sort_key(e: Entry) -> tuple[int, str]:
    return SOURCED_KINDS.index(e.kind), e.id


def channels_of(e: Entry) -> list:
    channels = getattr(e.record, "channels", None)
    return channels if isinstance(channels, list) else []


def reachable(d: Directory, e: Entry) -> bool:
    """A record has a contact channel; an organisation also through one of its services."""
    if channels_of(e) or e.kind == "pathways":
        return True
    return e.kind == "organisations" and any(channels_of(s) for s in d.services_of(e.id))


def recheck_notes(e: Entry) -> list[tuple[Entry, str, str]]:
    notes = [(e, "", e.record.recheck)] if e.record.recheck else []
    for i, ch in enumerate(channels_of(e)):
        if ch.recheck:
            notes.append((e, f"channels[{i}]", ch.recheck))
    return notes


def family(e: Entry) -> set[str]:
    """Organisation ids a record belongs to; records sharing one are related."""
    rec = e.record
    if isinstance(rec, Organisation):
        return {e.id, *([rec.parent] if rec.parent else [])}
    if isinstance(rec, Service):
        return {rec.organisation}
    operator = getattr(rec, "operator", None)
    return {operator} if operator else {f"{e.kind}/{e.id}"}


def shared_numbers(d: Directory) -> dict[str, list[Entry]]:
    """Numbers (E.164) used by records that do not belong to the same organisation."""
    phones = PhoneChecker(set(d.short_codes))
    owners: dict[str, dict[str, Entry]] = defaultdict(dict)
    for e in sourced_entries(d):
        for ch in channels_of(e):
            if ch.value and ch.type in NUMBER_TYPES and not phones.is_short(ch.value):
                number = phones.normalise(ch.value)
                if number:
                    owners[number][f"{e.kind}/{e.id}"] = e
    shared = {}
    for number, by_key in sorted(owners.items()):
        entries = [by_key[k] for k in sorted(by_key)]
        if any(not (family(a) & family(b)) for a in entries for b in entries if a is not b):
            shared[number] = entries
    return shared


# --- Markdown ----------------------------------------------------------------------------

BUCKET_TITLES = {
    "stale": "Perlu dicek ulang: dikonfirmasi {n} bulan lalu atau lebih",
    "never": "Belum pernah dikonfirmasi langsung",
    "aging": "Dikonfirmasi 6 sampai {n} bulan lalu",
    "recent": "Dikonfirmasi kurang dari 6 bulan lalu",
}

NO_CHANNEL_TITLE = "Tanpa cara menghubungi (organisasi: juga tidak lewat layanannya)"


def render(f: Freshness) -> str:
    parts = [header(f), summary_table(f)]
    parts.append(section(BUCKET_TITLES["stale"].format(n=f.stale_after), verified_rows(f, "stale")))
    parts.append(section(BUCKET_TITLES["never"], unverified_rows(f)))
    parts.append(section(NO_CHANNEL_TITLE, no_channel_rows(f)))
    parts.append(
        section("Nomor yang dipakai bersama oleh catatan yang tidak berhubungan", shared_rows(f))
    )
    parts.append(section("Ditandai untuk dicek ulang (`recheck`)", recheck_rows(f)))
    parts.append(section(BUCKET_TITLES["aging"].format(n=f.stale_after), verified_rows(f, "aging")))
    parts.append(section(BUCKET_TITLES["recent"], verified_rows(f, "recent")))
    return "\n".join(parts)


def header(f: Freshness) -> str:
    lines = ["# Laporan kesegaran data", ""]
    if f.fictional:
        lines += ["**CONTOH — FIKTIF:** direktori uji, bukan data layanan sungguhan.", ""]
    lines += [
        f"Tanggal acuan: {f.today.isoformat()}. Untuk staf saja: laporan ini tidak "
        "diterbitkan di situs.",
        "",
        "Cara memperbarui: telepon nomornya, lalu tulis `verified_on` (tanggal menelepon), "
        "`verified_by` (kantor/jabatan) dan `verified_how: phone_call`. Lihat CONTRIBUTING.md.",
        "",
    ]
    return "\n".join(lines)


def summary_table(f: Freshness) -> str:
    rows = [
        (BUCKET_TITLES["recent"], len(f.buckets["recent"])),
        (BUCKET_TITLES["aging"].format(n=f.stale_after), len(f.buckets["aging"])),
        (BUCKET_TITLES["stale"].format(n=f.stale_after), len(f.stale)),
        (BUCKET_TITLES["never"], len(f.unverified)),
        (NO_CHANNEL_TITLE, len(f.no_channel)),
        ("Nomor dipakai bersama", len(f.shared)),
    ]
    body = [f"| {label} | {count} |" for label, count in rows]
    return "\n".join(["## Ringkasan", "", "| | Jumlah |", "|---|---:|", *body, ""])


def section(title: str, table: list[str]) -> str:
    content = table if table else ["Tidak ada."]
    return "\n".join([f"## {title}", "", *content, ""])


def name_of(e: Entry) -> str:
    # Services, organisations and hotlines have a name; pathways a title.
    return cast(str, getattr(e.record, "name", None) or getattr(e.record, "title", ""))


def table(head: tuple[str, ...], rows: list[tuple]) -> list[str]:
    if not rows:
        return []
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(md_cell(str(c)) for c in row) + " |" for row in rows]
    return lines


def verified_rows(f: Freshness, bucket: str) -> list[str]:
    rows = [
        (
            KIND_WORDS[e.kind],
            name_of(e),
            e.record.verified_on.isoformat(),
            months_between(e.record.verified_on, f.today),
            e.record.verified_by or "",
            e.path.as_posix(),
        )
        for e in f.buckets[bucket]
    ]
    return table(("Jenis", "Nama", "Dikonfirmasi", "Bulan lalu", "Oleh", "File"), rows)


def unverified_rows(f: Freshness) -> list[str]:
    rows = []
    for e in f.unverified:
        dates = [s.date for s in e.record.sources]
        latest = iso_date(max(dates)) if dates else "tidak ada sumber"
        rows.append((KIND_WORDS[e.kind], name_of(e), latest, e.path.as_posix()))
    return table(("Jenis", "Nama", "Sumber terbaru", "File"), rows)


def no_channel_rows(f: Freshness) -> list[str]:
    rows = [(KIND_WORDS[e.kind], name_of(e), e.path.as_posix()) for e in f.no_channel]
    return table(("Jenis", "Nama", "File"), rows)


def shared_rows(f: Freshness) -> list[str]:
    rows = [
        (number, "; ".join(f"{KIND_WORDS[e.kind]} {e.id}" for e in entries))
        for number, entries in f.shared.items()
    ]
    return table(("Nomor", "Dipakai oleh"), rows)


def recheck_rows(f: Freshness) -> list[str]:
    rows = [
        (KIND_WORDS[e.kind], name_of(e), where or "(seluruh catatan)", note, e.path.as_posix())
        for e, where, note in f.recheck
    ]
    return table(("Jenis", "Nama", "Kolom", "Alasan", "File"), rows)


def freshness_report(d: Directory) -> str:
    """The whole report as Markdown (deterministic for a given directory and date)."""
    return render(gather(d))
