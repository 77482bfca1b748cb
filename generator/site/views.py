"""What each page shows, gathered from the Directory into plain values for templates.

Templates never reach into records for rules (trust, time zone, confidential
locations); they are decided here once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from markupsafe import Markup

from .. import regions, urls
from ..directory import Directory, Entry
from ..models import Location, Service, Step
from . import format as fmt

ORG_KINDS = {
    "government": "Pemerintah",
    "police": "Kepolisian",
    "justice": "Peradilan",
    "health": "Kesehatan",
    "legal_aid": "Bantuan hukum",
    "ngo": "Lembaga swadaya masyarakat",
    "religious_community": "Organisasi keagamaan/kemasyarakatan",
    "womens_organisation": "Organisasi perempuan",
    "network": "Jaringan",
}
HOW_VERIFIED = {
    "phone_call": "lewat telepon",
    "visit": "lewat kunjungan",
    "email": "lewat email",
    "letter": "lewat surat",
}
STATUS = {
    "temporarily_closed": "Layanan ini sedang tutup sementara.",
    "closed": "Layanan ini sudah tidak berjalan.",
    "unverified": "Belum pasti layanan ini masih berjalan. Telepon dulu sebelum datang.",
}


# Calls and messages first, walking in last (issue 3: "who to contact in seconds").
ACTION_ORDER = {"call": 0, "whatsapp": 0, "sms": 0, "walk_in": 2}
SHORT_STATUS = {
    "temporarily_closed": "Tutup sementara.",
    "closed": "Sudah tidak berjalan.",
    "unverified": "Belum pasti masih berjalan.",
}
SHORT_KIND = {"call": "Tel", "whatsapp": "WA", "sms": "SMS"}


@dataclass(frozen=True)
class Trust:
    kind: str  # confirmed, stale, public_source, no_source
    text: str
    warn: bool


def trust(directory: Directory, entry: Entry) -> Trust:
    kind = directory.trust(entry)
    rec = entry.record
    if kind == "confirmed":
        how = HOW_VERIFIED.get(rec.verified_how or "", "")
        return Trust(
            kind,
            " ".join(x for x in ("Dikonfirmasi", how, fmt.long_date(rec.verified_on)) if x),
            False,
        )
    if kind == "stale":
        text = f"Terakhir dikonfirmasi {fmt.long_date(rec.verified_on)}: sudah lama, perlu dicek ulang."
        return Trust(kind, text, True)
    if kind == "public_source":
        latest = fmt.long_date(directory.latest_source_date(entry))
        return Trust(kind, f"Dari sumber publik ({latest}), belum dikonfirmasi.", True)
    return Trust(kind, "Belum ada sumber. Cek dulu sebelum datang.", True)


@dataclass(frozen=True)
class Place:
    name: str
    address: str
    area: str  # kecamatan/kota name
    confidential: bool
    referral: str
    accessibility: str
    geo: str  # geo: URI or ''
    osm: str  # OpenStreetMap link or ''


def place(loc: Location) -> Place:
    info = regions.lookup(loc.region)
    area = info.name if info else ""
    if loc.confidential:
        # Rule 2: a shelter's address never reaches a page, so no geo/map link either.
        return Place(loc.name or "", "", area, True, loc.referral or "", "", "", "")
    geo = osm = ""
    if loc.latitude is not None and loc.longitude is not None:
        lat, lon = f"{loc.latitude:.6f}".rstrip("0"), f"{loc.longitude:.6f}".rstrip("0")
        geo = f"geo:{lat},{lon}"
        osm = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=18/{lat}/{lon}"
    elif loc.address:
        query = quote(f"{loc.address}, {area}")
        geo = f"geo:0,0?q={query}"
        osm = f"https://www.openstreetmap.org/search?query={query}"
    return Place(
        loc.name or "", loc.address or "", area, False, "", loc.accessibility or "", geo, osm
    )


@dataclass
class ServiceView:
    entry: Entry[Service]
    id: str
    name: str
    organisation: Entry | None
    description: Markup
    categories: list
    audiences: list[str]
    region: str  # region code used for the time zone
    timezone: str
    hours: list[str]
    hours_note: str
    always: bool
    hours_json: str
    fee: str
    fee_note: str
    actions: list[fmt.Action]
    places: list[Place]
    languages: list[str]
    trust: Trust
    status: str
    short_status: str
    rechecks: list[str] = field(default_factory=list)

    @property
    def main_actions(self) -> list[fmt.Action]:
        return [a for a in self.actions if a.kind in ("call", "whatsapp", "sms")]

    @property
    def card_actions(self) -> list[fmt.Action]:
        """At most one call and one WhatsApp button: the service's own number first, then
        a national line it is reached through. A number marked for re-checking (an old
        number) never becomes a card's big button when anything else reaches the service;
        the service page still lists it with its warning."""
        main = self.main_actions
        sure = [a for a in main if not a.recheck]
        preferred = [a for a in sure if not a.via_hotline] or sure or main
        chosen: dict[str, fmt.Action] = {}
        for a in preferred:
            if a.kind in ("call", "whatsapp"):
                chosen.setdefault(a.kind, a)
        return list(chosen.values())

    @property
    def print_numbers(self) -> list[str]:
        """Own numbers for paper, one line per number: 'WA/SMS 0812-3456-7890'."""
        kinds: dict[str, list[str]] = {}
        for a in self.main_actions:
            if not a.via_hotline and not a.recheck:  # old numbers stay off paper, as on leaflets
                kinds.setdefault(a.value, []).append(SHORT_KIND[a.kind])
        return [f"{'/'.join(k)} {value}" for value, k in kinds.items()]

    @property
    def via_hotlines(self) -> list[str]:
        names = []
        for a in self.main_actions:
            if a.via_hotline and a.note not in names:
                names.append(a.note)
        return names

    @property
    def confidential(self) -> bool:
        return any(p.confidential for p in self.places)


def service_view(directory: Directory, entry: Entry[Service]) -> ServiceView:
    rec = entry.record
    region = rec.service_area[0]
    actions = sorted(
        fmt.actions_for(rec.channels, directory.short_codes, directory.hotlines),
        key=lambda a: ACTION_ORDER.get(a.kind, 1),  # stable: record order within a group
    )
    fee, fee_note = fmt.fee_text(rec.fees)
    locations = rec.locations if isinstance(rec.locations, list) else []
    rechecks = [x for x in [rec.recheck] if x]
    rechecks += [
        f"{a.label}: {a.recheck}" for a in actions if a.recheck and a.recheck not in rechecks
    ]
    hours_note = rec.hours.note if rec.hours not in (None, "unknown") else ""
    return ServiceView(
        entry=entry,
        id=entry.id,
        name=rec.name,
        organisation=directory.organisations.get(rec.organisation),
        description=fmt.render_markdown(rec.description),
        categories=[directory.categories[c] for c in rec.categories if c in directory.categories],
        audiences=[directory.audiences[a].label for a in rec.audiences if a in directory.audiences],
        region=region,
        timezone=regions.timezone_of(region),
        hours=fmt.hours_lines(rec.hours, region),
        hours_note=hours_note or "",
        always=fmt.is_always(rec.hours),
        hours_json=fmt.hours_json(rec.hours, region),
        fee=fee,
        fee_note=fee_note,
        actions=actions,
        places=[place(loc) for loc in locations],
        languages=fmt.language_names(rec.languages),
        trust=trust(directory, entry),
        status=STATUS.get(rec.status, ""),
        short_status=SHORT_STATUS.get(rec.status, ""),
        rechecks=rechecks,
    )


def region_name(code: str) -> str:
    info = regions.lookup(code)
    return info.name if info else code


def edit_url(directory: Directory, entry: Entry) -> str | None:
    """Where staff edit the record's YAML (never the generated Markdown)."""
    settings = directory.settings
    if not settings.repo_url:
        return None
    path = record_path(directory, entry)
    return f"{settings.repo_url.rstrip('/')}/edit/{settings.edit_branch}/{path}"


