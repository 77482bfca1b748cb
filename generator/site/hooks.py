"""MkDocs hook (mkdocs.yml `hooks:`): a thin adapter around `generator.site`.

on_config: check the directory named by env DIREKTORI_ROOT (default `directory/`),
write the docs tree into `docs_dir`, copy the site settings into the config
(SITE-CONTRACT.md). on_serve: also watch the records and `content/`.
Zensical ignores hooks; the docs tree written by `python -m generator build` is
complete without this file.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

from markupsafe import escape

REPO = Path(__file__).resolve().parents[2]
if str(REPO) not in sys.path:  # `mkdocs` run from the venv's bin does not see the repo
    sys.path.insert(0, str(REPO))

from generator import build  # noqa: E402
from generator.errors import CheckFailed  # noqa: E402
from generator.site import hooks_state, styles  # noqa: E402


def _today() -> date:
    try:
        from generator.dates import reference_today
    except ImportError:
        return date.today()
    return reference_today(None)


def _config_dir(config) -> Path:
    path = config.get("config_file_path") if hasattr(config, "get") else None
    return Path(path).parent if path else REPO


def _root() -> Path:
    root = build.env_root()
    return root if root.is_absolute() else REPO / root


def on_startup(command, dirty):
    hooks_state.serve["active"] = command == "serve"
    hooks_state.serve["built_once"] = False


def on_config(config):
    docs_dir = Path(config["docs_dir"])
    directory = hooks_state.lookup(docs_dir)
    if directory is None:  # plain `mkdocs build/serve`: same stages as `make build`
        directory = _prepare_or_abort(docs_dir, _config_dir(config) / "content")
    apply_settings(config, directory.settings)
    theme = config.get("theme")
    config["extra"]["first_styles"] = styles.first_styles(getattr(theme, "custom_dir", None))
    return config


def _prepare_or_abort(docs_dir: Path, content_dir: Path):
    from mkdocs.exceptions import Abort

    try:
        serve = hooks_state.serve
        leaflets = not (serve["active"] and serve["built_once"])
        directory, _materials = build.prepare_docs(
            _root(), docs_dir, content_dir, _today(), {}, leaflets=leaflets
        )
        serve["built_once"] = serve["active"]
        return directory
    except CheckFailed as exc:
        lines = [p.format() for p in exc.report.errors]
        raise Abort("directory check failed:\n" + "\n".join(lines)) from None


def apply_settings(config, settings) -> None:
    # Material's templates print site_name and site_description without escaping (in
    # <title>, <meta content="…"> and the header); MkDocs' Jinja has autoescape off.
    # Markup holds the escaped text and is never escaped twice by `| e`.
    config["site_name"] = escape(settings.site_name)
    config["site_description"] = escape(settings.site_description)
    url = settings.public_url
    config["site_url"] = (url.rstrip("/") + "/") if url else None
    extra = config["extra"]
    extra["quick_exit_url"] = settings.quick_exit_url
    extra["one_history_entry"] = settings.one_history_entry
    extra["fictional"] = settings.fictional
    extra["corrections"] = {
        "text": settings.corrections.text,
        "email": settings.corrections.email,
        "url": settings.corrections.url,
    }
    extra["data_licence"] = settings.data_licence
    extra["repo_url"] = settings.repo_url
    extra["edit_branch"] = settings.edit_branch


def on_serve(server, config, builder):
    for path in (_root(), _config_dir(config) / "content"):
        if path.is_dir():
            server.watch(str(path))
    return server
