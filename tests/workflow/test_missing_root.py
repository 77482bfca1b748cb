"""Every command that reads the records folder stops the same way when `--root` names no
folder (a typo, a folder not cloned yet, a file): one line saying so, exit code 2, no
traceback, nothing written."""

from __future__ import annotations

import pytest

from generator.__main__ import main
from tests.reference import TODAY

COMMANDS = [
    ["check"],
    ["report", "--out", "{tmp}/laporan.md"],
    ["export", "--format", "hsds", "--out", "{tmp}/data"],
    ["leaflets", "--out", "{tmp}/pdf"],
    ["build", "--out", "{tmp}/site", "--docs-dir", "{tmp}/docs", "--allow-outside"],
    ["search-size"],
    ["new", "service", "--no-input", "--name", "Layanan Contoh"],
    ["serve", "--work", "{tmp}/preview", "--dev-addr", "127.0.0.1:0"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
@pytest.mark.parametrize("root", ["tidak-ada", "file.yaml"])
def test_a_missing_records_folder_is_one_clear_line(tmp_path, capsys, command, root):
    (tmp_path / "file.yaml").write_text("name: bukan folder\n", encoding="utf-8")
    given = tmp_path / root
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code = main([*argv, "--root", str(given), "--today", TODAY.isoformat()])
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err
    what = "bukan folder" if root == "file.yaml" else "tidak ada"
    assert err.strip().splitlines()[-1] == f"error: folder direktori '{given}' {what}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.yaml"]
