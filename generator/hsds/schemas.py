"""Check an export against the official compiled HSDS 3.0 JSON Schemas (jsonschema,
format checking on: uuid, email, uri, date-time).

Which schema validates which file (`schema/compiled/` of the HSDS reference):

| file | schema |
|---|---|
| hsds/organizations.json | organization_package.json |
| hsds/services.json | service_package.json |
| hsds/service_at_locations.json | service_at_location_package.json |
| hsds/taxonomy_terms.json | each item: `taxonomy_term` of service.json's `attribute` |
| hsds/taxonomies.json | each item: `taxonomy_detail` of that `taxonomy_term` |
| tabular/*.csv | tabular.json, rows typed by the column types of `tabular.TABLES` |

The schemas are not part of the repository (they are CC BY-SA reference data); the
caller passes their folder.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .tabular import TABLES

PACKAGES = {
    "hsds/organizations.json": "organization_package.json",
    "hsds/services.json": "service_package.json",
    "hsds/service_at_locations.json": "service_at_location_package.json",
}


@dataclass(frozen=True)
class SchemaError:
    file: str
    path: str  # JSON path inside the file, e.g. $[3].phones[0].number
    message: str

    def format(self) -> str:
        return f"{self.file}: {self.path}: {self.message}"


@cache
def _load(folder: Path, name: str) -> dict:
    return json.loads((folder / name).read_text(encoding="utf-8"))


def _validator(schema: dict):
    from jsonschema import FormatChecker
    from jsonschema.validators import validator_for

    cls = validator_for(schema)
    return cls(schema, format_checker=FormatChecker())


def _term_schemas(folder: Path) -> tuple[dict, dict]:
    service = _load(folder, "service.json")
    term = service["properties"]["attributes"]["items"]["properties"]["taxonomy_term"]
    return term, term["properties"]["taxonomy_detail"]


def schema_for(folder: Path, file: str) -> dict | None:
    """The schema that validates `file` (relative export path), or None."""
    if file in PACKAGES:
        return _load(folder, PACKAGES[file])
    term, taxonomy = _term_schemas(folder)
    if file == "hsds/taxonomy_terms.json":
        return {"type": "array", "items": term}
    if file == "hsds/taxonomies.json":
        return {"type": "array", "items": taxonomy}
    return None


def validate_files(folder: Path, files: dict[str, bytes]) -> list[SchemaError]:
    """Every schema error in the JSON files and the tabular package; [] when valid."""
    errors: list[SchemaError] = []
    for name in sorted(files):
        schema = schema_for(folder, name)
        if schema is not None:
            errors += _errors(name, _validator(schema), json.loads(files[name]))
    tables = {n: v for n, v in files.items() if n.startswith("tabular/") and n.endswith(".csv")}
    if tables:
        schema = _load(folder, "tabular.json")
        texts = {n.removeprefix("tabular/"): v.decode() for n, v in tables.items()}
        errors += _errors("tabular/", _validator(schema), typed_tables(texts, schema))
    return errors


def _errors(name: str, validator, data) -> list[SchemaError]:
    return [
        SchemaError(name, e.json_path, e.message)
        for e in sorted(validator.iter_errors(data), key=lambda e: e.json_path)
    ]


def typed_tables(csv_texts: dict[str, str], tabular_schema: dict) -> dict[str, list[dict]]:
    """CSV texts by file name -> {table: [rows]}, typed by column.

    A CSV cannot tell an empty text from a missing one: an empty cell of a column the
    table requires is an empty string (as in the JSON, where HSDS requires a field we
    hold nothing for, e.g. postal_code), any other empty cell is left out.
    """
    by_path = {path: (table, {n: t for n, t, _f in cols}) for table, (path, cols) in TABLES.items()}
    out: dict[str, list[dict]] = {}
    for path, text in csv_texts.items():
        if path not in by_path:
            continue
        table, types = by_path[path]
        required = set(tabular_schema["properties"][table]["items"].get("required", []))
        out[table] = [
            {
                k: _typed(v, types[k])
                for k, v in row.items()
                if k in types and (v != "" or k in required)
            }
            for row in csv.DictReader(io.StringIO(text))
        ]
    return out


def _typed(value: str, kind: str | None):
    if kind != "number":
        return value
    try:
        return int(value)
    except ValueError:
        try:
            return float(value)
        except ValueError:
            return value  # the schema reports it
