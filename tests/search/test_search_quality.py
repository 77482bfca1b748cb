"""The realistic query set: its goals, and the browser code (assets/*.js, in Node) ranking
and mending queries exactly as generator/search/query.py does."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from devtools import search_quality as quality
from generator.search import query
from generator.search.text import lexicon
from tests.conftest import skip_or_fail

HERE = Path(__file__).parent
CASES = yaml.safe_load(quality.QUERIES.read_text(encoding="utf-8"))


def test_query_set_covers_every_class():
    classes = [c["class"] for c in CASES]
    assert len(CASES) >= 100
    for name in ("affix", "typo", "everyday", "organisation", "partner", "place"):
        assert classes.count(name) >= 15, name


def test_expected_records_exist():
    for kind in ("real", "fictional"):
        s = quality.searcher(kind)
        ids = {
            row[0]
            for name, data in s.files.items()
            if name.endswith(".json")
            for row in _store(data)
        }
        for case in (c for c in CASES if c["dir"] == kind):
            expect = case["expect"] if isinstance(case["expect"], list) else [case["expect"]]
            assert set(expect) & ids, case


def _store(data: bytes) -> list:
    parsed = json.loads(data)
    return parsed.get("store", []) if isinstance(parsed, dict) else []


def test_goals_are_met():
    report = quality.measure(CASES)
    assert report["dead_ends"] == 0, report["dead_end_queries"]
    assert report["top3_rate"] >= 0.95, report["misses"]


def test_first_answer_never_leaves_a_person_stuck():
    """Before the whole shard arrives, the first slice's answer already holds a number
    to call for every query, and finds the right record for everyday words."""
    report = quality.measure(CASES, first=True)
    assert report["dead_ends"] == 0, report["dead_end_queries"]
    classes = report["by_class"]
    for name in ("affix", "typo", "everyday"):
        assert classes[name]["top3"] >= classes[name]["queries"] - 1, (name, report["misses"])


@pytest.fixture(scope="module")
def node():
    found = shutil.which("node")
    if found is None:
        skip_or_fail("node is not installed")
    return found


def _row(rid: str, kind: int, flags: int, calls: list[str], name: str = "") -> list:
    return [rid, kind, name or rid, "", "", [], [], flags, calls, []]


STORE = [
    _row("sapa-129", 1, 4 | 16, ["129"]),
    _row("polisi-110", 1, 16, ["110"]),
    _row("kpai", 1, 0, ["021 1"]),
    _row("old", 0, 4 | 8, ["0285 1"]),
    _row("uptd", 0, 4, ["0285 2"]),
    _row("org", 3, 0, ["0285 2"]),
    _row("silent", 0, 4, []),
]
RESULTS = [
    {"row": STORE[2], "score": 9.0, "named": False},
    {"row": STORE[3], "score": 8.0, "named": False},
    {"row": STORE[4], "score": 7.0, "named": True},
    {"row": STORE[5], "score": 7.0, "named": False},
    {"row": _row("74.71", 2, 0, [], "Kota Kendari"), "score": 3.0, "named": True},
    {"row": _row("33.75", 2, 0, [], "Kota Pekalongan"), "score": 2.0, "named": True},
]


def test_browser_mirrors_mending_ranking_and_panel(node):
    s = quality.searcher("fictional")
    idx, _store = s.shard("33.71")
    counts = query.vocabulary(idx)
    texts = [c["query"] for c in CASES] + ["polsi", "rumahaman", "uptdppa", "kekersan", "lhb"]
    texts += ["kons", "konsel", "rumah am", "lapor kdrt kend"]  # still typing the last word
    cases = [
        {
            "query": t,
            "counts": counts,
            "results": RESULTS,
            "store": STORE,
            "city": "33.75",
            "words": lexicon().terms(t),
        }
        for t in texts
    ]
    payload = {
        "lexicon": lexicon().to_json(),
        "synonyms": s.synonyms,
        "phrases": s.phrases,
        "cases": cases,
    }
    done = subprocess.run(
        [node, str(HERE / "parity_quality.js")],
        input=json.dumps(payload),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    out = json.loads(done.stdout)
    triples = [(r["row"], r["score"], r["named"]) for r in RESULTS]
    for case, js in zip(cases, out, strict=True):
        known = lambda t: counts.get(t, 0)  # noqa: E731
        prefixes = query.prefix_lookup(counts)
        plan = query.plan(case["query"], lexicon(), s.synonyms, known, s.phrases, prefixes)
        assert js["plan"] == plan, case["query"]
        assert js["unknown"] == query.unknown_terms(plan, known, prefixes)
        assert js["elsewhere"] == query.elsewhere(triples, "33.75", case["words"])
    assert out[0]["rerank"] == [[row[0], score] for row, score, _n in query.rerank(triples)]
    assert out[0]["callNow"] == [row[0] for row in query.call_now(STORE)]


def test_ranking_puts_complaint_first_and_recheck_lower():
    ranked = [
        row[0]
        for row, _s, _n in query.rerank([(r["row"], r["score"], r["named"]) for r in RESULTS])
    ]
    assert ranked[:5] == ["uptd", "kpai", "old", "org", "74.71"]
    assert [row[0] for row in query.call_now(STORE)] == ["sapa-129", "polisi-110", "uptd"]


def test_words_run_together_and_typos_are_mended():
    counts = {"rumah": 3, "aman": 2, "polisi": 5, "polri": 1, "keras": 4, "lbh": 1}
    known = lambda t: counts.get(t, 0)  # noqa: E731
    lex = lexicon()
    assert query.mend_words(["rumahaman"], lex, known) == ["rumah", "aman"]
    assert query.mend_words(["polsi"], lex, known) == ["polisi"]  # the commoner word wins
    assert query.mend_words(["kekersan"], lex, known) == ["kekerasan"]
    assert query.mend_words(["lhb"], lex, known) == ["lbh"]  # short words too
    assert query.mend_words(["zzzz"], lex, known) == ["zzzz"]


def test_no_stemming_trap():
    lex = lexicon()
    assert lex.stem("perempuan") == "perempuan" != lex.stem("empu")


def test_a_word_still_being_typed_is_neither_mended_nor_unknown():
    counts = {"konseling": 2, "konsep": 1, "rumah": 3}
    known = lambda t: counts.get(t, 0)  # noqa: E731
    prefixes = query.prefix_lookup(counts)
    plan = query.plan("rumah konsel", lexicon(), [], known, [], prefixes)
    assert {"term": "konsel", "boost": 1, "wildcard": "trailing"} in plan
    assert query.unknown_terms(plan, known, prefixes) == []
