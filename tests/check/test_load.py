"""The loader turns any input into records or clear problems, never a traceback."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.check.reading import MAX_BYTES, load_file


def load(tmp_path: Path, content: bytes | str, name: str = "x.yaml"):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return load_file(path, "services", f"directory/services/{name}")


def codes(record) -> list[str]:
    return [p.code for p in record.problems]


def test_scalars_stay_as_written(tmp_path):
    rec = load(tmp_path, 'a: 0274123456\nb: 33.70\nc: 08:00\nd: no\ne: ~\nf: ""\n')
    assert rec.data == {
        "a": "0274123456",
        "b": "33.70",
        "c": "08:00",
        "d": "no",
        "e": None,
        "f": "",
    }
    assert rec.problems == []


def test_positions_point_at_keys_and_items(tmp_path):
    rec = load(tmp_path, "name: x\nchannels:\n  - type: phone\n    value: '1'\n")
    assert rec.positions[("name",)] == (1, 1)
    assert rec.positions[("channels", 0)] == (3, 5)
    assert rec.positions[("channels", 0, "value")] == (4, 5)
    assert rec.position(("channels", 0, "value", "deeper")) == (4, 5)


def test_duplicate_key_is_an_error(tmp_path):
    rec = load(tmp_path, "name: a\nname: b\n")
    assert [p.format() for p in rec.problems] == [
        "directory/services/x.yaml:2:1: error[E-DUPLICATE-KEY]: kunci 'name' ditulis dua kali "
        "(baris 1 dan 2) (Saran: Jika keduanya benar, gabungkan isinya di satu kunci (daftar:"
        " `[a, b]`); jika sama, hapus yang kedua.)"
    ]


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"", "E-EMPTY"),
        (b"# only a comment\n", "E-EMPTY"),
        (b"\x00\x01\x02binary", "E-ENCODING"),
        ("nama: caf\u00e9".encode("latin-1"), "E-ENCODING"),
        (b"name: [unclosed\n", "E-YAML"),
        (b"name: x\n\tkind: ngo\n", "E-YAML"),
        (b"- a\n- b\n", "E-NOT-MAPPING"),
        (b"just text", "E-NOT-MAPPING"),
        (b"a: 1\n---\nb: 2\n", "E-MULTI-DOC"),
        (b"? [a, b]\n: c\n", "E-KEY-TYPE"),
    ],
)
def test_bad_input_gives_one_clear_problem(tmp_path, content, code):
    rec = load(tmp_path, content)
    assert codes(rec) == [code]
    assert rec.problems[0].file == "directory/services/x.yaml"


def test_bom_is_accepted(tmp_path):
    rec = load(tmp_path, b"\xef\xbb\xbfname: x\n")
    assert rec.problems == [] and rec.data == {"name": "x"}


def test_alias_bomb_is_rejected_without_expanding(tmp_path):
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for i in range(1, 10):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [{', '.join(['*' + prev] * 9)}]")
    rec = load(tmp_path, "\n".join(lines) + "\n")
    assert "E-ALIAS" in codes(rec)
    assert len(str(rec.data)) < 10_000


def test_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    with path.open("wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    rec = load_file(path, "services", "directory/services/big.yaml")
    assert codes(rec) == ["E-TOO-BIG"]
    assert str(MAX_BYTES) in rec.problems[0].message()


KILL_A_READER = """
import os, signal, sys
from pathlib import Path
import generator.check.reading as load
from generator.errors import ReaderStopped

load.PARALLEL_MIN_FILES = 0

def die_on_one_file(raw):
    if raw.kind == "hotlines":
        os.kill(os.getpid(), signal.SIGKILL)

records, _ = load.stream_tree(Path(sys.argv[1]), per_record=die_on_one_file)
try:
    list(records)
except ReaderStopped as exc:
    print("stopped:", exc)
"""


def test_a_killed_reader_process_stops_check_instead_of_hanging():
    """Out of memory, a reader may be killed; `check` must say so, not wait forever."""
    import subprocess
    import sys

    from tests.conftest import FICTIONAL, REPO

    done = subprocess.run(
        [sys.executable, "-c", KILL_A_READER, str(FICTIONAL)],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "stopped: proses pembaca berhenti tiba-tiba" in done.stdout, done.stderr[-2000:]
