"""The engine: reads the tree, runs every rule where it is cheapest, gathers one Report,
and builds the Directory from the records that passed.

1. **Reading** (`reading.stream_tree`), on all cores for a large tree: each file is
   parsed and its one-file rules (`rules.FILE_RULES`) run right there; the read cache
   keeps both for the next run.
2. **Shape** (`shape.validate_shape`), in this process as records arrive: raw data ->
   typed record, or problems (and a partial record for the rules that can still
   judge it).
3. **Record rules** (`rules.record_rules()`): batch by batch while the readers still
   read the rest, then across records once all are in.

It never writes anything. This module imports no models: `check` starts the readers
(`start_reading`) before pydantic is imported.
"""

from __future__ import annotations

import gc
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import regions
from ..errors import Problem, Report
from ..kinds import FOLDERS
from .context import Batch, ByKind, Checked, Context, Rule
from .readcache import ReadCache
from .readcache import disabled as cache_disabled
from .reading import RawRecord, stream_tree
from .rules import record_rules, run_file_rules

if TYPE_CHECKING:
    from ..directory import Directory
    from ..models import Settings

Started = tuple[Iterator[RawRecord], list[Problem]]
# Records per batch of record rules: small enough that little is left to check when
# the readers finish, large enough that the stages' own cost stays negligible.
RULES_BATCH = 500


def start_reading(root: Path, cache: bool = False) -> Started:
    """Start reading the tree (in worker processes when it is large): records + problems.

    `cache`: keep what was read for the next run, and take unchanged files from the
    last one (`readcache`; off when `DIREKTORI_NO_CACHE` is set)."""
    kept = ReadCache(root) if cache and not cache_disabled() else None
    return stream_tree(root, per_record=run_file_rules, cache=kept)


@contextmanager
def paused_gc() -> Iterator[None]:
    """No cyclic GC while checking: loading creates hundreds of thousands of small
    objects that all stay alive, and the GC would scan them again and again (measured:
    ~40% of `check`). Reader processes forked inside inherit the pause."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def check_directory(
    root: Path,
    today: date,
    started: Started | None = None,
    resolve: bool = True,
    cache: bool = False,
) -> tuple[Directory | None, Report]:
    """Load, check and resolve the directory at `root` (gather, then decide).

    `started`: the reading already begun by `start_reading(root)` (the `check` command
    begins it before importing the models, so the readers work meanwhile).
    `resolve=False`: only the report is wanted; no Directory is built.
    `cache`: take unchanged files from the last run's reading (`readcache`).
    The Directory comes back only when there is no error.
    """
    with paused_gc():
        raws, tree_problems = started or start_reading(root, cache)
        return _checked(Context(root, today), raws, tree_problems, resolve)


def check_part(
    root: Path, today: date, raws: list[RawRecord], known: dict[str, set[str]]
) -> tuple[Directory | None, Report]:
    """Check some files of a tree whose other records were checked before (the live
    preview re-checks only the files that changed). `raws`: the table files
    (settings.yaml, taxonomy/…, short-codes.yaml) first, then the changed records;
    `known`: the ids of every record file of the tree, by folder kind, so references
    resolve as in a whole check. Whole-tree rules see only these records."""
    with paused_gc():
        return _checked(Context(root, today, known_ids=known), iter(raws), [], resolve=True)


def _checked(
    ctx: Context, raws: Iterator[RawRecord], tree_problems: list[Problem], resolve: bool
) -> tuple[Directory | None, Report]:
    """Every rule over `raws`, then the Directory when there is no error (and `resolve`)."""
    report = check_records(ctx, raws, tree_problems)
    settings = ctx.tables.settings
    if report.errors or settings is None or not resolve:
        return None, report
    return build_directory(ctx, settings), report


class _Schedule:
    """The stages a file goes through in this process: the rules' `read` hooks, its
    shape, then the rules' `add` (per batch) and `finish` (once)."""

    def __init__(self, rules: list[Rule]):
        # Imported only now, not above: the models (pydantic) load while readers work.
        from .shape import validate_shape

        self.shape = validate_shape
        self.read = [r.read for r in rules if _overrides(r, "read")]
        self.add = [r.add for r in rules if _overrides(r, "add")]
        self.finish = [r.finish for r in rules if _overrides(r, "finish")]


def _overrides(rule: Rule, name: str) -> bool:
    return getattr(type(rule), name) is not getattr(Rule, name)


def check_records(ctx: Context, raws: Iterator[RawRecord], tree_problems: list[Problem]) -> Report:
    """Every problem of the records `raws` (and of the tree), rules run as they arrive."""
    report = Report()
    report.extend(tree_problems)
    regions.names()  # read the region table while the first files are being parsed
    schedule = _Schedule([rule(ctx) for rule in record_rules()])
    batch: list[Checked[Any]] = []
    for raw in raws:
        checked = _shaped(ctx, schedule, raw, report)
        if checked is not None:
            batch.append(checked)
            if len(batch) == RULES_BATCH:  # while the readers still read the rest
                _add(ctx, schedule, batch, report)
                batch = []
    _add(ctx, schedule, batch, report)
    if not ctx.tables_read:  # a tree of single files only
        ctx.read_tables()
    for finish in schedule.finish:
        report.extend(finish())
    return report


def _shaped(
    ctx: Context, schedule: _Schedule, raw: RawRecord, report: Report
) -> Checked[Any] | None:
    """One file as read: what the readers found, the `read` hooks, then its shape."""
    ctx.take(raw.found)
    report.extend(raw.problems)
    for read in schedule.read:
        report.extend(read(raw))
    if raw.data is None:
        return None
    model, problems = schedule.shape(raw, salvage=True)
    report.extend(problems)
    return None if model is None else Checked(raw, model, partial=bool(problems))


def _add(ctx: Context, schedule: _Schedule, records: list[Checked[Any]], report: Report) -> None:
    """Count the next records in and run the per-batch rules on them."""
    by_kind: ByKind = defaultdict(list)
    for c in records:
        by_kind[c.raw.kind].append(c)
    batch = Batch(by_kind)
    ctx.add(batch)
    for add in schedule.add:
        report.extend(add(batch))


def build_directory(ctx: Context, settings: Settings) -> Directory:
    """The resolved Directory of a run without errors (sorted by id, kind by kind)."""
    from ..directory import Directory, Entry

    tables = ctx.tables
    d = Directory(root=ctx.root, settings=settings, today=ctx.today)
    d.categories = dict(tables.categories)
    d.audiences = dict(tables.audiences)
    syn = ctx.single("taxonomy/synonyms.yaml")
    d.synonyms = list(syn.model.synonyms) if syn else []
    d.short_codes = dict(tables.short_codes)
    for kind in FOLDERS:
        entries = {
            c.raw.id or "": Entry(c.raw.id or "", kind, c.raw.display, c.model)
            for c in sorted(ctx.of(kind), key=lambda c: c.raw.id or "")
        }
        setattr(d, kind, entries)
    return d
