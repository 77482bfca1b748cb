"""MkDocs hook (mkdocs.yml `hooks:`): forwards MkDocs' events to `generator.mkdocs_events`.

No logic here (https://www.mkdocs.org/user-guide/configuration/#hooks). MkDocs loads
this file as a fresh module on every config load, so whatever must last across
`mkdocs serve` rebuilds lives in the package. Only `mkdocs build`/`serve` of the
repository's mkdocs.yml (`make serve`) run it: `python -m generator build` writes a
complete docs tree and its own config without the hook (generator/site/config.py),
which MkDocs, or an engine that ignores hooks (Zensical), builds as it is.
"""

from __future__ import annotations

from generator import mkdocs_events


def on_startup(command, dirty):
    mkdocs_events.startup(command)


def on_config(config):
    return mkdocs_events.configure(config)


def on_nav(nav, config, files):
    mkdocs_events.remember_nav(nav)


def on_env(env, config, files):
    return mkdocs_events.environment(env)


def on_serve(server, config, builder):
    return mkdocs_events.watch(server, config)
