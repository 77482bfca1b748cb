"""The one build order: check -> leaflets -> docs tree -> search -> data -> MkDocs -> swap.

Each stage is a small function usable on its own (tests call them without MkDocs), and
each reads only the checked Directory and what an earlier stage of the same run
returned, never files a previous build left behind:
- leaflets (`generator.print`): PDFs and PNG previews into the docs tree, one entry per
  PDF for the materials page (title, city, kind, pdf, png, page_size, file_size);
- docs (`generator.site`): every page, the materials page included, written once;
- search (`generator.search`): search shards and scripts;
- data (`generator.hsds`): the open data export (HSDS 3.0 JSON, tabular package,
  GeoJSON) under `data/`;
- MkDocs: first the config of that tree, beside it (`generator.site.config`: the
  settings in, no hook; `mkdocs build -f .build/docs.mkdocs.yml` alone builds the same
  site), then the pages.
MkDocs empties its output folder before writing, so it builds into a temporary folder
next to `site/`, and only a finished build replaces the live one: a failed build
leaves the last good site in place.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from . import forked, hsds, outfolder, search, site, stamp
from . import print as leaflets
from .check import check_directory
from .directory import Directory
from .errors import CheckFailed, GeneratorError
from .paths import MKDOCS_YML, PACKAGE
from .site import twocore
from .site.lowmem import LowMemoryPlugin
from .site.navmemo import NavMemoPlugin
from .site.pagememo import PageMemoPlugin
from .site.rawpage import RawPagePlugin

log = logging.getLogger(__name__)


class BuildFailed(GeneratorError):
    """MkDocs could not build the site; the previous site is untouched."""


@dataclass
class BuildResult:
    site_dir: Path
    timings: dict[str, float] = field(default_factory=dict)
    materials: list[dict] = field(default_factory=list)
    unchanged: bool = False  # nothing changed since the last build: the live site was kept


@contextlib.contextmanager
def timed(name: str, timings: dict[str, float]) -> Iterator[None]:
    start = time.perf_counter()
    try:
        yield
    finally:
        timings[name] = time.perf_counter() - start
        log.info("stage %s: %.2f s", name, timings[name])


# --- stages ----------------------------------------------------------------------------


def check_stage(root: Path, today: date) -> Directory:
    """Load and check every record; raise CheckFailed with the whole report."""
    directory, report = check_directory(root, today, cache=True)  # unchanged files: as last read
    if directory is None:
        raise CheckFailed(report)
    return directory


def leaflets_stage(directory: Directory, docs_dir: Path) -> list[dict]:
    """PDFs and previews into the docs tree; one entry per PDF for the materials page."""
    return leaflets.site_stage(directory, docs_dir)


def docs_stage(
    directory: Directory, docs_dir: Path, content_dir: Path | None, materials: list[dict]
) -> site.WriteResult:
    """Every page of the docs tree, the materials page listing `materials` included."""
    return site.generate(directory, docs_dir, content_dir, materials)


def search_stage(directory: Directory, docs_dir: Path) -> None:
    search.site_stage(directory, docs_dir)


def data_stage(directory: Directory, docs_dir: Path) -> None:
    hsds.site_stage(directory, docs_dir)


def mkdocs_stage(
    config_file: Path, docs_dir: Path, site_dir: Path, directory: Directory, strict: bool
) -> None:
    """MkDocs + Material build of the prepared docs tree into `site_dir`, with the config
    generated beside the tree from `config_file` (settings in, no hook; see
    generator/site/config.py): `mkdocs build -f` that file alone gives the same site."""
    from mkdocs.exceptions import MkDocsException

    with data_epoch(directory):
        config = load_site_config(config_file, docs_dir, site_dir, directory, strict)
        try:
            twocore.build(config)  # MkDocs' build, pages on both cores
        except (MkDocsException, SystemExit) as exc:
            raise BuildFailed(f"MkDocs build failed: {exc}") from exc
        except Exception as exc:  # a theme or plugin bug must not pass for a finished build
            raise BuildFailed(f"MkDocs build failed: {type(exc).__name__}: {exc}") from exc


def load_site_config(
    config_file: Path,
    docs_dir: Path,
    site_dir: Path,
    directory: Directory,
    strict: bool = False,
    low_memory: bool = True,
) -> Any:
    """MkDocs' config of the docs tree (generated beside it) with our in-process plugins,
    as `build` and the live preview use it. `low_memory`: pages let go once written (not
    for the preview, which renders pages again)."""
    import yaml
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    try:
        generated = site.write_config(config_file, docs_dir, directory.settings)
    except yaml.YAMLError as exc:  # the generated config is plain YAML: no !ENV or !!python tags
        raise BuildFailed(
            f"{config_file}: not plain YAML, cannot generate the config: {exc}"
        ) from None
    try:
        config = load_config(str(generated), site_dir=str(site_dir), strict=strict)
    except (MkDocsException, SystemExit) as exc:
        raise BuildFailed(f"MkDocs build failed: {exc}") from exc
    for name, plugin in in_process_plugins(low_memory).items():
        config.plugins[name] = plugin
    return config


def in_process_plugins(low_memory: bool = True) -> dict[str, Any]:
    """Our MkDocs plugins that only an in-process build adds (a plain `mkdocs build -f`
    of the generated config renders the same pages without them, slower): raw pages
    without Markdown, the navigation and page memos, pages let go once written."""
    plugins: dict[str, Any] = {
        "direktori-rawpage": RawPagePlugin(),
        "direktori-navmemo": NavMemoPlugin(),
    }
    if low_memory:
        plugins["direktori-lowmem"] = LowMemoryPlugin()
    plugins["direktori-pagememo"] = PageMemoPlugin()  # last: wraps the env
    return plugins


@contextlib.contextmanager
def data_epoch(directory: Directory) -> Iterator[None]:
    """MkDocs stamps the sitemap with the build time unless SOURCE_DATE_EPOCH is set: use
    the directory's own latest date instead, so the same records give the same site."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        yield
        return
    latest = latest_record_date(directory)
    os.environ["SOURCE_DATE_EPOCH"] = str(
        int(datetime(latest.year, latest.month, latest.day, tzinfo=UTC).timestamp())
    )
    try:
        yield
    finally:
        os.environ.pop("SOURCE_DATE_EPOCH", None)


