"""The resolved, indexed directory: what every output stage reads.

Built once by `check.engine.build_directory()` from the checked records; render stages
(site, search, print) never read YAML themselves.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Generic, Literal, TypeVar

from . import regions as regions_mod
from .confidential import publishable
from .models import (
    Hotline,
    Material,
    Model,
    Organisation,
    Pathway,
    Region,
    Service,
    Settings,
    ShortCode,
    SynonymGroup,
    Term,
)

T = TypeVar("T", bound=Model)

Trust = Literal["confirmed", "stale", "public_source", "no_source"]


@dataclass(frozen=True)
class Entry(Generic[T]):
    """A record with its id, folder kind and file."""

    id: str
    kind: str  # folder name: services, hotlines, ...
    file: str | Path  # relative to the directory root's parent, e.g. directory/services/x.yaml
    record: T

    @property
    def path(self) -> Path:
        """`file` as a Path (made on demand: 17,000 Paths cost `check` ~0.1 s)."""
        return Path(self.file)


class Services(dict):
    """Services by id; a confidential one is stored as its allow-listed copy
    (`confidential.publishable`), so no output stage can reach what it must not publish."""

    def __init__(self, entries=()):
        super().__init__()
        self.update(entries)

    def __setitem__(self, key: str, entry: Entry[Service]) -> None:
        record = publishable(entry.record)
        if record is not entry.record:
            entry = Entry(entry.id, entry.kind, entry.file, record)
        super().__setitem__(key, entry)

    def update(self, *entries: Any, **more: Any) -> None:
        """As dict.update, through __setitem__ (dict's own update would bypass it)."""
        for key, entry in dict(*entries, **more).items():
            self[key] = entry

    def setdefault(self, key, entry=None):
        if key not in self:
            self[key] = entry
        return self[key]


@dataclass
class Directory:
    """Every record, validated and cross-referenced.

    `services` is always a `Services` mapping: whatever is assigned is confined."""

    root: Path
    settings: Settings
    today: date
    categories: dict[str, Term] = field(default_factory=dict)
    audiences: dict[str, Term] = field(default_factory=dict)
    synonyms: list[SynonymGroup] = field(default_factory=list)
    short_codes: dict[str, ShortCode] = field(default_factory=dict)
    regions: dict[str, Entry[Region]] = field(default_factory=dict)
    organisations: dict[str, Entry[Organisation]] = field(default_factory=dict)
    services: dict[str, Entry[Service]] = field(default_factory=dict)
    hotlines: dict[str, Entry[Hotline]] = field(default_factory=dict)
    materials: dict[str, Entry[Material]] = field(default_factory=dict)
    pathways: dict[str, Entry[Pathway]] = field(default_factory=dict)

    def __setattr__(self, name: str, value) -> None:
        if name == "services" and not isinstance(value, Services):
            value = Services(value)
        super().__setattr__(name, value)

    # --- regions ------------------------------------------------------------------

    def region_info(self, code: str) -> regions_mod.RegionInfo | None:
        return regions_mod.lookup(code)

    def city_codes(self) -> list[str]:
        """Cities this directory covers (settings), sorted."""
        return sorted(self.settings.cities)

    # --- services per city --------------------------------------------------------

    def services_for_city(self, city: str) -> list[Entry[Service]]:
        """Services whose area lies in the city (city-level and below), sorted by name."""
        return self._by_city().get(city, [])

    def services_for_province(self, province: str) -> list[Entry[Service]]:
        """Services whose area is the whole province (province-level), sorted by name."""
        return self._index(
            "province", self.services, lambda r: [c for c in r.service_area if "." not in c]
        ).get(province, [])

    def services_covering_city(self, city: str) -> list[Entry[Service]]:
        """City services plus province-level services of its province."""
        seen: dict[str, Entry[Service]] = {e.id: e for e in self.services_for_city(city)}
        for e in self.services_for_province(city[:2]):
            seen.setdefault(e.id, e)
        return sorted(seen.values(), key=lambda e: (e.record.name.lower(), e.id))

    def national_hotlines(self) -> list[Entry[Hotline]]:
        return self._hotlines(lambda h: h.coverage.level == "national")

    def hotlines_for_city(self, city: str) -> list[Entry[Hotline]]:
        """National hotlines plus those covering the city or its province."""

        def covers(h: Hotline) -> bool:
            if h.coverage.level == "national":
                return True
            return any(regions_mod.contains(code, city) for code in h.coverage.regions)

        return self._hotlines(covers)

    def emergency_hotlines(self) -> list[Entry[Hotline]]:
        return self._hotlines(lambda h: h.emergency)

    def _hotlines(self, keep) -> list[Entry[Hotline]]:
        found = [e for e in self.hotlines.values() if keep(e.record)]
        return sorted(found, key=lambda e: (e.record.order, e.record.name.lower(), e.id))

    def _by_city(self) -> dict[str, list[Entry[Service]]]:
        cached = self.__dict__.get("_city_index")
        if cached is None:
            index: dict[str, dict[str, Entry[Service]]] = defaultdict(dict)
            for e in self.services.values():
                for code in e.record.service_area:
                    if regions_mod.level_of(code) >= 2:
                        index[code[:5]][e.id] = e
            cached = {
                city: sorted(by_id.values(), key=lambda e: (e.record.name.lower(), e.id))
                for city, by_id in index.items()
            }
            self.__dict__["_city_index"] = cached
        return cached

    # --- organisations -----------------------------------------------------------

    def services_of(self, org_id: str) -> list[Entry[Service]]:
        return self._index("by_org", self.services, lambda r: [r.organisation]).get(org_id, [])

    def members_of(self, org_id: str) -> list[Entry[Organisation]]:
        return self._index("members", self.organisations, lambda r: r.member_of).get(org_id, [])

    def children_of(self, org_id: str) -> list[Entry[Organisation]]:
        return self._index(
            "children", self.organisations, lambda r: [r.parent] if r.parent else []
        ).get(org_id, [])

    def _index(self, name: str, entries: dict[str, Entry], keys) -> dict[str, list[Entry]]:
        """Entries grouped by `keys(record)`, sorted by name, built once per Directory.

        These look-ups run once per page at national scale; a scan each time would be
        quadratic (2,600 organisations x 10,000 services).
        """
        cache = self.__dict__.setdefault("_indexes", {})
        if name not in cache:
            groups: dict[str, list[Entry]] = defaultdict(list)
            for entry in entries.values():
                for key in dict.fromkeys(keys(entry.record)):
                    groups[key].append(entry)
            cache[name] = {
                key: sorted(found, key=lambda e: (e.record.name.lower(), e.id))
                for key, found in groups.items()
            }
        return cache[name]

    # --- trust ---------------------------------------------------------------------

    def trust(self, entry: Entry) -> Trust:
        """How far a record can be trusted, judged against `today`.

        confirmed: a person verified it directly within `stale_after_months`;
        stale: verified, but longer ago; public_source: only from public sources;
        no_source: neither.
        """
        rec = entry.record
        verified = getattr(rec, "verified_on", None)
        if verified is not None:
            return (
                "stale"
                if months_between(verified, self.today) >= self.stale_months
                else "confirmed"
            )
        return "public_source" if getattr(rec, "sources", None) else "no_source"

    @property
    def stale_months(self) -> int:
        return self.settings.stale_after_months

    def latest_source_date(self, entry: Entry) -> date | None:
        dates = [s.date for s in getattr(entry.record, "sources", [])]
        return max(dates) if dates else None


def months_between(earlier: date, later: date) -> int:
    """Whole months from `earlier` to `later` (0 when later is earlier)."""
    months = (later.year - earlier.year) * 12 + later.month - earlier.month
    if later.day < earlier.day:
        months -= 1
    return max(months, 0)
