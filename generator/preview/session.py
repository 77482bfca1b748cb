"""The preview's state: the checked directory, the pages and MkDocs, kept between edits.

`Session.start()` does what `make build` does (check, leaflets, docs tree, search,
MkDocs), keeping the pieces. `Session.apply(paths)` takes the files that changed:

- service record files (edited, created, deleted, renamed): only those files are read
  and checked again (`check.check_part`: their one-file rules and their references
  against every id of the tree); the units of pages that read what changed
  (`depmap`) are rendered again, then MkDocs renders only those pages. After the
  pages are served, `catch_up` writes the search shards of the cities they touch (in
  a forked child, on the other core) and the docs tree's list of generated files.
  The leaflets of those cities are marked stale (`stale_leaflets`; `make build`
  renders them), the preview never waits for a PDF.
- any other file (organisations, hotlines, settings, taxonomy, content/, overrides/):
  everything is built again, as at the start.

A problem in a changed file keeps the last good pages: it is kept in `problems` (the
lines `check` prints), which the server shows on every page until the file is fixed.
"""

from __future__ import annotations

import gc
import logging
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .. import build, check
from ..check.reading import RawRecord, display_path, load_file
from ..check.rules import run_file_rules
from ..directory import Directory, Entry
from ..errors import CheckFailed, Problem
from ..forked import Child
from ..kinds import FILES, FOLDERS
from ..search import documents
from ..search import index as search_index
from ..search import write as search_write
from ..site import asset_files, content_files, pages
from ..site.write import MANIFEST, read_manifest, write_if_changed, write_manifest, write_tree
from .depmap import DepMap, Reads, TrackingRenderer, Unit, render_units
from .engine import MkDocsSite

log = logging.getLogger(__name__)

FAST_KIND = "services"  # record files the preview re-renders on their own
REFERRERS = ("materials", "pathways")  # the kinds whose records name services


@dataclass
class Options:
    root: Path
    config_file: Path
    docs_dir: Path
    site_dir: Path
    content_dir: Path | None
    today: date


@dataclass
class Outcome:
    """What one `apply` did (for the terminal, the tests and the benchmark)."""

    mode: str  # "fast", "full" or "failed"
    seconds: float = 0.0
    cpu: float = 0.0  # CPU seconds of this process (every thread) while it applied
    units: int = 0
    written: list[str] = field(default_factory=list)
    deleted: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


@dataclass
class CardFile:
    """A contact card written next to a service page (rendered with the service's unit)."""

    path: str
    body: str

    def text(self) -> str:
        return self.body


