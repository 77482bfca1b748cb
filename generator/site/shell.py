"""What the theme's shell (overrides/) shows around a generated page, as front matter.

The theme's templates only print values: the way back (breadcrumbs), the city that
scopes the header search, and whether the page links the theme's stylesheet itself.
Deciding them here, from the page's address, keeps string handling out of the
templates, so any engine that renders Jinja-like templates shows the same shell.
"""

from __future__ import annotations

from typing import Any

from . import urls

# The list a page belongs to, by the first part of its address: (url, label).
SECTIONS = {
    "kota": ("kota/", "Wilayah"),
    "layanan": ("layanan/", "Semua layanan"),
    "bantuan": ("bantuan/", "Jenis bantuan"),
    "hotline": ("hotline/", "Saluran bantuan"),
    "organisasi": ("organisasi/", "Organisasi"),
    "materi": ("materi/", "Materi"),
}
# Where a page's template put generator/site/templates/_parts.html theme_styles_here().
THEME_STYLES_MARK = "<!-- site:theme-styles -->"
THEME_CSS = "assets/stylesheets/theme.css"


def shell_meta(url: str, title: str) -> dict[str, Any]:
    """`back` (the list the page belongs to) and, on city pages, `city` and `city_name`
    (the escaped title, as the theme prints it) for the header search."""
    parts = url.strip("/").split("/") if url else []
    meta: dict[str, Any] = {}
    if len(parts) > 1 and parts[0] in SECTIONS:
        section_url, label = SECTIONS[parts[0]]
        meta["back"] = {"url": section_url, "label": label}
    if parts and parts[0] == "kota" and len(parts) > 1:
        meta["city"] = parts[1][:5].replace("-", ".")
        if len(parts) == 2:
            meta["city_name"] = title
    return meta


def place_theme_styles(url: str, body: str) -> tuple[str, dict[str, Any]]:
    """The body with the theme's stylesheet linked at its mark, and `theme_styles:
    in_page` for overrides/main.html; bodies without the mark are returned as they are."""
    if THEME_STYLES_MARK not in body:
        return body, {}
    link = f'<link rel="stylesheet" href="{urls.relative(url, THEME_CSS)}">'
    return body.replace(THEME_STYLES_MARK, link, 1), {"theme_styles": "in_page"}
