"""What the generator does when MkDocs runs it through the hook (`generator/hooks.py`).

`make build` checks the directory, writes the docs tree and a config with the site
settings in (generator/site/config.py), and runs MkDocs with that config, which names no
hook. A plain `mkdocs build` / `mkdocs serve` with the repository's mkdocs.yml runs the
same stages as `make build` here first: the
directory named by env DIREKTORI_ROOT (default `directory/`), the pages of `content/`
next to the MkDocs config. Under `mkdocs serve` the leaflets are rendered on the first
build only: their PDFs go into the watched docs folder, and rendering them on every
rebuild could keep the watcher busy; later rebuilds list the same leaflets.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from . import build
from .dates import reference_today
from .directory import Directory
from .errors import CheckFailed
from .paths import REPO
from .site.config import apply_settings, theme_values
from .site.navmemo import NavMemo


@dataclass
class Serving:
    """`mkdocs serve` keeps one process across rebuilds; `mkdocs build` runs once."""

    active: bool = False
    materials: list[dict] | None = None  # the leaflets of the first build
    nav_pages: list[Any] | None = None  # the pages of this build's navigation


SERVING = Serving()


def startup(command: str) -> None:
    """A new MkDocs command: `serve` renders leaflets on its first build only."""
    SERVING.active = command == "serve"
    SERVING.materials = None


def configure(config: Any) -> Any:
    """Prepare the docs tree, then copy the site settings (`make build` runs MkDocs with
    the config it generated, which has no hook)."""
    docs_dir = Path(config["docs_dir"])
    directory = prepare_or_abort(docs_dir, config_dir(config) / "content")
    apply_settings(config, directory.settings)
    # The small stylesheets written into every page's <head> (see generator/site/styles.py).
    theme = config.get("theme")
    config["extra"].update(theme_values(getattr(theme, "custom_dir", None)))
    return config


def prepare_or_abort(docs_dir: Path, content_dir: Path) -> Directory:
    """The stages of `make build` before MkDocs; a failed check stops MkDocs with its report."""
    from mkdocs.exceptions import Abort

    try:
        directory, materials = build.prepare_docs(
            records_root(), docs_dir, content_dir, today(), {}, materials=SERVING.materials
        )
    except CheckFailed as exc:
        lines = [p.format() for p in exc.report.errors]
        raise Abort("directory check failed:\n" + "\n".join(lines)) from None
    if SERVING.active:
        SERVING.materials = materials
    return directory


def remember_nav(nav: Any) -> None:
    SERVING.nav_pages = list(nav.pages)


def environment(env: Any) -> Any:
    """A fresh navigation memo for each build's templates (see generator/site/navmemo.py)."""
    env.globals["nav_memo"] = NavMemo(SERVING.nav_pages or [])
    return env


def watch(server: Any, config: Any) -> Any:
    """`mkdocs serve` also rebuilds when a record or a hand-written page changes."""
    for path in (records_root(), config_dir(config) / "content"):
        if path.is_dir():
            server.watch(str(path))
    return server


def today() -> date:
    return reference_today(None)


def config_dir(config: Any) -> Path:
    path = config.get("config_file_path") if hasattr(config, "get") else None
    return Path(path).parent if path else REPO


def records_root() -> Path:
    root = build.env_root()
    return root if root.is_absolute() else REPO / root
