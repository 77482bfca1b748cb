"""`python -m devtools bench` (`make bench`): benchmarks at national scale."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from generator.errors import UsageError

from .. import bench

HELP = "benchmark the generator on synthetic directories of 1,000 and 10,000 services"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sizes",
        help="comma-separated record counts (default 1000,10000; BENCH_FULL=1 adds 50000)",
    )
    parser.add_argument(
        "--runs", type=int, default=3, help="runs per figure; each figure is the median"
    )
    parser.add_argument(
        "--smoke", action="store_true", help="1,000 records, one run per figure, no slow baselines"
    )
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic directories")
    parser.add_argument(
        "--json", type=Path, default=bench.RESULTS, help="where to write the results (JSON)"
    )
    parser.add_argument(
        "--work", type=Path, help="keep the synthetic directories and sites in this folder"
    )
    parser.add_argument(
        "--only",
        help="comma-separated sections to run (default all): "
        + ",".join(bench.SECTIONS)
        + "; `validation` needs `stages`",
    )


def sizes(args: argparse.Namespace) -> tuple[int, ...]:
    if args.sizes:
        try:
            return tuple(int(s) for s in args.sizes.split(","))
        except ValueError:
            raise UsageError(
                f"--sizes must be numbers separated by commas, got '{args.sizes}'"
            ) from None
    if args.smoke:
        return (1000,)
    return (1000, 10000, 50000) if os.environ.get("BENCH_FULL") == "1" else (1000, 10000)


def run(args: argparse.Namespace) -> int:
    if args.runs < 1:
        raise UsageError("--runs must be at least 1")
    only = tuple(args.only.split(",")) if args.only else bench.SECTIONS
    unknown = sorted(set(only) - set(bench.SECTIONS))
    if unknown:
        raise UsageError(f"--only: unknown section(s) {', '.join(unknown)}")
    options = bench.Options(
        sizes=sizes(args),
        runs=args.runs,
        smoke=args.smoke,
        seed=args.seed,
        work=args.work,
        only=only,
    )
    results = bench.run(options)
    bench.write_json(results, args.json)
    print(bench.format_table(results))
    print(f"\n(median of {results['runs']} run(s); JSON: {args.json})")
    return 0
