"""`python -m generator export`: the directory as open data (HSDS 3.0, tabular, GeoJSON)."""

from __future__ import annotations

from pathlib import Path

from ..check import check_directory
from ..dates import reference_today
from ..errors import CheckFailed, UsageError
from ._args import add_root, add_today, existing_root

HELP = "export the directory as HSDS 3.0 JSON, the HSDS tabular package, or GeoJSON"
FORMATS = ("hsds", "tabular", "geojson", "all")


def add_arguments(parser) -> None:
    add_root(parser)
    add_today(parser)
    parser.add_argument(
        "--format",
        choices=FORMATS,
        default="all",
        help="hsds (JSON), tabular (CSV + datapackage.json), geojson, or all (bawaan: all)",
    )
    parser.add_argument("--out", type=Path, required=True, help="folder to write into")


def run(args) -> int:
    from ..hsds import FORMATS as ALL
    from ..hsds import export_files

    existing_root(args.root)
    if args.out.resolve().is_relative_to(args.root.resolve()):
        raise UsageError(f"--out '{args.out}' is inside the records folder '{args.root}'")
    directory, report = check_directory(args.root, reference_today(args.today))
    if directory is None:
        raise CheckFailed(report, kept="tidak ada file yang ditulis")
    formats = ALL if args.format == "all" else (args.format,)
    files = export_files(directory, formats)
    for rel, data in sorted(files.items()):
        name = rel if args.format == "all" else rel.split("/", 1)[-1]
        path = args.out / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    total = sum(len(v) for v in files.values())
    print(f"wrote {len(files)} file(s), {total:,} bytes, to {args.out}")
    return 0
