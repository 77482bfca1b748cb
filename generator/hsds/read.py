"""Read HSDS 3 data in any of its published shapes into nested objects.

Shapes: one object (`service_full.json`), a list, a package (a list of full objects),
a paged API list (`{"contents": [...]}`), the tabular package (a folder of CSVs with
`datapackage.json`), the tabular data as one JSON (`{"services.csv": [...]}`), and a
folder holding this project's own export (`hsds/*.json`). Every object keeps where it
came from (`_where`: JSON path, or file and row) so the import report can point at it.
"""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import UsageError

WHERE = "_where"


@dataclass
class Dataset:
    """Top-level services and organisations found in a source, nested as in HSDS JSON."""

    source: Path
    services: list[dict] = field(default_factory=list)
    organizations: list[dict] = field(default_factory=list)
    other: list[tuple[str, str]] = field(default_factory=list)  # (where, kind) not imported


def read_source(path: Path) -> Dataset:
    if path.is_dir():
        if (path / "services.csv").exists() or (path / "datapackage.json").exists():
            return _tabular_folder(path)
        if (path / "services.json").exists() or (path / "organizations.json").exists():
            return _json_folder(path)
        raise UsageError(f"'{path}' holds neither an HSDS tabular package nor HSDS JSON files")
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise UsageError(f"'{path}' is not readable JSON: {exc}") from None
    dataset = Dataset(path)
    if isinstance(data, dict) and any(str(k).endswith(".csv") for k in data):
        return _assemble(path, {k: _rows(v, f"{path.name}:{k}") for k, v in data.items()})
    _add_json(dataset, data, path.name)
    return dataset


def _json_folder(path: Path) -> Dataset:
    dataset = Dataset(path)
    for name in ("organizations.json", "services.json"):
        file = path / name
        if file.exists():
            _add_json(dataset, json.loads(file.read_text(encoding="utf-8")), name)
    return dataset


def _add_json(dataset: Dataset, data, where: str) -> None:
    if isinstance(data, dict) and isinstance(data.get("contents"), list):
        data, where = data["contents"], f"{where}:$.contents"
    else:
        where = f"{where}:$"
    items = data if isinstance(data, list) else [data]
    for i, item in enumerate(items):
        at = f"{where}[{i}]" if isinstance(data, list) else where
        if not isinstance(item, dict):
            dataset.other.append((at, "not an object"))
            continue
        _tag(item, at)
        kind = kind_of(item)
        if kind == "service":
            dataset.services.append(item)
        elif kind == "organization":
            dataset.organizations.append(item)
            _nested_services(dataset, item)
        elif kind == "service_at_location" and isinstance(item.get("service"), dict):
            service = dict(item["service"])
            service.setdefault("service_at_locations", [item])
            dataset.services.append(service)
        else:
            dataset.other.append((at, kind))


def _nested_services(dataset: Dataset, org: dict) -> None:
    """An organisation may carry its services (`organization_full.json`): import them too."""
    services = org.get("services")
    if not isinstance(services, list):
        return
    for service in services:
        if isinstance(service, dict) and kind_of(service) == "service":
            service.setdefault("organization_id", org.get("id"))
            dataset.services.append(service)
        elif isinstance(service, dict):
            dataset.other.append((service.get(WHERE, "?"), kind_of(service)))


def kind_of(item: dict) -> str:
    """The HSDS object an item is, by the fields only it has."""
    if "location" in item and "service" in item:
        return "service_at_location"
    if "status" in item and "name" in item:
        return "service"
    if "location_type" in item:
        return "location"
    if {"version", "profile"} <= item.keys() and "name" not in item:
        return "metadata about the publication (base.json)"
    if "code" in item or "taxonomy_detail" in item or "term_uri" in item:
        return "taxonomy_term"
    if "version" in item and "name" in item and "description" in item:
        return "taxonomy"
    if "name" in item and ("services" in item or "description" in item):
        return "organization"
    return "unknown object"


def _tag(obj, where: str) -> None:
    """Give every nested object its JSON path."""
    if isinstance(obj, dict):
        obj[WHERE] = where
        for key, value in obj.items():
            if isinstance(value, dict | list) and key != WHERE:
                _tag(value, f"{where}.{key}")
    elif isinstance(obj, list):
        for i, item in enumerate(obj):
            _tag(item, f"{where}[{i}]")


# --- tabular -----------------------------------------------------------------------


def _tabular_folder(path: Path) -> Dataset:
    tables = {}
    for file in sorted(path.glob("*.csv")):
        with file.open(encoding="utf-8-sig", newline="") as fh:
            tables[file.name] = _rows(list(csv.DictReader(fh)), file.name)
    return _assemble(path, tables)


def _rows(rows, name: str) -> list[dict]:
    """Rows without empty cells, each with its file and row number (header is row 1)."""
    out = []
    for i, row in enumerate(rows if isinstance(rows, list) else []):
        if isinstance(row, dict):
            clean = {k: v for k, v in row.items() if v not in (None, "") and k is not None}
            out.append(clean | {WHERE: f"{name}:row {i + 2}"})
    return out


def ref(value: object) -> str:
    """An id read from a row or object as a look-up key ("" when absent or not text,
    which no id table holds)."""
    return value if isinstance(value, str) else ""


