"""`python -m generator serve` (`make serve`): live preview; a saved edit shows in seconds.

The preview checks and builds the whole site once, then keeps it in memory
(`generator.preview`): saving a service file re-checks that file and re-renders only
the pages and search shards that show it. It serves 127.0.0.1 only.
"""

from __future__ import annotations

import argparse
import logging
from pathlib import Path

from .. import build
from ..dates import reference_today
from ..paths import MKDOCS_YML, REPO
from ._args import add_root, add_today, existing_root

HELP = "preview the site at http://127.0.0.1:8000/ and update it on every saved edit"

log = logging.getLogger(__name__)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser, default=None)
    parser.add_argument("--config", type=Path, default=MKDOCS_YML, help="MkDocs config")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")
    parser.add_argument(
        "--work",
        type=Path,
        default=None,
        help="folder for the preview's docs tree and site (default: .build/preview/)",
    )
    add_today(parser)


def run(args: argparse.Namespace) -> int:
    from ..preview import Options, PreviewServer, Session

    root = existing_root(args.root or build.env_root()).resolve()
    project = args.config.resolve().parent
    work = (args.work or project / ".build" / "preview").resolve()
    host, _, port = args.dev_addr.rpartition(":")
    options = Options(
        root=root if root.is_absolute() else REPO / root,
        config_file=args.config,
        docs_dir=work / "docs",
        site_dir=work / "site",
        content_dir=project / "content",
        today=reference_today(args.today),
    )
    session = Session(options)
    server = PreviewServer(session, host or "127.0.0.1", int(port))
    outcome = session.start()
    log.info("preview built in %.1f s", outcome.seconds)
    for path in (options.root, project / "content", project / "overrides"):
        if path.is_dir():
            server.watch(str(path))
    try:
        server.serve()
    except KeyboardInterrupt:
        log.info("preview stopped")
    finally:
        server.shutdown()
    return 0
