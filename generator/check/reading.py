"""Reading: YAML files into raw records with file positions. No rules here.

Parsing uses libyaml's composer (`CSafeLoader`), which keeps line/column marks and is
~15x faster than pure-Python PyYAML at 10,000 records. We build Python values from the
node tree ourselves so that:

- every scalar stays the text the person wrote (no YAML 1.1 surprises: `0274123456`
  is not octal, `33.70` is not the float 33.7, `08:00` is not 480 minutes, `no` is not
  False); pydantic turns text into numbers, dates and booleans where a field asks;
- a duplicate key is an error (PyYAML silently keeps the last one);
- anchors/aliases are rejected without ever expanding them (no alias bomb).
"""

from __future__ import annotations

import errno
import marshal
import multiprocessing
import os
import stat
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypedDict

import yaml
from yaml._yaml import CParser

from ..errors import REPEAT_LIMIT, Problem, ReaderStopped, cap_repeats, problem
from ..kinds import FILES, FOLDERS, OPTIONAL, subject_of
from ..phones import NumberClass
from . import fastyaml, yamlsyntax
from .readcache import ReadCache

MAX_BYTES = 1_000_000  # one record per file; anything bigger is a mistake
NULLS = {"", "~", "null", "Null", "NULL"}

Position = tuple[int, int]
Loc = tuple[str | int, ...]


class Findings(TypedDict, total=False):
    """Costly answers worked out next to the read (in the reader processes) and handed
    to the cross-record rules, so they are not worked out twice. Plain dicts: they
    cross processes with marshal and are kept by the read cache."""

    phones: dict[str, NumberClass]  # number as written -> its class (`phones.classify`)
    emails: dict[str, str | None]  # address as written -> why it is not one, or None


def field_path(loc: Loc) -> str:
    """`channels[0].value`: a place in a record as messages show it."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


@dataclass
class RawRecord:
    """One YAML file as read: its data, where each key sits, and read problems."""

    path: Path | str
    display: str  # the path people see in messages, e.g. directory/services/x.yaml
    kind: str  # folder kind ("services") or file kind ("settings.yaml")
    id: str | None  # file stem for folder kinds
    data: dict[str, Any] | None = None
    positions: dict[Loc, Position] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    found: Findings = field(default_factory=lambda: Findings())  # see `Findings`
    positions_read: bool = True  # False when read without positions (parallel fast path)
    text: str | None = None  # the decoded file, kept only while `per_record` runs

    def position(self, loc: Loc) -> Position:
        """Position of `loc`, or of its nearest ancestor that has one."""
        if not self.positions_read:
            # Positions are needed only for the few records with a problem: read them
            # again on demand instead of moving ~600,000 of them between processes.
            self.positions = load_file(self.path, self.kind, self.display).positions
            self.positions_read = True
        while loc and loc not in self.positions:
            loc = loc[:-1]
        return self.positions.get(loc, (1, 1))

    def report(self, loc: Loc, code: str, **params: object) -> None:
        """Add a problem of this file at `loc` (its line and column as read)."""
        line, col = self.position(loc)
        self.problems.append(
            problem(
                self.display,
                line,
                col,
                code,
                subject_of(self.kind, self.id),
                field_path(loc),
                **params,
            )  # fmt: skip
        )


def display_path(path: Path, root: Path) -> str:
    """`directory/services/x.yaml`: relative to the root's parent, with forward slashes."""
    try:
        return path.resolve().relative_to(root.resolve().parent).as_posix()
    except ValueError:
        return path.as_posix()


def discover(root: Path) -> tuple[list[tuple[Path | str, str, str]], list[Problem]]:
    """Every file to read with its kind and display path, plus problems with the tree.

    Only regular files are read: a symbolic link (which could point at any file on the
    machine, whose content must never be echoed), a FIFO (reading it would hang), a
    device or a folder named like a record is refused by name. Anything else that is not
    read gets W-UNEXPECTED-FILE, so nothing is silently ignored."""
    found: list[tuple[Path | str, str, str]] = []
    problems: list[Problem] = []
    prefix = display_path(root, root)
    for name in sorted(FILES):
        path = root / name
        shown = f"{prefix}/{name}"
        if path.is_symlink() or (path.exists() and not path.is_file()):
            problems.append(problem(shown, 1, 1, "E-NOT-REGULAR", what=_what(path)))
        elif path.is_file():
            found.append((path, name, shown))
        elif name not in OPTIONAL:
            problems.append(problem(shown, 1, 1, "E-MISSING-FILE", name=name))
    for folder in sorted(FOLDERS):
        base = root / folder
        if base.is_symlink():
            problems.append(problem(f"{prefix}/{folder}", 1, 1, "E-NOT-REGULAR", what=_what(base)))
        elif base.is_dir():
            _discover_folder(base, folder, f"{prefix}/{folder}", found, problems)
    problems += _unexpected_top(root, prefix)
    return found, problems


