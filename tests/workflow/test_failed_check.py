"""Every command that needs a clean directory stops the same way when `check` finds an
error: each problem on its own line with file, line and code, then one "GAGAL:" line
saying what was left as it was; exit code 1, no traceback, nothing written."""

from __future__ import annotations

import pytest

from generator.__main__ import main
from tests.reference import TODAY


@pytest.mark.parametrize(
    ("command", "kept"),
    [
        (["export", "--format", "hsds", "--out", "{tmp}/data"], "tidak ada file yang ditulis"),
        (["leaflets", "--out", "{tmp}/pdf"], "tidak ada selebaran yang dibuat"),
        (["report", "--out", "{tmp}/laporan.md"], "laporan tidak dibuat"),
        (["search-size"], "ukuran tidak dihitung"),
    ],
    ids=lambda v: v[0] if isinstance(v, list) else "",
)
def test_a_failed_check_stops_every_command_the_same_way(
    fictional_copy, tmp_path, capsys, command, kept
):
    (fictional_copy / "hotlines" / "sapa-129.yaml").write_text("name: x\n", encoding="utf-8")
    argv = [part.replace("{tmp}", str(tmp_path)) for part in command]
    code = main([*argv, "--root", str(fictional_copy), "--today", TODAY.isoformat()])
    err = capsys.readouterr().err
    assert code == 1
    assert "Traceback" not in err
    assert "fictional/hotlines/sapa-129.yaml:1:1: error[E-REQUIRED]" in err
    last = err.strip().splitlines()[-1]
    assert last.startswith("GAGAL: ") and f"; {kept}." in last
    assert not [p for p in tmp_path.iterdir() if p.name not in ("fictional",)]
