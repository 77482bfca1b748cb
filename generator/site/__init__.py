"""The site stage: a validated Directory -> a complete MkDocs docs tree (issue 3).

    from generator.site import generate
    generate(directory, Path(".build/docs"), content_dir=Path("content"))

The tree is complete on its own (no MkDocs hook needed to see every page), so another
engine that reads `mkdocs.yml` and Markdown files (Zensical) builds the same site.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path

from ..directory import Directory
from . import pages, styles
from .write import WriteResult, write_if_changed, write_tree

log = logging.getLogger(__name__)

ASSETS = Path(__file__).parent / "assets"

__all__ = ["generate", "docs_files", "materials_page", "write_materials_page", "WriteResult"]


# The leaflets stage's last list, kept so that regenerating the tree (each `mkdocs
# serve` rebuild) writes the same materials page instead of a placeholder that the
# leaflets stage then rewrites: two writes per rebuild would make the watcher loop.
MATERIALS_STATE = "materi/.materials.json"
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
    """Every file of the docs tree, gathered in memory before anything is written."""
    files: dict[str, bytes] = {}
    files.update(content_files(content_dir))
    files.update(asset_files())
    renderer = pages.Renderer(directory)
    for page in pages.all_pages(renderer, materials):
        files[page.path] = page.text().encode("utf-8")
    for path, text in pages.contact_cards(renderer).items():
        files[path] = text.encode("utf-8")
    return files


def content_files(content_dir: Path | None) -> dict[str, bytes]:
    """Hand-written pages and their images from `content/` (site-shell's)."""
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


def generate(directory: Directory, docs_dir: Path, content_dir: Path | None = None) -> WriteResult:
    """Write the docs tree into `docs_dir`, rewriting only files whose bytes changed."""
    files = docs_files(directory, content_dir, read_materials(docs_dir))
    result = write_tree(files, docs_dir)
    log.info(
        "docs tree: %d files (%d written, %d unchanged, %d deleted)",
        len(files), len(result.written), result.unchanged, len(result.deleted),
    )  # fmt: skip
    return result


def materials_page(directory: Directory, entries: list[dict]) -> tuple[str, str]:
    """(docs path, Markdown text) of the materials page listing `entries`.

    The leaflets stage (issue 5) calls this (or `write_materials_page`) with one dict
    per PDF: title, city (region code or ''), kind, pdf and png (paths in the site,
    e.g. 'materi/leaflet-x/33-75.pdf'), page_size ('A4 lanskap'), file_size (bytes).
    """
    page = pages.materials_page(pages.Renderer(directory), entries)
    return page.path, page.text()


def write_materials_page(directory: Directory, docs_dir: Path, entries: list[dict]) -> bool:
    """Write the materials page for `entries` and remember them for the next docs tree."""
    entries = [{k: e[k] for k in MATERIAL_KEYS if k in e} for e in entries]  # drop run-only keys
    state = json.dumps(entries, sort_keys=True, indent=1, default=str).encode("utf-8")
    write_if_changed(docs_dir / MATERIALS_STATE, state)
    path, text = materials_page(directory, entries)
    return write_if_changed(docs_dir / path, text.encode("utf-8"))


def read_materials(docs_dir: Path) -> list[dict]:
    try:
        return json.loads((docs_dir / MATERIALS_STATE).read_text(encoding="utf-8"))
    except (FileNotFoundError, ValueError):
        return []
