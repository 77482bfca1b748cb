"""Every generated page of the site, as (path -> text), built from the Directory.

Pages are Markdown files holding front matter and one raw HTML block, so any engine
that reads Markdown (MkDocs today, Zensical later) shows the same page; links are
relative and computed here because raw HTML is not rewritten by MkDocs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import jinja2
import yaml
from markupsafe import escape

from .. import present, regions
from ..directory import Directory
from ..present.promises import CONFIDENTIAL
from . import shell, urls, views
from . import text as fmt
from .vcard import neutral_vcard, vcard

TEMPLATES = Path(__file__).parent / "templates"
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml: 10x faster front matter
RECORD_META = {"hide": ["navigation", "toc"], "search": {"exclude": True}}
# National lists longer than this are split: the page links each city (services, a
# kind of help) or each province (organisations) instead, so no page outgrows a slow
# phone (about 70 KB gzip with the theme, first visit, at 10,000 and 50,000 records).
LIGHT_LIMIT = 500
# A city page that would show more services than this shows, per kind of help, the
# first few (in the presentation layer's order: the city's complaint services first)
# and links a page of that kind in that city, in pages of KIND_PAGE_SIZE.
CITY_LIMIT = 150
KIND_PREVIEW = 5
KIND_PAGE_SIZE = 200


@dataclass(frozen=True)
class Page:
    url: str  # directory-style URL, '' for home
    meta: dict
    body: str

    @property
    def path(self) -> str:
        return urls.source_path(self.url)

    def text(self) -> str:
        head = yaml.dump(self.meta, Dumper=_DUMPER, sort_keys=True, allow_unicode=True, width=1000)
        return f"---\n{head}---\n\n{self.body}\n"


def _group(entries, keys) -> dict[str, list]:
    """{key: entries sorted by name} for entries under each of their keys."""
    out: dict[str, list] = defaultdict(list)
    for e in entries:
        for key in keys(e):
            out[key].append(e)
    return {k: sorted(v, key=lambda e: (e.record.name.lower(), e.id)) for k, v in out.items()}


def _promise_confidential(record) -> str:
    """The word "Rahasia" when the record itself promises it (as its leaflet does), or ""."""
    return CONFIDENTIAL if CONFIDENTIAL in present.promises(record) else ""


@jinja2.pass_context
def _rel(ctx, target: str) -> str:
    return urls.relative(ctx["page_url"], target)


def shown_hours(lines: list[str], always: bool) -> list[str]:
    """Hour lines under the "24 jam" badge: a first "24 jam…" line is not said twice."""
    return lines[1:] if always and lines and lines[0].startswith("24 jam") else lines


def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["rel"] = _rel
    env.filters["date"] = fmt.long_date
    env.filters["md"] = fmt.render_markdown
    env.filters["shown_hours"] = shown_hours
    env.globals.update(
        city_url=urls.city_url,
        printable_url=urls.printable_url,
        service_url=urls.service_url,
        organisation_url=urls.organisation_url,
        province_organisations_url=urls.province_organisations_url,
        promise_confidential=_promise_confidential,
        hotline_url=urls.hotline_url,
        category_url=urls.category_url,
        materials_url=urls.MATERIALS_URL,
        region_name=views.region_name,
        org_kinds=views.ORG_KINDS,
    )
    return env


def compact(html: str) -> str:
    """One raw HTML block: no indentation (Markdown would read code) and no blank lines."""
    return "\n".join(line.strip() for line in html.splitlines() if line.strip())


class Renderer:
    """Renders pages of one directory; shared values are computed once."""

    def __init__(self, directory: Directory):
        self.d = directory
        self.env = environment()
        self._services = {
            sid: views.service_view(directory, e) for sid, e in sorted(directory.services.items())
        }
        self._covering: dict[str, list] = {}
        # Directory's per-organisation look-ups scan every record; index them once.
        self.services_by_org = _group(
            directory.services.values(), lambda e: [e.record.organisation]
        )
        self.members = _group(directory.organisations.values(), lambda e: e.record.member_of)
        self.children = _group(
            directory.organisations.values(), lambda e: [e.record.parent] if e.record.parent else []
        )

    def covering(self, city: str) -> list:
        """Views of the services a city's pages list (`present.LISTED`), cached."""
        if city not in self._covering:
            found = present.services_of_city(self.d, city, present.LISTED)
            self._covering[city] = self.services(found)
        return self._covering[city]

    def kind_by_city(self, cid: str) -> list[tuple]:
        """[(city, the services of one kind of help its pages list)] for every city the
        directory covers: what a national kind-of-help page shows."""
        return [
            (regions.lookup(c), kind_members(self.covering(c), cid)) for c in self.d.city_codes()
        ]

    def city_kind(self, city: str, cid: str) -> tuple[bool, list]:
        """(whether the city's list is too long for its page, the services of one kind
        of help in it): what the city's page of that kind shows."""
        services = self.covering(city)
        return len(services) > CITY_LIMIT, kind_members(services, cid)

    def page(self, template: str, url: str, title: str, meta: dict | None = None, **ctx) -> Page:
        edit_url = (meta or {}).get("edit_url")
        report_url = (meta or {}).get("report_url")
        body = self.env.get_template(template).render(
            page_url=url, d=self.d, title=title, edit_url=edit_url, report_url=report_url, **ctx
        )
        # Material prints page.meta.title and description unescaped: give it HTML.
        escaped = str(escape(title))
        body, placed = shell.place_theme_styles(url, compact(body))
        head = {"title": escaped, **RECORD_META, **shell.shell_meta(url, escaped), **placed}
        return Page(url, {**head, **(meta or {})}, body)

    def service(self, sid: str) -> views.ServiceView:
        return self._services[sid]

    def services(self, entries) -> list[views.ServiceView]:
        return [self._services[e.id] for e in entries]

    def hotline_actions(self, entry) -> list[present.Action]:
        return present.numbered(present.contact_actions(self.d, entry.record))

    def hotline_lines(self, entries) -> list[tuple]:
        """(entry, numbers, trust, re-check warnings) of hotlines listed on a page."""
        out = []
        for h in entries:
            actions = self.hotline_actions(h)
            warnings = present.recheck_warnings(h.record, actions)
            out.append((h, actions, present.trust(self.d, h), warnings))
        return out

    def edit(self, entry, page_path: str = "") -> dict:
        """`edit_url`, `report_url` and `corrections: true`: the corrections block of
        the theme (overrides/partials/corrections.html) shows "Laporkan kesalahan" (a prefilled issue form), "Perbaiki
        data ini" and the maintainer contact from the settings."""
        url = views.edit_url(self.d, entry)
        report = views.report_url(self.d, entry, page_path)
        return {
            "corrections": True,
            **({"edit_url": url} if url else {}),
            **({"report_url": report} if report else {}),
        }


