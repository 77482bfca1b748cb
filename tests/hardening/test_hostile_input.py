"""A hostile corpus against `check` (and the page renderer): every case gives a coded,
located message naming the file, within 5 s, with no traceback and no crash.

Cases that can crash the interpreter (deep nesting, once a segfault) run `check` in a
child process, so a crash fails the case instead of the whole test run.
"""

from __future__ import annotations

import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hardening_limits import load_factor

from generator.__main__ import main
from tests.reference import FICTIONAL, TODAY

REPO = Path(__file__).resolve().parents[2]
S = "services/pengaduan-uptd-ppa-contoh-magelang.yaml"
H = "hotlines/sapa-129.yaml"
ORG = "organisations/organisasi-wanita-contoh-mawar.yaml"
SECRET = "root:x:0:0"  # a line of /etc/passwd: must never be echoed


def copy(tmp_path: Path) -> Path:
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    return root


def check_child(root: Path) -> tuple[int, str, float]:
    """`check` in a child process (a crash or hang fails only this case); its output
    and the CPU seconds it used (the cost, whatever the machine's load)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    done = subprocess.run(
        [sys.executable, "-m", "generator", "check", "--root", str(root), "--today", TODAY.isoformat()],
        capture_output=True, text=True, timeout=4.5 * load_factor(), cwd=REPO,
    )  # fmt: skip
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return done.returncode, done.stdout + done.stderr, cpu


def replace(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def write(root: Path, rel: str, text: str) -> None:
    (root / rel).write_text(text, encoding="utf-8")


def fifo(root: Path, rel: str) -> None:
    os.mkfifo(root / rel)


def device(root: Path, rel: str) -> None:
    (root / rel).symlink_to("/dev/zero")


def loop(root: Path, rel: str) -> None:
    (root / rel).symlink_to(root / rel)


def folder_like_record(root: Path, rel: str) -> None:
    (root / rel).mkdir()


def description(text: str):
    return lambda root: write(root, "services/teks.yaml", (FICTIONAL / S).read_text(
        encoding="utf-8").replace("description:", f"description: {text}\ndescription_old:", 1))  # fmt: skip


def chain(root: Path, n: int = 3000) -> None:
    """n organisations, each the parent of the next (a long, valid chain)."""
    base = root / "organisations" / "ngo-base.yaml"
    for i in range(n):
        parent = f"\nparent: rantai-{i - 1}" if i else ""
        write(root, f"organisations/rantai-{i}.yaml",
              f"name: Rantai {i}\nkind: ngo{parent}\nregions: ['33.71']\n")  # fmt: skip
    assert not base.exists()


# (class, name, plant, file shown, code) - one line of output must start with
# `<file>:` and hold `[<code>]`.
CASES = [
    # not a regular file inside the tree
    ("tree", "symlink out of the tree", lambda r: (r / "services/tautan.yaml").symlink_to("/etc/passwd"), "services/tautan.yaml", "E-NOT-REGULAR"),
    ("tree", "symlink loop", lambda r: loop(r, "services/putar.yaml"), "services/putar.yaml", "E-NOT-REGULAR"),
    ("tree", "dangling symlink", lambda r: (r / "services/hilang.yaml").symlink_to(r / "tidak-ada.yaml"), "services/hilang.yaml", "E-NOT-REGULAR"),
    ("tree", "FIFO named like a record", lambda r: fifo(r, "services/pipa.yaml"), "services/pipa.yaml", "E-NOT-REGULAR"),
    ("tree", "device behind a link", lambda r: device(r, "services/nol.yaml"), "services/nol.yaml", "E-NOT-REGULAR"),
    ("tree", "folder named like a record", lambda r: folder_like_record(r, "services/folder.yaml"), "services/folder.yaml", "E-NOT-REGULAR"),
    ("tree", "settings.yaml is a symlink", lambda r: ((r / "settings.yaml").unlink(), (r / "settings.yaml").symlink_to("/etc/passwd")), "settings.yaml", "E-NOT-REGULAR"),
    ("tree", "kind folder is a symlink out", lambda r: (shutil.rmtree(r / "pathways"), (r / "pathways").symlink_to("/etc")), "pathways", "E-NOT-REGULAR"),
    ("tree", "file in a subfolder", lambda r: ((r / "services/lama").mkdir(), write(r, "services/lama/x.yaml", "name: x\n")), "services/lama", "W-UNEXPECTED-FILE"),
    ("tree", "unknown top folder", lambda r: ((r / "layanan").mkdir(), write(r, "layanan/x.yaml", "name: x\n")), "layanan", "W-UNEXPECTED-FILE"),
    ("tree", "unknown file in taxonomy", lambda r: write(r, "taxonomy/lain.yaml", "x: 1\n"), "taxonomy/lain.yaml", "W-UNEXPECTED-FILE"),
    # nesting
    ("nesting", "flow nesting 500", lambda r: write(r, "services/d.yaml", "name: " + "[" * 500 + "]" * 500 + "\n"), "services/d.yaml", "E-TOO-DEEP"),
    ("nesting", "flow nesting 1,200 (RecursionError before)", lambda r: write(r, "services/d.yaml", "name: " + "[" * 1200 + "]" * 1200 + "\n"), "services/d.yaml", "E-TOO-DEEP"),
    ("nesting", "flow nesting 300,000 (segfault before)", lambda r: write(r, "services/d.yaml", "name: " + "[" * 300_000 + "\n"), "services/d.yaml", "E-TOO-DEEP"),
    ("nesting", "block nesting 1,000", lambda r: write(r, "services/d.yaml", "".join(" " * i + f"k{i}:\n" for i in range(1000))), "services/d.yaml", "E-TOO-DEEP"),
    ("nesting", "compact dashes 5,000", lambda r: write(r, "services/d.yaml", "name:\n" + "- " * 5000 + "x\n"), "services/d.yaml", "E-TOO-DEEP"),
    ("nesting", "mapping flow 2,000", lambda r: write(r, "services/d.yaml", "name: " + "{a: " * 2000 + "1" + "}" * 2000 + "\n"), "services/d.yaml", "E-TOO-DEEP"),
    # repeats and costs (linear)
    ("cost", "one alias used 100,000 times", lambda r: write(r, "services/a.yaml", "name: &n x\nkeywords: [" + ", ".join(["*n"] * 100_000) + "]\n"), "services/a.yaml", "E-ALIAS"),
    ("cost", "50,000 unknown keys", lambda r: write(r, "services/k.yaml", "".join(f"k{i}: x\n" for i in range(50_000))), "services/k.yaml", "E-REPEATED"),
    ("cost", "HTML scan of 400 KB of `<a`", description('"' + "<a" * 200_000 + '"'), "services/teks.yaml", "E-UNKNOWN-KEY"),
    ("cost", "20,000 `[` in a text", description('"' + "[" * 20_000 + '"'), "services/teks.yaml", "E-UNKNOWN-KEY"),
    ("cost", "parent chain of 3,000 organisations", lambda r: (chain(r), write(r, "services/x.yaml", "name: [")), "services/x.yaml", "E-YAML"),
    # self-references and names
    ("self", "organisation member of itself", lambda r: replace(r, ORG, "member_of: [gow-contoh-kota-magelang]", "member_of: [organisasi-wanita-contoh-mawar]"), ORG, "E-SELF-REF"),
    ("self", "hotline whose only channel is itself", lambda r: write(r, "hotlines/diri.yaml", "name: Diri\npurpose: Contoh.\nchannels:\n  - type: phone\n    hotline: diri\ncoverage:\n  level: national\n"), "hotlines/diri.yaml", "E-SELF-REF"),
    ("names", "name of zero-width characters", lambda r: replace(r, H, "name: Saluran Contoh 129", 'name: "\\u200b\\u200c\\u200d"'), H, "E-NAME-CHARS"),
    ("names", "bidi override in a name", lambda r: replace(r, H, "name: Saluran Contoh 129", 'name: "Saluran \\u202e921 hotnoC"'), H, "E-NAME-CHARS"),
    ("names", "NUL escaped in a name", lambda r: replace(r, H, "name: Saluran Contoh 129", 'name: "Saluran\\0Contoh"'), H, "E-NAME-CHARS"),
    ("names", "bell character in a name", lambda r: replace(r, H, "name: Saluran Contoh 129", 'name: "Saluran\\aContoh"'), H, "E-NAME-CHARS"),
    ("names", "raw NUL byte in a file", lambda r: (r / H).write_bytes(b"name: a\x00b\n"), H, "E-ENCODING"),
]  # fmt: skip


@pytest.mark.parametrize("cls, name, plant, shown, code", CASES, ids=[c[1] for c in CASES])
def test_hostile_input_gets_a_coded_located_message(tmp_path, cls, name, plant, shown, code):
    root = copy(tmp_path)
    plant(root)
    status, out, cpu = check_child(root)
    assert cpu < 4.0, f"check used {cpu:.1f} s of CPU"
    assert "Traceback" not in out and SECRET not in out
    lines = [line for line in out.splitlines() if line.startswith(f"fictional/{shown}:")]
    assert any(f"[{code}]" in line for line in lines), out[-2000:]
    assert status == (0 if code.startswith("W-") else 1), out[-2000:]
    errors = [line for line in out.splitlines() if "] error[" in line or ": error[" in line]
    assert len(errors) < 200  # capped: no flood of repeated problems


def test_whole_corpus_by_class():
    """The corpus is the size the report gives (keep in step when adding cases)."""
    by_class: dict[str, int] = {}
    for cls, *_ in CASES:
        by_class[cls] = by_class.get(cls, 0) + 1
    assert by_class == {"tree": 11, "nesting": 6, "cost": 5, "self": 2, "names": 5}


def test_self_parent_is_a_cycle_not_a_crash(tmp_path, capsys):
    root = copy(tmp_path)
    replace(
        root,
        "organisations/uptd-ppa-contoh-kota-magelang.yaml",
        "parent: dinas-contoh-ppa-kota-magelang",
        "parent: uptd-ppa-contoh-kota-magelang",
    )
    assert main(["check", "--root", str(root), "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr().out
    assert "error[E-CYCLE]: organisasi 'uptd-ppa-contoh-kota-magelang': parent: induk organisasi berputar: uptd-ppa-contoh-kota-magelang → uptd-ppa-contoh-kota-magelang" in out  # fmt: skip


def test_many_brackets_render_in_linear_time():
    from generator.site.text import render_markdown

    started = time.process_time()
    html = render_markdown("[" * 20_000 + " [tautan](https://contoh.example)")
    assert time.process_time() - started < 1.0
    assert html.startswith("<p>[[[")


def test_new_refuses_a_huge_list_position(fictional_copy, capsys):
    argv = ["new", "service", "--root", str(fictional_copy), "--no-input", "--name", "X",
            "--set", "channels.99999999.value=1"]  # fmt: skip
    assert main(argv) == 1
    assert "error: nomor urut 99999999 di 'channels.99999999.value' terlalu besar (paling besar 49)" in capsys.readouterr().err  # fmt: skip


def test_new_asks_again_only_the_wrong_answer(fictional_copy, monkeypatch, capsys):
    import builtins

    answers = iter(["Organisasi Fiktif Ulang", "lsm", "33.71", "ngo"])
    asked: list[str] = []

    def answer(prompt=""):
        value = next(answers)
        asked.append(value)
        return value

    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr(builtins, "input", answer)
    argv = ["new", "organisation", "--root", str(fictional_copy), "--today", TODAY.isoformat()]
    assert main(argv) == 0
    assert asked == ["Organisasi Fiktif Ulang", "lsm", "33.71", "ngo"]
    text = (fictional_copy / "organisations/organisasi-fiktif-ulang.yaml").read_text()
    assert "name: Organisasi Fiktif Ulang\nkind: ngo\nregions:\n- '33.71'\n" in text
    assert "Jawaban untuk kind perlu diperbaiki; jawaban lain disimpan." in capsys.readouterr().err


def test_did_you_mean_only_suggests_records_of_the_same_place(tmp_path, capsys):
    """Why: "maksud Anda" proposed a record of another city."""
    root = copy(tmp_path)
    bone = "services/pengaduan-uptd-ppa-contoh-bone.yaml"
    replace(
        root,
        bone,
        "organisation: uptd-ppa-contoh-kabupaten-bone",
        "organisation: uptd-ppa-contoh-kota-magelng",
    )
    replace(
        root,
        S,
        "organisation: uptd-ppa-contoh-kota-magelang",
        "organisation: uptd-ppa-contoh-kota-magelng",
    )
    assert main(["check", "--root", str(root), "--today", TODAY.isoformat()]) == 1
    refs = [line for line in capsys.readouterr().out.splitlines() if "[E-REF]" in line]
    assert [("maksud Anda" in line, line.split(":")[0]) for line in refs] == [
        (False, f"fictional/{bone}"),
        (True, f"fictional/{S}"),
    ]  # fmt: skip


def test_structured_form_of_plain_text_passes_check_when_pasted(tmp_path, capsys):
    """Why: hours, fees or languages written as text were told to use `unknown`."""
    root = copy(tmp_path)
    path = root / S
    text = path.read_text(encoding="utf-8")
    start, end = text.index("\nhours:\n"), text.index("how_to_get_help:")
    plain = "hours: Senin-Kamis 08.00-15.30, Jumat 08.00-11.00\nfees: gratis\nlanguages: Bahasa Indonesia dan Jawa\n"
    path.write_text(text[: start + 1] + plain + text[end:], encoding="utf-8")
    assert main(["check", "--root", str(root), "--today", TODAY.isoformat()]) == 1
    out = capsys.readouterr().out
    forms = [line.split("bentuk terstruktur: ", 1)[1].split(" (Saran:")[0]
             for line in out.splitlines() if "[E-PLAIN-TEXT]" in line]  # fmt: skip
    assert forms == [
        'hours: {"weekly": [{"days": ["mon", "tue", "wed", "thu"], "opens": "08:00", "closes": "15:30"}, {"days": ["fri"], "opens": "08:00", "closes": "11:00"}]}',
        'fees: {"kind": "free"}',
        'languages: ["id", "jv"]',
    ]  # fmt: skip
    path.write_text(text[: start + 1] + "\n".join(forms) + "\n" + text[end:], encoding="utf-8")
    assert main(["check", "--root", str(root), "--today", TODAY.isoformat()]) == 0
