"""`python -m generator check`: report every problem in the directory, then fail once."""

from __future__ import annotations

import sys
from pathlib import Path

from ..dates import reference_today
from ..validate import REAL_ROOT, check_directory

HELP = "Periksa semua catatan direktori dan laporkan semua masalah sekaligus."


def add_arguments(parser) -> None:
    parser.add_argument(
        "--root", type=Path, default=REAL_ROOT, help="folder direktori (bawaan: directory/)"
    )
    parser.add_argument(
        "--today", help="tanggal acuan YYYY-MM-DD (bawaan: SOURCE_DATE_EPOCH atau hari ini)"
    )
    parser.add_argument("--strict", action="store_true", help="peringatan juga dianggap gagal")
    parser.add_argument("--lang", choices=["id", "en"], default="id", help="bahasa pesan")


def run(args) -> int:
    today = reference_today(args.today)
    root: Path = args.root
    if not root.is_dir():
        print(f"error: folder direktori '{root}' tidak ada", file=sys.stderr)
        return 2
    _directory, report = check_directory(root, today)
    for p in report.sorted():
        print(p.format(args.lang))
    failed = report.failed(args.strict)
    summary = (
        f"{len(report.errors)} galat, {len(report.warnings)} peringatan"
        if args.lang == "id"
        else f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    )
    print(("GAGAL: " if failed else "OK: ") + summary, file=sys.stderr)
    return 1 if failed else 0
