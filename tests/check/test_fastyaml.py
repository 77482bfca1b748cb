"""The fast reader returns exactly what the careful reader returns, or declines.

`generator.fastyaml.read(text)` (rapidyaml -> JSON -> Python) is used for large trees;
whenever it returns data, that data must equal the careful libyaml reader's, and
whenever the careful reader finds a problem, the fast reader must decline (None).
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from devtools.synth import synthesize
from generator.check import fastyaml
from generator.check.reading import load_file
from tests.check.test_check_fuzz import YAML_BITS, mutate, mutations
from tests.conftest import FICTIONAL, REPO

# More examples after touching either reader: FASTYAML_EXAMPLES=20000 pytest this file.
EXAMPLES = int(os.environ.get("FASTYAML_EXAMPLES", "400"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


def careful(path: Path) -> dict | None:
    """The careful reader's data, or None when it reports any problem."""
    record = load_file(path, "services", "directory/services/x.yaml")
    return None if record.problems else record.data


def agrees(path: Path) -> bool:
    fast = fastyaml.read(path.read_bytes().decode("utf-8-sig"))
    return fast is None or fast == careful(path)


def record_files() -> list[Path]:
    return sorted([*FICTIONAL.rglob("*.yaml"), *(REPO / "directory").rglob("*.yaml")])


def test_every_record_in_the_repository_reads_the_same():
    files = record_files()
    assert len(files) > 50
    for path in files:
        assert agrees(path), path


def test_a_synthetic_tree_reads_fast_and_the_same(tmp_path):
    """The benchmark's records (plain block YAML) take the fast path, so `make bench`
    measures it; only the few hotlines with an empty list (`regions: []`) decline."""
    synthesize(tmp_path / "synth", 40, 3)
    files = sorted((tmp_path / "synth").rglob("*.yaml"))
    assert len(files) > 60
    declined = []
    for path in files:
        assert agrees(path), path
        if fastyaml.read(path.read_text(encoding="utf-8")) is None:
            declined.append(path.relative_to(tmp_path).as_posix())
    assert len(declined) <= len(files) // 20, declined


@pytest.mark.parametrize(
    "text",
    [
        "a: .5\n",
        "a: 5.\n",
        "a: -.5e3\n",
        "a: inf\n",
        "a: -inf\n",
        "a: nan\n",
        "a: .Inf\n",
        "a: infinity\n",
        "a: ~\n",
        "a: Null\n",
        "a: NULL\n",
        "a:\n  - true\n",
        "a: [true]\n",
        "a: {b: false}\n",
        "a: 1\na: 2\n",
        "a: &x 1\nb: *x\n",
        "a: &x\nb: &x\n",
        "a: [&x 1, &x 2]\n",
        "a: !!str 1\n",
        "? a\n: b\n",
        "[a]: b\n",
        "- a\n",
        "just text\n",
        "",
        "# nothing\n",
        "a: 1\n---\nb: 2\n",
        "a:\tb\n",
        "a: b\r\nc: d\r\n",
        "a: b: c\n",
        "%YAML 1.1\n---\na: 1\n",
    ],
)
def test_values_the_json_round_trip_would_change_are_declined(tmp_path, text):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    assert agrees(path)
    assert fastyaml.read(text) is None


@pytest.mark.parametrize(
    "text, data",
    [
        ("a: true\nb: false\n", {"a": "true", "b": "false"}),
        ("a: True\n", {"a": "True"}),
        ("a: 0274123456\n", {"a": "0274123456"}),
        ("a: 33.70\n", {"a": "33.70"}),
        ("a: 08:00\n", {"a": "08:00"}),
        ("a: no\n", {"a": "no"}),
        ("a: null\nb:\nc: ''\n", {"a": None, "b": None, "c": ""}),
        ('a: "x\\ny \\"z\\" \\u00e9"\n', {"a": 'x\ny "z" é'}),
        ("a: |\n  l1\n\n  l2\nb: >-\n  x\n  y\n", {"a": "l1\n\nl2\n", "b": "x y"}),
        ("a: x # note\nb: 'x # not'\n", {"a": "x", "b": "x # not"}),
        ("a:\n  - b: 1\n    c:\n      - d\n", {"a": [{"b": "1", "c": ["d"]}]}),
        (
            "a: [b, 'c', \"d e\"]\nf: {g: h, i: [j, k]}\n",
            {"a": ["b", "c", "d e"], "f": {"g": "h", "i": ["j", "k"]}},
        ),
        ("a: [b,\n  c, ]\nd: []\ne: {}\n", {"a": ["b", "c"], "d": [], "e": {}}),
    ],
)
def test_plain_records_take_the_fast_path(tmp_path, text, data):
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    assert fastyaml.read(text) == data == careful(path)


