"""Re-pin requirements.txt and requirements-dev.txt from the current venv (`make lock`).

The roots are pyproject.toml's `dependencies` (runtime) and `dev` extra; each file
holds the whole installed tree under its roots, with exact versions. setuptools is
pinned with the runtime tree because `make setup-runtime` installs this package
with `--no-build-isolation` (no download at install time).
"""

from __future__ import annotations

import sys
import tomllib
from importlib.metadata import PackageNotFoundError, distribution
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

REPO = Path(__file__).resolve().parent.parent
RUNTIME_HEADER = """\
# Runtime dependencies of the generator (the whole tree, pinned): what `make check`,
# `make build` and `make serve` need. Development tools are in requirements-dev.txt.
# Roots: pyproject.toml `dependencies`, plus setuptools, which installs this package in
# editable mode without a download (`pip install -e . --no-build-isolation`).
# Re-pin on purpose with `make lock` and review the diff.
"""
DEV_HEADER = """\
# Development dependencies (tests, lint, benchmark, pre-commit), pinned, on top of the
# runtime tree. Roots: pyproject.toml `[project.optional-dependencies] dev`.
# `make setup`, `make test`, `make lint` and `make bench` install both files.
-r requirements.txt
"""


def closure(roots: list[str]) -> dict[str, str]:
    """Canonical name -> `Name==version` of every installed distribution under `roots`."""
    pinned: dict[str, str] = {}
    seen: set[tuple[str, frozenset[str]]] = set()
    todo = [Requirement(root) for root in roots]
    while todo:
        req = todo.pop()
        key = (canonicalize_name(req.name), frozenset(req.extras))
        if key in seen:
            continue
        seen.add(key)
        try:
            dist = distribution(req.name)
        except PackageNotFoundError:
            sys.exit(f"lock: {req.name} is not installed; run `make setup` first")
        pinned[key[0]] = f"{dist.metadata['Name']}=={dist.version}"
        todo += [child for child in map(Requirement, dist.requires or []) if wanted(child, req)]
    return pinned


def wanted(child: Requirement, parent: Requirement) -> bool:
    """Whether `child` applies on this machine for the extras `parent` asked for."""
    if child.marker is None:
        return True
    extras = parent.extras or {""}
    return any(child.marker.evaluate({"extra": extra}) for extra in extras)


def lines(pins: dict[str, str]) -> str:
    return "".join(f"{pin}\n" for pin in sorted(pins.values(), key=str.lower))


def main() -> None:
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    runtime = closure([*project["dependencies"], "setuptools"])
    dev = closure(project["optional-dependencies"]["dev"])
    (REPO / "requirements.txt").write_text(RUNTIME_HEADER + lines(runtime), encoding="utf-8")
    only_dev = {k: v for k, v in dev.items() if k not in runtime}
    (REPO / "requirements-dev.txt").write_text(DEV_HEADER + lines(only_dev), encoding="utf-8")


if __name__ == "__main__":
    main()
