"""Where things are in the checkout: the one place that knows the repository's layout.

The generator runs from a checkout (installed in editable mode by `make setup`): the
site's MkDocs config, hand-written pages, npm assets and the real records live next
to the package, not inside it. Imports nothing but pathlib, so `check` can read it
before its readers start.
"""

from __future__ import annotations

from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
REPO = PACKAGE.parent
REAL_ROOT = REPO / "directory"  # the real directory (the default `--root`)
CONTENT = REPO / "content"  # hand-written pages
MKDOCS_YML = REPO / "mkdocs.yml"
MKDOCS_HOOK = PACKAGE / "hooks.py"  # named in mkdocs.yml `hooks:`
NODE_MODULES = REPO / "node_modules"  # pinned front-end assets (package-lock.json)
FICTIONAL = REPO / "tests" / "data" / "fictional"  # the fictional test directory
