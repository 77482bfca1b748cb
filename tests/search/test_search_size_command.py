from generator.__main__ import main
from tests.reference import FICTIONAL, TODAY


def test_search_size_command(capsys):
    assert main(["search-size", "--root", str(FICTIONAL), "--today", TODAY.isoformat()]) == 0
    out = capsys.readouterr().out
    assert "city query, median city:" in out
    assert "national query:" in out
