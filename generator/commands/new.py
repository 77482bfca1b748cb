"""`python -m generator new <kind>`: start a new record that passes `check`.

Asks only for the required fields (from the flags, else by prompting), names the file
after the id, checks the new record together with the whole directory before writing
it, and never overwrites a file. It never writes `verified_on`: a record is unverified
until a person confirms it by calling or visiting and writes the date.
"""

from __future__ import annotations

import argparse
import logging
import shutil
import sys
import tempfile
import types
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import yaml
from pydantic import BaseModel

from .. import regions, urls
from ..check import check_directory
from ..dates import reference_today
from ..errors import CheckFailed, Problem, Report, UsageError
from ..kinds import KINDS as RECORD_KINDS
from ..models import FOLDER_KINDS, REGION_RE, SLUG_RE, Channel, Record
from ._args import add_root, add_today, existing_root

HELP = "Buat catatan baru (hanya kolom wajib) yang lolos pemeriksaan."
log = logging.getLogger(__name__)

# Command-line kind name -> folder. Singular, as staff say it; the folder name works too.
KINDS = {kind.schema: kind.name for kind in RECORD_KINDS if kind.folder}
# Not required by the model, but a channel without its number fails the check.
ALSO_ASK: dict[type[BaseModel], tuple[str, ...]] = {Channel: ("value",)}
# Asked later, never by `new`: a person writes these after confirming directly.
NEVER_ASK = {"verified_on", "verified_by", "verified_how"}


@dataclass(frozen=True)
class Question:
    """One value to ask for: its dotted path in the record and how to read the answer."""

    path: tuple[str | int, ...]
    annotation: Any
    doc: str

    @property
    def key(self) -> str:
        return ".".join(str(p) for p in self.path)

    @property
    def flag(self) -> str:
        return "--" + self.key.replace("_", "-")


def known_region(code: str | None) -> regions.RegionInfo | None:
    return regions.lookup(code) if code else None


# --- which fields a kind needs --------------------------------------------------------


def questions(model: type[BaseModel], prefix: tuple[str | int, ...] = ()) -> list[Question]:
    """Required fields of `model`, depth first, nested models and lists of them expanded."""
    out: list[Question] = []
    for name, info in model.model_fields.items():
        if name in NEVER_ASK:
            continue
        if not (info.is_required() or name in ALSO_ASK.get(model, ())):
            continue
        ann = _strip_optional(info.annotation)
        inner = _list_item(ann)
        if isinstance(ann, type) and issubclass(ann, BaseModel):
            out.extend(questions(ann, (*prefix, name)))
        elif isinstance(inner, type) and issubclass(inner, BaseModel):
            for i in range(max(_min_length(info), 1)):
                out.extend(questions(inner, (*prefix, name, i)))
        else:
            out.append(Question((*prefix, name), ann, info.description or ""))
    return out


def _branches(ann: Any) -> list[Any]:
    """The types a field may hold: `list[Channel] | unknown | None` -> [list[Channel], unknown]."""
    args = get_args(ann) if get_origin(ann) in (Union, types.UnionType) else (ann,)
    # `Annotated[list[str], Field(min_length=1)]` -> list[str]
    return [
        get_args(a)[0] if get_origin(a) is Annotated else a for a in args if a is not type(None)
    ]


def _strip_optional(ann: Any) -> Any:
    args = _branches(ann)
    return args[0] if len(args) == 1 else ann


def _list_item(ann: Any) -> Any:
    """The item type when the field may be a list (also `list[…] | unknown`), else None."""
    return next((get_args(a)[0] for a in _branches(ann) if get_origin(a) is list), None)


def _words(ann: Any) -> list[str]:
    """Words that stand for the whole field instead of a list, e.g. `unknown`, `national`."""
    if _list_item(ann) is None:
        return []
    return [str(word) for a in _branches(ann) if get_origin(a) is Literal for word in get_args(a)]