def _by(rows: list[dict], key: str) -> dict[str, list[dict]]:
    groups: dict[str, list[dict]] = defaultdict(list)
    for row in rows:
        if row.get(key):
            groups[str(row[key])].append(row)
    return groups


def _assemble(path: Path, t: dict[str, list[dict]]) -> Dataset:
    """Tables -> nested objects (the JSON shape), joining on the HSDS id columns."""
    attrs = _by(t.get("attributes.csv", []), "link_id")
    meta = _by(t.get("metadata.csv", []), "resource_id")

    def with_extras(row: dict) -> dict:
        out = dict(row)
        if attrs.get(ref(row.get("id"))):
            out["attributes"] = attrs[row["id"]]
        if meta.get(ref(row.get("id"))):
            out["metadata"] = meta[row["id"]]
        return out

    groups = _Groups(t)
    locations = {
        r["id"]: _location(r, groups, with_extras) for r in t.get("locations.csv", []) if "id" in r
    }
    services = [_service(r, groups, with_extras, locations) for r in t.get("services.csv", [])]
    orgs = []
    parts = {key: _by(t.get(f"{key}.csv", []), "organization_id") for key in ("phones", "contacts")}
    for row in t.get("organizations.csv", []):
        org = with_extras(row)
        for key, by_org in parts.items():
            own = [
                with_extras(r)
                for r in by_org.get(ref(row.get("id")), [])
                if not r.get("service_id")
            ]
            if own:
                org[key] = own
        orgs.append(org)
    dataset = Dataset(path, services, orgs)
    for name in sorted(t):
        if name not in KNOWN_TABLES:
            dataset.other += [(r[WHERE], f"row of {name}") for r in t[name]]
    return dataset


KNOWN_TABLES = {
    "services.csv", "organizations.csv", "phones.csv", "schedules.csv", "service_areas.csv",
    "languages.csv", "required_documents.csv", "contacts.csv", "attributes.csv",
    "metadata.csv", "service_at_location.csv", "locations.csv", "addresses.csv",
    "accessibility.csv",
}  # fmt: skip


class _Groups:
    """Rows of a table grouped by a column, each grouping made once (not once per row)."""

    def __init__(self, tables: dict[str, list[dict]]):
        self.tables = tables
        self.made: dict[tuple[str, str], dict[str, list[dict]]] = {}

    def get(self, table: str, column: str, value) -> list[dict]:
        key = (table, column)
        if key not in self.made:
            self.made[key] = _by(self.tables.get(table, []), column)
        return self.made[key].get(value, []) if value else []


def _location(row: dict, groups: _Groups, with_extras) -> dict:
    loc = with_extras(row)
    for key, table in (("addresses", "addresses.csv"), ("accessibility", "accessibility.csv")):
        found = groups.get(table, "location_id", row["id"])
        if found:
            loc[key] = found
    return loc


def _service(row: dict, groups: _Groups, with_extras, locations: dict) -> dict:
    service = with_extras(row)
    sid = row.get("id")
    for key, table in (
        ("phones", "phones.csv"),
        ("schedules", "schedules.csv"),
        ("service_areas", "service_areas.csv"),
        ("languages", "languages.csv"),
        ("required_documents", "required_documents.csv"),
        ("contacts", "contacts.csv"),
    ):
        found = groups.get(table, "service_id", sid)
        if found:
            service[key] = [with_extras(r) for r in found]
    sals = []
    for sal in groups.get("service_at_location.csv", "service_id", sid):
        sal = with_extras(sal)
        if sal.get("location_id") in locations:
            sal["location"] = locations[sal["location_id"]]
        sals.append(sal)
    if sals:
        service["service_at_locations"] = sals
    return service


# --- shape -------------------------------------------------------------------------------

LIST_KEYS = {
    "phones", "contacts", "schedules", "service_areas", "service_at_locations", "languages",
    "required_documents", "attributes", "metadata", "addresses", "accessibility", "services",
    "locations", "funding", "programs", "organization_identifiers", "cost_options",
}  # fmt: skip
OBJECT_KEYS = {"organization", "location", "taxonomy_term", "service", "program", "taxonomy_detail"}


def shape_problems(dataset: Dataset) -> list[tuple[str, str, str]]:
    """Make every nested value the shape HSDS gives it, so mapping never trips over a
    string where a list belongs: wrong parts are removed and returned as
    (where, field, what was wrong)."""
    found: list[tuple[str, str, str]] = []
    for obj in [*dataset.services, *dataset.organizations]:
        _shape(obj, found)
    return found


def _shape(obj: dict, found: list) -> None:
    for key in list(obj):
        value = obj[key]
        where = obj.get(WHERE, "?")
        if key in LIST_KEYS:
            items = value if isinstance(value, list) else None
            if items is None or not all(isinstance(i, dict) for i in items):
                found.append((where, key, "expected a list of objects"))
                obj[key] = [i for i in items or [] if isinstance(i, dict)]
            for item in obj[key]:
                item.setdefault(WHERE, f"{where}.{key}")
                _shape(item, found)
        elif key in OBJECT_KEYS:
            if isinstance(value, dict):
                value.setdefault(WHERE, f"{where}.{key}")
                _shape(value, found)
            else:
                found.append((where, key, "expected an object"))
                del obj[key]
        elif key != WHERE and isinstance(value, dict | list):
            found.append((where, key, "expected a single value"))
            del obj[key]
