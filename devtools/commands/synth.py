"""`python -m devtools synth`: write a synthetic national directory."""

from __future__ import annotations

import argparse
from pathlib import Path

from generator.errors import UsageError

from ..synth import synthesize

HELP = "write a synthetic, fictional national directory of N services (for benchmarks)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--records", type=int, default=1000, help="number of services (default 1000)"
    )
    parser.add_argument("--seed", type=int, default=1, help="random seed (same seed, same tree)")
    parser.add_argument(
        "--out", type=Path, required=True, help="directory to create (must be empty)"
    )


def run(args: argparse.Namespace) -> int:
    if args.records < 1:
        raise UsageError("--records must be at least 1")
    if args.out.exists() and any(args.out.iterdir()):
        raise UsageError(f"{args.out} is not empty; choose a new folder")
    counts = synthesize(args.out, args.records, args.seed)
    summary = ", ".join(f"{kind} {n}" for kind, n in sorted(counts.items()))
    print(f"{args.out}: {summary}")
    return 0