# Pieces of YAML from which random documents are put together.
KEYS = ["a", "nama", "b c", "'q'", '"d"', "1", "true", "null", "x-y"]
SCALARS = [
    "teks biasa",
    "0274123456",
    "-6.88",
    "1e3",
    "0.5",
    "12",
    "+1",
    "0x1F",
    "1_000",
    "08:00",
    "2024-11-28",
    "yes",
    "True",
    "false",
    "null",
    "",
    "'satu ''dua'''",
    '"tiga \\"empat\\" \\t \\x41 \\u00e9"',
    '"baris\\nbaru"',
    "|\n  blok\n   menjorok\n\n  akhir",
    ">\n  lipat\n  baris\n",
    "|-\n  tanpa akhir",
    "|+\n  simpan\n\n",
    "[a, 'b', 3]",
    "{k: v, 'k2': 2}",
    "a # komentar",
    "kata: kedua",
    "é ü 日本",
    "- x",
    "@awal",
    "`petik`",
    "%persen",
    "tab\there",
]


@st.composite
def documents(draw) -> str:
    lines = []
    for _ in range(draw(st.integers(1, 6))):
        key = draw(st.sampled_from(KEYS))
        indent = " " * draw(st.sampled_from([0, 0, 0, 1, 2]))
        if draw(st.booleans()):
            lines.append(f"{indent}{key}: {draw(st.sampled_from(SCALARS))}")
        else:
            lines.append(f"{indent}{key}:")
            for _ in range(draw(st.integers(1, 3))):
                lines.append(f"{indent}  - {draw(st.sampled_from(SCALARS))}")
    end = draw(st.sampled_from(["\n", "\r\n", ""]))
    return end.join(lines) + end


@FUZZ
@given(documents())
def test_random_documents_read_the_same(tmp_path, text):
    path = tmp_path / "x.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert agrees(path), text


# Pieces of flow collections (`[a, b]`, `{k: v}`), which staff write for short lists.
ATOMS = [
    *("a", "b c", "'q'", '"d e"', '"x\\ny"', "1", "-2", "0.5", "1e3", "08:00", "null"),
    *("true", "yes", "", "k: v", "k:v", ":x", "x:", "-", "- x", "?", "#c", "a #c", "a#b"),
    *("é", "'it''s'", '""', "%p", "&a", "*a", "!t x", "|", ",", "a,b", "a: b: c", "[", "}"),
]


@st.composite
def flow(draw, depth: int = 0) -> str:
    shape = draw(st.sampled_from(["atom", "atom", "list", "map"] if depth < 3 else ["atom"]))
    if shape == "atom":
        return draw(st.sampled_from(ATOMS))
    sep = draw(st.sampled_from([", ", ",", " , ", ",\n  "]))
    n = draw(st.integers(0, 3))
    end = draw(st.sampled_from(["", ",", " "]))
    if shape == "list":
        return "[" + sep.join(draw(flow(depth + 1)) for _ in range(n)) + end + "]"
    pairs = [
        draw(st.sampled_from(ATOMS[:8]))
        + draw(st.sampled_from([": ", ":", ""]))
        + draw(flow(depth + 1))
        for _ in range(n)
    ]
    return "{" + sep.join(pairs) + end + "}"


@st.composite
def flow_documents(draw) -> str:
    keys = st.sampled_from(["a", "b", "nama", "'k'", "c d"])
    lines = [f"{draw(keys)}: {draw(flow())}" for _ in range(draw(st.integers(1, 4)))]
    return "\n".join(lines) + "\n"


@FUZZ
@given(flow_documents())
def test_random_flow_collections_read_the_same(tmp_path, text):
    path = tmp_path / "x.yaml"
    path.write_bytes(text.encode("utf-8"))
    assert agrees(path), text


SERVICE = (FICTIONAL / "services" / "pengaduan-uptd-ppa-contoh-magelang.yaml").read_bytes()


@FUZZ
@given(mutations, st.sampled_from(YAML_BITS))
def test_mutated_records_read_the_same(tmp_path, ops, _bit):
    path = tmp_path / "x.yaml"
    data = mutate(SERVICE, ops)
    try:
        data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return  # the careful reader reports the encoding before any parser runs
    path.write_bytes(data)
    assert agrees(path), data


def test_without_rapidyaml_every_file_goes_to_the_careful_reader(monkeypatch):
    monkeypatch.setattr(fastyaml, "rapidyaml", lambda: None)
    assert fastyaml.read("a: b\n") is None


def test_the_ascii_shortcut_finds_the_same_odd_characters():
    """`_has_odd_char`'s bytes path agrees with the pattern on every ASCII character."""
    for code in range(128):
        text = f"name: a{chr(code)}b\n"
        assert fastyaml._has_odd_char(text) == bool(fastyaml.ODD_CHAR_RE.search(text)), code
