"""The site stage: a validated Directory -> a complete MkDocs docs tree.

    from generator.site import generate
    generate(directory, Path(".build/docs"), content_dir=Path("content"), materials=entries)

The tree is complete on its own (no MkDocs hook needed to see every page), so another
engine that reads `mkdocs.yml` and Markdown files (Zensical) builds the same site.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

from ..directory import Directory
from . import pages, styles
from .config import write_config
from .write import WriteResult, write_stream

log = logging.getLogger(__name__)

ASSETS = Path(__file__).parent / "assets"

__all__ = ["generate", "docs_files", "materials_page", "write_config", "WriteResult"]

# What the materials page reads of a leaflets stage entry (the others are for the run).
MATERIAL_KEYS = (
    "title",
    "city",
    "city_name",
    "kind",
    "kind_label",
    "pdf",
    "png",
    "page_size",
    "file_size",
    "pdf_2up",
)


def docs_files(
    directory: Directory, content_dir: Path | None = None, materials: list[dict] | None = None
) -> dict[str, bytes]:
    """Every file of the docs tree, gathered in memory (tests and checks read it whole;
    `generate` writes the same files slice by slice)."""
    files: dict[str, bytes] = {}
    for path, data in docs_items(directory, content_dir, materials):
        files.setdefault(path, data)
    return dict(sorted(files.items()))


def docs_items(
    directory: Directory, content_dir: Path | None = None, materials: list[dict] | None = None
) -> Iterator[tuple[str, bytes]]:
    """(path, bytes) of every file of the docs tree, one page unit at a time. Generated
    files come first: the readers keep the first file of a path (`docs_files`,
    `write.write_stream`), so a generated page wins over a `content/` file of that name."""
    renderer = pages.Renderer(directory)
    for _key, build_unit in pages.page_units(renderer, _material_entries(materials)):
        for page in build_unit():
            yield page.path, page.text().encode("utf-8")
    for sid in sorted(directory.services):
        for path, text in pages.service_cards(renderer, sid).items():
            yield path, text.encode("utf-8")
    yield from asset_files().items()
    yield from content_files(content_dir).items()


def content_files(content_dir: Path | None) -> dict[str, bytes]:
    """Hand-written pages and their images from `content/`."""
    if content_dir is None or not content_dir.is_dir():
        return {}
    return {
        path.relative_to(content_dir).as_posix(): path.read_bytes()
        for path in sorted(content_dir.rglob("*"))
        if path.is_file() and not path.name.startswith(".")
    }


def asset_files() -> dict[str, bytes]:
    files = {f"assets/{p.name}": p.read_bytes() for p in sorted(ASSETS.iterdir()) if p.is_file()}
    return {**files, styles.THEME_CSS: styles.theme_css()}


def generate(
    directory: Directory,
    docs_dir: Path,
    content_dir: Path | None = None,
    materials: list[dict] | None = None,
) -> WriteResult:
    """Write the docs tree into `docs_dir`, rewriting only files whose bytes changed.

    `materials`: the leaflets stage's entries, one per PDF, for the materials page.
    """
    # Written as rendered, unit by unit: at 50,000 records the whole tree held in memory
    # (165,000 files) would cost more than the rest of the build.
    result = write_stream(docs_items(directory, content_dir, materials), docs_dir)
    log.info(
        "docs tree: %d files (%d written, %d unchanged, %d deleted)",
        result.total, len(result.written), result.unchanged, len(result.deleted),
    )  # fmt: skip
    return result


def materials_page(directory: Directory, entries: list[dict]) -> tuple[str, str]:
    """(docs path, Markdown text) of the materials page listing `entries`: one dict per
    PDF with title, city (region code or ''), kind, pdf and png (paths in the site,
    e.g. 'materi/leaflet-x/33-75.pdf'), page_size ('A4 lanskap'), file_size (bytes).
    """
    page = pages.materials_page(pages.Renderer(directory), _material_entries(entries))
    return page.path, page.text()


def _material_entries(entries: list[dict] | None) -> list[dict]:
    return [{k: e[k] for k in MATERIAL_KEYS if k in e} for e in entries or []]
