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
    """The keys read while one unit renders (None: nothing is being recorded)."""

    current: set[Key] | None = None

    def note(self, *keys: Key) -> None:
        if self.current is not None:
            self.current.update(keys)


class TrackedServices(Services):
    """`Directory.services` that tells `reads` which services a page looked at."""

    reads: Reads

    def __getitem__(self, key: str) -> Entry:
        self.reads.note(("services", key))
        return super().__getitem__(key)

    def get(self, key, default=None):
        self.reads.note(("services", key))
        return super().get(key, default)

    def __contains__(self, key) -> bool:
        self.reads.note(("services", key))
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
        found = super().covering(city)
        self.reads.note(("city", city), *(("services", s.id) for s in found))
        return found

    def service(self, sid: str):
        self.reads.note(("services", sid))
        return super().service(sid)

    def services(self, entries) -> list:
        found = super().services(entries)
        self.reads.note(*(("services", s.id) for s in found))
        return found

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

    def units_reading(self, keys: set[Key]) -> set[Key]:
        return {unit for unit, read in self.reads.items() if read & keys}

    def pages_of(self, record_key: Key) -> set[str]:
        """Docs paths of the pages whose unit read `record_key`, e.g. ("services", id)."""
        return {p for unit, read in self.reads.items() if record_key in read for p in self.paths[unit]}


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
        depmap.reads[key] = read
        depmap.paths[key] = [page.path for page in rendered]
        for page in rendered:
            files[page.path] = page.text().encode("utf-8")
    return files
