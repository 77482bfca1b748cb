"""Search that understands Indonesian, prebuilt per city (issue 4).

The build pipeline calls `build_search(directory, docs_dir) -> dict of stats`.
"""

from .build import build_search

__all__ = ["build_search"]
