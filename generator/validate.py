"""Kept for callers of the old path: checking lives in `generator.check`."""

from .check.engine import check_directory as check_directory
