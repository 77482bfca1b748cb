"""`python -m generator import-hsds`: HSDS 3 data in, as YAML records for `check` to judge."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from ..errors import UsageError
from ..paths import REAL_ROOT, REPO

HELP = "import HSDS 3 data (JSON or tabular package) as YAML records, with a report"


def add_arguments(parser) -> None:
    parser.add_argument(
        "source", type=Path, help="HSDS JSON file, or a folder (tabular package / hsds JSON)"
    )
    parser.add_argument(
        "--out", type=Path, required=True, help="records folder to add files to, e.g. directory/"
    )
    parser.add_argument("--replace", action="store_true", help="overwrite records that exist")
    parser.add_argument(
        "--outside", action="store_true", help="allow an --out outside this project"
    )
    parser.add_argument("--source-name", help="name of the dataset (default: the file name)")
    parser.add_argument(
        "--source-date", help="date of the dataset YYYY-MM-DD (default: newest date in it)"
    )
    parser.add_argument(
        "--taxonomy",
        type=Path,
        default=None,
        help="records folder whose kinds of help and audiences to match (default: --out, else directory/)",
    )
    parser.add_argument("--report", type=Path, help="also write the report to this file")


def check_out(out: Path, outside: bool) -> None:
    target = out.resolve()
    if target == REPO:
        raise UsageError(
            f"--out '{out}' is the project root; give the records folder, e.g. directory/"
        )
    if not target.is_relative_to(REPO) and not outside:
        raise UsageError(f"--out '{out}' is outside this project; add --outside if that is meant")


def run(args) -> int:
    from ..hsds.import_ import Importer, newest_date, write_records
    from ..hsds.read import read_source

    check_out(args.out, args.outside)
    if not args.source.exists():
        raise UsageError(f"source '{args.source}' does not exist")
    dataset = read_source(args.source)
    when = _source_date(args.source_date) or newest_date(dataset)
    if when is None:
        raise UsageError("the data gives no date of its own: add --source-date YYYY-MM-DD")
    name = args.source_name or f"Data HSDS {args.source.name}"
    terms_root = args.taxonomy or (args.out if (args.out / "taxonomy").is_dir() else REAL_ROOT)
    result = Importer(dataset, name, when, taxonomy_codes(terms_root)).run()
    write_records(result, args.out, args.replace)
    lines = report_lines(result)
    if args.report:
        args.report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines))
    return 0


def _source_date(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--source-date '{text}' is not YYYY-MM-DD") from None


def taxonomy_codes(root: Path) -> dict[str, list[str]]:
    import yaml

    from ..hsds.taxonomy import AUDIENCES, CATEGORIES

    out = {}
    for taxonomy, file, key in (
        (CATEGORIES, "categories", "categories"),
        (AUDIENCES, "audiences", "audiences"),
    ):
        path = root / "taxonomy" / f"{file}.yaml"
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            data = {}
        out[taxonomy] = [t["id"] for t in data.get(key, []) if isinstance(t, dict) and "id" in t]
    return out


def report_lines(result) -> list[str]:
    lines = [f.format() for f in sorted(result.findings)]
    counts = ", ".join(f"{code} {n}" for code, n in result.summary().items()) or "none"
    lines.append(
        f"records: {len(result.records)}, written: {len(result.written)}; not mapped: {counts}"
    )
    lines.append("next: run `python -m generator check` and let it judge the new records")
    return lines
