"""What the search indexes and what a result shows, from the resolved Directory.

A `SearchDoc` holds the indexed text (already normalised words per field) and the
compact result row the browser shows without fetching the record's page. Shelter
addresses never reach search: no address or location field is read here at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .. import present, regions
from ..directory import Directory, Entry
from ..models import Hotline, Service

# How many words of a description are indexed: descriptions dominate shard size
# (issue 4: 300 records with 40-word descriptions gave 81 KB gzip, 25 KB without).
DESCRIPTION_WORDS = 12
MAX_CALLS = 2
FLAG_24H = 1
FLAG_FREE = 2


@dataclass
class SearchDoc:
    """One searchable record: indexed text by field and the result row."""

    id: str
    kind: str  # "service" or "hotline"
    name: str
    organisation: str
    place: str
    categories: list[str]
    audiences: list[str]
    flags: int
    calls: list[str] = field(default_factory=list)  # displayed numbers, tel: from digits
    whatsapp: list[str] = field(default_factory=list)
    keywords: list[str] = field(default_factory=list)
    description: str = ""
    services: int = 0  # city summaries: how many services cover the city
    trust: str = ""  # the trust label (services and hotlines)
    warnings: list[str] = field(default_factory=list)  # re-check warnings


def service_doc(d: Directory, entry: Entry[Service]) -> SearchDoc:
    s = entry.record
    org = d.organisations.get(s.organisation)
    calls, whatsapp = contact_targets(d, s)
    trust, warnings = notices(d, entry)
    return SearchDoc(
        id=entry.id,
        kind="service",
        name=s.name,
        organisation=_org_label(org.record) if org else "",
        place=_place(s.service_area),
        categories=list(s.categories),
        audiences=list(s.audiences),
        flags=_flags(s),
        calls=calls,
        whatsapp=whatsapp,
        keywords=list(s.keywords),
        description=_first_words(s.description, DESCRIPTION_WORDS),
        trust=trust,
        warnings=warnings,
    )


def _flags(record: Service | Hotline) -> int:
    return (FLAG_24H if _always(record.hours) else 0) | (FLAG_FREE if _free(record.fees) else 0)


def hotline_doc(d: Directory, entry: Entry[Hotline]) -> SearchDoc:
    h = entry.record
    org = d.organisations.get(h.operator) if h.operator else None
    calls, whatsapp = contact_targets(d, h)
    trust, warnings = notices(d, entry)
    place = "Nasional" if h.coverage.level == "national" else _place(h.coverage.regions)
    return SearchDoc(
        id=entry.id,
        kind="hotline",
        name=h.name,
        organisation=_org_label(org.record) if org else "",
        place=place,
        categories=list(h.categories),
        audiences=list(h.audiences),
        flags=_flags(h),
        calls=calls,
        whatsapp=whatsapp,
        keywords=list(h.keywords),
        description=_first_words(h.purpose, DESCRIPTION_WORDS),
        trust=trust,
        warnings=warnings,
    )


def city_docs(d: Directory, city: str) -> list[SearchDoc]:
    """Everything a person in `city` can use: hotlines first, then services."""
    docs = [hotline_doc(d, e) for e in d.hotlines_for_city(city)]
    docs += [service_doc(d, e) for e in covering(d, city)]
    return docs


def covering(d: Directory, city: str) -> list[Entry[Service]]:
    """The services a person in `city` is offered (`present.LISTED`: not closed)."""
    return present.services_of_city(d, city, present.LISTED)


def national_docs(d: Directory) -> list[SearchDoc]:
    """The compact national index: every hotline, and one summary per kabupaten/kota.

    A city summary holds the city's name, the organisations and the kinds of help of
    the services covering it. A national query finds the best city here, then runs in
    that city's shard (two small downloads instead of 10,000 records; issue 4 budget).
    """
    hotlines = sorted(d.hotlines.values(), key=lambda e: (e.record.order, e.id))
    docs = [hotline_doc(d, e) for e in hotlines]
    docs += [city_summary_doc(d, city) for city in regions.cities()]
    return docs


def city_summary_doc(d: Directory, city: regions.RegionInfo) -> SearchDoc:
    services = covering(d, city.code)
    orgs: list[str] = []
    categories: list[str] = []
    for e in services:
        org = d.organisations.get(e.record.organisation)
        label = _org_label(org.record) if org else ""
        if label and label not in orgs:
            orgs.append(label)
        categories += [c for c in e.record.categories if c not in categories]
    province = regions.lookup(city.province)
    return SearchDoc(
        id=city.code,
        kind="city",
        name=city.name,
        organisation=" ".join(orgs),
        place=province.name if province else "",
        categories=sorted(categories),
        audiences=[],
        flags=0,
        services=len(services),
    )


def contact_targets(d: Directory, record) -> tuple[list[str], list[str]]:
    """Numbers to call and WhatsApp numbers, in `present`'s display form (the browser
    makes tel:/wa.me from their digits). Only sure numbers: one marked for re-checking
    is never a result's button (its warning is in the row, the number on its page)."""
    sure = [a for a in present.numbered(present.contact_actions(d, record)) if a.sure]
    own = [a for a in sure if not a.via_hotline]
    via = [a for a in sure if a.via_hotline and a.kind == "call"][:1]
    calls = _unique(a.value for a in own + via if a.kind == "call")
    whatsapp = _unique(a.value for a in own + via if a.kind == "whatsapp")
    return calls[:MAX_CALLS], whatsapp[:1]


def notices(d: Directory, entry: Entry) -> tuple[str, list[str]]:
    """The trust label and re-check warnings a result row shows."""
    actions = present.contact_actions(d, entry.record)
    return present.trust(d, entry).text, present.recheck_warnings(entry.record, actions)


def _unique(values) -> list[str]:
    return list(dict.fromkeys(values))


def _org_label(org) -> str:
    return f"{org.name} ({org.short_name})" if org.short_name else org.name


def _place(codes: list[str]) -> str:
    names = []
    for code in codes:
        info = regions.lookup(code[:5] if len(code) > 5 else code)
        if info and info.name not in names:
            names.append(info.name.title() if info.name.isupper() else info.name)
    return ", ".join(names[:3])


def _always(hours) -> bool:
    return present.is_always(hours)


def _free(fees) -> bool:
    return present.fee(fees).free


def _first_words(text: str, n: int) -> str:
    return " ".join(text.split()[:n])
