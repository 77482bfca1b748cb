"""MkDocs kept in memory: build the whole site once, then render only the pages given.

`mkdocs serve --dirty` reloads the config, lists every file and reads every page
again on each change (about 4.7 s at 10,000 records before it renders anything).
Here the config, the `Files`, the navigation and the theme's Jinja environment are
made once, by the same steps as `mkdocs.commands.build.build` in MkDocs 1.6.1, and a
change re-runs MkDocs' own per-page steps (`_populate_page`, `_build_page`) for the
changed pages only. Those two functions are private to MkDocs: the version is pinned
in requirements.txt and `tests/preview/test_engine.py` holds them to this use.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterable, Iterator
from pathlib import Path

import jinja2
from mkdocs.commands import build as mk
from mkdocs.structure.files import File, Files, InclusionLevel, set_exclusions
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

from .. import build
from ..directory import Directory
from ..site import twocore

log = logging.getLogger(__name__)

INCLUDED = InclusionLevel.is_included


class MkDocsSite:
    """One MkDocs site whose pages can be rendered again one by one."""

    def __init__(self, config_file: Path, docs_dir: Path, site_dir: Path, directory: Directory):
        self.docs_dir, self.site_dir, self.directory = docs_dir, site_dir, directory
        # The config a build generates beside the docs tree and the build's in-process
        # plugins: the same pages `build` writes (pages kept: they are rendered again).
        with self.context():
            self.config = build.load_site_config(
                config_file, docs_dir, site_dir, directory, low_memory=False
            )
            self.config = self.config.plugins.on_config(self.config)
        self.files: Files = Files([])
        self.doc_files: list[File] = []  # the documentation pages, as MkDocs lists them
        self.nav: Navigation  # set by build_all
        self.env: jinja2.Environment
        self.rendered = 0  # pages rendered since start (tests read it)

    @contextlib.contextmanager
    def context(self) -> Iterator[None]:
        """Dates as in a build (the sitemap's, from the records)."""
        with build.data_epoch(self.directory):
            yield

    def build_all(self) -> None:
        """A whole build, as `mkdocs build` does it, keeping what it gathered."""
        config = self.config
        with self.context():
            config.plugins.on_pre_build(config=config)
            mk.utils.clean_directory(config.site_dir)
            files, env, self.nav = twocore.files_and_nav(config)
            self.files = files
            self.doc_files = list(files.documentation_pages(inclusion=INCLUDED))
            pages = [self._page(f) for f in files.documentation_pages(inclusion=INCLUDED)]
            for page in pages:
                mk._populate_page(page, config, files)
            self.env = config.plugins.on_env(env, config=config, files=files)
            files.copy_static_files(inclusion=INCLUDED)
            for template in config.theme.static_templates:
                mk._build_theme_template(template, self.env, files, config, self.nav)
            self._build(pages)
            config.plugins.on_post_build(config=config)

    def update(self, written: Iterable[str], deleted: Iterable[str]) -> None:
        """Render the docs files `written` (new or changed) and drop `deleted` ones."""
        for src in deleted:
            self._remove(src)
        pages = []
        for src in written:
            file = self.files.get_file_from_path(src) or self._add(src)
            if file.is_documentation_page():
                pages.append(self._page(file))
            else:
                file.copy_file()
        # No context: the hook only acts on config and serve events, and no template
        # reads the build date (SOURCE_DATE_EPOCH, set at the start, dates the sitemap).
        for page in pages:
            mk._populate_page(page, self.config, self.files)
        self._build(pages)

    def _build(self, pages: list[Page]) -> None:
        for page in pages:
            mk._build_page(page, self.config, self.doc_files, self.nav, self.env)
            self.rendered += 1

    def _page(self, file: File) -> Page:
        if file.page is None:
            Page(None, file, self.config)
        assert file.page is not None
        return file.page

    def _add(self, src: str) -> File:
        c = self.config
        file = File(src, c.docs_dir, c.site_dir, c.use_directory_urls)
        set_exclusions([file], c)
        self.files.append(file)
        if file.is_documentation_page() and INCLUDED(file.inclusion):
            self.doc_files.append(file)
        return file

    def _remove(self, src: str) -> None:
        file = self.files.get_file_from_path(src)
        if file is None:
            return
        self.files.remove(file)
        if file in self.doc_files:
            self.doc_files.remove(file)
        out = Path(file.abs_dest_path)
        out.unlink(missing_ok=True)
        folder = out.parent
        site = Path(self.config.site_dir)
        while folder != site and folder.is_dir() and not any(folder.iterdir()):
            folder.rmdir()
            folder = folder.parent
