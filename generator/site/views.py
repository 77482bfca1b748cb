"""What each page shows, gathered from the Directory into plain values for templates.

Templates never reach into records for rules (trust, time zone, confidential
locations); they are decided here once.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlencode

from markupsafe import Markup

from .. import present, regions, urls
from ..directory import Directory, Entry
from ..models import Location, Service, Step
from ..paths import REPO
from ..present import labels
from ..present.contact import SHORT_KIND
from . import text as fmt

ORG_KINDS = labels.ORG_KINDS


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
    actions: list[present.Action]
    places: list[Place]
    languages: list[str]
    trust: present.Trust
    status: str
    short_status: str
    rechecks: list[str] = field(default_factory=list)

    @property
    def main_actions(self) -> list[present.Action]:
        return present.numbered(self.actions)

    @property
    def card_actions(self) -> list[present.Action]:
        """The card's big buttons (`present.card_actions`): never a number marked for
        re-checking; the service page lists that one, last, with its warning."""
        return present.card_actions(self.actions)

    @property
    def print_numbers(self) -> list[str]:
        """Own sure numbers for paper, one line per number: 'WA/SMS 0812-3456-7890'."""
        own = [a for a in self.main_actions if not a.via_hotline and a.sure]
        return number_lines(own)

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


def number_lines(actions: list[present.Action]) -> list[str]:
    """One line per number with its kinds: 'WA/SMS 0812-3456-7890' (paper lists)."""
    kinds: dict[str, list[str]] = {}
    for a in actions:
        kinds.setdefault(a.value, []).append(SHORT_KIND[a.kind])
    return [f"{'/'.join(k)} {value}" for value, k in kinds.items()]


def service_view(directory: Directory, entry: Entry[Service]) -> ServiceView:
    rec = entry.record
    region = rec.service_area[0]
    actions = present.contact_actions(directory, rec)
    fee = present.fee(rec.fees)
    locations = rec.locations if isinstance(rec.locations, list) else []
    hours_note = rec.hours.note if rec.hours is not None and rec.hours != "unknown" else ""
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
        hours=present.hours_lines(rec.hours, region),
        hours_note=hours_note or "",
        always=present.is_always(rec.hours),
        hours_json=present.hours_json(rec.hours, region),
        fee=fee.label,
        fee_note=fee.note,
        actions=actions,
        places=[place(loc) for loc in locations],
        languages=labels.language_names(rec.languages),
        trust=present.trust(directory, entry),
        status=labels.STATUS[rec.status],
        short_status=labels.SHORT_STATUS[rec.status],
        rechecks=present.recheck_warnings(rec, actions),
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


def record_path(directory: Directory, entry: Entry) -> str:
    """The record's file as the repository names it, e.g. `directory/services/x.yaml`."""
    root = Path(directory.root).resolve()
    try:
        base = root.relative_to(REPO).as_posix()
    except ValueError:
        base = root.name
    return f"{base}/{entry.kind}/{entry.id}.yaml"


def uptd_service(directory: Directory, city: str) -> Entry[Service] | None:
    """The city's UPTD PPA service for the wallet card: a UPTD office's complaint line,
    the city's own before its province's."""
    candidates = []
    for e in present.services_of_city(directory, city, present.PRINTED):
        org = directory.organisations.get(e.record.organisation)
        org_name = f"{org.record.name} {org.record.short_name or ''}" if org else ""
        if "UPTD" in org_name.upper() or "UPTD" in e.record.name.upper():
            rank = 0 if "pengaduan" in e.record.categories else 1
            if not any(regions.contains(city, code) for code in e.record.service_area):
                rank += 2
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
