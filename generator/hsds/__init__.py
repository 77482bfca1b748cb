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
from collections.abc import Iterator
from pathlib import Path

from ..directory import Directory
from . import geojson, tabular
from .export import Export, export

FORMATS = ("hsds", "tabular", "geojson")
DATA_DIR = "data"
FICTIONAL_MARK = "CONTOH — FIKTIF"


def json_bytes(data) -> bytes:
    """Sorted keys, UTF-8, one line per top-level list item: stable and diff-friendly."""
    return b"".join(json_chunks(data))


def json_chunks(data) -> Iterator[bytes]:
    """`json_bytes` in pieces, one per top-level list item: a file of 50,000 services is
    written piece by piece instead of being held whole, as text and as bytes, at once."""
    if not isinstance(data, list):
        yield (_dump(data) + "\n").encode("utf-8")
    elif not data:
        yield b"[]\n"
    else:
        yield b"[\n"
        for i, item in enumerate(data):
            yield ((",\n" if i else "") + _dump(item)).encode("utf-8")
        yield b"\n]\n"


def _dump(data) -> str:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def hsds_files(exp: Export) -> dict[str, bytes]:
    """Which compiled HSDS schema validates each file is listed in generator/hsds/README.md."""
    return {name: b"".join(chunks) for name, chunks in hsds_chunks(exp)}


def hsds_chunks(exp: Export) -> Iterator[tuple[str, Iterator[bytes]]]:
    """(file name, its bytes in pieces) of each HSDS file, made when read."""
    yield "organizations.json", json_chunks(exp.organizations)
    yield "services.json", json_chunks(exp.services)
    yield "service_at_locations.json", json_chunks(exp.service_at_locations)
    yield "taxonomies.json", json_chunks(exp.taxonomies)
    yield "taxonomy_terms.json", json_chunks(exp.taxonomy_terms)


def title(directory: Directory) -> str:
    name = directory.settings.site_name
    return f"{FICTIONAL_MARK}: {name}" if directory.settings.fictional else name


def export_files(directory: Directory, formats: tuple[str, ...] = FORMATS) -> dict[str, bytes]:
    """Relative path -> content: `hsds/…`, `tabular/…`, `lokasi.geojson`."""
    return {
        path: data if isinstance(data, bytes) else b"".join(data)
        for path, data in export_items(directory, formats)
    }


def export_items(
    directory: Directory, formats: tuple[str, ...] = FORMATS
) -> Iterator[tuple[str, bytes | Iterator[bytes]]]:
    """`export_files` one file at a time, large JSON files in pieces."""
    exp = export(directory)
    if "hsds" in formats:
        for name, chunks in hsds_chunks(exp):
            yield f"hsds/{name}", chunks
    if "tabular" in formats:
        package = tabular.files(
            exp, "direktori-layanan", title(directory), directory.settings.data_licence
        )
        for name in list(package):
            yield f"tabular/{name}", package.pop(name).encode("utf-8")
    if "geojson" in formats:
        yield "lokasi.geojson", json_chunks(geojson.collection(directory, title(directory)))


def site_stage(directory: Directory, docs_dir: Path) -> None:
    """The export under `data/`, each file written and let go before the next is made."""
    from ..site.write import write_stream

    write_stream(export_items(directory), docs_dir / DATA_DIR)


__all__ = ["FORMATS", "export", "export_files", "site_stage"]