# --- page builders -------------------------------------------------------------------


def home_page(r: Renderer) -> Page:
    meta = {
        "template": "home.html",
        "emergency": emergency_block(r.d),
        "hide": ["navigation", "toc"],
        "search": {"exclude": True},
    }
    return r.page(
        "home.html",
        "",
        r.d.settings.site_name,
        meta,
        provinces=provinces(r.d),
        covered=covered(r.d),
    )


def emergency_block(d: Directory) -> list[dict]:
    """Front matter read by the theme's home page (overrides/home.html)."""
    out = []
    for e in d.emergency_hotlines():
        # The home page's big buttons: never a number marked for re-checking.
        actions = [a for a in present.numbered(present.contact_actions(d, e.record)) if a.sure]
        out.append(
            {
                "id": e.id,
                "name": e.record.name,
                "purpose": fmt.plain_text(e.record.purpose),
                "note": e.record.coverage.note,
                "actions": [{"kind": a.kind, "label": a.label, "href": a.href} for a in actions],
            }
        )
    return out


def provinces(d: Directory) -> list[tuple]:
    """[(province, [city, ...])] for all 514 kabupaten/kota, by province code."""
    by_province = defaultdict(list)
    for city in regions.cities():
        by_province[city.province].append(city)
    return [(p, by_province[p.code]) for p in regions.provinces() if by_province[p.code]]


def covered(d: Directory) -> set[str]:
    return set(d.city_codes())