def _discover_folder(base: Path, folder: str, shown_base: str, found: list, problems: list):
    for entry in sorted(os.scandir(base), key=lambda e: e.name):
        shown = f"{shown_base}/{entry.name}"
        if entry.name.startswith("."):
            continue
        if entry.name.endswith(".yaml"):
            if entry.is_file(follow_symlinks=False):
                found.append((entry.path, folder, shown))  # str: 17,000 Paths cost ~0.1 s
            else:
                problems.append(problem(shown, 1, 1, "E-NOT-REGULAR", what=_what(Path(entry.path))))
        else:
            problems.append(problem(shown, 1, 1, "W-UNEXPECTED-FILE"))


# Top-level entries that are not records but belong there (schemas, logos, a README).
KNOWN_TOP = {"schema", "assets", "taxonomy", "README.md"}


def _unexpected_top(root: Path, prefix: str) -> list[Problem]:
    known = KNOWN_TOP | set(FOLDERS) | {name.split("/")[0] for name in FILES}
    out = [
        problem(f"{prefix}/{entry.name}", 1, 1, "W-UNEXPECTED-FILE")
        for entry in sorted(os.scandir(root), key=lambda e: e.name)
        if entry.name not in known and not entry.name.startswith(".")
    ]
    taxonomy = root / "taxonomy"
    if taxonomy.is_dir() and not taxonomy.is_symlink():
        wanted = {name.split("/", 1)[1] for name in FILES if "/" in name}
        out += [
            problem(f"{prefix}/taxonomy/{entry.name}", 1, 1, "W-UNEXPECTED-FILE")
            for entry in sorted(os.scandir(taxonomy), key=lambda e: e.name)
            if entry.name not in wanted and not entry.name.startswith(".")
        ]
    return out


def _what(path: Path) -> str:
    """What a non-regular entry is, in words (never what it points at or holds)."""
    if path.is_symlink():
        return "tautan simbolik" if path.exists() else "tautan simbolik yang rusak/berputar"
    mode = path.lstat().st_mode
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "FIFO"
    if stat.S_ISSOCK(mode):
        return "soket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "perangkat"
    return "bukan file biasa"


PARALLEL_MIN_FILES = 2000  # below this, starting worker processes costs more than it saves
CHUNK_FILES = 500  # files per worker task: small, so the main process starts early and ends soon after the workers


PerRecord = Callable[[RawRecord], None]


def load_tree(
    root: Path, jobs: int | None = None, per_record: PerRecord | None = None
) -> tuple[list[RawRecord], list[Problem]]:
    """Read every file (see `stream_tree`) into one list."""
    records, problems = stream_tree(root, jobs, per_record)
    return list(records), problems


def stream_tree(
    root: Path,
    jobs: int | None = None,
    per_record: PerRecord | None = None,
    cache: ReadCache | None = None,
) -> tuple[Iterator[RawRecord], list[Problem]]:
    """Every file's record, in tree order, as soon as it is read; plus tree problems.

    Large trees are parsed on all cores (parsing is most of `check`) in chunks, so the
    caller can already work on the first records while the rest are being read.
    `per_record` runs on each record right after it is read, in the worker, and may add
    problems or plain data to `record.found` (it must stay marshal-able).
    With a `cache` (`readcache.ReadCache`), only files changed since the last run are
    read; the others come back as they were read then, `per_record`'s work included.
    """
    found, problems = discover(root)
    if cache is None:
        return _read(found, jobs, per_record), problems
    stored = [cache.get(path, shown) for path, _kind, shown in found]
    missing = [item for item, state in zip(found, stored, strict=True) if state is None]
    return _merged(found, stored, _read(missing, jobs, per_record), cache), problems


def _read(found: list, jobs: int | None, per_record: PerRecord | None) -> Iterator[RawRecord]:
    # One reader more than cores: the main process shapes records meanwhile (measured
    # ~0.07 s faster at 10,000 records on 2 cores than one reader per core).
    jobs = jobs or (os.cpu_count() or 1) + 1
    if jobs < 2 or len(found) < PARALLEL_MIN_FILES:
        return (_load_one(path, kind, shown, per_record) for path, kind, shown in found)
    chunks = [(found[i : i + CHUNK_FILES], per_record) for i in range(0, len(found), CHUNK_FILES)]
    return _parallel(chunks, jobs)


