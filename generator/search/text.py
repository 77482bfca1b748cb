"""The Indonesian text pipeline, identical to `assets/text-id.js`.

normalise -> tokenise -> drop stop words -> stem. The same `Lexicon` (stop words,
protected words, overrides) is written into the browser bundle, and the JavaScript
mirror is checked against this module by tests/search/test_search_stemmer_parity.py.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import snowballstemmer

from .. import regions

LEXICON = Path(__file__).parent / "lexicon.json"

_COMBINING = re.compile("[\u0300-\u036f]")
_TOKEN = re.compile("[a-z0-9]+")
_PARTICLES = ("kah", "lah", "pun")
_POSSESSIVES = ("nya", "ku", "mu")
# Words in region names that say what a region is, not which one.
_REGION_KIND_WORDS = {"kabupaten", "kota", "provinsi", "adm", "administrasi"}

_snowball = snowballstemmer.stemmer("indonesian")


def normalise(text: str) -> str:
    """Lower case without accents (NFKD, combining marks dropped)."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()


def tokenise(text: str) -> list[str]:
    """Runs of a-z and 0-9; everything else separates ("anak-anak" -> anak, anak)."""
    return _TOKEN.findall(normalise(text))


def snowball(word: str) -> str:
    return _snowball.stemWord(word)


@dataclass(frozen=True)
class Lexicon:
    """Stop words, protected words and overrides shared with the browser."""

    stopwords: frozenset[str]
    protected: frozenset[str]
    overrides: dict[str, str]
    _cache: dict[str, str] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def stem(self, token: str) -> str:
        """Stem one normalised token; protected words and overrides win.

        A protected word keeps its form also with a particle or possessive
        ("perempuannya" -> "perempuan").
        """
        found = self._cache.get(token)
        if found is None:
            found = self._cache[token] = self._stem(token)
        return found

    def _stem(self, token: str) -> str:
        for candidate in _bare_forms(token):
            if candidate in self.overrides:
                return self.overrides[candidate]
            if candidate in self.protected:
                return candidate
        return snowball(token)

    def terms(self, text: str) -> list[str]:
        """Stems of the text's words, stop words dropped, in order."""
        return [self.stem(t) for t in tokenise(text) if t not in self.stopwords]

    def to_json(self) -> dict:
        """The form the browser bundle embeds (sorted: deterministic output)."""
        return {
            "stopwords": sorted(self.stopwords),
            "protected": sorted(self.protected),
            "overrides": dict(sorted(self.overrides.items())),
        }


def _bare_forms(token: str) -> list[str]:
    """The token, then without one particle, then without one possessive."""
    forms = [token]
    for endings in (_PARTICLES, _POSSESSIVES):
        last = forms[-1]
        for ending in endings:
            if last.endswith(ending) and len(last) - len(ending) >= 3:
                forms.append(last[: -len(ending)])
                break
    return forms


@cache
def lexicon() -> Lexicon:
    """The shared lexicon plus place-name words Snowball would change."""
    data = json.loads(LEXICON.read_text(encoding="utf-8"))
    protected = set(data["protected"]) | place_words()
    return Lexicon(
        stopwords=frozenset(data["stopwords"]),
        protected=frozenset(protected),
        overrides=dict(data["overrides"]),
    )


def place_words() -> set[str]:
    """Words of province and kabupaten/kota names that Snowball would alter.

    Protecting them keeps "pekalongan" and "kendari" whole, so typo tolerance
    and prefix search work on city names.
    """
    words: set[str] = set()
    for region in regions.provinces() + regions.cities():
        words.update(tokenise(region.name))
    return {w for w in words - _REGION_KIND_WORDS if snowball(w) != w}
