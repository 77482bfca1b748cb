"""`python -m devtools search-quality`: top-3 rate and dead ends on realistic queries."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..search_quality import QUERIES
from ..search_quality import run as measure

HELP = "search quality on the realistic query set (top-3 rate, dead ends), as JSON"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--queries", type=Path, default=QUERIES, help="query file (YAML)")
    parser.add_argument("--first", action="store_true", help="the first answer: first slices")


def run(args: argparse.Namespace) -> int:
    report = measure(args.queries, args.first)
    sys.stdout.write(json.dumps(report, ensure_ascii=False, indent=1) + "\n")
    return 0
