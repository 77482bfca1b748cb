"""JSON Schemas (draft-07, for the YAML language server) and the staff field reference,
both derived from the models in `models.py`.

pydantic emits JSON Schema 2020-12 with `$defs`; the YAML language server and most
editors understand draft-07, which names the same thing `definitions`.
"""

from __future__ import annotations

import json
from typing import Any

from .kinds import BY_NAME, KINDS
from .models import MODELS, Model

DRAFT_07 = "http://json-schema.org/draft-07/schema#"

# Schema file name per kind: regions -> region.schema.json, taxonomy/categories.yaml -> categories...
SCHEMA_NAMES: dict[str, str] = {kind.name: kind.schema for kind in KINDS}


def _draft07(node: Any) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if key == "$defs":
                key = "definitions"
            if key == "$ref" and isinstance(value, str):
                value = value.replace("#/$defs/", "#/definitions/")
            out[key] = _draft07(value)
        return out
    if isinstance(node, list):
        return [_draft07(v) for v in node]
    return node


def json_schema(kind: str) -> dict:
    model: type[Model] = MODELS[kind]
    schema = _draft07(model.model_json_schema(mode="validation"))
    schema["$schema"] = DRAFT_07
    schema["$id"] = f"{SCHEMA_NAMES[kind]}.schema.json"
    return schema


def schema_files() -> dict[str, str]:
    """File name -> text, for every kind (deterministic)."""
    return {
        f"{SCHEMA_NAMES[kind]}.schema.json": json.dumps(
            json_schema(kind), indent=2, sort_keys=True, ensure_ascii=False
        )
        + "\n"
        for kind in sorted(BY_NAME)
    }


def header_line(kind: str, folder_depth: int = 1) -> str:
    """The first line of a record file, pointing editors at its schema."""
    prefix = "../" * folder_depth
    return f"# yaml-language-server: $schema={prefix}schema/{SCHEMA_NAMES[kind]}.schema.json"


# --- field reference ------------------------------------------------------------------

KIND_TITLES: dict[str, str] = {kind.name: kind.title for kind in KINDS}


def field_reference() -> str:
    """Markdown page for staff: every kind and field, in Indonesian, from the models."""
    lines = [
        "---",
        "title: Referensi kolom",
        "description: Arti setiap kolom dalam catatan direktori.",
        "---",
        "",
        "<!-- Dibuat otomatis dari generator/models.py dengan `make schema`. Jangan disunting. -->",
        "",
        "# Referensi kolom",
        "",
        "Setiap catatan adalah satu file YAML. Nama file (tanpa `.yaml`) adalah id-nya.",
        "Kolom bertanda **wajib** harus diisi. Jika sebuah fakta memang belum diketahui,",
        "tulis `unknown` pada kolom yang mengizinkannya, jangan menebak.",
        "",
    ]
    for kind, model in MODELS.items():
        lines += [f"## {KIND_TITLES[kind]}", ""]
        lines += _model_table(model)
        for sub in _submodels(model):
            lines += [f"### Bagian `{sub.__name__}`", ""]
            lines += _model_table(sub)
    return "\n".join(lines).rstrip() + "\n"


def _model_table(model: type[Model]) -> list[str]:
    rows = ["| kolom | wajib | arti |", "|---|---|---|"]
    for name, info in model.model_fields.items():
        required = "wajib" if info.is_required() else ""
        text = (info.description or "").replace("|", "\\|").replace("\n", " ")
        rows.append(f"| `{name}` | {required} | {text} |")
    return [*rows, ""]


def _submodels(model: type[Model], seen: set | None = None) -> list[type[Model]]:
    from .check.shape import _model_in

    seen = seen if seen is not None else {model}
    found = []
    for info in model.model_fields.values():
        sub = _model_in(info.annotation)
        if sub and sub not in seen and issubclass(sub, Model):
            seen.add(sub)
            found.append(sub)
            found += _submodels(sub, seen)
    return found
