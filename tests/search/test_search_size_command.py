from pathlib import Path

from generator.__main__ import main

FICTIONAL = Path(__file__).resolve().parents[1] / "data" / "fictional"


def test_search_size_command(capsys):
    assert main(["search-size", "--root", str(FICTIONAL), "--today", "2026-11-22"]) == 0
    out = capsys.readouterr().out
    assert "city query, median city:" in out
    assert "national query:" in out