def city_page(r: Renderer, city: regions.RegionInfo) -> Page:
    d = r.d
    is_covered = city.code in covered(d)
    services = r.covering(city.code)
    large = len(services) > CITY_LIMIT
    groups = category_previews(d, services, city.code) if large else category_groups(d, services)
    pathways = [p for p in d.pathways.values() if p.record.region == city.code]
    province = regions.lookup(city.province)
    lines = present.hotlines_of_city(d, city.code)
    return r.page(
        "city.html",
        urls.city_url(city.code),
        city.name,
        city=city,
        province=province,
        covered=is_covered,
        urgent=r.hotline_lines(lines.emergency),
        other_lines=r.hotline_lines(lines.other),
        groups=groups,
        large=large,
        services=services,
        line_hours=line_hours(lines.all),
        pathways=sorted(pathways, key=lambda p: p.id),
        # Organisations are listed with how to reach them (step_partners), not as bare links.
        step_links=lambda step: views.step_links(d, step.model_copy(update={"organisations": []})),
        step_partners=lambda step: step_partners(d, step, city.code),
        region_entry=d.regions.get(city.code),
    )


def city_kind_url(code: str, cid: str, number: int = 1) -> str:
    """`kota/33-75-kota-pekalongan/bantuan/konseling/` (page 2: `.../konseling/2/`)."""
    return urls.city_url(code) + f"bantuan/{cid}/" + (f"{number}/" if number > 1 else "")


def kind_members(services: list[views.ServiceView], cid: str) -> list[views.ServiceView]:
    return [s for s in services if any(c.id == cid for c in s.categories)]


def category_previews(d: Directory, services: list[views.ServiceView], code: str) -> list[tuple]:
    """A large city's groups: (term, first few cards, [], count, link to the kind's page)."""
    groups: list[tuple] = []
    for cid, term in d.categories.items():
        members = kind_members(services, cid)
        if members:
            more = city_kind_url(code, cid) if len(members) > KIND_PREVIEW else None
            groups.append((term, members[:KIND_PREVIEW], [], len(members), more))
    return groups


def city_kind_pages(r: Renderer, city: regions.RegionInfo) -> list[Page]:
    """The pages of each kind of help in a large city (none for other cities)."""
    return [page for cid in r.d.categories for page in city_kind_pages_of(r, city, cid)]


def city_kind_pages_of(r: Renderer, city: regions.RegionInfo, cid: str) -> list[Page]:
    """The pages of one kind of help in a large city, when the city page cannot show
    all its services (none otherwise). One unit of `page_units` per city and kind."""
    large, members = r.city_kind(city.code, cid)
    if not large or len(members) <= KIND_PREVIEW:  # the city page shows them all
        return []
    term = r.d.categories[cid]
    lines = present.hotlines_of_city(r.d, city.code)
    chunks = [members[i : i + KIND_PAGE_SIZE] for i in range(0, len(members), KIND_PAGE_SIZE)]
    out = []
    for number, chunk in enumerate(chunks, start=1):
        meta = {**RECORD_META, "back": {"url": urls.city_url(city.code), "label": city.name}}
        out.append(
            r.page(
                "city_kind.html",
                city_kind_url(city.code, cid, number),
                f"{term.label} di {city.name}",
                meta,
                city=city,
                term=term,
                members=chunk,
                total=len(members),
                number=number,
                pages=[city_kind_url(city.code, cid, n) for n in range(1, len(chunks) + 1)],
                urgent=r.hotline_lines(lines.emergency),
                line_hours=line_hours(lines.all),
            )
        )
    return out


def step_partners(d: Directory, step, city: str) -> list[dict]:
    """Organisations a pathway step names, grouped by how to reach them: their own numbers,
    or those of the service or hotline they are reached through (as the search shows it).
    Partners reached the same way share one set of buttons (five courts, one SAPA 129)."""
    from ..search.documents import reach_through  # the search's rule: one answer everywhere

    groups: dict[str, dict] = {}
    for oid in step.organisations:
        entry = d.organisations.get(oid)
        if entry is None:
            continue
        via, shown = reach_through(d, entry, city)
        key = oid if via is None or via is entry else f"via:{via.kind}:{via.id}"
        if key not in groups:
            actions = present.contact_actions(d, shown) if via else []
            groups[key] = {
                "partners": [],
                "via": via.record.name if via is not None and via is not entry else "",
                "actions": [a for a in actions if a.kind in ("call", "whatsapp", "sms")],
            }
        groups[key]["partners"].append((oid, entry.record.name))
    return list(groups.values())