def _min_length(info) -> int:
    return next((m.min_length for m in info.metadata if hasattr(m, "min_length")), 0)


def choices(ann: Any) -> list[str]:
    """Allowed words for a Literal field (or a list of them), or for the whole field."""
    target = _list_item(ann) or ann
    words = [str(a) for a in get_args(target)] if get_origin(target) is Literal else []
    return words + _words(ann)


def parse_answer(q: Question, text: str) -> Any:
    """Text from a flag or prompt -> the value written into YAML."""
    text = text.strip()
    if text in _words(q.annotation):
        return text
    if _list_item(q.annotation) is not None:
        return [part.strip() for part in text.split(",") if part.strip()]
    if q.annotation is date:
        try:
            return date.fromisoformat(text)
        except ValueError:
            raise UsageError(f"{q.key}: tanggal harus YYYY-MM-DD, tertulis '{text}'") from None
    return text


# --- the command line -----------------------------------------------------------------


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="kind", required=True, metavar="KIND")
    for name, folder in KINDS.items():
        model = FOLDER_KINDS[folder]
        kind_parser = sub.add_parser(
            name, help=f"{folder}: {(model.__doc__ or '').splitlines()[0]}", description=HELP
        )
        add_root(kind_parser)
        kind_parser.add_argument(
            "--id", help="id = nama file tanpa .yaml (bawaan: dibuat dari nama)"
        )
        add_today(kind_parser)
        kind_parser.add_argument(
            "--no-input", action="store_true", help="jangan bertanya; kolom yang kurang = kesalahan"
        )
        kind_parser.add_argument(
            "--set",
            action="append",
            default=[],
            metavar="KOLOM=NILAI",
            help="isi kolom mana pun, mis. --set channels.0.value='0812 …' (daftar: pisahkan dengan koma)",
        )
        for q in questions(model):
            if len(q.path) == 1:
                kind_parser.add_argument(
                    q.flag, dest=f"field_{q.key}", metavar="NILAI", help=flag_help(q)
                )


def flag_help(q: Question) -> str:
    options = choices(q.annotation)
    if options and not all(f"`{o}`" in q.doc for o in options):
        return f"{q.doc} ({'/'.join(options)})"
    if _list_item(q.annotation) is not None:
        return f"{q.doc} (pisahkan dengan koma)"
    return q.doc


def run(args) -> int:
    folder = KINDS[args.kind]
    root: Path = existing_root(args.root)
    answers, record_id = collect(args, folder)
    target = root / folder / f"{record_id}.yaml"
    if target.exists():
        raise UsageError(f"{target} sudah ada; file yang ada tidak pernah ditimpa")
    text, problems = checked_text(args, root, folder, record_id, answers)
    report = Report(list(problems))
    if report.errors:  # the one way a command says `check` stopped it (`__main__.main`)
        raise CheckFailed(report, kept=f"{target} tidak dibuat")
    for p in report.sorted():
        print(p.format("id"), file=sys.stderr)
    target.parent.mkdir(parents=True, exist_ok=True)
    with target.open("x", encoding="utf-8") as out:  # "x": never overwrite, even in a race
        out.write(text)
    print(target)
    print(NEXT_STEPS, file=sys.stderr)
    return 0


def checked_text(args, root: Path, folder: str, record_id: str, answers: dict):
    """The record's text and its problems. At a prompt, only the answers that `check`
    rejects are asked again (up to 3 rounds); every good answer is kept."""
    interactive = not args.no_input and sys.stdin.isatty()
    today = reference_today(args.today)
    for _round in range(3):
        text = record_text(folder, build_record(answers))
        problems = check_new_record(root, folder, record_id, text, today)
        wrong = _wrong_answers(problems, answers)
        if not interactive or not wrong:
            return text, problems
        for p in problems:
            print(p.format("id"), file=sys.stderr)
        for key in wrong:
            print(f"Jawaban untuk {key} perlu diperbaiki; jawaban lain disimpan.", file=sys.stderr)
            ann = annotation_at(FOLDER_KINDS[folder], key.split("."))
            answers[key] = ask(Question(tuple(key.split(".")), ann, ""))
    return text, problems


