"""Shape: one raw record against its declared model (pydantic) -> typed record, problems.

Turns pydantic's errors into catalogue problems with the file position of the field
and an Indonesian message. Union branches (e.g. `list[Channel] | unknown`) are reduced
to the branch that matches what the person wrote, so a typo inside a list is reported
once, inside the list, not as "or write unknown".
"""

from __future__ import annotations

import difflib
import types
import typing
from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from .. import structured
from ..dates import corrected_date
from ..errors import CATALOGUE, REPEAT_LIMIT, Problem, problem
from ..kinds import subject_of
from ..models import MODELS, PATTERN_CODES, Model
from .reading import Loc, RawRecord, field_path

TYPE_WORDS = {
    "string_type": "teks",
    "int_parsing": "angka bulat",
    "int_type": "angka bulat",
    "float_parsing": "angka (mis. -6.89)",
    "float_type": "angka (mis. -6.89)",
    "bool_parsing": "true atau false",
    "bool_type": "true atau false",
    "list_type": "daftar (baris-baris diawali `- `)",
    "model_type": "kumpulan `kunci: nilai`",
    "model_attributes_type": "kumpulan `kunci: nilai`",
    "dict_type": "kumpulan `kunci: nilai`",
}
DATE_TYPES = {
    "date_parsing",
    "date_from_datetime_parsing",
    "date_type",
    "date_from_datetime_inexact",
}


def model_for(kind: str) -> type[Model]:
    return MODELS[kind]


def subject(raw: RawRecord) -> str:
    return subject_of(raw.kind, raw.id)


def validate_shape(raw: RawRecord, salvage: bool = False) -> tuple[Model | None, list[Problem]]:
    """The typed record, or None with the problems that stop it.

    `salvage`: when the record has problems, also return what is left of it without its
    faulty top-level fields (see `_salvage`), or None when that is not possible. A model
    returned together with problems is such a partial record.
    """
    cls = model_for(raw.kind)
    if raw.data is None:  # nothing was read: the reader said why
        return None, []
    try:
        return cls.model_validate(raw.data), []
    except ValidationError as exc:
        raw_errors = exc.errors(include_url=False)
        errors = _pick_branches(raw_errors, raw.data)
        problems = _capped_problems(raw, cls, errors)
        return (_salvage(cls, raw.data, raw_errors) if salvage else None), problems


def _salvage(
    cls: type[Model], data: dict[str, Any], errors: Sequence[Mapping[str, Any]]
) -> Model | None:
    """The record without its faulty top-level fields, when none of them is required.

    A misspelt key or a bad optional field then does not hide the rules' problems with
    the rest of the record (a wrong phone number, say) until it is fixed: staff see every
    problem in one run. Never used for output: a record with problems stops the build.
    """
    if any(not err["loc"] for err in errors):
        return None  # a problem with the record as a whole
    faulty = {err["loc"][0] for err in errors}
    fields = cls.model_fields
    if not faulty or any(name in fields and fields[name].is_required() for name in faulty):
        return None
    try:
        return cls.model_validate({k: v for k, v in data.items() if k not in faulty})
    except ValidationError:
        return None


# --- union branches ----------------------------------------------------------------


def _model_names() -> set[str]:
    from .. import models

    return {n for n, v in vars(models).items() if isinstance(v, type) and issubclass(v, BaseModel)}


MODEL_NAMES = _model_names()
BRANCH_PREFIXES = ("list[", "literal[", "function-", "nullable[", "dict[")


def _is_branch(part: Any) -> bool:
    """A union-branch label pydantic puts into an error's loc (never a field or key)."""
    return isinstance(part, str) and (
        part.startswith(BRANCH_PREFIXES)
        or part in MODEL_NAMES
        or part in {"str", "int", "float", "bool"}
    )


def _branch_matches(label: str, value: Any) -> bool:
    if label.startswith("list["):
        return isinstance(value, list)
    if label.startswith("literal[") or label.startswith("function-") or label == "str":
        return isinstance(value, str)
    if label in MODEL_NAMES:
        return isinstance(value, dict)
    return True


