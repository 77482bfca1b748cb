"""Write the search into a docs tree: shards, national index, browser bundle, page.

Stages: gather (documents per city and nationally) -> index (lunr.py) -> write.
Output under `<docs>/assets/search/` and the page `<docs>/search/index.md`:

- `shards/<city code>.json`: one self-contained index + result store per kabupaten/kota
  (all 514), holding the national hotlines and the province services covering it,
  because scores of separately built lunr indexes cannot be merged;
- `first/<city code>.json`: the city's first slice, a small shard of the same form
  (hotlines, complaint services, the best few services of each kind of help) that
  answers while the whole shard streams in on a slow connection; results are then
  refined from the whole shard;
- `national.json`: a compact national index: every hotline, and one summary per
  kabupaten/kota (its name, organisations and kinds of help); a national query finds
  the city there, then runs in that city's shard;
- `cities.json`: city codes and names for the city chooser (fetched when opened);
- `search.js`: lunr.js 2.3.9 from node_modules + the Indonesian pipeline + the UI,
  with the lexicon, synonyms and labels inlined; `loader.js` (on every page, tiny)
  fetches it when the search box is first used; `search.css`.
"""

from __future__ import annotations

import gzip
import json
import logging
import re
from dataclasses import replace
from pathlib import Path

from .. import regions
from ..directory import Directory
from ..errors import GeneratorError
from ..paths import NODE_MODULES
from . import documents, index, page
from .documents import SearchDoc
from .phrases import load_phrases, phrase_stems
from .query import synonym_stems
from .text import lexicon

log = logging.getLogger(__name__)

ASSETS = Path(__file__).parent / "assets"
LUNR_JS = NODE_MODULES / "lunr" / "lunr.min.js"
OUT = "assets/search"
BUNDLE_PARTS = ("stemmer-id.js", "text-id.js", "search-ui.js")
FORMAT_VERSION = 1
SHARD_BUDGET_GZIP = 40 * 1024  # 60 KB budget minus the search script (~20 KB)
# On slow 3G (50 KB/s, 400 ms a round trip) the script (~19 KB) and the first slice
# must arrive within about a second for a first result 1.5 s after the tap.
FIRST_BUDGET_GZIP = 8 * 1024
FIRST_PER_KIND = (3, 2, 1)  # services kept per kind of help, fewer while over budget
DESCRIPTION_STEPS = (documents.DESCRIPTION_WORDS, 6, 0)
KIND_CODES = {"service": 0, "hotline": 1, "city": 2, "organisation": 3}


class SearchBuildError(GeneratorError):
    """The search could not be built (e.g. lunr.js is not installed)."""


def build_search(directory: Directory, docs_dir: Path) -> dict:
    """Write all search files into `docs_dir`; return sizes for the build log."""
    files = search_files(directory)  # gather everything first: nothing written on error
    for name, data in files.items():
        _write(Path(docs_dir) / name, data)
    shards = [data for name, data in files.items() if name.startswith(f"{OUT}/shards/")]
    stats = {
        "shards": len(shards),
        "shard_bytes_max": max(len(d) for d in shards),
        "shard_gzip_max": max(gzip_size(d) for d in set(shards)),
        "first_gzip_max": max(
            gzip_size(d) for n, d in files.items() if n.startswith(f"{OUT}/first/")
        ),
        "national_gzip": gzip_size(files[f"{OUT}/national.json"]),
        "bundle_gzip": gzip_size(files[f"{OUT}/search.js"]),
    }
    log.info("search: %s", stats)
    return stats


