"""The HSDS 3.0 tabular data package: one CSV per table and `datapackage.json`
(Frictionless Data Package, https://specs.frictionlessdata.io/data-package/), laid out
as in the HSDS reference `examples/csv/` and `schema/compiled/tabular.json`.

The JSON export nests (a service holds its phones); the tables are the same objects
flattened, each row keeping the id of the object it belonged to.
"""

from __future__ import annotations

import csv
import io
import json

from .export import Export

# table -> (file, ((column, Table Schema type, format), ...)), in the order of
# compiled/tabular.json; derived from it once, checked against it by the tests.
TABLES: dict[str, tuple[str, tuple[tuple[str, str, str], ...]]] = {
    "organization": (
        "organizations.csv",
        (
            ("id", "string", "uuid"),
            ("name", "string", ""),
            ("alternate_name", "string", ""),
            ("description", "string", ""),
            ("email", "string", "email"),
            ("website", "string", "uri"),
            ("tax_status", "string", ""),
            ("tax_id", "string", ""),
            ("year_incorporated", "number", ""),
            ("legal_status", "string", ""),
            ("logo", "string", ""),
            ("uri", "string", "uri"),
            ("parent_organization_id", "string", "uuid"),
        ),
    ),
    "program": (
        "programs.csv",
        (
            ("id", "string", "uuid"),
            ("organization_id", "string", "uuid"),
            ("name", "string", ""),
            ("alternate_name", "string", ""),
            ("description", "string", ""),
        ),
    ),
    "service": (
        "services.csv",
        (
            ("id", "string", "uuid"),
            ("organization_id", "string", "uuid"),
            ("program_id", "string", "uuid"),
            ("name", "string", ""),
            ("alternate_name", "string", ""),
            ("description", "string", ""),
            ("url", "string", "uri"),
            ("email", "string", "email"),
            ("status", "string", ""),
            ("interpretation_services", "string", ""),
            ("application_process", "string", ""),
            ("fees_description", "string", ""),
            ("wait_time", "string", ""),
            ("fees", "string", ""),
            ("accreditations", "string", ""),
            ("eligibility_description", "string", ""),
            ("minimum_age", "number", ""),
            ("maximum_age", "number", ""),
            ("assured_date", "date", ""),
            ("assurer_email", "string", "email"),
            ("licenses", "string", ""),
            ("alert", "string", ""),
            ("last_modified", "datetime", ""),
        ),
    ),
    "attribute": (
        "attributes.csv",
        (
            ("id", "string", "uuid"),
            ("link_id", "string", "uuid"),
            ("taxonomy_term_id", "string", "uuid"),
            ("link_type", "string", ""),
            ("link_entity", "string", ""),
            ("value", "string", ""),
        ),
    ),
    "service_at_location": (
        "service_at_location.csv",
        (
            ("id", "string", "uuid"),
            ("service_id", "string", "uuid"),
            ("location_id", "string", "uuid"),
            ("description", "string", ""),
        ),
    ),
    "location": (
        "locations.csv",
        (
            ("id", "string", "uuid"),
            ("location_type", "string", ""),
            ("url", "string", "uri"),
            ("organization_id", "string", "uuid"),
            ("name", "string", ""),
            ("alternate_name", "string", ""),
            ("description", "string", ""),
            ("transportation", "string", ""),
            ("latitude", "number", ""),
            ("longitude", "number", ""),
            ("external_identifier", "string", ""),
            ("external_identifier_type", "string", ""),
        ),
    ),
    "phone": (
        "phones.csv",
        (
            ("id", "string", "uuid"),
            ("location_id", "string", "uuid"),
            ("service_id", "string", "uuid"),
            ("organization_id", "string", "uuid"),
            ("contact_id", "string", "uuid"),
            ("service_at_location_id", "string", "uuid"),
            ("number", "string", ""),
            ("extension", "number", ""),
            ("type", "string", ""),
            ("description", "string", ""),
        ),
    ),
    "contact": (
        "contacts.csv",
        (
            ("id", "string", "uuid"),
            ("organization_id", "string", "uuid"),
            ("service_id", "string", "uuid"),
            ("service_at_location_id", "string", "uuid"),
            ("location_id", "string", "uuid"),
            ("name", "string", ""),
            ("title", "string", ""),
            ("department", "string", ""),
            ("email", "string", "email"),
        ),
    ),
    "address": (
        "addresses.csv",
        (
            ("id", "string", "uuid"),
            ("location_id", "string", "uuid"),
            ("attention", "string", ""),
            ("address_1", "string", ""),
            ("address_2", "string", ""),
            ("city", "string", ""),
            ("region", "string", ""),
            ("state_province", "string", ""),
            ("postal_code", "string", ""),
            ("country", "string", ""),
            ("address_type", "string", ""),
        ),
    ),
    "schedule": (
        "schedules.csv",
        (
            ("id", "string", "uuid"),
            ("service_id", "string", "uuid"),
            ("location_id", "string", "uuid"),
            ("service_at_location_id", "string", "uuid"),
            ("valid_from", "date", ""),
            ("valid_to", "date", ""),
            ("dtstart", "date", ""),
            ("timezone", "number", ""),
            ("until", "date", ""),
            ("count", "number", ""),
            ("wkst", "string", ""),
            ("freq", "string", ""),
            ("interval", "number", ""),
            ("byday", "string", ""),
            ("byweekno", "string", ""),
            ("bymonthday", "string", ""),
            ("byyearday", "string", ""),
            ("description", "string", ""),
            ("opens_at", "time", ""),
            ("closes_at", "time", ""),
            ("schedule_link", "string", "uri"),
            ("attending_type", "string", ""),
            ("notes", "string", ""),
        ),
    ),
    "funding": (
        "funding.csv",
        (
            ("id", "string", "uuid"),
            ("organization_id", "string", "uuid"),
            ("service_id", "string", "uuid"),
            ("source", "string", ""),
        ),
    ),
    "service_area": (
        "service_areas.csv",
        (
            ("id", "string", "uuid"),
            ("service_id", "string", "uuid"),
            ("name", "string", ""),
            ("description", "string", ""),
            ("extent", "string", ""),
            ("extent_type", "string", ""),
            ("uri", "string", ""),
        ),
    ),
    "required_document": (
        "required_documents.csv",
        (
            ("id", "string", "uuid"),
            ("service_id", "string", "uuid"),
            ("document", "string", ""),
            ("uri", "string", "uri"),
        ),
    ),
    "language": (
        "languages.csv",
        (
            ("id", "string", "uuid"),
            ("service_id", "string", "uuid"),
            ("location_id", "string", "uuid"),
            ("phone_id", "string", "uuid"),
            ("name", "string", ""),
            ("code", "string", ""),
            ("note", "string", ""),
        ),
    ),
    "accessibility": (
        "accessibility.csv",
        (
            ("id", "string", "uuid"),
            ("location_id", "string", "uuid"),
            ("description", "string", ""),
            ("details", "string", ""),
            ("url", "string", "uri"),
        ),
    ),
    "taxonomy_term": (
        "taxonomy_terms.csv",
        (
            ("id", "string", "uuid"),
            ("code", "string", ""),
            ("name", "string", ""),
            ("description", "string", ""),
            ("parent_id", "string", "uuid"),
            ("taxonomy", "string", ""),
            ("language", "string", ""),
            ("taxonomy_id", "string", "uuid"),
            ("term_uri", "string", "uri"),
        ),
    ),
    "metadata": (
        "metadata.csv",
        (
            ("id", "string", "uuid"),
            ("resource_id", "string", "uuid"),
            ("resource_type", "string", ""),
            ("last_action_date", "date", ""),
            ("last_action_type", "string", ""),
            ("field_name", "string", ""),
            ("previous_value", "string", ""),
            ("replacement_value", "string", ""),
            ("updated_by", "string", ""),
        ),
    ),
    "meta_table_description": (
        "meta_table_descriptions.csv",
        (
            ("id", "string", "uuid"),
            ("name", "string", ""),
            ("language", "string", ""),
            ("character_set", "string", ""),
        ),
    ),
    "cost_option": (
        "cost_options.csv",
        (
            ("id", "string", "uuid"),
            ("service_id", "string", "uuid"),
            ("valid_from", "date", ""),
            ("valid_to", "date", ""),
            ("option", "string", ""),
            ("currency", "string", ""),
            ("amount", "number", ""),
            ("amount_description", "string", ""),
        ),
    ),
    "organization_identifier": (
        "organization_identifiers.csv",
        (
            ("id", "string", "uuid"),
            ("organization_id", "string", "uuid"),
            ("identifier_scheme", "string", ""),
            ("identifier_type", "string", ""),
            ("identifier", "string", ""),
        ),
    ),
    "taxonomy": (
        "taxonomies.csv",
        (
            ("id", "string", "uuid"),
            ("name", "string", ""),
            ("description", "string", ""),
            ("uri", "string", "uri"),
            ("version", "string", ""),
        ),
    ),
}