def _value_at(data: Any, loc: Loc) -> Any:
    for part in loc:
        try:
            data = data[part]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _pick_branches(errors: Sequence[Mapping[str, Any]], data: Any) -> list[dict[str, Any]]:
    """Keep errors from union branches that match the written value; collapse the rest."""
    kept: list[dict] = []
    unmatched: dict[Loc, list[str]] = {}
    for err in errors:
        clean: list = []
        ok = True
        for part in err["loc"]:
            if _is_branch(part):
                if not _branch_matches(part, _value_at(data, tuple(clean))):
                    ok = False
                    unmatched.setdefault(tuple(clean), []).append(part)
                    break
                continue
            clean.append(part)
        if ok:
            kept.append({**err, "loc": tuple(clean)})
    # Every prefix of a kept error's place (linear; comparing each pair was quadratic).
    covered = {e["loc"][:i] for e in kept for i in range(len(e["loc"]) + 1)}
    for loc, labels in unmatched.items():
        if loc not in covered:
            kept.append(
                {"type": "union_type", "loc": loc, "input": _value_at(data, loc), "labels": labels}
            )
    return kept


# --- one error -> one problem ------------------------------------------------------


# What pydantic says when a structured field (hours, fees, languages) holds text.
PLAIN_TEXT_ERRORS = {"union_type", "literal_error", "model_type", "list_type", "dict_type"}


def _date_fix(got: Any, source: bool) -> dict[str, Any]:
    """E-DATE's params: the corrected value when the text is a date in another order
    (`20-11-2025` -> `2025-11-20`); a source may name only a month or a year, a
    confirmation date (`verified_on`) never."""
    fixed = corrected_date(got)
    if fixed:
        fix, fix_en = f"; tulis: {fixed}", f"; write: {fixed}"
    elif source:
        fix = "; sumber yang hanya menyebut bulan atau tahun ditulis 2025-10 atau 2025, tanpa menebak tanggalnya"
        fix_en = "; a source naming only a month or a year is written 2025-10 or 2025, without guessing the day"
    else:
        fix = "; tulis tanggal lengkap saat konfirmasi dilakukan, mis. 2026-11-01"
        fix_en = "; write the full date the confirmation was made, e.g. 2026-11-01"
    return {"got": got, "fix": fix, "fix_en": fix_en}


def _capped_problems(
    raw: RawRecord, cls: type[BaseModel], errors: Sequence[Mapping[str, Any]]
) -> list[Problem]:
    """One problem per error, but at most REPEAT_LIMIT of each error type: a list of
    100,000 bad items would take seconds to describe. The rest are counted (E-REPEATED)."""
    problems: list[Problem] = []
    after: dict[str, Problem] = {}  # the first error not described, to point at
    seen: dict[str, int] = {}
    for err in errors:
        kind = err["type"]
        seen[kind] = seen.get(kind, 0) + 1
        if seen[kind] <= REPEAT_LIMIT:
            problems.append(_to_problem(raw, cls, err))
        elif seen[kind] == REPEAT_LIMIT + 1:
            after[kind] = _to_problem(raw, cls, err)
    for kind, p in after.items():
        left = seen[kind] - REPEAT_LIMIT
        problems.append(problem(p.file, p.line, p.col, "E-REPEATED", count=left, which=p.code))
    return problems


def _describe(value: Any) -> str:
    if value is None:
        return "kosong"
    if isinstance(value, list):
        return "daftar"
    if isinstance(value, dict):
        return "kumpulan `kunci: nilai`"
    return f"'{str(value)[:60]}'"


def _expected_for(labels: list[str]) -> str:
    words = []
    for label in labels:
        if label.startswith("list["):
            words.append("daftar")
        elif label.startswith("literal["):
            words.append(label[len("literal[") : -1].replace("'", "`"))
        elif label in MODEL_NAMES:
            words.append("kumpulan `kunci: nilai`")
        else:
            words.append("teks")
    return " atau ".join(dict.fromkeys(words))


