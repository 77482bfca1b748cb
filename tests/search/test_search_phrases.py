"""Every group of everyday phrases (directory/taxonomy/phrases.yaml) leads to its kinds of
help: each phrase, typed alone, puts a record of one of those kinds in the first 3
results in a fictional city; and a bad file is a located, coded error."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from devtools import search_quality as quality
from generator.search import phrases as phrases_mod
from generator.search.write import browser_config

REPO = Path(__file__).resolve().parents[2]
FICTIONAL = quality.searcher("fictional")


def _entries(kind: str):
    return phrases_mod.load_phrases(_directory(kind))


def _directory(kind: str):
    from generator.check import check_directory

    d, _report = check_directory(quality.DIRECTORIES[kind], quality.TODAY)
    return d


DIRECTORY = _directory("fictional")
ENTRIES = phrases_mod.load_phrases(DIRECTORY)
CATEGORIES = [c for c, _label in browser_config(DIRECTORY)["categories"]]


def test_real_and_fictional_lexicons_are_the_same_file():
    real = (REPO / "directory" / phrases_mod.FILE).read_text(encoding="utf-8")
    assert (REPO / "tests" / "data" / "fictional" / phrases_mod.FILE).read_text("utf-8") == real
    assert all(e.gloss and e.phrases and e.categories for e in _entries("real"))


@pytest.mark.parametrize(
    "phrase, kinds",
    [(p, e.categories) for e in ENTRIES for p in e.phrases],
    ids=[p for e in ENTRIES for p in e.phrases],
)
def test_each_phrase_finds_its_kind_of_help(phrase, kinds):
    for city in ("33.71", "73.08"):
        rows, _panel = FICTIONAL.rows(phrase, city)
        found = {CATEGORIES[i] for row in rows[:3] for i in row[5]}
        if found & set(kinds):
            return
    pytest.fail(f"{phrase!r}: no record of {kinds} in the first 3 results")


def test_unknown_kind_of_help_is_a_located_error(tmp_path):
    (tmp_path / "taxonomy").mkdir()
    (tmp_path / phrases_mod.FILE).write_text(
        "phrases:\n  - gloss: Contoh.\n    phrases: [dipukul]\n    categories: [pengaduann]\n",
        encoding="utf-8",
    )
    d = copy.copy(DIRECTORY)
    d.root = tmp_path
    with pytest.raises(phrases_mod.PhraseError) as caught:
        phrases_mod.load_phrases(d)
    assert str(caught.value) == (
        f"{tmp_path.name}/taxonomy/phrases.yaml:4:18: error: E-PHRASES: unknown category "
        "'pengaduann' (Hint: use an id from taxonomy/categories.yaml)"
    )


def test_missing_gloss_is_a_located_error(tmp_path):
    (tmp_path / "taxonomy").mkdir()
    (tmp_path / phrases_mod.FILE).write_text(
        "phrases:\n  - phrases: [dipukul]\n    categories: [pengaduan]\n", encoding="utf-8"
    )
    d = copy.copy(DIRECTORY)
    d.root = tmp_path
    with pytest.raises(phrases_mod.PhraseError, match=r"phrases.yaml:2:5: error: E-PHRASES: "):
        phrases_mod.load_phrases(d)


def test_schema_is_up_to_date():
    path = REPO / "directory" / "schema" / phrases_mod.SCHEMA_NAME
    assert path.read_text(encoding="utf-8") == phrases_mod.schema_text()