# Nested list (or object) -> the table its items go to.
CHILDREN = {
    "phones": "phone",
    "contacts": "contact",
    "schedules": "schedule",
    "service_areas": "service_area",
    "service_at_locations": "service_at_location",
    "languages": "language",
    "required_documents": "required_document",
    "attributes": "attribute",
    "metadata": "metadata",
    "addresses": "address",
    "accessibility": "accessibility",
    "locations": "location",
    "location": "location",
    "cost_options": "cost_option",
    "funding": "funding",
    "programs": "program",
    "organization_identifiers": "organization_identifier",
}


def tables(exp: Export) -> dict[str, list[dict]]:
    """Every table's rows (flat objects), no id twice, in the order of the JSON export
    (records by id, their parts in record order: the order of phones or schedules is
    the record's own, and the tables keep it)."""
    rows: dict[str, dict[str, dict]] = {name: {} for name in TABLES}
    for org in exp.organizations:
        _flatten("organization", org, rows)
    for service in exp.services:
        _flatten("service", service, rows)
    for term in exp.taxonomy_terms:
        _flatten("taxonomy_term", term, rows)
    for taxonomy in exp.taxonomies:
        _flatten("taxonomy", taxonomy, rows)
    return {name: list(found.values()) for name, found in rows.items()}


