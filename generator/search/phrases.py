"""Everyday words for what happened -> kinds of help (`taxonomy/phrases.yaml`).

People rarely type "pengaduan"; they type "suami memukul" or "dicabuli". Each entry
lists such phrases (regional and slang forms too), the kinds of help and audiences
they point to, and a short gloss for staff. The search adds the stems of those kinds'
and audiences' labels to a query that contains a phrase (query.plan()).

The file is optional (a directory without it searches as before). `check` judges it like
every record (its model `models.PhraseFile`, and kinds of help and audiences that
exist); the search reads it again when it is built.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import ValidationError

from ..check.reading import load_file
from ..directory import Directory
from ..errors import GeneratorError
from ..models import PhraseEntry, PhraseFile
from .text import Lexicon

FILE = "taxonomy/phrases.yaml"
SINGULAR = {"categories": "category", "audiences": "audience"}


class PhraseError(GeneratorError):
    """taxonomy/phrases.yaml cannot be used (code E-PHRASES)."""


SCHEMA_NAME = "phrases.schema.json"


def schema_text() -> str:
    """directory/schema/phrases.schema.json (written with every schema by `make schema`)."""
    from ..schema import schema_files

    return schema_files()[SCHEMA_NAME]


def load_phrases(d: Directory) -> list[PhraseEntry]:
    """The entries of `<directory>/taxonomy/phrases.yaml`, or [] when there is none."""
    path = Path(d.root) / FILE
    if not path.is_file():
        return []
    shown = f"{Path(d.root).name}/{FILE}"
    raw = load_file(path, FILE, shown)
    if raw.problems or raw.data is None:
        raise PhraseError("\n".join(p.format() for p in raw.problems) or f"{shown}: empty")
    try:
        entries = PhraseFile.model_validate(raw.data).phrases
    except ValidationError as exc:
        first = exc.errors()[0]
        line, col = raw.position(tuple(first["loc"]))
        raise PhraseError(
            f"{shown}:{line}:{col}: error: E-PHRASES: {first['msg']} at "
            f"{'.'.join(map(str, first['loc']))} (Hint: each entry has gloss, phrases and "
            "optionally categories and audiences)"
        ) from None
    _check_ids(d, entries, raw, shown)
    return entries


def _check_ids(d: Directory, entries: list[PhraseEntry], raw, shown: str) -> None:
    problems = []
    for i, entry in enumerate(entries):
        for field, known in (("categories", d.categories), ("audiences", d.audiences)):
            for j, ref in enumerate(getattr(entry, field)):
                if ref not in known:
                    line, col = raw.position(("phrases", i, field, j))
                    problems.append(
                        f"{shown}:{line}:{col}: error: E-PHRASES: unknown {SINGULAR[field]} "
                        f"'{ref}' (Hint: use an id from taxonomy/{field}.yaml)"
                    )
    if problems:
        raise PhraseError("\n".join(problems))


def phrase_stems(d: Directory, entries: list[PhraseEntry], lex: Lexicon) -> list[list]:
    """[[phrase stems, ...], [stems of one label, ...]] per entry (query.plan()'s form)."""
    out = []
    for entry in entries:
        seqs = [s for s in (lex.terms(p) for p in entry.phrases) if s]
        labels = [d.categories[c].label for c in entry.categories]
        labels += [d.audiences[a].label for a in entry.audiences]
        targets = [t for t in (lex.terms(label) for label in labels) if t]
        if seqs and targets:
            out.append([seqs, targets])
    return out