class Session:
    def __init__(self, options: Options):
        self.o = options
        self.directory: Directory | None = None
        self.renderer: TrackingRenderer | None = None
        self.site: MkDocsSite | None = None
        self.depmap = DepMap()
        self.materials: list[dict] = []
        self.problems: dict[str, list[str]] = {}  # file shown -> problem lines (errors)
        self.stale_leaflets: set[str] = set()  # city codes
        self.search_due: set[str] = set()  # cities whose search shard is out of date
        self.listed: tuple[set[str], set[str]] = (set(), set())  # manifest: added, removed
        self.generation = 0  # full builds so far (search shards from before one are stale)
        self._units: list[Unit] | None = None
        self.lock = threading.RLock()  # one change at a time (the server has threads)

    # --- start ---------------------------------------------------------------------

    def start(self) -> Outcome:
        """Check the whole directory and build everything (also after a non-record edit)."""
        began = time.perf_counter()
        try:
            directory = build.check_stage(self.o.root, self.o.today)
        except CheckFailed as exc:
            return self._failed_start(exc.report.errors, began)
        self.problems = {}
        self.directory = directory
        self.materials = build.leaflets_stage(directory, self.o.docs_dir)
        self.renderer = TrackingRenderer(directory, Reads())
        self.depmap = DepMap()
        files = self._all_files()
        write_tree(files, self.o.docs_dir)
        build.search_stage(directory, self.o.docs_dir)
        build.data_stage(directory, self.o.docs_dir)
        self.site = MkDocsSite(self.o.config_file, self.o.docs_dir, self.o.site_dir, directory)
        self.site.build_all()
        self.stale_leaflets = set()
        self.search_due = set()
        self.listed = (set(), set())  # write_tree wrote the manifest
        self.generation += 1
        # Millions of objects now live as long as the preview: keep them out of the
        # cyclic collector's scans (https://docs.python.org/3/library/gc.html#gc.freeze),
        # which otherwise cost an edit at 10,000 records about a second.
        gc.collect()
        gc.freeze()
        return Outcome("full", time.perf_counter() - began, units=len(self.depmap.reads))

    def _failed_start(self, errors: list[Problem], began: float) -> Outcome:
        lines = [p.format() for p in errors]
        self.problems = {"": lines}
        for line in lines:
            log.error("%s", line)
        return Outcome("failed", time.perf_counter() - began, problems=lines)

    def _all_files(self) -> dict[str, bytes]:
        assert self.renderer is not None
        files = content_files(self.o.content_dir)
        files.update(asset_files())
        self._units = self.units()
        files.update(render_units(self.renderer, self._units, self.depmap))
        self.renderer.remember_lists()
        return files

    def units(self) -> list[Unit]:
        """The site's page units, a service's contact cards rendered with its page."""
        assert self.renderer is not None
        r = self.renderer
        out: list[Unit] = []
        for key, build_unit in pages.page_units(r, self.materials):
            if key[0] == "service":
                build_unit = _with_cards(build_unit, r, key[1])
            out.append((key, build_unit))
        return out

    def units_after(self, units: list[Unit], changed: dict[str, Entry | None]) -> list[Unit]:
        """`units()` after services were created or deleted: only service units come
        and go (building the list again costs ~0.1 s at 10,000 records)."""
        assert self.renderer is not None
        r = self.renderer
        gone = {("service", sid) for sid, entry in changed.items() if entry is None}
        have = {key for key, _ in units}
        out = [unit for unit in units if unit[0] not in gone]
        for sid in sorted(changed):
            key, build_unit = pages.service_unit(r, sid)
            if changed[sid] is not None and key not in have:
                out.append((key, _with_cards(build_unit, r, sid)))
        return out

    # --- an edit -------------------------------------------------------------------

    def apply(self, paths: set[Path]) -> Outcome:
        """Take the files that changed (created, edited or deleted) and update the site."""
        began, cpu = time.perf_counter(), time.process_time()
        paths = {p for p in paths if not self.is_unread(p)}
        if not paths and self.site is not None:
            return Outcome("fast")
        with self.lock:
            if self.site is None or not all(self.is_fast(p) for p in paths):
                outcome = self.start()
            else:
                outcome = self._fast(paths)
        outcome.seconds = time.perf_counter() - began
        outcome.cpu = time.process_time() - cpu
        return outcome

    def is_unread(self, path: Path) -> bool:
        """A file in the records folder that no reader reads (an editor's test or swap
        file, say): it changes no page (`check` only warns about it, W-UNEXPECTED-FILE)."""
        try:
            path.resolve().relative_to(self.o.root.resolve())
        except ValueError:
            return False
        return path.suffix != ".yaml"

    def is_fast(self, path: Path) -> bool:
        """A service record file (`<root>/services/<id>.yaml`)."""
        root = self.o.root.resolve()
        return (
            path.suffix == ".yaml"
            and path.parent.name == FAST_KIND
            and path.parent.parent.resolve() == root
        )

    def _fast(self, paths: set[Path]) -> Outcome:
        raws = {p.stem: self._read(p) for p in sorted(paths)}
        referrers = self._referrers()
        shown = {display_path(p, self.o.root) for p in paths} | {r.display for r in referrers}
        read = [r for r in raws.values() if r]
        part, report = check.check_part(
            self.o.root, self.o.today, self._tables() + read + referrers, self._known(raws)
        )
        for file in shown:
            self.problems.pop(file, None)
        for p in report.sorted():
            if p.file in shown:
                (log.error if p.severity == "error" else log.warning)("%s", p.format())
        errors = [p for p in report.errors if p.file in shown] if part is None else []
        if part is None and not errors:  # a problem elsewhere (a table file): say so
            errors = report.errors
        if errors:
            for p in errors:
                self.problems.setdefault(p.file, []).append(p.format())
            return Outcome("failed", problems=[p.format() for p in errors])
        assert part is not None
        changed = {sid: _entry(part, sid) for sid in raws}
        return self._render(changed)

    def _read(self, path: Path) -> RawRecord | None:
        """The file as `check` reads it (with its one-file rules), None when it is gone."""
        if not path.is_file():
            return None
        raw = load_file(path, FAST_KIND, display_path(path, self.o.root))
        run_file_rules(raw)
        raw.text = None
        return raw

    def _tables(self) -> list[RawRecord]:
        out = []
        for name in sorted(FILES):
            path = self.o.root / name
            if path.is_file():
                raw = load_file(path, name, display_path(path, self.o.root))
                run_file_rules(raw)
                raw.text = None
                out.append(raw)
        return out

    def _referrers(self) -> list[RawRecord]:
        """The records that name services (`check.rules.references.References`: pathway
        steps, featured services of materials), checked again with every change: a
        deleted or renamed service leaves their reference unanswered (E-REF). They are
        few (a handful per directory), so reading them costs milliseconds."""
        out = []
        for kind in REFERRERS:
            for path in sorted((self.o.root / kind).glob("*.yaml")):
                raw = load_file(path, kind, display_path(path, self.o.root))
                run_file_rules(raw)
                raw.text = None
                out.append(raw)
        return out

    def _known(self, raws: dict[str, RawRecord | None]) -> dict[str, set[str]]:
        assert self.directory is not None
        d = self.directory
        known = {kind: set(dict.keys(getattr(d, kind))) for kind in FOLDERS}
        for sid, raw in raws.items():
            (known[FAST_KIND].add if raw is not None else known[FAST_KIND].discard)(sid)
        return known

    def _render(self, changed: dict[str, Entry | None]) -> Outcome:
        assert self.renderer is not None and self.site is not None
        keys, cities = self.renderer.replace_services(changed)
        if self._units is None:
            self._units = self.units()
        elif ("service-set",) in keys:
            self._units = self.units_after(self._units, changed)
        units = self._units
        current = {key for key, _ in units}
        gone = [key for key in self.depmap.reads if key not in current]
        wanted = (self.depmap.units_reading(keys) - set(gone)) | (
            current - self.depmap.reads.keys()
        )
        before = {key: list(self.depmap.paths.get(key, [])) for key in wanted}
        files = render_units(self.renderer, [u for u in units if u[0] in wanted], self.depmap)
        written = [p for p, data in files.items() if write_if_changed(self.o.docs_dir / p, data)]
        dropped = [p for key in gone for p in self.depmap.forget(key)]
        dropped += [p for key in wanted for p in before[key] if p not in files]
        self._delete(dropped)
        self._list(written, dropped)
        self.site.update(written, dropped)
        self.search_due |= cities
        if cities - self.stale_leaflets:
            log.info("leaflets not updated by the preview (make build renders them): %s",
                     ", ".join(sorted(cities)))  # fmt: skip
        self.stale_leaflets |= cities
        log.info(
            "preview: %d units, %d files written, %d deleted",
            len(wanted),
            len(written),
            len(dropped),
        )
        return Outcome("fast", units=len(wanted), written=written, deleted=dropped)

    def catch_up(self) -> list[str]:
        """After the pages: the search shards of the cities an edit touched and the
        national index (a province-wide service is in 35 shards: ~1.5 s the page need
        not wait for), and the manifest. The shards are written by a forked child
        (`generator.forked`) from the directory as it is at the fork: the next save need
        not wait for them, and they take the other core instead of this one's GIL.
        Cities changed again meanwhile are due again and done in the next round.
        Returns the files written."""
        written: list[str] = []
        while True:
            with self.lock:
                self._manifest()
                cities, self.search_due = self.search_due, set()
                if not cities or self.site is None:
                    return written
                began = self.generation
                child = self._fork_search(cities)  # forked inside the lock: one state
            files = self._result(child)
            with self.lock:
                if files is None or self.generation != began:
                    # Failed, or a full build since whose shards the child may have
                    # overwritten with older ones: those cities are done again.
                    self.search_due |= cities
                    if files is None:
                        return written
                    continue
                self.site.update(files, [])
                written += files

    def _fork_search(self, cities: set[str]) -> Child | None:
        try:
            return Child("search", self._search, cities)
        except OSError as exc:  # no fork (memory): the pages stay served
            log.error("search shards not updated: %s", exc)
            return None

    def _result(self, child: Child | None) -> list[str] | None:
        """The files the child wrote; None when it failed."""
        try:
            return child.result() if child is not None else None
        except Exception as exc:  # a bug in the child must not stop the catching up
            log.error("search shards not updated: %s: %s", type(exc).__name__, exc)
            return None

    def _search(self, cities: set[str]) -> list[str]:
        """The search shards of `cities` and the national index."""
        assert self.directory is not None
        d = self.directory
        config = search_write.browser_config(d)
        labels = search_write.config_labels(d)
        out = search_write.OUT
        files: dict[str, bytes] = {}
        for code in sorted(cities):
            docs = documents.city_docs(d, code)
            files[f"{out}/shards/{code}.json"] = search_write.city_shard(docs, labels, config)
            files[f"{out}/first/{code}.json"] = search_write.first_slice(docs, labels, config)
        national = documents.national_docs(d)
        files[f"{out}/national.json"] = search_write.shard_json(
            national, search_index.NATIONAL_FIELDS, labels, config
        )
        return [p for p, data in files.items() if write_if_changed(self.o.docs_dir / p, data)]

    def _delete(self, paths: list[str]) -> None:
        for rel in paths:
            (self.o.docs_dir / rel).unlink(missing_ok=True)

    def _list(self, written: list[str], deleted: list[str]) -> None:
        """Note files written and deleted for the manifest (`_manifest`)."""
        added, removed = self.listed
        added.update(written)
        added.difference_update(deleted)
        removed.update(deleted)
        removed.difference_update(written)

    def _manifest(self) -> None:
        """Keep the docs tree's list of generated files true (`site.write`), so the
        next full write deletes what the preview wrote and no record needs any more."""
        added, removed = self.listed
        if not added and not removed:
            return
        path = self.o.docs_dir / MANIFEST
        listed = read_manifest(path)
        now = (listed | added) - removed
        if now != listed:
            write_manifest(path, now)
        self.listed = (set(), set())


def _with_cards(build_unit, r: TrackingRenderer, sid: str):
    def both() -> list:
        cards = [CardFile(path, text) for path, text in pages.service_cards(r, sid).items()]
        return [*build_unit(), *cards]

    return both


def _entry(part: Directory, sid: str) -> Entry | None:
    return dict.get(part.services, sid)
