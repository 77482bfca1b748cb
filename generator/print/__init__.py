"""Leaflets, flyers and posters as print-ready PDFs (issue 5). See README.md here."""

from .pipeline import Job, plan, render_leaflets
from .render import LeafletError, PanelOverflow

__all__ = ["Job", "LeafletError", "PanelOverflow", "plan", "render_leaflets"]
