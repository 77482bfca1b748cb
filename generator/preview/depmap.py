"""Which pages show which records: the dependency map, recorded while the pages render.

The map is not a second list kept by hand. Every page comes from one unit of
`site.pages.page_units` (the same list the full build renders); while a unit renders,
`TrackingRenderer` notes every key it reads:

- `("services", id)`: a service's view or entry (its card, its page, a link to it);
- `("city", code)`: the services a city's pages list (`Renderer.covering`), so a
  service created in, or moved out of, a city re-renders what lists that city;
- `("org-services", id)`: the services an organisation runs;
- `("service-set",)`: the whole set of services (a list of every service).

After an edit the preview computes which keys changed (`changed_keys`) and re-renders
the units that read one of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .. import regions
from ..directory import Directory, Entry, Services
from ..site import pages

Key = tuple


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


class Shown:
    """A service's view that notes the service as shown when a template reads it."""

    __slots__ = ("_view", "_reads")

    def __init__(self, view, reads: Reads):
        self._view = view
        self._reads = reads

    def __getattr__(self, name: str):
        view = object.__getattribute__(self, "_view")
        object.__getattribute__(self, "_reads").shown(("services", view.id))
        return getattr(view, name)

    def __eq__(self, other) -> bool:
        return self._view == (other._view if isinstance(other, Shown) else other)

    def __hash__(self) -> int:
        return hash(self._view.id)


class TrackedServices(Services):
    """`Directory.services` that tells `reads` which services a page looked at."""

    reads: Reads

    def __getitem__(self, key: str) -> Entry:
        self.reads.shown(("services", key))
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.reads.shown(("services", key))
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self.reads.shown(("services", key))
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
        track(directory, reads)
        with paused(reads):
            super().__init__(directory)
            self.services_by_org = TrackedGroups(self.services_by_org, reads)

    def covering(self, city: str) -> list:
        self.reads.note(("city", city))
        return [Shown(view, self.reads) for view in super().covering(city)]

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

    def replace_services(self, changed: dict[str, Entry | None]) -> set[Key]:
        """Put the changed services (None: deleted) into the directory and the views;
        return the keys whose value changed."""
        with paused(self.reads):
            before = self.snapshot()
            for sid, entry in changed.items():
                if entry is None:
                    dict.pop(self.d.services, sid, None)
                    self._services.pop(sid, None)
                else:
                    self.d.services[sid] = entry  # confined by Services.__setitem__
                    stored = dict.__getitem__(self.d.services, sid)
                    self._services[sid] = pages.views.service_view(self.d, stored)
            self.reindex()
            return changed_keys(before, self.snapshot(), changed)

    def reindex(self) -> None:
        """Drop every index built from the services (the Directory's and ours)."""
        self.d.__dict__.pop("_city_index", None)
        self.d.__dict__.pop("_indexes", None)
        self._covering = {}
        groups = pages._group(dict.values(self.d.services), lambda e: [e.record.organisation])
        self.services_by_org = TrackedGroups(groups, self.reads)
        self._services = dict(sorted(self._services.items()))

    def snapshot(self) -> dict[Key, tuple]:
        """The value of every list key, as ids (what `changed_keys` compares)."""
        out: dict[Key, tuple] = {("service-set",): tuple(sorted(dict.keys(self.d.services)))}
        for code in (city.code for city in regions.cities()):
            out[("city", code)] = tuple(s.id for s in pages.Renderer.covering(self, code))
        for oid, entries in dict.items(self.services_by_org):
            out[("org-services", oid)] = tuple(e.id for e in entries)
        return out


def changed_keys(before: dict, after: dict, changed: Iterable[str]) -> set[Key]:
    """The changed services' own keys, every list that differs, and every list that
    holds a changed service (its search shard shows the service's text)."""
    ids = set(changed)
    keys: set[Key] = {("services", sid) for sid in ids}
    for k in before.keys() | after.keys():
        old, new = before.get(k, ()), after.get(k, ())
        if old != new or (k[0] != "service-set" and ids & (set(old) | set(new))):
            keys.add(k)
    return keys


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


def render_units(
    renderer: TrackingRenderer, units: list[tuple[Key, object]], depmap: DepMap
) -> dict[str, bytes]:
    """Render `units`, recording in `depmap` what each read and wrote; path -> bytes."""
    files: dict[str, bytes] = {}
    for key, build in units:
        renderer.reads.current = set()
        try:
            rendered = build()
        finally:
            read, renderer.reads.current = renderer.reads.current, None
        for path in depmap.paths.get(key, []):
            depmap.shows.pop(path, None)
        depmap.reads[key] = read
        depmap.paths[key] = [page.path for page in rendered]
        for page in rendered:
            files[page.path] = page.text().encode("utf-8")
            depmap.shows[page.path] = renderer.reads.shows.pop(page.path, set())
    return files
