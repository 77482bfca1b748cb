"""Which pages show which records: the dependency map, recorded while the pages render.

The map is not a second list kept by hand. Every page comes from one unit of
`site.pages.page_units` (the same list the full build renders); while a unit renders,
`TrackingRenderer` notes every key it reads:

- `("services", id)`: a service's view or entry (its card, its page, a link to it);
  read by a template, the service is *shown* on that page (`DepMap.pages_of`);
- `("city", code)`: the list of services a city's pages show (`Renderer.covering`),
  so a service created in, or moved out of, a city re-renders what lists that city;
- `("list-field", code, field)`: a field of the services of a city's list, read by a
  page builder (a large city's page groups them by `categories`);
- `("org-services", id)`: the services an organisation runs;
- `("service-set",)`: the whole set of services (a list of every service);
- `("kind", id)`: which services each city lists under one kind of help, in order
  (`Renderer.kind_by_city`): a national kind-of-help page shows these and nothing else
  of the city lists, so a new service re-renders only the pages of its own kinds;
- `("city-kind", code, id)` and `("city-large", code)`: the same for one city, and
  whether its list is too long for its page (`Renderer.city_kind`): a large city's
  page of one kind of help.

After an edit `TrackingRenderer.replace_services` says which keys changed and the
preview re-renders the units that read one of them.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from .. import regions
from ..directory import Directory, Entry, Services
from ..site import pages

Key = tuple
Unit = tuple[Key, Callable[[], list]]  # (unit key, builder of its pages)


@dataclass
class Reads:
    """The keys read while one unit renders (None: nothing is being recorded).

    `rendering`: a template is being rendered; a record counts as shown on a page only
    when its template reads it (a builder that only counts or filters a city's
    services does not show them; the city's key stands for the list)."""

    current: set[Key] | None = None
    rendering: set[Key] | None = None  # what the page being rendered shows
    shows: dict[str, set[Key]] = field(default_factory=dict)  # docs path -> shown keys

    def note(self, *keys: Key) -> None:
        if self.current is not None:
            self.current.update(keys)

    def shown(self, *keys: Key) -> None:
        if self.rendering is not None:
            self.rendering.update(keys)
            self.note(*keys)

    def read(self, key: Key) -> None:
        """Shown when a template reads it, else only read (by a page builder)."""
        if self.rendering is not None:
            self.shown(key)
        else:
            self.note(key)


class Shown:
    """A service's view that notes what is read of it.

    Read by a template: the service is shown on that page. Read by a page builder
    from a city's list (`scope`: the city), e.g. to filter it by kind of help: the
    unit depends on that field of the city's services, ("list-field", city, field)."""

    __slots__ = ("_view", "_reads", "_scope")

    def __init__(self, view, reads: Reads, scope: str | None = None):
        self._view = view
        self._reads = reads
        self._scope = scope

    def __getattr__(self, name: str):  # only for names that are not slots
        reads, view = self._reads, self._view
        if reads.rendering is not None or self._scope is None:
            reads.read(("services", view.id))
        elif reads.current is not None:
            reads.current.add(("list-field", self._scope, name))
        return getattr(view, name)

    def __eq__(self, other) -> bool:
        return self._view == (other._view if isinstance(other, Shown) else other)

    def __hash__(self) -> int:
        return hash(self._view.id)


class TrackedServices(Services):
    """`Directory.services` that tells `reads` which services a page looked at."""

    reads: Reads

    def __getitem__(self, key: str) -> Entry:
        self.reads.read(("services", key))
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.reads.read(("services", key))
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self.reads.read(("services", key))
        return super().__contains__(key)

    def __iter__(self):
        self.reads.note(("service-set",))
        return super().__iter__()

    def keys(self):
        self.reads.note(("service-set",))
        return super().keys()

    def values(self):
        self.reads.note(("service-set",))
        return super().values()

    def items(self):
        self.reads.note(("service-set",))
        return super().items()

    def __len__(self) -> int:
        self.reads.note(("service-set",))
        return super().__len__()


class TrackedGroups(dict):
    """`Renderer.services_by_org` that notes which organisation's services were read."""

    def __init__(self, groups: dict, reads: Reads):
        super().__init__(groups)
        self.reads = reads

    def get(self, key, default=None):
        self.reads.note(("org-services", key))
        return super().get(key, default)

    def __getitem__(self, key):
        self.reads.note(("org-services", key))
        return super().__getitem__(key)


def bare(view):
    """The view inside a `Shown` (the base renderer caches what `services` returned)."""
    return view._view if isinstance(view, Shown) else view


def track(directory: Directory, reads: Reads) -> None:
    """Make `directory.services` report what is read to `reads` (same entries)."""
    tracked = TrackedServices.__new__(TrackedServices)
    dict.update(tracked, dict.items(directory.services))  # entries are already confined
    tracked.reads = reads
    object.__setattr__(directory, "services", tracked)


class TrackingRenderer(pages.Renderer):
    """The site's page renderer, noting what each unit reads (see the module docstring)."""

    def __init__(self, directory: Directory, reads: Reads):
        self.reads = reads
        self.lists: dict[str, tuple] = {}  # city -> ids its pages list
        self._shown: dict[str, list[Shown]] = {}  # city -> its list, wrapped
        track(directory, reads)
        with paused(reads):
            super().__init__(directory)
            self.services_by_org = TrackedGroups(self.services_by_org, reads)

    def covering(self, city: str) -> list:
        self.reads.note(("city", city))
        if city not in self._shown:  # wrapped once: a kind-of-help page reads 515 lists
            self._shown[city] = [Shown(bare(v), self.reads, city) for v in super().covering(city)]
        return self._shown[city]

    def kind_by_city(self, cid: str) -> list[tuple]:
        """The base lists, read as one key: ("kind", cid) (see `kind_members_of`)."""
        self.reads.note(("kind", cid))
        with paused(self.reads):
            rows = [
                (regions.lookup(code), kind_members_of(self.bare_covering(code), cid))
                for code in self.d.city_codes()
            ]
        return [(city, [Shown(v, self.reads) for v in members]) for city, members in rows]

    def city_kind(self, city: str, cid: str) -> tuple[bool, list]:
        """The base answer, read as two keys (see the module docstring)."""
        self.reads.note(("city-large", city), ("city-kind", city, cid))
        with paused(self.reads):
            views = self.bare_covering(city)
            large = len(views) > pages.CITY_LIMIT
            members = kind_members_of(views, cid) if large else []
        return large, [Shown(v, self.reads) for v in members]

    def bare_covering(self, city: str) -> list:
        """The views of a city's list, not wrapped (nothing is noted)."""
        return [bare(v) for v in pages.Renderer.covering(self, city)]

    def service(self, sid: str):
        return Shown(super().service(sid), self.reads)

    def services(self, entries) -> list:
        return [Shown(view, self.reads) for view in super().services(entries)]

    def page(self, *args, **kwargs):
        self.reads.rendering = shown = set()
        try:
            page = super().page(*args, **kwargs)
        finally:
            self.reads.rendering = None
        self.reads.shows[page.path] = shown
        return page

    # --- after an edit -----------------------------------------------------------

    def replace_services(self, changed: dict[str, Entry | None]) -> tuple[set[Key], set[str]]:
        """Put the changed services (None: deleted) into the directory and the views.

        Returns the keys whose value changed, and the cities whose list holds a changed
        service before or after (their search shards show its text)."""
        with paused(self.reads):
            if not self.lists:
                self.remember_lists()
            old = {sid: self._services.get(sid) for sid in changed}
            views_before = {**self._services, **old}
            for sid, entry in changed.items():
                if entry is None:
                    dict.pop(self.d.services, sid, None)
                    self._services.pop(sid, None)
                else:
                    self.d.services[sid] = entry  # confined by Services.__setitem__
                    stored = dict.__getitem__(self.d.services, sid)
                    self._services[sid] = pages.views.service_view(self.d, stored)
            self.reindex()
            keys: set[Key] = self.regroup(old, changed)
            cities = self.cities_holding(set(changed))
            self.forget_lists(cities)
            before = {c: self.lists.get(c, ()) for c in cities}
            self.lists.update(self.city_lists(cities))
            keys |= {("services", sid) for sid in changed}
            keys |= {("city", c) for c in cities if before[c] != self.lists[c]}
            for c in cities:
                keys |= list_keys(c, before[c], views_before, self.lists[c], self._services)
            for name in changed_fields(old, {sid: self._services.get(sid) for sid in changed}):
                keys |= {("list-field", c, name) for c in cities}
            if any(old[sid] is None or changed[sid] is None for sid in changed):
                keys.add(("service-set",))
            return keys, cities

    def reindex(self) -> None:
        """Drop the Directory's indexes of the services (built again when read)."""
        self.d.__dict__.pop("_city_index", None)
        self.d.__dict__.pop("_indexes", None)

    def regroup(self, old: dict, changed: dict[str, Entry | None]) -> set[Key]:
        """`services_by_org` for the organisations of the changed services (before or
        after), as `pages._group` makes it; returns the ("org-services", id) keys of
        those whose list changed (grouping all 10,000 again costs ~0.07 s)."""
        groups = self.services_by_org
        orgs = {v.entry.record.organisation for v in old.values() if v is not None}
        orgs |= {e.record.organisation for e in changed.values() if e is not None}
        keys: set[Key] = set()
        for oid in sorted(orgs):
            before = dict.get(groups, oid, [])
            kept = [e for e in before if e.id not in changed]
            new = [dict.__getitem__(self.d.services, sid) for sid, e in changed.items()
                   if e is not None and e.record.organisation == oid]  # fmt: skip
            after = sorted(kept + new, key=lambda e: (e.record.name.lower(), e.id))
            if after:
                dict.__setitem__(groups, oid, after)
            else:
                dict.pop(groups, oid, None)
            if [e.id for e in before] != [e.id for e in after]:
                keys.add(("org-services", oid))
        return keys

    def remember_lists(self) -> None:
        """What every city lists now (what an edit is compared with; done once after
        the first render, so the first edit need not)."""
        with paused(self.reads):
            self.lists = self.city_lists(c.code for c in regions.cities())

    def forget_lists(self, cities: set[str]) -> None:
        """Drop the lists of `cities` (those holding a changed service, before or after);
        every other city lists the same views as before, so its list is kept: a page
        that counts every city's list (the services index) need not build 514 again."""
        for city in cities:
            self._covering.pop(city, None)
            self._shown.pop(city, None)

    def city_lists(self, codes: Iterable[str]) -> dict[str, tuple]:
        """The ids each city's pages list (`Renderer.covering`), in order."""
        return {c: tuple(s.id for s in pages.Renderer.covering(self, c)) for c in codes}

    def cities_holding(self, ids: set[str]) -> set[str]:
        """Cities whose list held one of `ids` before, or may hold it now: the
        Directory's index of the city's own services and its province's
        (`Directory.services_covering_city` is made of these two)."""
        held = {c for c, listed in self.lists.items() if ids & set(listed)}
        provinces = {
            p.code
            for p in regions.provinces()
            if any(e.id in ids for e in self.d.services_for_province(p.code))
        }
        for city in regions.cities():
            if city.province in provinces or any(
                e.id in ids for e in self.d.services_for_city(city.code)
            ):
                held.add(city.code)
        return held


def list_keys(city: str, ids_before: tuple, views_before: dict, ids: tuple, views: dict) -> set:
    """The keys of one city's list that changed: ("kind", ...), ("city-kind", ...) and
    ("city-large", ...) (see the module docstring)."""
    keys: set[Key] = set()
    if (len(ids_before) > pages.CITY_LIMIT) != (len(ids) > pages.CITY_LIMIT):
        keys.add(("city-large", city))
    before, after = city_kinds(ids_before, views_before), city_kinds(ids, views)
    for kind in before.keys() | after.keys():
        if before.get(kind) != after.get(kind):
            keys |= {("kind", kind), ("city-kind", city, kind)}
    return keys


def kind_members_of(views: list, cid: str) -> list:
    """`pages.kind_members` of bare views (no attribute read is noted)."""
    return [v for v in views if any(c.id == cid for c in v.categories)]


def city_kinds(ids: tuple, views: dict) -> dict[str, tuple]:
    """Kind of help -> the ids a city's list shows under it, in the list's order."""
    out: dict[str, list] = {}
    for sid in ids:
        view = views.get(sid)
        for cid in dict.fromkeys(c.id for c in view.categories) if view else ():
            out.setdefault(cid, []).append(sid)
    return {cid: tuple(members) for cid, members in out.items()}


def changed_fields(old: dict, new: dict) -> set[str]:
    """Fields of the services' views that differ (every field of a new or gone one)."""
    names = [f.name for f in dataclasses.fields(pages.views.ServiceView)]
    out: set[str] = set()
    for sid, before in old.items():
        after = new.get(sid)
        if before is None or after is None:
            return set(names)
        out |= {n for n in names if getattr(before, n) != getattr(after, n)}
    return out


class paused:  # noqa: N801 - used as a `with` statement like contextlib's helpers
    """Record nothing inside (indexes built once are not a page's reading)."""

    def __init__(self, reads: Reads):
        self.reads = reads

    def __enter__(self) -> None:
        self.saved, self.reads.current = self.reads.current, None

    def __exit__(self, *exc) -> None:
        self.reads.current = self.saved


@dataclass
class DepMap:
    """Unit -> keys it read and pages it wrote; built and updated by `render_units`."""

    reads: dict[Key, set[Key]] = field(default_factory=dict)
    paths: dict[Key, list[str]] = field(default_factory=dict)
    shows: dict[str, set[Key]] = field(default_factory=dict)  # docs path -> records shown

    def units_reading(self, keys: set[Key]) -> set[Key]:
        return {unit for unit, read in self.reads.items() if read & keys}

    def pages_of(self, record_key: Key) -> set[str]:
        """Docs paths of the pages that show a record, e.g. ("services", id)."""
        return {path for path, shown in self.shows.items() if record_key in shown}

    def forget(self, unit: Key) -> list[str]:
        """Drop a unit that no longer exists; return the pages it wrote."""
        self.reads.pop(unit, None)
        paths = self.paths.pop(unit, [])
        for path in paths:
            self.shows.pop(path, None)
        return paths


def render_units(renderer: TrackingRenderer, units: list[Unit], depmap: DepMap) -> dict[str, bytes]:
    """Render `units`, recording in `depmap` what each read and wrote; path -> bytes."""
    files: dict[str, bytes] = {}
    for key, build in units:
        renderer.reads.current = set()
        try:
            rendered = build()
        finally:
            read, renderer.reads.current = renderer.reads.current or set(), None
        for path in depmap.paths.get(key, []):
            depmap.shows.pop(path, None)
        depmap.reads[key] = read
        depmap.paths[key] = [page.path for page in rendered]
        for page in rendered:
            files[page.path] = page.text().encode("utf-8")
            depmap.shows[page.path] = renderer.reads.shows.pop(page.path, set())
    return files
