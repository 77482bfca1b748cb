"""Search that understands Indonesian, prebuilt per city.

The build pipeline calls `build_search(directory, docs_dir) -> dict of stats`, or
`site_stage(directory, docs_dir)` (the optional-stage name generator/build.py looks for).
"""

from __future__ import annotations

from pathlib import Path

from ..directory import Directory
from .write import build_search


def site_stage(directory: Directory, docs_dir: Path) -> None:
    build_search(directory, docs_dir)


__all__ = ["build_search", "site_stage"]
