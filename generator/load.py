"""Kept for callers of the old path: reading lives in `generator.check.reading`."""

from .check.reading import load_tree as load_tree