def latest_record_date(directory: Directory) -> date:
    dates = [
        directory.latest_source_date(e)
        for table in (directory.services, directory.organisations, directory.hotlines)
        for e in table.values()
    ]
    dates += [
        e.record.verified_on
        for table in (directory.services, directory.organisations, directory.hotlines)
        for e in table.values()
    ]
    return max((d for d in dates if d), default=date(2000, 1, 1))


def compress_stage(site_dir: Path, previous: Path | None = None) -> None:
    """gzip copies of the built site's text files, for hosts that serve them; unchanged
    files take their copy from the `previous` site."""
    from .site.compress import precompress

    precompress(site_dir, previous if previous is not None and previous.is_dir() else None)


def swap_stage(new_site: Path, out: Path) -> None:
    """Make `new_site` the live `out` without a moment with no site (see outfolder)."""
    outfolder.publishable(new_site)
    outfolder.exchange(new_site, out)


# --- the pipeline ------------------------------------------------------------------------


@dataclass
class BuildOptions:
    root: Path = Path("directory")
    out: Path = Path("site")
    config_file: Path = MKDOCS_YML
    docs_dir: Path | None = None  # default: mkdocs.yml's docs_dir (.build/docs)
    content_dir: Path | None = None  # default: content/ next to mkdocs.yml
    today: date = field(default_factory=date.today)
    strict: bool = False
    with_mkdocs: bool = True
    # From the command line: the checkout `out` must lie in unless `allow_outside`.
    checkout: Path | None = None
    allow_outside: bool = False
    # False: build everything even when the stamp says nothing changed (`--full`).
    use_stamp: bool = True


def prepare_docs(
    root: Path,
    docs_dir: Path,
    content_dir: Path | None,
    today: date,
    timings: dict[str, float],
    materials: list[dict] | None = None,
) -> tuple[Directory, list[dict]]:
    """Everything before MkDocs: check, leaflets, docs tree, search, data (also run by
    the hook). With `materials` (a list an earlier leaflets stage returned), the
    leaflets are not rendered again and the materials page lists those.

    Search and data read only the Directory and write their own files: a forked child
    runs them on the second core while this process renders leaflets and the docs tree."""
    with timed("check", timings):
        directory = check_stage(root, today)
    child = forked.Child("search+data", assets_stages, directory, docs_dir)
    try:
        if materials is None:
            with timed("leaflets", timings):
                materials = leaflets_stage(directory, docs_dir)
        with timed("docs", timings):
            docs_stage(directory, docs_dir, content_dir, materials)
        with timed("search+data (wait)", timings):
            timings.update(child.result())
    finally:
        child.stop()
    return directory, materials


def assets_stages(directory: Directory, docs_dir: Path) -> dict[str, float]:
    """Search and data export (run beside the docs tree); returns their timings."""
    timings: dict[str, float] = {}
    with timed("search", timings):
        search_stage(directory, docs_dir)
    with timed("data", timings):
        data_stage(directory, docs_dir)
    return timings


def build(options: BuildOptions) -> BuildResult:
    """Guard the output folders, take the lock, clean leftovers, then build and swap."""
    docs_dir = options.docs_dir or default_docs_dir(options.config_file)
    guard_folders(options, docs_dir)
    folders = [docs_dir, options.out] if options.with_mkdocs else [docs_dir]
    try:
        with outfolder.locked(folders):
            if options.with_mkdocs:
                outfolder.clean_leftovers(options.out)
            return _build(options, docs_dir)
    except OSError as exc:
        raise BuildFailed(outfolder.describe_os_error(exc, "membangun situs")) from None