def search_files(directory: Directory) -> dict[str, bytes]:
    """Every search file, by path inside the docs tree."""
    config = browser_config(directory)
    labels = config_labels(directory)
    files = {f"{OUT}/search.js": bundle_js(config)}
    built: dict[tuple, tuple[bytes, bytes]] = {}  # cities with the same records share one build
    for city in regions.cities():
        docs = documents.city_docs(directory, city.code)
        key = tuple((doc.kind, doc.id) for doc in docs)
        if key not in built:
            built[key] = (city_shard(docs, labels, config), first_slice(docs, labels, config))
        files[f"{OUT}/shards/{city.code}.json"] = built[key][0]
        files[f"{OUT}/first/{city.code}.json"] = built[key][1]
    national = documents.national_docs(directory)
    files[f"{OUT}/national.json"] = shard_json(national, index.NATIONAL_FIELDS, labels, config)
    files[f"{OUT}/cities.json"] = cities_json()
    files[f"{OUT}/loader.js"] = (ASSETS / "loader.js").read_bytes()
    files[f"{OUT}/search.css"] = (ASSETS / "search.css").read_bytes()
    files["search/index.md"] = page.search_page().encode("utf-8")
    return files


def config_labels(d: Directory) -> dict[str, str]:
    labels = {cid: term.label for cid, term in d.categories.items()}
    labels.update({aid: term.label for aid, term in d.audiences.items()})
    return labels


def browser_config(d: Directory) -> dict:
    """What the browser needs besides the shards; inlined into search.js."""
    lex = lexicon()
    groups = [g.terms for g in d.synonyms]
    return {
        "version": FORMAT_VERSION,
        "lexicon": lex.to_json(),
        "synonyms": synonym_stems(groups, lex),
        "phrases": phrase_stems(d, load_phrases(d), lex),
        "categories": [[cid, t.label] for cid, t in sorted(d.categories.items())],
        "audiences": [[aid, t.label] for aid, t in sorted(d.audiences.items())],
        "urls": record_urls(),
    }


def record_urls() -> list[str]:
    """Page address patterns by kind (service, hotline, -, organisation), "{id}" replaced
    in the browser.

    Taken from the site's own URL scheme (generator/site/urls.py) when it is present.
    """
    try:
        from ..site import urls
    except ImportError:
        return ["layanan/{id}/", "hotline/{id}/", "", "organisasi/{id}/"]
    return [urls.service_url("{id}"), urls.hotline_url("{id}"), "", urls.organisation_url("{id}")]


def store_row(doc: SearchDoc, config: dict) -> list:
    """Compact result row: [id, kind (0 service, 1 hotline, 2 city, 3 organisation), name,
    organisation (for an organisation: how it is reached), place, categories (positions),
    audiences (positions), flags (1: 24 jam, 2: gratis, 4: complaint, 8: re-check),
    numbers to call, WhatsApp numbers] and, for a city, its number of services; for a
    service, hotline or organisation, its trust label and re-check warnings."""
    cats = [c for c, _ in config["categories"]]
    auds = [a for a, _ in config["audiences"]]
    return [
        doc.id,
        KIND_CODES[doc.kind],
        doc.name,
        doc.reach or (doc.organisation if doc.kind != "city" else ""),
        doc.place,
        [cats.index(c) for c in doc.categories if c in cats],
        [auds.index(a) for a in doc.audiences if a in auds],
        doc.flags,
        doc.calls,
        doc.whatsapp,
    ] + ([doc.services] if doc.kind == "city" else [doc.trust, doc.warnings])


def shard_json(docs: list[SearchDoc], fields, labels: dict[str, str], config: dict) -> bytes:
    idx = index.build_index(docs, fields, labels)
    data = {
        "v": FORMAT_VERSION,
        "index": index.compact(idx.serialize(), len(docs)),
        "store": [store_row(d, config) for d in docs],
    }
    return _dumps(data)


def city_shard(docs: list[SearchDoc], labels: dict[str, str], config: dict) -> bytes:
    """A city's shard, made lighter step by step while it is over budget.

    The budget (PERFORMANCE.md) is 60 KB gzip for script + shard; a very large city (600+
    services) keeps fewer description words, then leaves out the organisations whose
    name its services already carry, rather than going over it.
    """
    for candidate in _lighter(docs):
        data = shard_json(candidate, index.CITY_FIELDS, labels, config)
        if gzip_size(data) <= SHARD_BUDGET_GZIP:
            break
    return data


