"""MkDocs' build with its page loop on both cores.

`mkdocs.commands.build.build` (MkDocs 1.6.1) gathers everything first (files,
navigation, every page read and converted), then renders and writes the pages one by
one in one process. Here the same steps run in the same order, and once everything is
gathered a forked child (generator/forked.py) renders and writes half of the pages that
are not in MkDocs' search index while this process renders the others; then this
process checks anchors and runs the post-build events (sitemap, search index) as
MkDocs does. Rendering a page only reads what was gathered and writes its own file.

Only used with plugins known to keep nothing per page for those pages (Material's
search indexes only pages it does not exclude; the generator's own memos only cache):
with any other plugin, or when a fork is not possible, every page renders here.
The function mirrors MkDocs' private steps (`_populate_page`, `_build_page`, ...):
requirements.txt pins the version and tests/site/test_twocore.py holds `build` to the
source it mirrors.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from typing import Any

from mkdocs.commands import build as mk
from mkdocs.exceptions import Abort, BuildError
from mkdocs.structure.files import File, Files, InclusionLevel, get_files, set_exclusions
from mkdocs.structure.pages import Page
from mkdocs.utils import CountHandler, clean_directory

from .. import forked

log = logging.getLogger(__name__)

INCLUDED = InclusionLevel.is_included
# Plugins whose page events keep no state for a page excluded from search.
KNOWN_PLUGINS = {
    "material/search",
    "direktori-rawpage",
    "direktori-navmemo",
    "direktori-lowmem",
    "direktori-pagememo",
}


def build(config: Any, cores: int | None = None) -> None:
    """`mkdocs.commands.build.build(config)` of MkDocs 1.6.1 without serve and dirty
    modes, pages on two cores when there are two."""
    logger = logging.getLogger("mkdocs")
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    if config.strict:
        logger.addHandler(counter)
    try:
        config = config.plugins.on_config(config)
        config.plugins.on_pre_build(config=config)
        clean_directory(config.site_dir)
        files, nav, env = gather(config)
        files.copy_static_files(inclusion=INCLUDED)
        for template in config.theme.static_templates:
            mk._build_theme_template(template, env, files, config, nav)
        for template in config.extra_templates:
            mk._build_extra_template(template, files, config, nav)
        doc_files = files.documentation_pages(inclusion=INCLUDED)
        counts = build_pages(doc_files, config, nav, env, cores or os.cpu_count() or 1)
        if config.strict:  # warnings the child logged count as MkDocs counts its own
            for level, n in counts.items():
                counter.counts[level] += n
        for file in doc_files:
            assert file.page is not None
            file.page.validate_anchor_links(files=files, log_level=config.validation.links.anchors)
        config.plugins.on_post_build(config=config)
        if found := counter.get_counts():
            msg = ", ".join(f"{v} {k.lower()}s" for k, v in found)
            raise Abort(f"Aborted with {msg} in strict mode!")
    except Exception as e:
        config.plugins.on_build_error(error=e)
        if isinstance(e, BuildError):
            log.error(str(e))
            raise Abort("Aborted with a BuildError!") from e
        raise
    finally:
        logger.removeHandler(counter)


def files_and_nav(config: Any) -> tuple[Files, Any, Any]:
    """MkDocs 1.6.1's first build steps: the files (the theme's added, plugins' `on_files`,
    exclusions set), the theme's environment, the navigation (plugins' `on_nav`). The
    build and the live preview both start here."""
    files = get_files(config)
    env = config.theme.get_env()
    files.add_files_from_theme(env, config)
    files = config.plugins.on_files(files, config=config)
    set_exclusions(files, config)
    nav = mk.get_navigation(files, config)
    nav = config.plugins.on_nav(nav, config=config, files=files)
    return files, env, nav


def gather(config: Any) -> tuple[Files, Any, Any]:
    """Files, navigation and every page read and converted, then the theme environment."""
    files, env, nav = files_and_nav(config)
    for file in files.documentation_pages(inclusion=INCLUDED):
        if file.page is None and file.inclusion.is_not_in_nav():
            Page(None, file, config)
        assert file.page is not None
        mk._populate_page(file.page, config, files)
    env = config.plugins.on_env(env, config=config, files=files)
    return files, nav, env


def build_pages(
    doc_files: Sequence[File], config: Any, nav: Any, env: Any, cores: int
) -> dict[int, int]:
    """Render and write every page; returns the child's warning counts by level."""
    here, there = split(doc_files, config) if cores > 1 else (doc_files, [])
    if not there:
        render(here, doc_files, config, nav, env)
        return {}
    child = forked.Child("MkDocs pages", render_counted, there, doc_files, config, nav, env)
    try:
        render(here, doc_files, config, nav, env)
        return child.result()
    finally:
        child.stop()


def split(doc_files: Sequence[File], config: Any) -> tuple[Sequence[File], list[File]]:
    """The pages for this process and for the child: every second page outside search, and
    none when a plugin could keep something per page."""
    if set(config.plugins) - KNOWN_PLUGINS:
        return doc_files, []
    movable = [f for f in doc_files if not_searched(f)]
    there = set(map(id, movable[1::2]))
    return [f for f in doc_files if id(f) not in there], movable[1::2]


def not_searched(file: File) -> bool:
    page = file.page
    search = (page.meta.get("search") if page is not None else None) or {}
    return isinstance(search, dict) and bool(search.get("exclude"))


def render(
    files: Sequence[File], doc_files: Sequence[File], config: Any, nav: Any, env: Any
) -> None:
    for file in files:
        assert file.page is not None
        mk._build_page(file.page, config, doc_files, nav, env)


def render_counted(
    files: Sequence[File], doc_files: Sequence[File], config: Any, nav: Any, env: Any
) -> dict[int, int]:
    """`render` in the child; the warnings it logged, for the parent's strict mode."""
    counter = CountHandler()
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    render(files, doc_files, config, nav, env)
    return dict(counter.counts)
