"""Open data out and in: Open Referral HSDS 3.0 export and import.

- `export_files(directory, formats)`: the HSDS JSON, the tabular data package and the
  GeoJSON of public locations, as file name -> bytes (deterministic: sorted keys, ids
  from record ids, dates from the records).
- `site_stage(directory, docs_dir)`: the same files under `data/` in the docs tree, so
  the built site publishes them (the optional-stage name generator/build.py looks for).
- `import_.import_hsds(...)`: HSDS JSON or a tabular package -> YAML records + a report.

The mapping is documented in generator/hsds/README.md.
"""

from __future__ import annotations

import json
from pathlib import Path

from ..directory import Directory
from . import geojson, tabular
from .export import Export, export

FORMATS = ("hsds", "tabular", "geojson")
DATA_DIR = "data"
FICTIONAL_MARK = "CONTOH — FIKTIF"


def json_bytes(data) -> bytes:
    """Sorted keys, UTF-8, one line per top-level list item: stable and diff-friendly."""
    if isinstance(data, list):
        items = ",\n".join(_dump(item) for item in data)
        return (f"[\n{items}\n]\n" if data else "[]\n").encode("utf-8")
    return (_dump(data) + "\n").encode("utf-8")


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def hsds_files(exp: Export) -> dict[str, bytes]:
    """Which compiled HSDS schema validates each file is listed in generator/hsds/README.md."""
    return {
        "organizations.json": json_bytes(exp.organizations),
        "services.json": json_bytes(exp.services),
        "service_at_locations.json": json_bytes(exp.service_at_locations),
        "taxonomies.json": json_bytes(exp.taxonomies),
        "taxonomy_terms.json": json_bytes(exp.taxonomy_terms),
    }


def title(directory: Directory) -> str:
    name = directory.settings.site_name
    return f"{FICTIONAL_MARK}: {name}" if directory.settings.fictional else name


def export_files(directory: Directory, formats: tuple[str, ...] = FORMATS) -> dict[str, bytes]:
    """Relative path -> content: `hsds/…`, `tabular/…`, `lokasi.geojson`."""
    exp = export(directory)
    out: dict[str, bytes] = {}
    if "hsds" in formats:
        out.update({f"hsds/{k}": v for k, v in hsds_files(exp).items()})
    if "tabular" in formats:
        package = tabular.files(
            exp, "direktori-layanan", title(directory), directory.settings.data_licence
        )
        out.update({f"tabular/{k}": v.encode("utf-8") for k, v in package.items()})
    if "geojson" in formats:
        out["lokasi.geojson"] = json_bytes(geojson.collection(directory, title(directory)))
    return out


def site_stage(directory: Directory, docs_dir: Path) -> None:
    from ..site.write import write_tree

    write_tree(export_files(directory), docs_dir / DATA_DIR)


__all__ = ["FORMATS", "export", "export_files", "site_stage"]
