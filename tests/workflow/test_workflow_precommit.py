"""pre-commit configuration: local hooks only, and the YAML tidier keeps comments."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
CONFIG = ROOT / ".pre-commit-config.yaml"


def load_tidy():
    spec = importlib.util.spec_from_file_location("yaml_tidy", ROOT / "scripts" / "yaml_tidy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_config_is_valid_and_local_only():
    result = subprocess.run(
        [sys.executable, "-m", "pre_commit", "validate-config", str(CONFIG)],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    config = yaml.safe_load(CONFIG.read_text(encoding="utf-8"))
    assert [repo["repo"] for repo in config["repos"]] == ["local"]
    ids = {hook["id"] for hook in config["repos"][0]["hooks"]}
    assert {"check", "ruff-check", "ruff-format", "yaml-tidy"} <= ids


MESSY = (
    "\ufeff# Catatan: komentar ini harus tetap ada   \r\n"
    "name: Layanan Contoh  # komentar di ujung baris\r\n"
    "channels:\r\n"
    "  - type: phone   \r\n"
    "    # nomor belum dicek\r\n"
    "    value: '0293 000000'\t\r\n"
    "\r\n\r\n"
)
TIDY = (
    "# Catatan: komentar ini harus tetap ada\n"
    "name: Layanan Contoh  # komentar di ujung baris\n"
    "channels:\n"
    "  - type: phone\n"
    "    # nomor belum dicek\n"
    "    value: '0293 000000'\n"
)


def test_tidy_keeps_comments_and_data(tmp_path):
    tidy = load_tidy()
    path = tmp_path / "x.yaml"
    path.write_bytes(MESSY.encode("utf-8"))
    assert tidy.main(["--check", str(path)]) == 1
    assert path.read_bytes() == MESSY.encode("utf-8")  # --check never writes
    assert tidy.main([str(path)]) == 1
    assert path.read_text(encoding="utf-8") == TIDY
    assert tidy.main([str(path)]) == 0  # already tidy: nothing to do


def test_tidy_refuses_a_change_of_meaning(tmp_path):
    tidy = load_tidy()
    path = tmp_path / "block.yaml"
    # Trailing spaces inside a literal block are content: stripping them changes data.
    text = "text: |\n  baris satu   \n  baris dua\n"
    path.write_text(text, encoding="utf-8")
    assert tidy.main([str(path)]) == 1
    assert path.read_text(encoding="utf-8") == text