def line_hours(hotlines) -> dict[str, tuple[bool, str]]:
    """Hotline id -> ("24 jam" from its sourced hours, data-hours for "buka sekarang" computed
    in the browser); hours of a national line are kept in its own zone (WIB, as on its page)."""
    out = {}
    for h in hotlines:
        hours = h.record.hours
        region = h.record.coverage.regions[0] if h.record.coverage.regions else "31"
        out[h.id] = (present.is_always(hours), present.hours_json(hours, region))
    return out


def category_groups(d: Directory, services: list[views.ServiceView]) -> list[tuple]:
    """[(term, full cards, short references)]: each service's card appears once, under
    its first kind of help; under its other kinds it is a link to that card."""
    groups = []
    for cid, term in d.categories.items():
        full = [s for s in services if s.categories and s.categories[0].id == cid]
        also = [s for s in services if any(c.id == cid for c in s.categories[1:])]
        if full or also:
            groups.append((term, full, also, len(full) + len(also), None))
    return groups


def printable_page(r: Renderer, city: regions.RegionInfo) -> Page:
    d = r.d
    services = r.covering(city.code)
    uptd = views.uptd_service(d, city.code)
    lines = present.hotlines_of_city(d, city.code)
    dates = [
        x
        for s in services
        for x in (d.latest_source_date(s.entry), s.entry.record.verified_on)
        if x
    ]
    return r.page(
        "printable.html",
        urls.printable_url(city.code),
        f"Daftar nomor penting {city.name}",
        city=city,
        hotlines=r.hotline_lines(lines.all),
        emergency=r.hotline_lines(lines.emergency),
        services=services,
        uptd=r.service(uptd.id) if uptd else None,
        hour_text=short_hours,
        hotline_numbers=hotline_numbers,
        updated=max(dates, default=None),
    )


def service_page(r: Renderer, sid: str) -> Page:
    s = r.service(sid)
    description = str(escape(fmt.shorten(fmt.plain_text(s.entry.record.description))))
    meta: dict[str, Any] = {"description": description, **r.edit(s.entry, urls.service_url(sid))}
    cities = sorted(
        {code[:5] for code in s.entry.record.service_area if regions.level_of(code) >= 2}
    )
    city = regions.lookup(cities[0]) if len(cities) == 1 else None
    if city:  # the breadcrumbs lead back to that city (overrides/partials/breadcrumbs.html)
        meta["back"] = {"url": urls.city_url(city.code), "label": city.name}
    return r.page(
        "service.html", urls.service_url(sid), s.name, meta, s=s, rec=s.entry.record, cities=cities
    )


def organisation_page(r: Renderer, oid: str) -> Page:
    d = r.d
    e = d.organisations[oid]
    actions = present.contact_actions(d, e.record)
    return r.page(
        "organisation.html",
        urls.organisation_url(oid),
        e.record.name,
        r.edit(e, urls.organisation_url(oid)),
        e=e,
        rec=e.record,
        actions=actions,
        rechecks=present.recheck_warnings(e.record, actions),
        services=r.services(r.services_by_org.get(oid, [])),
        members=r.members.get(oid, []),
        children=r.children.get(oid, []),
        parent=d.organisations.get(e.record.parent or ""),
        networks=[d.organisations[m] for m in e.record.member_of if m in d.organisations],
        trust=present.trust(d, e),
    )


