"""`python -m generator build`: check, docs tree, leaflets, search, MkDocs, swap."""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from .. import build
from ..paths import MKDOCS_YML
from ._args import add_root, add_today, existing_root

HELP = "build the site into site/ (a failed build keeps the previous site)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    add_root(parser, default=None)
    parser.add_argument(
        "--out",
        type=Path,
        default=None,
        help="output folder: a new folder or a site built before (default: site/ of the project)",
    )
    parser.add_argument(
        "--allow-outside",
        action="store_true",
        help="allow an output folder outside the project (it must still be new or a built site)",
    )
    parser.add_argument("--config", type=Path, default=MKDOCS_YML, help="MkDocs config")
    parser.add_argument(
        "--docs-dir",
        type=Path,
        default=None,
        help="generated docs tree (default: mkdocs.yml's docs_dir)",
    )
    add_today(parser)
    parser.add_argument("--strict", action="store_true", help="MkDocs warnings fail the build")
    parser.add_argument(
        "--full",
        action="store_true",
        help="build everything even when nothing changed since the last build",
    )
    parser.add_argument(
        "--docs-only",
        action="store_true",
        help="stop after writing the docs tree, leaflets and search",
    )


def run(args: argparse.Namespace) -> int:
    from ..errors import CheckFailed

    options = build.BuildOptions(
        root=existing_root(args.root or build.env_root()),
        out=args.out or args.config.parent / "site",
        config_file=args.config,
        checkout=args.config.resolve().parent,
        allow_outside=args.allow_outside,
        docs_dir=args.docs_dir,
        today=today(args.today),
        strict=args.strict,
        with_mkdocs=not args.docs_only,
        use_stamp=not args.full,
    )
    start = time.perf_counter()
    try:
        result = build.build(options)
    except CheckFailed as exc:
        raise CheckFailed(exc.report, kept=f"{options.out}/ tidak diubah") from None
    total = time.perf_counter() - start  # stages overlap: their sum is not the wall time
    if result.unchanged:
        print(
            f"{result.site_dir} tetap: tidak ada yang berubah sejak build terakhir ({total:.1f}s)."
            f" Saran: --full untuk membangun ulang semuanya. / nothing changed since the last"
            f" build: {result.site_dir} kept as it is."
        )
        return 0
    stages = ", ".join(f"{k} {v:.1f}s" for k, v in result.timings.items())
    print(f"built {result.site_dir} in {total:.1f}s ({stages})")
    return 0


def today(value: str | None):
    try:
        from ..dates import reference_today
    except ImportError:
        import datetime

        return datetime.date.fromisoformat(value) if value else datetime.date.today()
    return reference_today(value)
