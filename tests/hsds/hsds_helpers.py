"""Shared pieces of the HSDS tests: the official reference files and exports of our trees."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from generator.check import check_directory
from generator.directory import Directory
from generator.hsds import export_files
from generator.paths import REAL_ROOT
from tests.conftest import skip_or_fail
from tests.reference import FICTIONAL, REAL_TODAY, REPO, TODAY

# CI checks the clone out with the shared reference folder beside it.
REFERENCE = REPO.parent / "shared" / "reference" / "hsds-3.0"
COMPILED = REFERENCE / "schema" / "compiled"
EXAMPLES = REFERENCE / "examples"


def reference() -> Path:
    if not (COMPILED / "service_package.json").exists():
        skip_or_fail(f"HSDS reference files missing at {REFERENCE}")
    return COMPILED


@cache
def directory(root: Path = FICTIONAL) -> Directory:
    found, report = check_directory(root, TODAY if root == FICTIONAL else REAL_TODAY)
    assert found is not None, [p.format() for p in report.errors]
    return found


@cache
def exported(root: Path = FICTIONAL) -> dict[str, bytes]:
    return export_files(directory(root))


REAL = REAL_ROOT
