"""Leaflets, flyers and posters as print-ready PDFs. See README.md here."""

from __future__ import annotations

from pathlib import Path

from ..directory import Directory
from ..paths import REPO
from .pipeline import Job, plan, render_leaflets
from .render import LeafletError, PanelOverflow

CACHE_DIR = REPO / ".build" / "leaflets"

__all__ = ["Job", "LeafletError", "PanelOverflow", "plan", "render_leaflets", "site_stage"]


def site_stage(directory: Directory, docs_dir: Path) -> list[dict]:
    """The build's leaflets stage: PDFs and previews into `docs_dir/materi/`.

    Rendered in `.build/leaflets/` and copied, because the docs tree is rebuilt each
    time; unchanged leaflets are not re-rendered.
    """
    return render_leaflets(directory, docs_dir, cache_dir=CACHE_DIR)
