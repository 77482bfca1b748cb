"""The live preview: the site kept in memory, an edit re-renders only what shows it.

    session = Session(Options(root, config_file, docs_dir, site_dir, content_dir, today))
    session.start()                       # check, build everything once
    session.apply({Path(".../services/x.yaml")})   # after a save: only what x shows on

`depmap` records which pages read which records while they render; `engine` keeps
MkDocs' config, files, navigation and theme; `server` serves 127.0.0.1 with live reload.
"""

from __future__ import annotations

from .server import NotLocal, PreviewServer
from .session import Options, Outcome, Session

__all__ = ["NotLocal", "Options", "Outcome", "PreviewServer", "Session"]
