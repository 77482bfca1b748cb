"""Leaflets, flyers and posters as print-ready PDFs. See README.md here."""

from __future__ import annotations

from pathlib import Path

from ..directory import Directory
from ..paths import REPO
from .pipeline import Job, plan, render_leaflets
from .render import LeafletError, PanelOverflow

CACHE_DIR = REPO / ".build" / "leaflets"  # for the default docs folder, .build/docs

__all__ = ["Job", "LeafletError", "PanelOverflow", "plan", "render_leaflets", "site_stage"]


def site_stage(directory: Directory, docs_dir: Path) -> list[dict]:
    """The build's leaflets stage: PDFs and previews into `docs_dir/materi/`.

    Rendered in a cache beside the docs tree and copied, because the docs tree is
    rebuilt each time; unchanged leaflets are not re-rendered. One cache per docs
    folder (`.build/leaflets/` for `.build/docs/`, else `<docs>.leaflets/`): the docs
    folder's lock keeps two builds of it apart, and so keeps them off one cache.
    """
    return render_leaflets(directory, docs_dir, cache_dir=cache_dir_for(docs_dir))


def cache_dir_for(docs_dir: Path) -> Path:
    """The leaflet cache of the builds of `docs_dir`."""
    docs = Path(docs_dir).resolve()
    if docs == (REPO / ".build" / "docs").resolve():
        return CACHE_DIR
    return docs.with_name(f"{docs.name}.leaflets")
