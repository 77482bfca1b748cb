"""MkDocs hook (mkdocs.yml `hooks:`): forwards MkDocs' events to `generator.mkdocs_events`.

No logic here (https://www.mkdocs.org/user-guide/configuration/#hooks). MkDocs loads
this file as a fresh module on every config load, so whatever must last across
`mkdocs serve` rebuilds lives in the package. Engines that ignore hooks (Zensical) still
get every page: the docs tree written by `python -m generator build` is complete.
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
