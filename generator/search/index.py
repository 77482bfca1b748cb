"""lunr.py indexes, serialised for lunr.js 2.3.9.

Index-time terms go through pipeline functions registered in lunr.py under the
same names the browser registers in lunr.js ("id-stopword", "id-stemmer"), so a
serialised index loads on both sides.
"""

from __future__ import annotations

from dataclasses import dataclass

from lunr.builder import Builder
from lunr.index import Index
from lunr.pipeline import Pipeline

from .documents import SearchDoc
from .text import lexicon, tokenise

STOPWORD_FN = "id-stopword"
STEMMER_FN = "id-stemmer"


@dataclass(frozen=True)
class FieldSpec:
    name: str  # one letter: keys repeat in every posting of the serialised index
    boost: int


# Names, organisation, kinds of help and keywords count fully; place less;
# the trimmed description least (the search size budget in PERFORMANCE.md).
CITY_FIELDS = (
    FieldSpec("n", 10),  # name
    FieldSpec("o", 6),  # organisation
    FieldSpec("k", 5),  # kinds of help and audiences
    FieldSpec("w", 5),  # keywords, "gratis", "24 jam"
    FieldSpec("c", 3),  # city / province / "nasional"
    FieldSpec("d", 1),  # first words of the description
)
# A city's first slice: every field but the description (a third of its bytes).
FIRST_FIELDS = CITY_FIELDS[:-1]
# City summaries have no keywords; hotlines keep theirs ("kdrt" finds SAPA 129).
NATIONAL_FIELDS = (
    FieldSpec("n", 10),
    FieldSpec("o", 6),
    FieldSpec("k", 5),
    FieldSpec("w", 5),
    FieldSpec("c", 3),
)


def _stopword(token, i, tokens):
    return None if str(token) in lexicon().stopwords else token


def _stemmer(token, i, tokens):
    return token.update(lambda s, metadata=None: lexicon().stem(s))


def register_pipeline() -> None:
    """Register the Indonesian pipeline functions with lunr.py (idempotent)."""
    if Pipeline.registered_functions.get(STEMMER_FN) is not _stemmer:
        Pipeline.register_function(_stopword, STOPWORD_FN)
        Pipeline.register_function(_stemmer, STEMMER_FN)


def field_texts(doc: SearchDoc, labels: dict[str, str]) -> dict[str, list[str]]:
    """Normalised words of each field (lunr takes lists as ready-made tokens)."""
    kinds = [labels.get(c, c) for c in doc.categories + doc.audiences]
    extra = list(doc.keywords)
    if doc.flags & 2:
        extra.append("gratis")
    if doc.flags & 1:
        extra.append("24 jam")
    if doc.kind == "hotline":
        extra.append("hotline")
    return {
        "n": tokenise(doc.name),
        "o": tokenise(doc.organisation),
        "k": tokenise(" ".join(kinds)),
        "w": tokenise(" ".join(extra)),
        "c": tokenise(doc.place),
        "d": tokenise(doc.description),
    }


def build_index(
    docs: list[SearchDoc], fields: tuple[FieldSpec, ...], labels: dict[str, str]
) -> Index:
    """One lunr index; document refs are positions in the result store ("0", "1", ...)."""
    register_pipeline()
    builder = Builder()
    builder.ref("r")
    for spec in fields:
        builder.field(spec.name, boost=spec.boost)
    stop = Pipeline.registered_functions[STOPWORD_FN]
    stem = Pipeline.registered_functions[STEMMER_FN]
    builder.pipeline.add(stop, stem)
    builder.search_pipeline.add(stop, stem)
    for position, doc in enumerate(docs):
        texts = field_texts(doc, labels)
        builder.add({"r": str(position), **{f.name: texts[f.name] for f in fields}})
    return builder.build()


# --- compact form ------------------------------------------------------------------
# lunr's JSON repeats every field name in every posting and "field/ref" in every vector.
# A shard stores the same numbers in arrays; `expand()` here and `expandIndex()` in
# assets/text-id.js rebuild exactly lunr's schema before `Index.load`. Terms are
# renumbered in sorted order, so a term's `_index` is its position in `terms`.


def compact(serialised: dict, doc_count: int) -> dict:
    """lunr's serialised index -> {fields, pipeline, terms, postings, vectors}.

    postings[t] = [[field position, ref, ref, ...], ...] for the fields holding term t;
    vectors[field][ref] = [term delta, score, term delta, score, ...].
    """
    fields = serialised["fields"]
    inverted = serialised["invertedIndex"]  # sorted by term
    renumber = {posting["_index"]: i for i, (_term, posting) in enumerate(inverted)}
    postings = [
        [
            [f, *sorted(int(ref) for ref in posting[name])]
            for f, name in enumerate(fields)
            if posting[name]
        ]
        for _term, posting in inverted
    ]
    vectors: dict[str, list] = {name: [[] for _ in range(doc_count)] for name in fields}
    for key, elements in serialised["fieldVectors"]:
        name, ref = key.split("/", 1)
        pairs = sorted((renumber[elements[i]], elements[i + 1]) for i in range(0, len(elements), 2))
        flat: list = []
        previous = 0
        for term_index, score in pairs:
            flat += [term_index - previous, score]  # delta-coded: small numbers gzip well
            previous = term_index
        vectors[name][int(ref)] = flat
    return {
        "fields": fields,
        "pipeline": serialised["pipeline"],
        "terms": [term for term, _ in inverted],
        "postings": postings,
        "vectors": vectors,
    }


def expand(data: dict) -> dict:
    """The compact form -> lunr's serialised index (mirror of `expandIndex()` in JS)."""
    fields = data["fields"]
    inverted = []
    for i, (term, groups) in enumerate(zip(data["terms"], data["postings"], strict=True)):
        posting: dict = {name: {} for name in fields}
        posting["_index"] = i
        for f, *refs in groups:
            posting[fields[f]] = {str(ref): {} for ref in refs}
        inverted.append([term, posting])
    vectors = []
    for name in fields:
        for ref, flat in enumerate(data["vectors"][name]):
            elements: list = []
            term_index = 0
            for j in range(0, len(flat), 2):
                term_index += flat[j]
                elements += [term_index, flat[j + 1]]
            vectors.append([f"{name}/{ref}", elements])
    return {
        "version": "2.3.9",
        "fields": fields,
        "fieldVectors": vectors,
        "invertedIndex": inverted,
        "pipeline": data["pipeline"],
    }


def load(data: dict) -> Index:
    """A shard's compact index as a lunr.py Index (what tests query)."""
    register_pipeline()
    return Index.load(expand(data))
