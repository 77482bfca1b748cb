"""Fixtures for the leaflet tests: a temp copy of the fictional directory, rendered once."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator.check import check_directory
from generator.print import render_leaflets
from tests.reference import FICTIONAL, TODAY

PUBLIC_URL = "https://contoh.example.org/direktori/"


def copy_fictional(dest: Path, public_url: str | None) -> Path:
    root = dest / "fictional"
    shutil.copytree(FICTIONAL, root)
    settings = root / "settings.yaml"
    text = re.sub(r"(?m)^public_url:.*\n", "", settings.read_text(encoding="utf-8"))
    if public_url:
        text += f"public_url: {public_url}\n"
    settings.write_text(text, encoding="utf-8")
    return root


def load(root: Path):
    directory, report = check_directory(root, TODAY)
    assert directory is not None, [p.format() for p in report.errors]
    return directory


@pytest.fixture(scope="session")
def fictional_root(tmp_path_factory) -> Path:
    return copy_fictional(tmp_path_factory.mktemp("leaflets-dir"), PUBLIC_URL)


@pytest.fixture(scope="session")
def built(fictional_root, tmp_path_factory):
    """(directory, out_dir, results) of the default set, home profile."""
    directory = load(fictional_root)
    out = tmp_path_factory.mktemp("leaflets-out")
    return directory, out, render_leaflets(directory, out)