def _wrong_answers(problems: list[Problem], answers: dict) -> list[str]:
    """Answer keys (`channels.0.value`) that an error points at."""
    keys = []
    for p in problems:
        key = p.field.replace("[", ".").replace("]", "")
        if p.severity == "error" and key in answers and key not in keys:
            keys.append(key)
    return keys


def collect(args, folder: str) -> tuple[dict[str, Any], str]:
    """The answers and the id (= file name), checked to be a plain file name."""
    interactive = not args.no_input and sys.stdin.isatty()
    if folder == "regions" and not args.id and interactive:
        # A region's id is its code; asking it first lets the name come from the table.
        args.id = prompt(Question(("id",), str, "kode wilayah Kemendagri, mis. 33.75.01"))
    answers = gather_answers(args, FOLDER_KINDS[folder])
    record_id = args.id or default_id(folder, answers)
    if not record_id and interactive:
        record_id = prompt(Question(("id",), str, "id = nama file tanpa .yaml"))
    if not record_id:
        raise UsageError("id belum diisi: pakai --id")
    pattern = REGION_RE if folder == "regions" else SLUG_RE
    if not pattern.fullmatch(record_id):
        raise UsageError(f"id '{record_id}' tidak sah: huruf kecil, angka dan tanda hubung")
    return answers, record_id


NEXT_STEPS = (
    "Dibuat. Langkah berikutnya: tambahkan `sources:` (nama, alamat web, tanggal), "
    "telepon nomornya, lalu tulis `verified_on` dan `verified_by` hanya setelah "
    "dikonfirmasi langsung."
)


def gather_answers(args, model: type[BaseModel]) -> dict[str, Any]:
    """Every required value, from flags first, then prompts; missing ones all at once."""
    given = dict(_parse_set(item) for item in args.set)
    for key, value in vars(args).items():
        if key.startswith("field_") and value is not None:
            given[key.removeprefix("field_")] = value
    interactive = not args.no_input and sys.stdin.isatty()
    answers: dict[str, Any] = {}
    missing: list[Question] = []
    for q in questions(model):
        if q.key in given:
            answers[q.key] = parse_answer(q, given.pop(q.key))
        elif q.key == "name" and args.kind == "region" and (known := known_region(args.id)):
            answers[q.key] = known.name
        elif interactive:
            answers[q.key] = ask(q)
        else:
            missing.append(q)
    for key, value in given.items():  # optional fields given with --set
        ann = annotation_at(model, key.split("."))
        answers[key] = parse_answer(Question(tuple(key.split(".")), ann, ""), value)
    if missing:
        flags = ", ".join(q.flag if len(q.path) == 1 else f"--set {q.key}=…" for q in missing)
        raise UsageError(f"kolom wajib belum diisi: {flags}")
    return answers


def annotation_at(model: type[BaseModel], parts: list[str]) -> Any:
    """The type of the field at a dotted path, e.g. `coverage.regions` -> list[str]."""
    ann: Any = model
    for part in parts:
        if part.isdigit():
            if int(part) > MAX_LIST_INDEX:  # the list is padded up to it: tens of GB
                raise UsageError(
                    f"nomor urut {part} di '{'.'.join(parts)}' terlalu besar (paling besar "
                    f"{MAX_LIST_INDEX}); daftar dimulai dari 0, mis. channels.0.value, channels.1.value"
                )
            ann = _list_item(ann)
        elif isinstance(ann, type) and issubclass(ann, BaseModel) and part in ann.model_fields:
            ann = _strip_optional(ann.model_fields[part].annotation)
        else:
            raise UsageError(f"kolom '{'.'.join(parts)}' tidak dikenal")
    return ann


# Largest list position `--set` accepts (channels.49.value): a record lists a few items.
MAX_LIST_INDEX = 49