def _merged(
    found: list, stored: list, fresh: Iterator[RawRecord], cache: ReadCache
) -> Iterator[RawRecord]:
    """Stored and freshly read records in tree order; the cache is saved at the end."""
    for (path, kind, shown), state in zip(found, stored, strict=True):
        if state is not None:
            yield _thaw(path, kind, shown, state)
        else:
            record = next(fresh)
            cache.put(shown, _freeze(record))
            yield record
    cache.save()


def _parallel(chunks: list, jobs: int) -> Iterator[RawRecord]:
    """Start the readers now (not at the first `next()`) and hand records out in order.

    A process pool from `concurrent.futures`, not `multiprocessing.Pool`: when a reader
    is killed (out of memory, say) `Pool` waits forever for its chunk; this one raises.
    """
    fastyaml.rapidyaml()  # imported once here rather than in every reader
    readers = ProcessPoolExecutor(
        jobs, mp_context=multiprocessing.get_context("fork"), initializer=quiet_worker
    )
    return _collect(readers, chunks, readers.map(_load_chunk, chunks))


def _collect(readers: ProcessPoolExecutor, chunks: list, blobs: Iterator[bytes]):
    try:
        for (chunk, _hook), blob in zip(chunks, blobs, strict=True):
            for (path, kind, shown), state in zip(chunk, marshal.loads(blob), strict=True):
                yield _thaw(path, kind, shown, state)
    except BrokenProcessPool:
        raise ReaderStopped(
            "proses pembaca berhenti tiba-tiba (kehabisan memori?); coba lagi"
            " / a reader process stopped unexpectedly (out of memory?); try again"
        ) from None
    finally:  # also when the caller stops early: drop the chunks not yet started
        readers.shutdown(wait=True, cancel_futures=True)


def quiet_worker() -> None:
    """Close a reader process's stderr: rapidyaml prints its parse errors there, and
    those files are read again by the careful reader, which reports them properly.
    (An exception in a worker still reaches the main process through the pool.)
    A reader also dies with the process that started it: a killed `check` or build
    leaves no orphans."""
    from ..outfolder import die_with_parent

    die_with_parent()
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)
    os.close(devnull)


def _load_one(
    path: Path,
    kind: str,
    shown: str,
    per_record: PerRecord | None,
    positions: bool = True,
    fast: bool = False,
) -> RawRecord:
    record = load_file(path, kind, shown, positions=positions, fast=fast)
    if per_record is not None:
        per_record(record)
    record.text = None
    return record


def _load_chunk(job: tuple[list[tuple[Path, str, str]], PerRecord | None]) -> bytes:
    chunk, per_record = job
    # marshal moves plain dicts/lists/str ~5x faster than pickle.
    return marshal.dumps(
        [_freeze(_load_one(*item, per_record, positions=False, fast=True)) for item in chunk]
    )


# A record as it crosses processes and is kept by the read cache (marshal-able):
# (data, problems as plain tuples, findings).
FrozenProblem = tuple[str, int, int, str, tuple[tuple[str, str], ...], str, str]
State = tuple[dict[str, Any] | None, list[FrozenProblem], Findings]


def _freeze(record: RawRecord) -> State:
    """Plain data for marshal. Positions stay behind: they are read again on demand."""
    problems = [
        (p.file, p.line, p.col, p.code, p.params, p.subject, p.field) for p in record.problems
    ]
    return record.data, problems, record.found


def _thaw(path: Path | str, kind: str, shown: str, state: State) -> RawRecord:
    data, problems, found = state
    record = RawRecord(path, shown, kind, _record_id(path, kind), data, {}, [], found, False)
    if problems:
        record.problems = [Problem(*p) for p in problems]
    return record


def load_file(
    path: Path | str, kind: str, display: str, positions: bool = True, fast: bool = False
) -> RawRecord:
    """Read one file. `fast` (worker processes only, no positions): try `fastyaml` first."""
    record = RawRecord(path, display, kind, _record_id(path, kind))
    record.positions_read = positions
    text = record.text = _read_text(path, record)
    if text is None:
        return record
    if fast and not positions:
        data = fastyaml.read(text)
        if data is not None:
            record.positions[()] = (1, 1)
            record.data = data
            return record
    node = _compose(text, record)
    if node is None:
        return record
    if not isinstance(node, yaml.MappingNode):
        line, col = _mark(node)
        record.problems.append(problem(display, line, col, "E-NOT-MAPPING", got=_node_kind(node)))
        return record
    record.positions[()] = (1, 1)
    record.data = _Builder(record, positions).build(node, ())
    if len(record.problems) > REPEAT_LIMIT:
        record.problems = cap_repeats(sorted(set(record.problems)))
    return record


