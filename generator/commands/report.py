"""`python -m generator report`: freshness report for staff (Markdown), never published."""

from __future__ import annotations

from pathlib import Path

from ..check import check_directory
from ..dates import reference_today
from ..errors import CheckFailed
from ..freshness import freshness_report
from ._args import add_root, add_today, existing_root

HELP = "Tulis laporan kesegaran data untuk staf (Markdown); tidak diterbitkan di situs."


def add_arguments(parser) -> None:
    add_root(parser)
    add_today(parser)
    parser.add_argument("--out", type=Path, help="tulis ke file ini (bawaan: layar)")


def run(args) -> int:
    root = existing_root(args.root)
    if args.out:
        from ..outfolder import guard_inside

        guard_inside(args.out, [root], "--out")  # never over a record
    directory, report = check_directory(root, reference_today(args.today))
    if directory is None:
        raise CheckFailed(report, kept="laporan tidak dibuat")
    text = freshness_report(directory)
    if args.out:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text, end="")
    return 0
