"""Benchmarks at national scale: `python -m devtools bench`.

For each size (1,000 and 10,000 services; 50,000 with BENCH_FULL=1) a synthetic
directory is written into a temporary folder and measured section by section:

- stages: load, check, docs tree, search index, leaflets (ms per record);
- build: our full build next to plain `mkdocs build` of the docs tree it wrote and
  next to plain Material on as many one-paragraph pages out of the nav (the floor);
- edit, create and delete -> preview through `generator serve` (seconds from saving a
  service file to the served page showing it);
- search: gzip bytes a browser fetches for the first result, ours next to Material's
  built-in index and Pagefind on the same site;
- page weight per page type and where the emergency numbers sit on the home page;
- leaflets: seconds per PDF, speed-up from all cores, rerun without changes;
- validation of the whole directory.

A section that cannot run (no site when the build failed) reports NA instead of
failing. Every figure is the median of `runs` runs; ratios are taken run by run, then
the median. Nothing here asserts a timing: tests only check that the run completes
with the right keys.
"""

from __future__ import annotations

import json
import logging
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path

from generator import stamp
from generator.check import check_directory, load_tree
from generator.errors import GeneratorError
from generator.paths import CONTENT, MKDOCS_YML, REPO
from generator.print import render_leaflets
from generator.search import build_search
from generator.site import generate as generate_docs
from generator.site.compress import gzip_bytes

from . import localserve, synth
from .chromium import CHROMIUM, CHROMIUM_ARGS

log = logging.getLogger(__name__)

RESULTS = REPO / "bench" / "results" / "latest.json"
NA = "n/a (stage not present)"
SKIPPED = "skipped (smoke)"
TODAY = synth.AS_OF + timedelta(days=1)
NOT_RUN = "not run (--only)"
SECTIONS = ("stages", "build", "edit_preview", "search", "page_weight", "leaflets", "validation")
GOALS = {
    "build_ratio": 1.3,
    "floor_ratio": 3.0,
    "no_change_ratio": 0.1,
    "edit_preview_s": 2.0,
    "search_city_300_kb": 60,
    "service_page_kb": 70,
    "emergency_offset_kb": 14,
    "leaflets_rerun": 0,
    "validation_10k_s": 2.0,
}


def median(values: list[float]) -> float:
    """Median, as mkdocs/contrib does it: the middle value, or the mean of the two middle."""
    ordered = sorted(values)
    mid = len(ordered) // 2
    return ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2


@dataclass
class Options:
    sizes: tuple[int, ...] = (1000, 10000)
    runs: int = 3
    smoke: bool = False
    seed: int = 1
    work: Path | None = None  # default: a temporary folder, removed afterwards
    keep: bool = False
    only: tuple[str, ...] = SECTIONS  # sections to run (the others print as not run)


@dataclass
class Case:
    """One size under measurement: its folders and what earlier sections produced."""

    records: int
    work: Path
    options: Options
    directory: object | None = None
    site: Path | None = None  # our built site
    plain_site: Path | None = None  # plain Material build with its search plugin
    notes: dict = field(default_factory=dict)

    @property
    def root(self) -> Path:
        return self.work / "directory"

    @property
    def runs(self) -> int:
        return 1 if self.options.smoke else self.options.runs


def timed(fn: Callable[[int], object], runs: int) -> tuple[float, object]:
    """(median seconds, last result) of `fn(run_index)` over `runs` runs."""
    times, result = [], None
    for i in range(runs):
        start = time.perf_counter()
        result = fn(i)
        times.append(time.perf_counter() - start)
    return median(times), result


def per_record(seconds: float, records: int) -> dict:
    return {"s": round(seconds, 3), "ms_per_record": round(seconds * 1000 / records, 4)}


def gzip_size(data: bytes) -> int:
    """Bytes on the wire with gzip (files already compressed are sent as they are)."""
    return min(len(data), len(gzip_bytes(data)))  # as the site's .gz copies


# --- child processes -----------------------------------------------------------------