def _record_id(path: Path | str, kind: str) -> str | None:
    """The file name without `.yaml` for folder kinds (the record id)."""
    return os.path.basename(path).removesuffix(".yaml") if kind in FOLDERS else None


def _read_text(path: Path | str, record: RawRecord) -> str | None:
    """The file's text, or None once the problem that stops reading it is added."""
    text = _decoded(path)
    if isinstance(text, str):
        return text
    line, code, params = text
    record.problems.append(problem(record.display, line, 1, code, **params))
    return None


Unreadable = tuple[int, str, dict[str, object]]  # (line, problem code, its params)


def _decoded(path: Path | str) -> str | Unreadable:
    try:
        raw = _read_bytes(path)
    except _NotRegular as exc:
        return 1, "E-NOT-REGULAR", {"what": str(exc)}
    except _TooBig as exc:
        return 1, "E-TOO-BIG", {"size": exc.size, "limit": MAX_BYTES}
    except OSError as exc:
        if exc.errno == errno.ELOOP:  # O_NOFOLLOW met a link made after `discover`
            return 1, "E-NOT-REGULAR", {"what": "tautan simbolik"}
        return 1, "E-ENCODING", {"detail": exc.strerror or str(exc)}
    if b"\x00" in raw:
        return 1, "E-ENCODING", {"detail": "berisi byte NUL/biner"}
    try:
        text = raw.decode("utf-8-sig")  # a BOM from Windows editors is harmless: drop it
    except UnicodeDecodeError as exc:
        return 1, "E-ENCODING", {"detail": f"byte {exc.start}"}
    if _maybe_deep(raw):
        line = too_deep(text)
        if line:
            return line, "E-TOO-DEEP", {"limit": MAX_DEPTH}
    return text


class _NotRegular(OSError):
    pass


class _TooBig(Exception):
    def __init__(self, size: int):
        self.size = size


def _read_bytes(path: Path | str) -> bytes:
    """The file's bytes, or `MAX_BYTES + 1` of them when it is bigger.

    Plain system calls, sized by fstat: a file object costs ~15 µs per file, and
    `read(MAX_BYTES + 1)` allocates a megabyte each time (~0.3 s at 10,000 records).
    O_NOFOLLOW and O_NONBLOCK: a link or FIFO swapped in after `discover` is refused
    here instead of followed or waited on."""
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular("bukan file biasa")
        size = info.st_size
        if size > MAX_BYTES:
            raise _TooBig(size)
        raw = os.read(fd, size + 1)
        while size < len(raw) <= MAX_BYTES:  # the file grew since fstat
            more = os.read(fd, MAX_BYTES + 1 - len(raw))
            if not more:
                break
            raw += more
    finally:
        os.close(fd)
    if len(raw) > MAX_BYTES:
        raise _TooBig(len(raw))
    return raw


# Records nest 5 or 6 levels. Parsers recurse per level (PyYAML's composer gives a
# RecursionError near 1,000 levels; C parsers can overflow the stack far deeper), so
# depth is measured first with libyaml's event parser, which keeps its own stack.
# Every level costs a flow bracket, or indentation, or a compact `- ` after another
# `- `; a file with fewer than 8 brackets, no line indented 10 spaces and no `- - -`
# or `-  -` is about MAX_DEPTH deep at most (and far from what crashes a parser), so
# only suspect files pay for the exact measure. Substring tests run at memchr speed (a
# regex here cost more than reading the file).
MAX_DEPTH = 20
DEEP_INDENT = b"\n" + b" " * 10


def _maybe_deep(raw: bytes) -> bool:
    brackets = (b"[" in raw or b"{" in raw) and raw.count(b"[") + raw.count(b"{") >= 8
    return brackets or DEEP_INDENT in raw or b"- - -" in raw or b"-  -" in raw


def too_deep(text: str) -> int | None:
    """Line of the first collection nested deeper than MAX_DEPTH, or None."""
    parser = CParser(text)
    depth = 0
    try:
        while True:
            event = parser.get_event()
            if event is None or isinstance(event, yaml.StreamEndEvent):
                return None
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return event.start_mark.line + 1 if event.start_mark else 1
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # a syntax error: the composer reports it where it is
    finally:
        parser.dispose()


