"""The browser's Indonesian pipeline (assets/*.js, run in Node) gives exactly the
Python stems, tokens and query plans."""

from __future__ import annotations

import json
import random
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from generator.search import query
from generator.search.text import lexicon, tokenise
from generator.search.write import browser_config
from tests.conftest import skip_or_fail

HERE = Path(__file__).parent
REPO = HERE.parents[1]
PREFIXES = [
    "", "me", "mem", "men", "meng", "meny", "pe", "pem", "pen", "peng", "peny", "per",
    "ber", "be", "bel", "di", "ter", "ke", "se", "memper", "diper", "keber",
]  # fmt: skip
SUFFIXES = ["", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu", "kannya", "annya"]
ROOTS = [
    "lapor", "ajar", "kerja", "perkosa", "lindung", "damping", "layan", "aman", "adu",
    "bantu", "sehat", "keras", "sapu", "pukul", "tolong", "ambil", "rawat", "didik",
    "nikah", "cerai", "ancam", "paksa", "jangkau", "rujuk", "tulis", "kirim", "obat",
    "tangkap", "jaga", "tanya", "lecehkan", "sandang", "empu", "rundung", "telantar",
]  # fmt: skip


def _row(rid: str, kind: int) -> list:
    return [rid, kind, rid.upper(), "", "", [], [], 0, [], []]


def _res(rid: str, kind: int, score: float, named: bool = False) -> dict:
    return {"row": _row(rid, kind), "score": score, "named": named}


CITY_ROWS = [_row("x", 0), _row("sapa-129", 1)] + [_row(f"s{i}", 0) for i in range(12)]
NATIONAL_CASES = [
    {"results": [], "cityRows": []},
    {  # a named city wins even when not clearly ahead
        "results": [_res("sapa-129", 1, 9), _res("73.08", 2, 5, True), _res("33.71", 2, 4.9)],
        "cityRows": CITY_ROWS,
    },
    {  # clearly ahead without being named
        "results": [_res("33.71", 2, 7.5), _res("sapa-129", 1, 6), _res("73.08", 2, 5)],
        "cityRows": CITY_ROWS,
    },
    {  # no place: cities stay as choices
        "results": [_res("sapa-129", 1, 9), _res("73.08", 2, 5), _res("33.71", 2, 4)],
        "cityRows": CITY_ROWS,
    },
    {"results": [_res("33.71", 2, 1)], "cityRows": [_row("sapa-129", 1)]},
]
TEXTS = [
    "Anak-anak",
    "KDRT!",
    "résumé café",
    "P2TP2A/UPTD",
    "  24 jam ",
    "Ñoño ümlaut",
    "(0285) 123",
]


def directory_words() -> set[str]:
    """Every word in the YAML of the real and the fictional directory."""
    words: set[str] = set()
    for root in (REPO / "directory", REPO / "tests" / "data" / "fictional"):
        for path in sorted(root.rglob("*.yaml")) if root.is_dir() else []:
            words.update(tokenise(path.read_text(encoding="utf-8")))
    return words


def word_list() -> list[str]:
    words = directory_words() | {p + r + s for p in PREFIXES for r in ROOTS for s in SUFFIXES}
    words |= set(lexicon().protected) | set(lexicon().overrides) | set(lexicon().stopwords)
    rnd = random.Random(4)
    letters = "aaaeeiioouubcdghjklmnprstwy"
    words |= {"".join(rnd.choices(letters, k=rnd.randint(1, 14))) for _ in range(20000)}
    return sorted(words)


@pytest.fixture(scope="module")
def node_run():
    node = shutil.which("node")
    if node is None:
        skip_or_fail("node is not installed")

    def run(payload: dict) -> dict:
        done = subprocess.run(
            [node, str(HERE / "parity.js")],
            input=json.dumps(payload),
            capture_output=True,
            text=True,
            check=True,
            timeout=120,
        )
        return json.loads(done.stdout)

    return run


def test_stems_tokens_and_plans_match(node_run, fictional_directory):
    lex = lexicon()
    synonyms = browser_config(fictional_directory)["synonyms"]
    words = word_list()
    queries = [q["query"] for q in yaml.safe_load((HERE / "queries.yaml").read_text())]
    queries += ["", "yang dan", "Perempuannya diperkosa!", "rumah-aman kendari", "KONSELING"]
    out = node_run(
        {
            "lexicon": lex.to_json(),
            "synonyms": synonyms,
            "words": words,
            "texts": TEXTS,
            "queries": queries,
            "national": NATIONAL_CASES,
        }
    )
    assert len(words) > 20000
    mismatched = [
        (w, p, j)
        for w, p, j in zip(words, map(lex.stem, words), out["stems"], strict=True)
        if p != j
    ]
    assert mismatched == []
    assert out["tokens"] == [tokenise(t) for t in TEXTS]
    assert out["plans"] == [query.plan(q, lex, synonyms) for q in queries]
    expected = [
        query.national_rows(
            [(r["row"], r["score"], r["named"]) for r in c["results"]],
            lambda _code, c=c: c["cityRows"],
        )
        for c in NATIONAL_CASES
    ]
    assert out["combined"] == expected


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("perempuan", "perempuan"),
        ("perempuannya", "perempuan"),
        ("disabilitas", "disabilitas"),
        ("penyandang", "penyandang"),
        ("pemerkosaan", "perkosa"),
        ("perkosa", "perkosa"),
        ("diperkosa", "perkosa"),
        ("perkosaan", "perkosa"),
        ("melaporkan", "lapor"),
        ("pelaporan", "lapor"),
        ("laporan", "lapor"),
        ("cerai", "cerai"),
        ("perceraian", "cerai"),
        ("pekalongan", "pekalongan"),
        ("kendari", "kendari"),
        ("menyapu", "sapu"),
        ("memukul", "pukul"),
        ("belajar", "ajar"),
    ],
)
def test_over_stemmed_words_are_protected(word, stem):
    assert lexicon().stem(word) == stem