# Runs the measured command from a small fresh process: a child spawned straight from
# the bench would report the bench's own (large) RSS as its peak, because Linux keeps the
# high-water mark of the memory it was forked from across exec.
MEASURE = """
import json, os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.execvp(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
wall = time.perf_counter() - start
with open(sys.argv[1], "w") as fh:
    json.dump({"wall_s": wall, "peak_kb": usage.ru_maxrss,
               "cpu_s": usage.ru_utime + usage.ru_stime}, fh)
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_child(cmd: list[str], cwd: Path = REPO, env: dict | None = None) -> dict:
    """Wall time, peak memory (maxrss of that command alone, or of its largest waited-for
    child process) and CPU time (user + system, its child processes included) of one
    command: on a shared machine the CPU time says what the wall time cannot."""
    with tempfile.TemporaryDirectory() as tmp:
        figures, errors = Path(tmp) / "figures.json", Path(tmp) / "stderr"
        with errors.open("wb") as err:
            code = subprocess.call(
                [sys.executable, "-c", MEASURE, str(figures), *map(str, cmd)],
                cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=err,
            )  # fmt: skip
        if code != 0:
            tail = errors.read_text(encoding="utf-8", errors="replace")[-2000:]
            raise BenchError(f"{' '.join(map(str, cmd[:4]))}... failed ({code}):\n{tail}")
        data = json.loads(figures.read_text(encoding="utf-8"))
    return {
        "wall_s": round(data["wall_s"], 3),
        "peak_mb": round(data["peak_kb"] / 1024, 1),
        "cpu_s": round(data["cpu_s"], 3),
    }


class BenchError(Exception):
    """A measured command failed; the section reports it instead of a figure."""


def child_env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(REPO) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("DIREKTORI_ROOT", None)
    return env


# --- sections ------------------------------------------------------------------------


def section_stages(case: Case) -> dict:
    """Generator stages in process, ms per record (leaflets are filled in by their section)."""
    n, out = case.records, {}
    out["load"] = per_record(timed(lambda i: load_tree(case.root), case.runs)[0], n)
    seconds, (directory, report) = timed(lambda i: check_directory(case.root, TODAY), case.runs)
    if directory is None:
        raise BenchError(
            "synthetic directory fails check: " + "; ".join(p.format() for p in report.errors[:5])
        )
    case.directory, case.notes["check_s"] = directory, seconds
    out["check"] = per_record(seconds, n)
    out["render_docs"] = stage_into(case, generate_docs, "docs", with_content=True)
    out["search_index"] = stage_into(case, build_search, "search")
    out["leaflets"] = NA
    return out


def stage_into(case: Case, fn: Callable, name: str, with_content: bool = False) -> dict | str:
    """Time `fn(directory, fresh_folder)`: each run writes into an empty folder."""
    args = (CONTENT,) if with_content else ()

    def once(i: int):
        target = fresh(case.work / f"{name}-{i}")
        return fn(case.directory, target, *args)

    seconds, _ = timed(once, case.runs)
    for i in range(case.runs):
        shutil.rmtree(case.work / f"{name}-{i}", ignore_errors=True)
    return per_record(seconds, case.records)


def fresh(path: Path) -> Path:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)
    return path


def section_validation(case: Case) -> dict:
    """Whole-directory check as `python -m generator check` (a fresh process each run:
    the figure the 2 s goal is about), and in process from the stages (repeat runs in one
    process, so the region table and phone/e-mail caches are already warm).

    The command is timed twice, runs interleaved: `--no-cache` (every file read, as on a
    fresh clone or after a change of generator code) and with the read cache that a
    previous run left (an untimed first run fills it), as when staff check again."""
    if "check_s" not in case.notes:
        return {"status": NA}
    cmd = [
        sys.executable,
        "-m",
        "generator",
        "check",
        "--root",
        str(case.root),
        "--today",
        TODAY.isoformat(),
    ]
    env = child_env() | {"XDG_CACHE_HOME": str(fresh(case.work / "check-cache"))}
    run_child(cmd, env=env)
    cold, warm = [], []
    for _ in range(case.runs):
        cold.append(run_child([*cmd, "--no-cache"], env=env)["wall_s"])
        warm.append(run_child(cmd, env=env)["wall_s"])
    result = {
        "in_process_s": round(case.notes["check_s"], 3),
        "command_s": round(median(cold), 3),
        "command_cached_s": round(median(warm), 3),
    }
    if case.records == 10000:
        result["goal_s"] = GOALS["validation_10k_s"]
    return result


# --- full build next to plain MkDocs -------------------------------------------------

# Plain `mkdocs build` in a child: the repo's mkdocs.yml (theme, overrides, plugins) with
# our hook removed, on a docs tree that is already written.
PLAIN_MKDOCS = """
import json, sys
from mkdocs.commands.build import build
from mkdocs.config import load_config
config_file, docs, site, overrides = sys.argv[1:5]
build(load_config(config_file, docs_dir=docs, site_dir=site, **json.loads(overrides)))
"""


def plain_mkdocs(docs: Path, site: Path, config: Path = MKDOCS_YML, **overrides) -> dict:
    overrides.setdefault("hooks", [])
    cmd = [
        sys.executable,
        "-c",
        PLAIN_MKDOCS,
        str(config),
        str(docs),
        str(site),
        json.dumps(overrides),
    ]
    return run_child(cmd, env=child_env())


def our_build(case: Case, docs: Path, site: Path) -> dict:
    cmd = [sys.executable, "-m", "generator", "build", "--root", str(case.root), "--out", str(site),
           "--allow-outside"]  # fmt: skip
    cmd += ["--docs-dir", str(docs), "--today", TODAY.isoformat()]
    return run_child(cmd, env=child_env())


def section_build(case: Case) -> dict:
    """Run by run, interleaved: the Material floor, our full build from a clean docs folder
    and site (as CI runs it), the same build again with nothing changed, and plain MkDocs
    on the docs tree it wrote. Ratios are taken run by run, then the median."""
    docs, site, plain = case.work / "build-docs", case.work / "site", case.work / "site-plain"
    floors, same_pages, ours, again, base = [], [], [], [], []
    for _ in range(case.runs):
        if not case.options.smoke:
            floors.append(material_floor(case, case.records))
        shutil.rmtree(docs, ignore_errors=True)
        shutil.rmtree(site, ignore_errors=True)
        stamp.stamp_path(docs).unlink(missing_ok=True)
        ours.append(our_build(case, docs, site))
        again.append(our_build(case, docs, site))
        base.append(plain_mkdocs(docs, plain))
        pages = sum(1 for _ in site.rglob("*.html"))
        if not case.options.smoke:
            same_pages.append(material_floor(case, pages - 1))
    case.site = site
    result = {
        "ours": summarise(ours),
        "no_change": summarise(again),
        "mkdocs_same_tree": summarise(base),
        "ratio": ratio(ours, base),
        "ratio_goal": GOALS["build_ratio"],
        "no_change_ratio": ratio(again, ours),
        "no_change_goal": GOALS["no_change_ratio"],
        "pages": sum(1 for _ in site.rglob("*.html")),
        "material_floor": summarise(floors) if floors else SKIPPED,
        "floor_ratio": ratio(ours, floors) if floors else SKIPPED,
        "floor_ratio_goal": GOALS["floor_ratio"],
        "floor_pages": case.records + 1,
        # The floor with as many pages as our site (records, organisations, cities, lists).
        "material_floor_same_pages": summarise(same_pages) if same_pages else SKIPPED,
        "floor_same_pages_ratio": ratio(ours, same_pages) if same_pages else SKIPPED,
    }
    return result


def ratio(runs: list[dict], bases: list[dict]) -> float:
    """Median of the run-by-run ratios of wall times."""
    pairs = zip(runs, bases, strict=True)
    return round(median([r["wall_s"] / b["wall_s"] for r, b in pairs]), 3)


def summarise(runs: list[dict]) -> dict:
    return {
        key: round(median([r[key] for r in runs]), 3)
        for key in ("wall_s", "peak_mb", "cpu_s")
        if all(key in r for r in runs)
    }


def material_floor(case: Case, count: int) -> dict:
    """Plain Material, no plugins, on `count` one-paragraph pages out of the nav (and a
    home page); the floor is measured with as many pages as records."""
    floor = fresh(case.work / "floor")
    docs = floor / "docs"
    (docs / "p").mkdir(parents=True)
    (docs / "index.md").write_text("# Beranda\n\nHalaman awal.\n", encoding="utf-8")
    text = "Satu paragraf pendek tentang layanan contoh untuk perempuan dan anak."
    for i in range(count):
        (docs / "p" / f"{i:05d}.md").write_text(f"# Halaman {i}\n\n{text}\n", encoding="utf-8")
    config = floor / "mkdocs.yml"
    config.write_text(
        "site_name: Dasar\nnav: [index.md]\nnot_in_nav: /p/\nplugins: []\n"
        "theme: {name: material, language: id, font: false}\n",
        encoding="utf-8",
    )
    return plain_mkdocs(docs, floor / "site", config=config)


# --- edit -> preview ----------------------------------------------------------------


def section_edit_preview(case: Case) -> dict:
    """`generator serve` on the directory; seconds from saving a service file to the
    served page showing it: an edited service (its description), a new service file
    (its page answers), the same file deleted (its page is gone: 404). Next to each,
    the wall and CPU seconds of the update itself, from the preview's own log (on a
    loaded machine the CPU time says what a quiet one would show)."""
    service = pick_service(case.root)
    record = case.root / "services" / f"{service}.yaml"
    original = record.read_text(encoding="utf-8")
    port = free_port()
    base = f"http://127.0.0.1:{port}/"
    cmd = [sys.executable, "-m", "generator", "serve", "--root", str(case.root),
           "--work", str(case.work / "preview"), "--today", TODAY.isoformat(),
           "--dev-addr", f"127.0.0.1:{port}"]  # fmt: skip
    times: dict[str, list[float]] = {"edit": [], "create": [], "delete": []}
    updates: dict[str, list[tuple[float, float]]] = {kind: [] for kind in times}
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen(cmd, cwd=REPO, env=child_env(), stdout=subprocess.DEVNULL,
                                stderr=err)  # fmt: skip
        served = Served(base, proc, err)
        try:
            first = served.wait(f"layanan/{service}/", lambda status, body: status == 200, 3600)
            for i in range(case.runs):
                served.updates()  # the first build's lines
                times["edit"].append(edit_and_wait(served, record, original, service, i))
                updates["edit"].append(served.updates())
                created = record.with_name(f"{service}-baru-{i + 1}.yaml")
                times["create"].append(create_and_wait(served, created, original, i))
                updates["create"].append(served.updates())
                times["delete"].append(delete_and_wait(served, created))
                updates["delete"].append(served.updates())
        finally:
            record.write_text(original, encoding="utf-8")
            for path in record.parent.glob(f"{service}-baru-*.yaml"):
                path.unlink()
            stop(proc)
    result = {f"{kind}_s": round(median(values), 3) for kind, values in times.items()}
    result |= {f"{kind}_runs": [round(v, 3) for v in values] for kind, values in times.items()}
    for kind, pairs in updates.items():
        result[f"{kind}_update_runs"] = [{"wall_s": w, "cpu_s": c} for w, c in pairs]
        result[f"{kind}_update_cpu_s"] = round(median([c for _w, c in pairs]), 3)
    result |= {
        "s": result["edit_s"],
        "first_build_s": round(first, 1),
        "page": f"layanan/{service}/",
    }
    if case.records == 10000:
        result["goal_s"] = GOALS["edit_preview_s"]
    return result


@dataclass
class Served:
    """The preview under measurement: its address, process and error output."""

    base: str
    proc: subprocess.Popen
    err: object
    read: int = 0  # how far `updates` has read the preview's log

    def updates(self) -> tuple[float, float]:
        """Wall and CPU seconds of the updates logged since the last call (one save
        may reach the preview as more than one update: they are added up)."""
        # pread: the preview writes through the same open file, so its offset stays put.
        fd = self.err.fileno()  # type: ignore[attr-defined]
        data = os.pread(fd, os.fstat(fd).st_size - self.read, self.read)
        self.read += len(data)
        text = data.decode("utf-8", "replace")
        found = UPDATE_RE.findall(text)
        return (round(sum(float(w) for w, _c in found), 3),
                round(sum(float(c) for _w, c in found), 3))  # fmt: skip

    def wait(self, page: str, ready: Callable[[int, str], bool], timeout: float) -> float:
        return wait_for(self.base + page, ready, timeout, self.proc, self.err)


# The preview's line for each update (generator/preview/server.py, `rebuild`).
UPDATE_RE = re.compile(r"preview \w+ in ([\d.]+) s \(CPU ([\d.]+) s\)")


def pick_service(root: Path) -> str:
    """The first service (by id) of the 300-service city, else the first service."""
    paths = sorted((root / "services").glob("*.yaml"))
    for path in paths:
        if f'"{synth.CITY_300}"' in path.read_text(encoding="utf-8"):
            return path.stem
    return paths[0].stem


def edit_and_wait(served: Served, record: Path, original: str, service: str, i: int) -> float:
    marker = f"Penanda ubahan {i + 1}"
    start = time.perf_counter()
    record.write_text(with_marker(original, marker), encoding="utf-8")
    served.wait(f"layanan/{service}/", lambda status, body: marker in body, 600)
    return time.perf_counter() - start


def create_and_wait(served: Served, created: Path, original: str, i: int) -> float:
    marker = f"Penanda baru {i + 1}"
    start = time.perf_counter()
    created.write_text(with_marker(original, marker), encoding="utf-8")
    served.wait(f"layanan/{created.stem}/", lambda status, body: marker in body, 600)
    return time.perf_counter() - start


def delete_and_wait(served: Served, created: Path) -> float:
    start = time.perf_counter()
    created.unlink()
    served.wait(f"layanan/{created.stem}/", lambda status, body: status == 404, 600)
    return time.perf_counter() - start


def with_marker(original: str, marker: str) -> str:
    """The record with `marker` at the end of its (one-line, quoted) description."""
    lines = original.split("\n")
    at = next(n for n, line in enumerate(lines) if line.startswith("description: "))
    lines[at] = lines[at][:-1] + f' {marker}."'
    return "\n".join(lines)


def wait_for(url: str, ready: Callable[[int, str], bool], timeout: float, proc, err) -> float:
    """Seconds until `url` answers with a status and body for which `ready` holds."""
    import urllib.error
    import urllib.request

    start = time.perf_counter()
    while time.perf_counter() - start < timeout:
        if proc.poll() is not None:
            err.seek(0)
            raise BenchError("serve stopped: " + err.read().decode("utf-8", "replace")[-1500:])
        try:
            with urllib.request.urlopen(url, timeout=30) as response:
                status, body = response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as exc:
            status, body = exc.code, ""
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            status, body = 0, ""
        if status and ready(status, body):
            return time.perf_counter() - start
        time.sleep(0.05)
    raise BenchError(f"{url} not ready after {timeout:.0f} s")


def stop(proc: subprocess.Popen) -> None:
    import signal

    if proc.poll() is None:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def epoch(day) -> int:
    import calendar

    return calendar.timegm(day.timetuple())


# --- page weight ---------------------------------------------------------------------

ASSET_RE = re.compile(
    r"<link\b[^>]*\brel=\"?stylesheet\"?[^>]*\bhref=\"([^\"]+)\"|<script\b[^>]*\bsrc=\"([^\"]+)\"",
    re.IGNORECASE,
)


def page_type(rel: str, sections: frozenset[str] = frozenset()) -> str:
    """`layanan/x/index.html` -> `layanan`; `layanan/index.html` (the section's list page)
    -> `layanan-list`; the home page is `home`; `.../cetak/` pages are `cetak`."""
    parts = rel.split("/")
    if len(parts) == 1:
        return "home" if parts[0] == "index.html" else parts[0].removesuffix(".html")
    if len(parts) == 2:
        return f"{parts[0]}-list" if parts[0] in sections else parts[0]
    return "cetak" if "cetak" in parts[:-1] else parts[0]


def page_weight(site: Path, html_path: Path, cache: dict[Path, int]) -> int:
    """gzip bytes of the page plus every stylesheet and script it loads (first visit)."""
    html = html_path.read_bytes()
    total = gzip_size(html)
    seen: set[Path] = set()
    for match in ASSET_RE.finditer(html.decode("utf-8", "replace")):
        ref = (match.group(1) or match.group(2)).split("?")[0].split("#")[0]
        if ref.startswith(("http:", "https:", "//", "data:")):
            continue
        target = (site / ref.lstrip("/")) if ref.startswith("/") else (html_path.parent / ref)
        target = target.resolve()
        if target in seen or not target.is_file():
            continue
        seen.add(target)
        if target not in cache:
            cache[target] = gzip_size(target.read_bytes())
        total += cache[target]
    return total


def section_page_weight(case: Case) -> dict:
    """Per page type: median and largest first-visit weight (gzip HTML + CSS + JS)."""
    if case.site is None:
        return {"status": NA}
    groups: dict[str, list[int]] = {}
    cache: dict[Path, int] = {}
    pages = sorted(case.site.rglob("*.html"))
    # A folder with pages below its own index page is a section; its index is a list.
    sections = frozenset(
        p.relative_to(case.site).parts[0] for p in pages if len(p.relative_to(case.site).parts) > 2
    )
    for path in pages:
        rel = path.relative_to(case.site).as_posix()
        if rel.startswith(("assets/", "search/", "pagefind/")) or rel == "404.html":
            continue
        groups.setdefault(page_type(rel, sections), []).append(page_weight(case.site, path, cache))
    types = {
        kind: {"pages": len(sizes), "median_kb": kb(median(sizes)), "max_kb": kb(max(sizes))}
        for kind, sizes in sorted(groups.items())
    }
    return {
        "types": types,
        "service_page_goal_kb": GOALS["service_page_kb"],
        "home_emergency": emergency_offset(case),
    }


def kb(n: float) -> float:
    return round(n / 1024, 1)


def emergency_offset(case: Case) -> dict | str:
    """Byte offset (raw and gzip) where the last emergency number's link ends on the home page."""
    home = case.site / "index.html"
    if case.directory is None or not home.is_file():
        return NA
    import phonenumbers

    html = home.read_text(encoding="utf-8")
    ends = []
    for entry in case.directory.emergency_hotlines():
        for channel in entry.record.channels:
            if channel.value and channel.type in ("phone", "whatsapp"):
                number = phonenumbers.parse(channel.value, "ID")
                national = "0" + phonenumbers.national_significant_number(number)
                e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
                found = [(html.find(d), d) for d in (e164[1:], national) if html.find(d) >= 0]
                if found:
                    at, digits = min(found)
                    ends.append(at + len(digits))
    if not ends:
        return "not found"
    prefix = html[: max(ends)].encode("utf-8")
    return {
        "raw_kb": kb(len(prefix)),
        "gzip_kb": kb(gzip_size(prefix)),
        "goal_kb": GOALS["emergency_offset_kb"],
    }


# --- search: bytes before the first result --------------------------------------------

QUERY = "konseling"

PAGEFIND_PROBE = """<!doctype html><meta charset="utf-8"><title>probe</title>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
const search = await pagefind.search(%s);
if (search.results.length) { await search.results[0].data(); }
document.title = "done " + search.results.length;
</script>"""


def fetched(site: Path, page: str, act: Callable, skip_first: bool = False, only: str = "") -> dict:
    """gzip bytes of every same-site file a browser fetched while `act(page)` ran."""
    from urllib.parse import unquote, urlparse

    from playwright.sync_api import sync_playwright

    urls: list[str] = []
    with localserve.serve(site) as root, sync_playwright() as pw:
        base = root.rstrip("/")
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            tab = browser.new_page()
            tab.on("requestfinished", lambda request: urls.append(request.url))
            tab.goto(base + page)
            act(tab)
        finally:
            browser.close()
    files = []
    for url in urls[1:] if skip_first else urls:
        path = unquote(urlparse(url).path)
        if not path.lstrip("/").startswith(only):
            continue
        target = site / path.lstrip("/")
        if target.is_dir():
            target = target / "index.html"
        if target.is_file():
            files.append(target)
    sizes = {f.relative_to(site).as_posix(): gzip_size(f.read_bytes()) for f in files}
    return {"kb": kb(sum(sizes.values())), "requests": len(sizes)}


def section_search(case: Case) -> dict:
    """Ours (city and national scope), Material's own index, Pagefind on the same site."""
    result: dict = {"query": QUERY, "city_300_goal_kb": GOALS["search_city_300_kb"]}
    result["ours"] = ours_search(case) if case.site is not None else NA
    if case.options.smoke or case.site is None:
        result["material_index"] = result["pagefind"] = SKIPPED if case.site else NA
        return result
    result["material_index"] = material_index(case)
    result["pagefind"] = pagefind(case)
    return result


def material_index(case: Case) -> dict:
    """Material's built-in search on the same docs tree with the per-page exclusions removed."""
    docs = case.work / "material-docs"
    shutil.rmtree(docs, ignore_errors=True)
    shutil.copytree(case.work / "build-docs", docs)
    for md in docs.rglob("*.md"):
        text = md.read_text(encoding="utf-8")
        cleaned = EXCLUDE_RE.sub("", text)
        if cleaned != text:
            md.write_text(cleaned, encoding="utf-8")
    site = case.work / "site-material-search"
    timing = plain_mkdocs(docs, site, plugins=["search"])
    index = site / "search" / "search_index.json"
    shutil.rmtree(docs, ignore_errors=True)
    return {"index_kb": kb(gzip_size(index.read_bytes())), "build_s": timing["wall_s"]}


EXCLUDE_RE = re.compile(r"^search:\s*(?:\{\s*exclude:\s*true\s*\}|\n\s+exclude:\s*true)\s*\n", re.M)


def pagefind(case: Case) -> dict:
    """Pagefind indexing our built site; bytes fetched for the query's first result."""
    site = case.site
    timing = run_child([sys.executable, "-m", "pagefind", "--site", str(site)], env=child_env())
    (site / "__bench_pagefind.html").write_text(
        PAGEFIND_PROBE % json.dumps(QUERY), encoding="utf-8"
    )

    def act(tab) -> None:
        tab.wait_for_function("document.title.startsWith('done')", timeout=120_000)

    try:
        query = fetched(site, "/__bench_pagefind.html", act, skip_first=True)
    finally:
        (site / "__bench_pagefind.html").unlink(missing_ok=True)
    return {"index_s": timing["wall_s"], "query": query}


def ours_search(case: Case) -> dict:
    """City-scoped query from three city pages, and a national query from the search page."""
    if not (case.site / "assets" / "search" / "loader.js").is_file():
        return {"status": "n/a (search not in the built site)"}
    counts = city_counts(case)
    ranked = sorted(counts, key=lambda c: (counts[c], c))
    cities = {"city_median": ranked[(len(ranked) - 1) // 2], "city_largest": ranked[-1]}
    if counts.get(synth.CITY_300) == 300:
        cities = {"city_300": synth.CITY_300} | cities
    result = {}
    for label, code in cities.items():
        page = next(case.site.glob(f"kota/{code.replace('.', '-')}-*/index.html"), None)
        if page is None:
            result[label] = {"status": f"no page for city {code}"}
            continue
        url = "/" + page.parent.relative_to(case.site).as_posix() + "/"
        result[label] = {"city": code, "services": counts[code]} | search_fetch(
            case.site, url, HEADER_QUERY
        )
    result["national"] = search_fetch(case.site, "/search/", PAGE_QUERY)
    return result


HEADER_QUERY = ("[data-ids-search] [data-ids-query]", "[data-ids-search] [data-record-id]")
PAGE_QUERY = ("#ids-page-query", "[data-ids-page] [data-record-id]")


def city_counts(case: Case) -> dict[str, int]:
    """City-level services per city code."""
    counts: dict[str, int] = {}
    for entry in case.directory.services.values():
        for code in {c[:5] for c in entry.record.service_area if len(c) >= 5}:
            counts[code] = counts.get(code, 0) + 1
    return counts


def search_fetch(site: Path, url: str, selectors: tuple[str, str]) -> dict:
    """Open `url`, type the query, wait for the first result (or "no result"): search bytes."""
    box, hit = selectors
    found = {}

    def act(tab) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        tab.fill(box, QUERY)
        try:
            tab.wait_for_function(
                "([hit]) => document.querySelector(hit) || [...document.querySelectorAll("
                "'.ids-status')].some(e => e.textContent.includes('Tidak ada hasil'))",
                arg=[hit],
                timeout=60_000,
            )
        except PlaywrightTimeout:
            found["status"] = "no result or message within 60 s"
        found["hit"] = tab.query_selector(hit) is not None

    measured = fetched(site, url, act, only="assets/search/")
    return (
        measured
        | {"first_result": found.get("hit", False)}
        | ({"status": found["status"]} if "status" in found else {})
    )


# --- leaflets ------------------------------------------------------------------------


def section_leaflets(case: Case) -> dict:
    """Seconds per PDF on one core, speed-up from all cores, PDFs re-rendered on a rerun."""
    render = render_leaflets
    if case.directory is None:
        return {"status": NA}
    serial, parallel, reruns, count = [], [], [], 0
    for i in range(case.runs):
        for jobs, times in ((1, serial), (None, parallel)):
            out = fresh(case.work / f"leaflets-{i}")
            start = time.perf_counter()
            results = render(case.directory, out, jobs=jobs)
            times.append(time.perf_counter() - start)
            count = len(results)
        reruns.append(sum(1 for r in render(case.directory, out, jobs=None) if r.get("rendered")))
        shutil.rmtree(out, ignore_errors=True)
    if not count:
        return {"status": "no leaflets in the synthetic directory"}
    case.notes["leaflets_s"] = median(parallel)
    return {
        "pdfs": count,
        "s_per_pdf": round(median(serial) / count, 3),
        "speedup_all_cores": round(
            median([s / p for s, p in zip(serial, parallel, strict=True)]), 2
        ),
        "cores": os.cpu_count(),
        "rerun_rendered": max(reruns),
        "rerun_goal": GOALS["leaflets_rerun"],
    }


# --- the run -------------------------------------------------------------------------

SECTION_FUNCS: dict[str, Callable[[Case], dict]] = {
    "stages": section_stages,
    "validation": section_validation,
    "leaflets": section_leaflets,
    "build": section_build,
    "edit_preview": section_edit_preview,
    "page_weight": section_page_weight,
    "search": section_search,
}


def run_case(records: int, work: Path, options: Options) -> dict:
    """Synthesize one size, then run every section in order (later ones use earlier output)."""
    case = Case(records, work, options)
    start = time.perf_counter()
    synth.synthesize(case.root, records, options.seed)
    result: dict = {
        "records": records,
        "runs": case.runs,
        "synth_s": round(time.perf_counter() - start, 2),
    }
    for name, fn in SECTION_FUNCS.items():
        if name not in options.only:
            result[name] = {"status": NOT_RUN}
            continue
        log.info("bench %d: %s", records, name)
        try:
            result[name] = fn(case)
        except (BenchError, GeneratorError) as exc:
            log.error("bench %d: %s failed: %s", records, name, exc)
            result[name] = {"status": f"failed: {exc}"}
    if "leaflets_s" in case.notes and isinstance(result["stages"], dict):
        result["stages"]["leaflets"] = per_record(case.notes["leaflets_s"], records)
    return result


def run(options: Options) -> dict:
    """Every size; returns the JSON-ready results."""
    work = options.work or Path(tempfile.mkdtemp(prefix="bench-"))
    try:
        sizes = {str(n): run_case(n, work / f"n{n}", options) for n in options.sizes}
    finally:
        if options.work is None and not options.keep:
            shutil.rmtree(work, ignore_errors=True)
    return {
        "smoke": options.smoke,
        "runs": 1 if options.smoke else options.runs,
        "seed": options.seed,
        "machine": {"cores": os.cpu_count(), "python": sys.version.split()[0]},
        "versions": versions(),
        "goals": GOALS,
        "sizes": sizes,
    }


def versions() -> dict:
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in ("mkdocs", "mkdocs-material", "pagefind", "weasyprint", "lunr"):
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = None
    return found


def write_json(results: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(
        json.dumps(results, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    tmp.replace(path)


# --- the table -----------------------------------------------------------------------


def dig(data, *keys):
    """`data[k1][k2]...`, or the section's status text ('n/a ...') when it has none."""
    for key in keys:
        if isinstance(data, str):
            return data
        if not isinstance(data, dict):
            return "-"
        if key not in data:
            return data.get("status", "-")
        data = data[key]
    return data


def cell(*values, sep: str = " / ") -> str:
    texts = [
        v if isinstance(v, str) else f"{v:g}" if isinstance(v, float) else str(v) for v in values
    ]
    na = [t for t in texts if t.startswith(("n/a", "skipped", "failed", "not run"))]
    return na[0][:26] if na else sep.join(texts)


ROWS: list[tuple[str, Callable[[dict], str], str]] = [
    ("synth s", lambda r: cell(r["synth_s"]), ""),
    ("stage load ms/rec", lambda r: cell(dig(r, "stages", "load", "ms_per_record")), ""),
    ("stage check ms/rec", lambda r: cell(dig(r, "stages", "check", "ms_per_record")), ""),
    (
        "stage docs tree ms/rec",
        lambda r: cell(dig(r, "stages", "render_docs", "ms_per_record")),
        "",
    ),
    ("stage search ms/rec", lambda r: cell(dig(r, "stages", "search_index", "ms_per_record")), ""),
    ("stage leaflets ms/rec", lambda r: cell(dig(r, "stages", "leaflets", "ms_per_record")), ""),
    (
        "build ours s / MB",
        lambda r: cell(dig(r, "build", "ours", "wall_s"), dig(r, "build", "ours", "peak_mb")),
        "",
    ),
    (
        "mkdocs same tree s / MB",
        lambda r: cell(
            dig(r, "build", "mkdocs_same_tree", "wall_s"),
            dig(r, "build", "mkdocs_same_tree", "peak_mb"),
        ),
        "",
    ),
    (
        "Material floor s / MB",
        lambda r: cell(
            dig(r, "build", "material_floor", "wall_s"),
            dig(r, "build", "material_floor", "peak_mb"),
        ),
        "",
    ),
    (
        "build ours CPU s / floor CPU s",
        lambda r: cell(
            dig(r, "build", "ours", "cpu_s"), dig(r, "build", "material_floor", "cpu_s")
        ),
        "",
    ),
    (
        "no-change rebuild s / MB",
        lambda r: cell(
            dig(r, "build", "no_change", "wall_s"), dig(r, "build", "no_change", "peak_mb")
        ),
        "",
    ),
    (
        "pages ours / floor",
        lambda r: cell(dig(r, "build", "pages"), dig(r, "build", "floor_pages")),
        "",
    ),
    ("build ratio ours/floor", lambda r: cell(dig(r, "build", "floor_ratio")), "<= 3"),
    ("no-change / clean build", lambda r: cell(dig(r, "build", "no_change_ratio")), "<= 0.1"),
    ("build ratio ours/mkdocs", lambda r: cell(dig(r, "build", "ratio")), "<= 1.3"),
    ("edit -> preview s", lambda r: cell(dig(r, "edit_preview", "edit_s")), "<= 2 (10k)"),
    ("create -> preview s", lambda r: cell(dig(r, "edit_preview", "create_s")), "<= 2 (10k)"),
    ("delete -> preview s", lambda r: cell(dig(r, "edit_preview", "delete_s")), "<= 2 (10k)"),
    ("search city 300 KB", lambda r: cell(dig(r, "search", "ours", "city_300", "kb")), "<= 60"),
    ("search median city KB", lambda r: cell(dig(r, "search", "ours", "city_median", "kb")), ""),
    ("search largest city KB", lambda r: cell(dig(r, "search", "ours", "city_largest", "kb")), ""),
    (
        "search national KB",
        lambda r: cell(dig(r, "search", "ours", "national", "kb")),
        "<= Pagefind",
    ),
    (
        "Material search index KB",
        lambda r: cell(dig(r, "search", "material_index", "index_kb")),
        "",
    ),
    ("Pagefind query KB", lambda r: cell(dig(r, "search", "pagefind", "query", "kb")), ""),
    (
        "home: emergency end KB",
        lambda r: cell(
            dig(r, "page_weight", "home_emergency", "raw_kb"),
            dig(r, "page_weight", "home_emergency", "gzip_kb"),
            sep=" raw / gz ",
        ),
        "< 14",
    ),
    ("leaflets s/PDF", lambda r: cell(dig(r, "leaflets", "s_per_pdf")), ""),
    ("leaflets speed-up", lambda r: cell(dig(r, "leaflets", "speedup_all_cores")), ""),
    ("leaflets rerun rendered", lambda r: cell(dig(r, "leaflets", "rerun_rendered")), "0"),
    (
        "check command s (every file read)",
        lambda r: cell(dig(r, "validation", "command_s")),
        "<= 2 (10k)",
    ),  # fmt: skip
    (
        "check command s (read cache)",
        lambda r: cell(dig(r, "validation", "command_cached_s")),
        "<= 2 (10k)",
    ),  # fmt: skip
    ("check in process s (warm)", lambda r: cell(dig(r, "validation", "in_process_s")), ""),
]


def page_rows(results: dict) -> list[tuple[str, Callable[[dict], str], str]]:
    """One row per page type found in any size: median (max) first-visit KB."""
    kinds = sorted({k for r in results["sizes"].values() for k in dig(r, "page_weight", "types") or {} if isinstance(dig(r, "page_weight", "types"), dict)})  # fmt: skip
    rows = []
    for kind in kinds:
        goal = "<= 70" if kind == "layanan" else ""

        def get(r, kind=kind):
            return cell(dig(r, "page_weight", "types", kind, "median_kb"), dig(r, "page_weight", "types", kind, "max_kb"), sep=" (max ") + ("" if isinstance(dig(r, "page_weight", "types", kind, "max_kb"), str) else ")")  # fmt: skip

        rows.append((f"page {kind} KB", get, goal))
    return rows


def format_table(results: dict) -> str:
    sizes = list(results["sizes"].values())
    split = next(i for i, row in enumerate(ROWS) if row[0].startswith("home: emergency"))
    header = ["figure", *(f"{r['records']:,}" for r in sizes), "goal"]
    body = [
        [label, *(get(r) for r in sizes), goal]
        for label, get, goal in ROWS[:split] + page_rows(results) + ROWS[split:]
    ]
    widths = [max(len(row[i]) for row in [header, *body]) for i in range(len(header))]
    lines = [
        "  ".join(text.ljust(width) for text, width in zip(row, widths, strict=True))
        for row in [header, *body]
    ]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(line.rstrip() for line in lines)