def _parse_set(item: str) -> tuple[str, str]:
    key, sep, value = item.partition("=")
    if not sep or not key.strip():
        raise UsageError(f"--set harus KOLOM=NILAI, tertulis '{item}'")
    return key.strip(), value


def ask(q: Question) -> Any:
    """Prompt until the answer can be read; a wrong answer costs only itself."""
    while True:
        try:
            return parse_answer(q, prompt(q))
        except UsageError as exc:
            print(f"{exc}. Coba lagi.", file=sys.stderr)


def prompt(q: Question) -> str:
    options = choices(q.annotation)
    note = f" [{'/'.join(options)}]" if options else ""
    if _list_item(q.annotation) is not None:
        note += " (pisahkan dengan koma)"
    while True:
        print(f"{q.key}: {q.doc}{note}", file=sys.stderr)
        answer = input("> ").strip()
        if answer:
            return answer
        print("Wajib diisi.", file=sys.stderr)


# --- building the file -----------------------------------------------------------------


def default_id(folder: str, answers: dict[str, Any]) -> str | None:
    if folder == "regions":
        return None  # a region's id is its Kemendagri code: always given with --id
    title = answers.get("name") or answers.get("title")
    return urls.slugify(title)[:80].rstrip("-") if title else None


def build_record(answers: dict[str, Any]) -> dict[str, Any]:
    """Dotted keys (`channels.0.type`) -> nested dicts and lists, in question order."""
    record: dict[str, Any] = {}
    for key, value in answers.items():
        _put(record, key.split("."), value)
    return record


def _put(node: Any, parts: list[str], value: Any) -> None:
    head, rest = parts[0], parts[1:]
    if isinstance(node, list):
        index = int(head)
        while len(node) <= index:
            node.append({})
        if rest:
            _put(node[index], rest, value)
        else:
            node[index] = value
        return
    if not rest:
        node[head] = value
        return
    child = node.setdefault(head, [] if rest[0].isdigit() else {})
    _put(child, rest, value)


def schema_header(folder: str) -> str:
    """The yaml-language-server line that points editors at the kind's JSON Schema."""
    try:
        from ..schema import header_line
    except ImportError:  # schema.py not merged yet: same naming rule
        return f"# yaml-language-server: $schema=../schema/{folder.removesuffix('s')}.schema.json"
    return header_line(folder)


def record_text(folder: str, record: dict[str, Any]) -> str:
    body = yaml.safe_dump(
        record, sort_keys=False, allow_unicode=True, default_flow_style=False, width=88
    )
    lines = [schema_header(folder), body.rstrip("\n")]
    if issubclass(FOLDER_KINDS[folder], Record):
        lines.append(UNVERIFIED_NOTE)
    return "\n".join(lines) + "\n"


UNVERIFIED_NOTE = """\
# Belum dikonfirmasi. Setelah menelepon/berkunjung sendiri, tambahkan:
# verified_on: YYYY-MM-DD   (tanggal konfirmasi)
# verified_by: <kantor atau jabatan, bukan nama pribadi>
# verified_how: phone_call"""


def check_new_record(
    root: Path, folder: str, record_id: str, text: str, today: date
) -> list[Problem]:
    """Check the new file inside a copy of the directory; problems in that file only."""
    with tempfile.TemporaryDirectory() as tmp:
        copy = Path(tmp) / root.resolve().name
        shutil.copytree(root, copy, ignore=shutil.ignore_patterns("schema"))
        (copy / folder).mkdir(exist_ok=True)
        (copy / folder / f"{record_id}.yaml").write_text(text, encoding="utf-8")
        _directory, report = check_directory(copy, today)
    own = f"{copy.name}/{folder}/{record_id}.yaml"
    unrelated = [p for p in report.errors if p.file != own]
    if unrelated:
        log.warning("the directory already has %d other error(s); run `check`", len(unrelated))
    return [p for p in report.sorted() if p.file == own]
