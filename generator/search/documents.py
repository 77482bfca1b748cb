"""What the search indexes and what a result shows, from the resolved Directory.

A `SearchDoc` holds the indexed text (already normalised words per field) and the
compact result row the browser shows without fetching the record's page. Shelter
addresses never reach search: no address or location field is read here at all.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .. import present, regions
from ..directory import Directory, Entry
from ..models import Hotline, Organisation, Service

# How many words of a description are indexed: descriptions dominate shard size
# (measured: 300 records with 40-word descriptions gave 81 KB gzip, 25 KB without).
DESCRIPTION_WORDS = 12
MAX_CALLS = 2
FLAG_24H = 1
FLAG_FREE = 2
FLAG_COMPLAINT = 4  # a complaint service or hotline: first for a broad query
FLAG_RECHECK = 8  # marked for re-checking, not sure to run, or verified too long ago
FIRST_LINES_ORDER = 10  # hotlines staff list first (`order`): SAPA 129 is 1
FLAG_EMERGENCY = 16  # an emergency line (110, 112, and SAPA 129 where marked so)
# How an organisation's kind is said in everyday words (indexed with the organisation).
ORG_KIND_WORDS = {
    "government": "pemerintah dinas",
    "police": "kepolisian polisi",
    "justice": "peradilan pengadilan kejaksaan hukum",
    "health": "kesehatan",
    "legal_aid": "bantuan hukum",
    "ngo": "lembaga swadaya masyarakat lsm",
    "religious_community": "organisasi keagamaan kemasyarakatan",
    "womens_organisation": "organisasi perempuan",
    "network": "jaringan forum",
}


@dataclass
class SearchDoc:
    """One searchable record: indexed text by field and the result row."""

    id: str
    kind: str  # "service", "hotline", "city" or "organisation"
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
    trust: str = ""  # the trust label (services, hotlines, organisations)
    warnings: list[str] = field(default_factory=list)  # re-check warnings
    reach: str = ""  # organisations: "Dihubungi lewat ..." (shown, not indexed)


def service_doc(d: Directory, entry: Entry[Service]) -> SearchDoc:
    s = entry.record
    org = d.organisations.get(s.organisation)
    calls, whatsapp = contact_targets(d, s)
    trust, warnings = notices(d, entry)
    flags = _flags(s) | _standing(d, entry)
    if "pengaduan" in s.categories[:1]:
        flags |= FLAG_COMPLAINT
    return SearchDoc(
        id=entry.id,
        kind="service",
        name=s.name,
        organisation=_org_label(org.record) if org else "",
        place=_place(s.service_area),
        categories=list(s.categories),
        audiences=list(s.audiences),
        flags=flags,
        calls=calls,
        whatsapp=whatsapp,
        keywords=list(s.keywords),
        description=_first_words(s.description, DESCRIPTION_WORDS),
        trust=trust,
        warnings=warnings,
    )


def _flags(record: Service | Hotline) -> int:
    return (FLAG_24H if _always(record.hours) else 0) | (FLAG_FREE if _free(record.fees) else 0)


def _standing(d: Directory, entry: Entry) -> int:
    """FLAG_RECHECK for a record that asks to be re-checked, may have stopped, or was
    verified longer ago than the directory trusts."""
    rec = entry.record
    doubtful = getattr(rec, "status", "active") in ("unverified", "temporarily_closed")
    if rec.recheck or doubtful or d.trust(entry) == "stale":
        return FLAG_RECHECK
    return 0


def hotline_doc(d: Directory, entry: Entry[Hotline], emergency: bool | None = None) -> SearchDoc:
    """`emergency`: the line is one of a city's emergency lines (present.hotlines_of_city:
    a city's own 112 centre is, in its city); by default its record's own mark."""
    h = entry.record
    org = d.organisations.get(h.operator) if h.operator else None
    calls, whatsapp = contact_targets(d, h)
    trust, warnings = notices(d, entry)
    flags = _flags(h) | _standing(d, entry)
    if "pengaduan" in h.categories and (h.emergency or h.order <= FIRST_LINES_ORDER):
        flags |= FLAG_COMPLAINT  # SAPA 129, not every national body that takes complaints
    if h.emergency if emergency is None else emergency:
        flags |= FLAG_EMERGENCY
    place = "Nasional" if h.coverage.level == "national" else _place(h.coverage.regions)
    return SearchDoc(
        id=entry.id,
        kind="hotline",
        name=h.name,
        organisation=_org_label(org.record) if org else "",
        place=place,
        categories=list(h.categories),
        audiences=list(h.audiences),
        flags=flags,
        calls=calls,
        whatsapp=whatsapp,
        keywords=list(h.keywords),
        description=_first_words(h.purpose, DESCRIPTION_WORDS),
        trust=trust,
        warnings=warnings,
    )


def city_docs(d: Directory, city: str) -> list[SearchDoc]:
    """Everything a person in `city` can use: hotlines, services, then organisations."""
    lines = present.hotlines_of_city(d, city)
    docs = [hotline_doc(d, e, e in lines.emergency) for e in lines.all]
    docs += [service_doc(d, e) for e in covering(d, city)]
    docs += [organisation_doc(d, e, city) for e in organisations_in(d, city)]
    return docs


def organisations_in(d: Directory, city: str) -> list[Entry[Organisation]]:
    """Organisations working in `city`, its province, or nationally; by name."""
    found = [e for e in d.organisations.values() if _works_in(e.record.regions, city)]
    return sorted(found, key=lambda e: (e.record.name.lower(), e.id))


def _works_in(codes, city: str) -> bool:
    if codes == "national":
        return True
    return any(code == city[:2] or code[:5] == city for code in codes)


def organisation_doc(d: Directory, entry: Entry[Organisation], city: str) -> SearchDoc:
    """An organisation with how to reach it: its own numbers, else the numbers of the
    service or hotline it is reached through (named in the result)."""
    o = entry.record
    calls, whatsapp, via = reach(d, entry, city)
    place = "Nasional" if o.regions == "national" else _place(o.regions)
    return SearchDoc(
        id=entry.id,
        kind="organisation",
        name=_org_label(o),
        organisation="",  # a parent's or network's name would outrank the network itself
        reach=f"Dihubungi lewat {via}" if via else "",
        place=place,
        categories=[],
        audiences=[],
        flags=_standing(d, entry),
        calls=calls,
        whatsapp=whatsapp,
        keywords=[ORG_KIND_WORDS.get(o.kind, "")],
        description=_first_words(o.description or "", DESCRIPTION_WORDS),
    )


def reach(d: Directory, entry: Entry[Organisation], city: str) -> tuple[list, list, str]:
    """(calls, whatsapp, via): how to reach an organisation (see `reach_through`); via is
    "" for its own numbers, else the name of the record it is reached through."""
    via, shown = reach_through(d, entry, city)
    if via is None:
        return [], [], ""
    calls, whatsapp = contact_targets(d, shown)
    return calls, whatsapp, "" if via is entry else via.record.name


def reach_through(d: Directory, entry: Entry[Organisation], city: str) -> tuple[Entry | None, Any]:
    """(record, the record as shown): the organisation itself when it has numbers, else
    the first with numbers of its own (a hotline reference is followed to the hotline) of:
    its services, the services and hotlines of pathway steps naming it, its parent or
    networks, the city's complaint service, the complaint hotlines answering there
    (SAPA 129); shown with its own channels only. The city page and the search both use
    this, so they say the same."""
    if any(contact_targets(d, entry.record)):
        return entry, entry.record
    for via_entry in _reach_candidates(d, entry, city):
        channels = via_entry.record.channels
        own = [ch for ch in channels if not ch.hotline] if isinstance(channels, list) else []
        shown = via_entry.record.model_copy(update={"channels": own})
        if own and any(contact_targets(d, shown)):
            return via_entry, shown
    return None, None


def _reach_candidates(d: Directory, entry: Entry[Organisation], city: str):
    yield from d.services_of(entry.id)
    for pathway in d.pathways.values():
        for step in pathway.record.steps:
            if entry.id in step.organisations:
                yield from (d.services[s] for s in step.services if s in d.services)
                yield from (d.hotlines[h] for h in step.hotlines if h in d.hotlines)
    for other in [entry.record.parent, *entry.record.member_of]:
        if other in d.organisations:
            yield d.organisations[other]
            yield from d.services_of(other)
    if city:  # a national organisation has no city: its own lines or services only
        yield from (e for e in covering(d, city) if "pengaduan" in e.record.categories[:1])
        yield from (e for e in d.hotlines_for_city(city) if "pengaduan" in e.record.categories)


def covering(d: Directory, city: str) -> list[Entry[Service]]:
    """The services a person in `city` is offered (`present.LISTED`: not closed)."""
    return present.services_of_city(d, city, present.LISTED)


def national_docs(d: Directory) -> list[SearchDoc]:
    """The compact national index: every hotline, and one summary per kabupaten/kota.

    A city summary holds the city's name, the organisations and the kinds of help of
    the services covering it. A national query finds the best city here, then runs in
    that city's shard (two small downloads instead of 10,000 records: the search budget in PERFORMANCE.md).
    """
    hotlines = sorted(d.hotlines.values(), key=lambda e: (e.record.order, e.id))
    docs = [hotline_doc(d, e) for e in hotlines]
    national = [e for e in d.organisations.values() if e.record.regions == "national"]
    docs += [organisation_doc(d, e, "") for e in sorted(national, key=lambda e: e.id)]
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
    for o in _city_organisations(d).get(city.code, []):  # partners without a service too
        label = _org_label(o.record)
        if label not in orgs:
            orgs.append(label)
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


def _city_organisations(d: Directory) -> dict[str, list[Entry[Organisation]]]:
    """City code -> organisations naming that city in their regions (computed once)."""
    found = d.__dict__.get("_search_city_orgs")
    if found is None:
        found = {}
        for e in sorted(d.organisations.values(), key=lambda e: e.id):
            codes = [] if e.record.regions == "national" else e.record.regions
            for city in sorted({c[:5] for c in codes if len(c) >= 5}):
                found.setdefault(city, []).append(e)
        d.__dict__["_search_city_orgs"] = found
    return found


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