class _Loader(yaml.CSafeLoader):
    """libyaml's parser and composer without tag resolution.

    We keep every scalar as written, so the per-scalar Python callbacks that resolve
    tags (regexes for bool/int/float/timestamp) are pure cost: ~25% of `check`.
    """

    def resolve(self, kind, value, implicit):  # noqa: ARG002 - libyaml's callback signature
        return "tag:yaml.org,2002:str"

    def descend_resolver(self, current_node, current_index):
        pass

    def ascend_resolver(self):
        pass


def _compose(text: str, record: RawRecord) -> yaml.Node | None:
    try:
        loader = _Loader(text)
        try:
            docs: list[yaml.Node] = []
            while loader.check_node():
                node = loader.get_node()
                if node is not None:
                    docs.append(node)
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        line, col, detail, detail_en = yamlsyntax.explain(exc, text)
        record.problems.append(
            problem(record.display, line, col, "E-YAML", detail=detail, detail_en=detail_en)
        )
        return None
    except yaml.YAMLError as exc:
        first = str(exc).splitlines()[0]
        record.problems.append(
            problem(
                record.display,
                1,
                1,
                "E-YAML",
                detail=f"sintaks salah ({first})",
                detail_en=f"syntax error ({first})",
            )  # fmt: skip
        )
        return None
    docs = [d for d in docs if d is not None]
    if not docs:
        record.problems.append(problem(record.display, 1, 1, "E-EMPTY"))
        return None
    if len(docs) > 1:
        line, col = _mark(docs[1])
        record.problems.append(problem(record.display, line, col, "E-MULTI-DOC"))
        return None
    return docs[0]


def _mark(node: yaml.Node) -> Position:
    return node.start_mark.line + 1, node.start_mark.column + 1


def _node_kind(node: yaml.Node) -> str:
    if isinstance(node, yaml.SequenceNode):
        return "daftar"
    if isinstance(node, yaml.ScalarNode):
        return f"teks '{node.value[:40]}'"
    return "kunci: nilai"


class _Builder:
    """Turn a composed node tree into dicts/lists/str, recording positions."""

    def __init__(self, record: RawRecord, track: bool = True):
        self.record = record
        self.track = track
        self.positions = record.positions
        self.seen: set[int] = set()
        self.aliased: set[int] = set()

    def build(self, node: yaml.Node, loc: Loc):
        if id(node) in self.seen:  # the same node twice means an alias (`*name`)
            if id(node) not in self.aliased:  # once per anchor: 100,000 uses, one problem
                self.aliased.add(id(node))
                self._fail(node, "E-ALIAS")
            return None
        self.seen.add(id(node))
        if isinstance(node, yaml.ScalarNode):
            return None if not node.style and node.value in NULLS else node.value
        if isinstance(node, yaml.SequenceNode):
            items = []
            positions = self.positions
            track = self.track
            for index, child in enumerate(node.value):
                if track:
                    mark = child.start_mark
                    positions[(*loc, index)] = (mark.line + 1, mark.column + 1)
                items.append(self.build(child, (*loc, index)))
            return items
        assert isinstance(node, yaml.MappingNode)
        return self._mapping(node, loc)

    def _mapping(self, node: yaml.MappingNode, loc: Loc) -> dict:
        result: dict = {}
        first_line: dict[str, int] = {}
        dash_reported = False
        positions = self.positions
        for key_node, value_node in node.value:
            mark = key_node.start_mark
            line, col = mark.line + 1, mark.column + 1
            if not isinstance(key_node, yaml.ScalarNode):
                self._fail(key_node, "E-KEY-TYPE", got=_node_kind(key_node))
                continue
            key = key_node.value
            if key in first_line:
                if not dash_reported:
                    dash_reported = self._duplicate(loc, key, first_line[key], line, col)
                continue
            first_line[key] = line
            if self.track:
                positions[(*loc, key)] = (line, col)
            result[key] = self.build(value_node, (*loc, key))
        return result

    def _duplicate(self, loc: Loc, key: str, first: int, again: int, col: int) -> bool:
        """A key written twice. In a list item (a channel, a source...) that is nearly
        always a second item whose `- ` was forgotten: say so, and where, because
        deleting one of the two would delete a number. Returns True when it said so
        (the item's other repeated keys are the same mistake)."""
        dash = bool(loc) and isinstance(loc[-1], int)
        code = "E-MISSING-DASH" if dash else "E-DUPLICATE-KEY"
        self.record.problems.append(
            problem(self.record.display, again, col, code, key=key, first_line=first, again=again)
        )
        return dash

    def _fail(self, node: yaml.Node, code: str, **params) -> None:
        line, col = _mark(node)
        self.record.problems.append(problem(self.record.display, line, col, code, **params))