def first_slice(docs: list[SearchDoc], labels: dict[str, str], config: dict) -> bytes:
    """The city's first slice: a shard of the records a first answer most needs.

    The same form and rows as the whole shard, so the browser runs the same query on
    it; it holds fewer records (`first_docs`) and no description words.
    """
    for per_kind in FIRST_PER_KIND:
        data = shard_json(first_docs(docs, per_kind), index.FIRST_FIELDS, labels, config)
        if gzip_size(data) <= FIRST_BUDGET_GZIP:
            break
    return data


def first_docs(docs: list[SearchDoc], per_kind: int) -> list[SearchDoc]:
    """Hotlines, complaint services, and the `per_kind` best services of each kind of
    help (not marked for re-checking, 24 jam, gratis first), in the shard's order."""
    keep = {
        i
        for i, doc in enumerate(docs)
        if doc.kind == "hotline" or (doc.kind == "service" and doc.flags & documents.FLAG_COMPLAINT)
    }
    services = [i for i, doc in enumerate(docs) if doc.kind == "service"]
    services.sort(key=lambda i: _first_rank(docs[i], i))
    kinds = sorted({c for i in services for c in docs[i].categories})
    for kind in kinds:
        keep.update([i for i in services if kind in docs[i].categories][:per_kind])
    return [docs[i] for i in sorted(keep)]


def _first_rank(doc: SearchDoc, position: int) -> tuple:
    flags = doc.flags
    return (
        bool(flags & documents.FLAG_RECHECK),
        not flags & documents.FLAG_24H,
        not flags & documents.FLAG_FREE,
        position,
    )


def _lighter(docs: list[SearchDoc]):
    trimmed = docs
    for words in DESCRIPTION_STEPS:
        trimmed = [replace(d, description=" ".join(d.description.split()[:words])) for d in docs]
        yield trimmed
    served = {d.organisation for d in docs if d.kind == "service"}
    yield [d for d in trimmed if d.kind != "organisation" or d.name not in served]


def cities_json() -> bytes:
    return _dumps([[c.code, c.name, regions.known(c.province).name] for c in regions.cities()])


def bundle_js(config: dict) -> bytes:
    if not LUNR_JS.is_file():
        raise SearchBuildError(
            f"{LUNR_JS} not found: lunr.js is installed from npm (Hint: run `make setup` or `npm ci`)."
        )
    parts = [LUNR_JS.read_text(encoding="utf-8")]
    parts.append("var IdSearchConfig=" + _dumps(config).decode("utf-8") + ";")
    parts += [compact_js((ASSETS / name).read_text(encoding="utf-8")) for name in BUNDLE_PARTS]
    return "\n".join(parts).encode("utf-8")


_BLOCK_COMMENT = re.compile(r"/\*(?!!)[\s\S]*?\*/\n?")
_LINE_COMMENT = re.compile(r"^[ \t]*//[^\n]*\n", re.MULTILINE)
_INDENT = re.compile(r"^[ \t]+", re.MULTILINE)


def compact_js(source: str) -> str:
    """Our own scripts without comments and indentation (licence blocks `/*!` stay).

    Only whole-line `//` comments go, so `//` inside strings (URLs) is safe; the
    assets avoid `/*` inside strings and regular expressions.
    """
    return _INDENT.sub("", _LINE_COMMENT.sub("", _BLOCK_COMMENT.sub("", source)))


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, compresslevel=9, mtime=0))


def _dumps(data) -> bytes:
    return json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode(
        "utf-8"
    )


def _write(path: Path, data: bytes) -> None:
    """Write only when the content changed (keeps `mkdocs serve` from looping)."""
    if path.is_file() and path.read_bytes() == data:
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