def hotline_page(r: Renderer, hid: str) -> Page:
    d = r.d
    e = d.hotlines[hid]
    rec = e.record
    fee = present.fee(rec.fees)
    actions = present.contact_actions(d, rec)
    return r.page(
        "hotline.html",
        urls.hotline_url(hid),
        rec.name,
        r.edit(e, urls.hotline_url(hid)),
        e=e,
        rec=rec,
        actions=actions,
        rechecks=present.recheck_warnings(rec, actions),
        hours=present.record_hours(rec),
        hours_json=present.hours_json(rec.hours, present.record_region(rec)),
        fee=fee.label,
        fee_note=fee.note,
        operator=d.organisations.get(rec.operator or ""),
        categories=[d.categories[c] for c in rec.categories if c in d.categories],
        audiences=[d.audiences[a].label for a in rec.audiences if a in d.audiences],
        trust=present.trust(d, e),
    )


def hotline_numbers(actions: list[present.Action]) -> list[str]:
    """A hotline's sure numbers for paper: 'Tel/SMS 129'."""
    return views.number_lines([a for a in actions if a.sure])


def short_hours(hotline) -> str:
    """One line of a hotline's hours for paper, in its region's time zone."""
    if present.is_always(hotline.hours):
        return "24 jam"
    return "; ".join(present.record_hours(hotline)) or "–"


def category_page(r: Renderer, cid: str) -> Page:
    d = r.d
    term = d.categories[cid]
    by_city = r.kind_by_city(cid)
    hotlines = [h for h in d.hotlines.values() if cid in h.record.categories]
    total = sum(len(members) for _city, members in by_city)
    return r.page(
        "category.html",
        urls.category_url(cid),
        term.label,
        term=term,
        by_city=by_city,
        by_province=city_counts(by_city) if total > LIGHT_LIMIT else None,
        total=total,
        hotlines=sorted(hotlines, key=lambda h: (h.record.order, h.id)),
    )


def city_counts(by_city: list[tuple]) -> list[tuple]:
    """[(province, [(city, count), ...])] for the cities with at least one entry."""
    out: dict[str, list] = defaultdict(list)
    for city, members in by_city:
        if members:
            out[city.province].append((city, len(members)))
    return [(regions.lookup(code), cities) for code, cities in sorted(out.items())]


INDEX_META = {"search": {"exclude": True}, "hide": ["toc"]}


def index_pages(r: Renderer) -> list[Page]:
    """Every index page. They are three units of `page_units`, so that a new service
    renders again only the one that lists services (the others read none)."""
    return [*list_index_pages(r), services_index_page(r), *organisation_index_pages(r)]


def list_index_pages(r: Renderer) -> list[Page]:
    """The lists of regions, kinds of help and hotlines."""
    d = r.d
    meta = INDEX_META
    return [
        r.page(
            "index_regions.html",
            "kota/",
            "Pilih wilayah",
            meta,
            provinces=provinces(d),
            covered=covered(d),
        ),
        r.page("index_categories.html", "bantuan/", "Jenis bantuan", meta),
        r.page(
            "index_hotlines.html",
            "hotline/",
            "Saluran bantuan",
            meta,
            hotlines=d._hotlines(lambda h: True),
        ),
    ]


def services_index_page(r: Renderer) -> Page:
    """`layanan/`: every service, or (a light list) the number of services per city."""
    d = r.d
    light = len(d.services) > LIGHT_LIMIT
    # A light list links cities instead of listing services: no need to sort them all.
    services = (
        [] if light else sorted(d.services, key=lambda s: (d.services[s].record.name.lower(), s))
    )
    return r.page(
        "index_services.html",
        "layanan/",
        "Semua layanan",
        INDEX_META,
        services=[r.service(sid) for sid in services],
        by_province=(
            city_counts([(regions.lookup(c), r.covering(c)) for c in d.city_codes()])
            if light
            else None
        ),
        total=len(d.services),
    )


def organisation_index_pages(r: Renderer) -> list[Page]:
    """`organisasi/`, and a page per province when the national list would be long."""
    orgs = sorted(r.d.organisations.values(), key=lambda e: (e.record.name.lower(), e.id))
    split = len(orgs) > LIGHT_LIMIT
    pages = [
        r.page(
            "index_organisations.html",
            "organisasi/",
            "Organisasi",
            INDEX_META,
            orgs=[e for e in orgs if e.record.regions == "national"] if split else orgs,
            by_province=org_provinces(orgs) if split else None,
        )
    ]
    if split:
        for province, members in org_provinces(orgs):
            pages.append(
                r.page(
                    "index_organisations.html",
                    urls.province_organisations_url(province.code),
                    f"Organisasi di {province.name}",
                    INDEX_META,
                    orgs=members,
                    by_province=None,
                )
            )
    return pages