def _flatten(table: str, obj: dict, rows: dict[str, dict[str, dict]]) -> None:
    flat = {}
    for key, value in obj.items():
        child = CHILDREN.get(key)
        if child is None:
            if not isinstance(value, dict | list):
                flat[key] = value
            continue
        if key == "location":
            flat.setdefault("location_id", value["id"])
        for item in value if isinstance(value, list) else [value]:
            _flatten(child, item, rows)
    rows[table].setdefault(flat["id"], flat)


def csv_text(table: str, rows: list[dict]) -> str:
    columns = [name for name, _type, _format in TABLES[table][1]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(row.get(c, "")) for c in columns] for row in rows)
    return out.getvalue()


def _cell(value) -> str:
    if type(value) is str:
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def datapackage(name: str, title: str, licence: str) -> dict:
    resources = []
    for table, (path, columns) in TABLES.items():
        fields = [
            dict({"name": n, "type": t}, **({"format": f} if f else {})) for n, t, f in columns
        ]
        resources.append(
            {
                "name": table,
                "path": path,
                "profile": "tabular-data-resource",
                "format": "csv",
                "mediatype": "text/csv",
                "encoding": "utf-8",
                "schema": {"fields": fields, "primaryKey": ["id"]},
            }
        )
    return {
        "name": name,
        "title": title,
        "profile": "tabular-data-package",
        "licenses": [{"name": licence, "title": licence}],
        "resources": resources,
    }


def files(exp: Export, name: str, title: str, licence: str) -> dict[str, str]:
    """File name -> text for the whole package."""
    found = tables(exp)
    out = {TABLES[t][0]: csv_text(t, rows) for t, rows in found.items()}
    package = datapackage(name, title, licence)
    out["datapackage.json"] = (
        json.dumps(package, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    )
    return out