def guard_folders(options: BuildOptions, docs_dir: Path) -> None:
    """Refuse, before anything is written, output folders that could cost data."""
    project = options.config_file.resolve().parent
    records = [options.root]
    outfolder.guard_inside(docs_dir, records, "--docs-dir")
    if docs_dir.exists() and not docs_dir.is_dir():
        raise outfolder.UnsafeOutput(
            f"'{docs_dir}' adalah file, padahal harus folder dokumen build. Saran: hapus atau"
            f" pindahkan file itu. / '{docs_dir}' is a file where the docs folder must be."
        )
    if options.with_mkdocs:
        keep = [project, docs_dir, PACKAGE]
        outfolder.guard_out(options.out, records, keep, options.checkout, options.allow_outside)


def _build(options: BuildOptions, docs_dir: Path) -> BuildResult:
    timings: dict[str, float] = {}
    content_dir = options.content_dir or options.config_file.parent / "content"
    inputs = ""
    if options.with_mkdocs:
        with timed("inputs", timings):
            inputs = inputs_digest(options, docs_dir, content_dir)
            if options.use_stamp and up_to_date(inputs, options.out, docs_dir):
                log.info("nothing changed since the last build: %s kept as it is", options.out)
                return BuildResult(options.out, timings, unchanged=True)
            stamp.remove_stamp(stamp.stamp_path(docs_dir))
    directory, materials = prepare_docs(options.root, docs_dir, content_dir, options.today, timings)
    result = BuildResult(options.out, timings, materials)
    if not options.with_mkdocs:
        return result
    options.out.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=outfolder.temp_prefix(options.out), dir=options.out.parent))
    try:
        with timed("mkdocs", timings):
            mkdocs_stage(options.config_file, docs_dir, tmp, directory, options.strict)
        with timed("compress", timings):
            compress_stage(tmp, options.out)
        with timed("swap", timings):
            swap_stage(tmp, options.out)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    with timed("stamp", timings):
        write_build_stamp(inputs, options.out, docs_dir)
    return result


# --- the build stamp: an unchanged rebuild keeps the live site ------------------------------


def inputs_digest(options: BuildOptions, docs_dir: Path, content_dir: Path) -> str:
    """One digest of everything the site is made from (see generator/stamp.py)."""
    config = options.config_file
    trees = [options.root, content_dir, PACKAGE, theme_dir(config)]
    choices = {
        "today": options.today.isoformat(),
        "strict": str(options.strict),
        "root": str(options.root.resolve()),
        "out": str(options.out.resolve()),
        "docs": str(docs_dir.resolve()),
        "config": str(config.resolve()),
        "SOURCE_DATE_EPOCH": os.environ.get("SOURCE_DATE_EPOCH", ""),
    }
    return stamp.inputs_digest(trees, [config, *inherited(config)], choices)


def up_to_date(inputs: str, out: Path, docs_dir: Path) -> bool:
    """The stamp beside the docs folder names these inputs, this live site and this docs
    folder, exactly as that build left them."""
    found = stamp.read_stamp(stamp.stamp_path(docs_dir))
    return (
        found is not None
        and found.inputs == inputs
        and found.site == stamp.fingerprint(out)
        and found.docs == stamp.fingerprint(docs_dir)
    )


def write_build_stamp(inputs: str, out: Path, docs_dir: Path) -> None:
    now = stamp.Stamp(inputs, stamp.fingerprint(out), stamp.fingerprint(docs_dir))
    stamp.write_stamp(stamp.stamp_path(docs_dir), now)


def default_docs_dir(config_file: Path) -> Path:
    """docs_dir as mkdocs.yml names it, read without MkDocs (it must exist before MkDocs runs)."""
    return config_file.parent / (config_values(config_file).get("docs_dir") or ".build/docs")


def theme_dir(config_file: Path) -> Path:
    """The theme overrides folder (`theme.custom_dir`), default overrides/ beside the config."""
    theme = config_values(config_file).get("theme")
    custom = theme.get("custom_dir") if isinstance(theme, dict) else None
    return config_file.parent / (custom or "overrides")


def inherited(config_file: Path) -> list[Path]:
    """The config `INHERIT:` names, if any (https://www.mkdocs.org/user-guide/configuration/#configuration-inheritance)."""
    parent = config_values(config_file).get("INHERIT")
    return [config_file.parent / parent] if isinstance(parent, str) else []


def config_values(config_file: Path) -> dict:
    """The top level of the MkDocs config, read without MkDocs; {} when unreadable."""
    import yaml

    class _Loader(yaml.SafeLoader):
        pass

    # mkdocs.yml may hold !ENV and !!python/name tags; only docs_dir matters here.
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(config_file.read_text(encoding="utf-8"), Loader=_Loader) or {}
    except (OSError, yaml.YAMLError):
        data = {}
    return data if isinstance(data, dict) else {}


def env_root(default: str = "directory") -> Path:
    return Path(os.environ.get("DIREKTORI_ROOT", default))