def org_provinces(orgs: list) -> list[tuple]:
    """[(province, [organisation, ...])]: each organisation under every province it
    works in (organisations working nationally are listed on the national page)."""
    out: dict[str, list] = defaultdict(list)
    for e in orgs:
        if e.record.regions == "national":
            continue
        for province in dict.fromkeys(code[:2] for code in e.record.regions):
            out[province].append(e)
    return [(regions.lookup(code), members) for code, members in sorted(out.items())]


def materials_page(r: Renderer, entries: list[dict]) -> Page:
    """The campaign materials page; `entries` come from the leaflets stage.

    Each entry: {title, city (region code), kind, pdf (site path), png (site path),
    page_size (e.g. "A4"), file_size (bytes)}. An empty list gives the placeholder.
    """
    rows = sorted(entries, key=lambda m: (m.get("city", ""), m["title"], m["pdf"]))
    return r.page(
        "materials.html",
        urls.MATERIALS_URL,
        "Materi kampanye",
        {"search": {"exclude": True}, "hide": ["toc"]},
        entries=rows,
        stamped=not r.d.settings.public_url,
        fictional=r.d.settings.fictional,
    )


def page_units(r: Renderer, materials: list[dict] | None = None) -> list[tuple[tuple, Callable]]:
    """Every page of the site as (unit key, builder): each builder returns the pages of
    its unit. The full build and the live preview (`generator.preview`, which re-runs
    only the units an edit touches) both build from this one list."""
    d = r.d
    units: list[tuple[tuple, Callable]] = [
        (("home",), lambda: [home_page(r)]),
        (("index",), lambda: list_index_pages(r)),
        (("index-services",), partial(_one, services_index_page, r)),
        (("index-organisations",), lambda: organisation_index_pages(r)),
        (("materials",), lambda: [materials_page(r, materials or [])]),
    ]
    for city in regions.cities():
        units.append((("city", city.code), partial(_one, city_page, r, city)))
        units.append((("printable", city.code), partial(_one, printable_page, r, city)))
        units += [
            (("city-kind", city.code, cid), partial(city_kind_pages_of, r, city, cid))
            for cid in d.categories
        ]
    units += [service_unit(r, sid) for sid in sorted(d.services)]
    units += [
        (("organisation", oid), partial(_one, organisation_page, r, oid))
        for oid in sorted(d.organisations)
    ]
    units += [(("hotline", hid), partial(_one, hotline_page, r, hid)) for hid in sorted(d.hotlines)]
    units += [(("category", cid), partial(_one, category_page, r, cid)) for cid in d.categories]
    return units


def service_unit(r: Renderer, sid: str) -> tuple[tuple, Callable]:
    """The unit of a service's page (the preview adds one for a new service file)."""
    return ("service", sid), partial(_one, service_page, r, sid)


def _one(builder: Callable, *args) -> list[Page]:
    return [builder(*args)]


def all_pages(r: Renderer, materials: list[dict] | None = None) -> list[Page]:
    return [page for _key, build in page_units(r, materials) for page in build()]


def contact_cards(r: Renderer) -> dict[str, str]:
    """`layanan/<id>/kontak.vcf` and `kontak-netral.vcf` for services with a number."""
    out = {}
    for sid in sorted(r._services):
        out.update(service_cards(r, sid))
    return out


def service_cards(r: Renderer, sid: str) -> dict[str, str]:
    """The two contact cards of one service ({} when it has no number)."""
    s = r.service(sid)
    if not s.main_actions:
        return {}
    public = r.d.settings.public_url
    org = s.organisation.record.name if s.organisation else ""
    page = f"{public.rstrip('/')}/{urls.service_url(sid)}" if public else None
    base = urls.service_url(sid)
    notes = [s.trust.text, *s.rechecks]
    return {
        base + "kontak.vcf": vcard(s.name, org, s.actions, page, notes),
        base + "kontak-netral.vcf": neutral_vcard(s.actions),
    }
