"""The MkDocs hook: generates the tree when `mkdocs build/serve` runs alone, copies settings."""

from __future__ import annotations

import shutil

import pytest
from mkdocs.exceptions import Abort

from generator import hooks


def test_on_config_generates_and_copies_settings(built, tmp_path, monkeypatch):
    monkeypatch.setenv("DIREKTORI_ROOT", str(built["root"]))
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1793491200")  # 2026-11-01
    config = {"docs_dir": str(tmp_path / "docs"), "extra": {}}
    hooks.on_config(config)
    assert (tmp_path / "docs" / "index.md").is_file()
    assert config["site_name"] == "Direktori Contoh Layanan Perempuan dan Anak"
    assert config["site_url"] is None
    assert config["extra"]["fictional"] is True
    assert config["extra"]["quick_exit_url"] == "https://www.bmkg.go.id/"
    assert config["extra"]["corrections"]["email"] == "koreksi@example.org"
    assert config["extra"]["edit_branch"] == "main"
    assert config["extra"]["one_history_entry"] is True
    assert set(config["extra"]) == {
        "quick_exit_url", "fictional", "corrections", "data_licence", "repo_url", "edit_branch",
        "one_history_entry", "first_styles", "first_style_hashes",
    }  # fmt: skip
    assert config["extra"]["first_styles"] == {}  # no theme folder: the pages link the files
    assert config["extra"]["first_style_hashes"] == []


def test_on_config_stops_mkdocs_with_the_check_report(built, tmp_path, monkeypatch):
    root = tmp_path / "fictional"
    shutil.copytree(built["root"], root)
    (root / "hotlines" / "sapa-129.yaml").write_text("name: x\n", encoding="utf-8")
    monkeypatch.setenv("DIREKTORI_ROOT", str(root))
    with pytest.raises(Abort, match="sapa-129.yaml"):
        hooks.on_config({"docs_dir": str(tmp_path / "docs"), "extra": {}})
