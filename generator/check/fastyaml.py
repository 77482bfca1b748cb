"""A fast reader for plain YAML records, used when `check` reads a large tree.

rapidyaml (C++) parses a file and writes it out as JSON, and the standard library's C
JSON reader builds the Python values: ~75 µs for a service file, libyaml's own syntax
check included, where composing libyaml's node tree and walking it in Python takes
~110 µs (at 10,000 services, 17,000 files: ~1.1 s of CPU instead of ~1.6 s).

It is only an accelerator. It *declines* (returns None) whenever a file uses anything
outside the plain subset of YAML that records are written in, or whenever the JSON round
trip could change a value; the careful reader in `reading.py` (libyaml) then reads that
file, and only the careful reader ever reports a problem. What this module returns is
exactly what the careful reader returns (every scalar kept as written, `~`/`null`/empty
read as None): `tests/check/test_fastyaml.py` holds it to that with random documents.

What it declines, and why:
- aliases (`*`), anchors (`&`), tags (`!`), explicit keys (`? `), reserved indicators
  (`@`, `` ` ``):
  the careful reader rejects or handles them itself; (several documents in one file
  come back from rapidyaml as a list, which is declined like any non-mapping);
- tabs and carriage returns: indentation rules where parsers differ; control
  characters, NEL, U+2028, U+2029 and a BOM inside the text;
- a last line without a line break (rapidyaml adds one to a final block scalar);
- `~`, `Null`, `NULL`: the JSON writer turns them into other values; so it does with
  `true` and `false`, which are accepted only as `key: true` / `key: false` on a line of
  their own and turned back into the text `"true"` / `"false"`;
- numbers the JSON writer rewrites (`.5` -> `0.5`, `5.` -> `5.0`) and `inf`/`nan`
  spellings it turns into `.inf`/`.nan`;
- anything libyaml's parser rejects (checked first, in C, without building values) or
  rapidyaml cannot parse, duplicate keys, and a top level that is not a mapping.
"""

from __future__ import annotations

import json
import re
from functools import cache

import yaml
from yaml._yaml import CParser

# One scan for every single character that sends a file to the careful reader: tab,
# CR, `*`, `~`, control characters (libyaml rejects some that rapidyaml
# accepts), NEL, U+2028, U+2029 (line breaks to libyaml) and a BOM inside the text.
# Everything else printable is allowed.
ODD_CHAR_RE = re.compile(
    r"[^\n\x20-\x29\x2b-\x7d"
    r"\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd\U00010000-\U0010ffff]"
)
# `!tag`, `? key`, `&anchor` (libyaml's composer rejects a repeated anchor, which its
# parser alone does not see) and `@`/`` ` `` (reserved: libyaml rejects a plain value
# starting so)
# The same allowed set for an ASCII text, as bytes: deleting them leaves the odd ones
# (`bytes.translate` runs at memory speed; the regular expression took ~80 % of
# `_declines`).
ALLOWED_ASCII = b"\n" + bytes(range(0x20, 0x2A)) + bytes(range(0x2B, 0x7E))
INDICATOR_RE = re.compile(r"(?:^|[\s\[{,])[!?&@`]", re.MULTILINE)
BOOL_VALUE_RE = {word: re.compile(rf": {word} *$", re.MULTILINE) for word in ("true", "false")}


def _declines(text: str) -> bool:
    if not text.endswith("\n") or _has_odd_char(text):
        return True
    if "Null" in text or "NULL" in text:
        return True
    if any(mark in text for mark in "!?&@`") and INDICATOR_RE.search(text):
        return True
    # true/false only as `key: true` ending its line (turned back into text by _mapping)
    for word, pattern in BOOL_VALUE_RE.items():
        if word in text and text.count(word) != len(pattern.findall(text)):
            return True
    return False


def _has_odd_char(text: str) -> bool:
    if text.isascii():
        return bool(text.encode("ascii").translate(None, ALLOWED_ASCII))
    return ODD_CHAR_RE.search(text) is not None


# A float token that the JSON writer may have produced by adding a 0 (`.5`, `5.`, `1.e5`).
REWRITTEN_FLOAT_RE = re.compile(r"^[-+]?0\.|\.0(?:[eE]|$)")


class _Decline(Exception):
    """The careful reader must read this file."""


def _float(token: str) -> str:
    if REWRITTEN_FLOAT_RE.search(token):
        raise _Decline
    return token


def _constant(token: str) -> str:
    raise _Decline


def _mapping(pairs: list[tuple[str, object]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):  # a duplicate key: the careful reader reports it
        raise _Decline
    return result


def _mapping_with_bools(pairs: list[tuple[str, object]]) -> dict:
    result = _mapping(pairs)
    for key, value in pairs:
        if type(value) is bool:
            result[key] = _BOOL_TEXT[value]
    return result


_BOOL_TEXT = {True: "true", False: "false"}


def _libyaml_accepts(text: str) -> bool:
    """libyaml's own parser, run in C without building any Python object (~16 µs a
    file): rapidyaml is more lenient (odd indentation, a line starting with `:`), and a
    file the careful reader rejects must never pass through here."""
    parser = CParser(text)
    try:
        parser.raw_parse()
    except yaml.YAMLError:
        return False
    finally:
        parser.dispose()
    return True


@cache
def rapidyaml():
    """The `ryml` module, or None where it cannot be imported: then every file simply
    goes to the careful reader (slower, same result)."""
    try:
        import ryml
    except ImportError:
        return None
    return ryml


def read(text: str) -> dict | None:
    """The file's data, or None when the careful reader must read it.

    rapidyaml writes its parse errors to stderr (no hook to silence them), so this runs
    only in worker processes whose stderr is closed (see `load.quiet_worker`).
    """
    if _declines(text):
        return None
    has_bools = "true" in text or "false" in text
    ryml = rapidyaml()
    if ryml is None or not _libyaml_accepts(text):
        return None
    try:
        out = ryml.emit_json(ryml.parse_in_arena(text.encode("utf-8")))
    except Exception:  # noqa: BLE001 - any parse failure: the careful reader explains it
        return None
    if out is None or ".inf" in out or ".nan" in out:
        return None
    try:
        data = json.loads(
            out,
            parse_int=str,
            parse_float=_float,
            parse_constant=_constant,
            object_pairs_hook=_mapping_with_bools if has_bools else _mapping,
        )
    except (_Decline, ValueError):
        return None
    return data if isinstance(data, dict) else None