def report_url(directory: Directory, entry: Entry, page_path: str) -> str | None:
    """A new-issue form prefilled with the record and what to tell (GitHub's `issues/new`
    query parameters: https://docs.github.com/en/issues/tracking-your-work-with-issues/
    using-issues/creating-an-issue#creating-an-issue-from-a-url-query); None without repo_url."""
    settings = directory.settings
    if not settings.repo_url:
        return None
    name = getattr(entry.record, "name", None) or entry.id
    body = REPORT_BODY.format(
        path=record_path(directory, entry), page=page_path, public=settings.public_url or ""
    )
    query = urlencode({"title": f"Kesalahan data: {name}", "body": body}, quote_via=quote)
    return f"{settings.repo_url.rstrip('/')}/issues/new?{query}"


REPORT_BODY = """Catatan: `{path}`
Halaman: {public}/{page}

Apa yang salah (nomor, alamat, jam, nama)?


Apa yang benar, dan dari mana Anda tahu (sumber, tanggal)?

"""

REPO = Path(__file__).resolve().parents[2]


def record_path(directory: Directory, entry: Entry) -> str:
    """The record's file as the repository names it, e.g. `directory/services/x.yaml`."""
    root = Path(directory.root).resolve()
    try:
        base = root.relative_to(REPO).as_posix()
    except ValueError:
        base = root.name
    return f"{base}/{entry.kind}/{entry.id}.yaml"


def uptd_service(directory: Directory, city: str) -> Entry[Service] | None:
    """The city's UPTD PPA service for the wallet card: a UPTD office's complaint line."""
    candidates = []
    for e in directory.services_for_city(city):
        org = directory.organisations.get(e.record.organisation)
        org_name = f"{org.record.name} {org.record.short_name or ''}" if org else ""
        if "UPTD" in org_name.upper() or "UPTD" in e.record.name.upper():
            rank = 0 if "pengaduan" in e.record.categories else 1
            candidates.append((rank, e.record.name.lower(), e.id, e))
    return min(candidates)[3] if candidates else None


def step_links(directory: Directory, step: Step) -> list[tuple[str, str]]:
    """(url, name) of what a pathway step names: its services, organisations, hotlines."""
    tables = (
        (step.services, directory.services, urls.service_url),
        (step.organisations, directory.organisations, urls.organisation_url),
        (step.hotlines, directory.hotlines, urls.hotline_url),
    )
    return [(url(rid), table[rid].record.name) for ids, table, url in tables for rid in ids]