def _to_problem(raw: RawRecord, cls: type[BaseModel], err: Mapping[str, Any]) -> Problem:
    loc: Loc = tuple(err["loc"])
    kind = err["type"]
    line, col = raw.position(loc)
    fieldname = field_path(loc)
    form = structured.suggestion(str(loc[-1]), err.get("input")) if loc else ""
    if form and kind in PLAIN_TEXT_ERRORS:  # `hours: Senin-Jumat 08.00-15.00`
        code, params = "E-PLAIN-TEXT", {"form": form}
    elif kind == "extra_forbidden":
        key = str(loc[-1]) if loc else ""
        fieldname = field_path(loc[:-1])
        code = "E-UNKNOWN-KEY"
        params = {"key": key, "did_you_mean": _suggest(key, _fields_at(cls, loc[:-1]))}
    else:
        code, params = _described(kind, err)
    return problem(raw.display, line, col, code, subject(raw), fieldname, **params)


def _described(kind: str, err: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """The catalogue code and params for a pydantic error about one value."""
    ctx = err.get("ctx") or {}
    got = err.get("input")
    code = PATTERN_CODES.get(ctx.get("pattern", ""))
    if kind == "string_pattern_mismatch" and code:  # Slug, RegionCode, Time, LangCode
        return code, {"value": got}
    if kind == "E-DATE":  # a source date: a day, a month or a year
        return "E-DATE", _date_fix(got, source=True)
    if kind in CATALOGUE:  # our own PydanticCustomError codes (E-URL, ...)
        return kind, dict(ctx)
    if kind == "missing" or kind == "string_too_short":
        return "E-REQUIRED", {}
    if kind == "literal_error":
        expected = ctx.get("expected", "").replace("'", "`").replace(" or ", " atau ")
        return "E-VALUE", {"got": got, "expected": expected}
    if kind in DATE_TYPES:
        return "E-DATE", _date_fix(got, source=False)
    if kind in TYPE_WORDS:
        return "E-TYPE", {"expected": TYPE_WORDS[kind], "got": _describe(got)}
    if kind == "union_type":
        return "E-TYPE", {"expected": _expected_for(err["labels"]), "got": _describe(got)}
    return _out_of_bounds(kind, err)


def _out_of_bounds(kind: str, err: Mapping[str, Any]) -> tuple[str, dict[str, Any]]:
    """Lengths, limits, other patterns, and anything pydantic may add later."""
    ctx = err.get("ctx") or {}
    if kind == "too_short":
        n = ctx.get("min_length", 1)
        return "E-LENGTH", {"detail": f"harus berisi minimal {n} butir"}
    if kind in {"greater_than_equal", "less_than_equal", "greater_than", "less_than"}:
        limit = next(iter((ctx or {"": "?"}).values()))
        word = "minimal" if kind.startswith("greater") else "maksimal"
        return "E-LENGTH", {"detail": f"nilai {word} {limit}"}
    if kind == "string_pattern_mismatch":
        detail = f"'{err.get('input')}' tidak sesuai pola {ctx.get('pattern', '')}"
        return "E-INVALID", {"detail": detail}
    return "E-INVALID", {"detail": err.get("msg", kind)}


def _suggest(key: str, options: list[str]) -> str:
    close = difflib.get_close_matches(key, options, n=1, cutoff=0.6)
    return close[0] if close else ""


def _fields_at(cls: type[BaseModel], loc: Loc) -> list[str]:
    """Field names of the model found at `loc` inside `cls`."""
    current: Any = cls
    for part in loc:
        if isinstance(part, int):
            continue
        model = _model_in(current)
        if model is None or part not in model.model_fields:
            return []
        current = model.model_fields[part].annotation
    model = _model_in(current)
    return sorted(model.model_fields) if model else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType, list, typing.Annotated):
        for arg in typing.get_args(annotation):
            found = _model_in(arg)
            if found:
                return found
    return None
