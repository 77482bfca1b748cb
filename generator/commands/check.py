"""`python -m generator check`: report every problem in the directory, then fail once."""

from __future__ import annotations

import os
import sys

from ..check import check_directory
from ..check.output import format_github, format_json, step_summary
from ..dates import reference_today
from ..errors import Report
from ._args import add_root, add_today, existing_root

HELP = "Periksa semua catatan direktori dan laporkan semua masalah sekaligus."


def add_arguments(parser) -> None:
    add_root(parser)
    add_today(parser)
    parser.add_argument("--strict", action="store_true", help="peringatan juga dianggap gagal")
    parser.add_argument(
        "--no-cache",
        action="store_true",
        help="baca ulang semua file (tanpa cache hasil baca dari pemeriksaan sebelumnya)",
    )
    parser.add_argument("--lang", choices=["id", "en"], default="id", help="bahasa pesan")
    parser.add_argument(
        "--format",
        choices=["text", "github", "json"],
        default="text",
        help="text (bawaan), github (anotasi GitHub Actions + ringkasan), json",
    )


def run(args) -> int:
    today = reference_today(args.today)
    root = existing_root(args.root)
    _directory, report = check_directory(root, today, resolve=False, cache=not args.no_cache)
    print_report(report, args.format, args.lang)
    failed = report.failed(args.strict)
    summary = (
        f"{len(report.errors)} kesalahan, {len(report.warnings)} peringatan"
        if args.lang == "id"
        else f"{len(report.errors)} error(s), {len(report.warnings)} warning(s)"
    )
    print(("GAGAL: " if failed else "OK: ") + summary, file=sys.stderr)
    return 1 if failed else 0


def print_report(report: Report, form: str, lang: str) -> None:
    """Every problem on standard output, as text, GitHub annotations or JSON."""
    if form == "github":
        print(format_github(report, lang), end="")
        # GitHub annotates only 10 problems per step: the full table goes to the summary.
        if os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as out:
                out.write(step_summary(report, lang))
    elif form == "json":
        print(format_json(report), end="")
    else:
        for p in report.sorted():
            print(p.format(lang))
