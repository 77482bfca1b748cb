"""`python -m generator serve` (`make serve`): live preview; a YAML edit shows up in seconds."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .. import build
from ..paths import MKDOCS_YML
from ._args import add_root

HELP = "preview the site at http://127.0.0.1:8000/ and rebuild on every edit"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser, default=None)
    parser.add_argument("--config", type=Path, default=MKDOCS_YML, help="MkDocs config")
    parser.add_argument("--dev-addr", default="127.0.0.1:8000", help="address to serve on")


def run(args: argparse.Namespace) -> int:
    from mkdocs.commands.serve import serve

    if args.root is not None:
        # The MkDocs hook reads the root from the environment on every rebuild.
        os.environ["DIREKTORI_ROOT"] = str(args.root.resolve())
    docs_dir = build.default_docs_dir(args.config)
    docs_dir.mkdir(parents=True, exist_ok=True)  # MkDocs refuses a missing docs_dir
    # --dirty: only pages whose files changed are rebuilt (the generator writes only those).
    serve(str(args.config), dev_addr=args.dev_addr, livereload=True, build_type="dirty")
    return 0
