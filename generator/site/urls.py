"""Stable page addresses (issue 3) and relative links between them.

Generated pages hold raw HTML, which MkDocs does not rewrite, so every link is made
relative here, from the directory-style URL of the page that holds it.
"""

from __future__ import annotations

import posixpath

from .. import regions
from .format import slugify

ASSETS = "assets/"


def city_url(code: str) -> str:
    info = regions.lookup(code)
    name = slugify(info.name) if info else "wilayah"
    return f"kota/{code.replace('.', '-')}-{name}/"


def printable_url(code: str) -> str:
    return city_url(code) + "cetak/"


def service_url(service_id: str) -> str:
    return f"layanan/{service_id}/"


def organisation_url(org_id: str) -> str:
    return f"organisasi/{org_id}/"


def hotline_url(hotline_id: str) -> str:
    return f"hotline/{hotline_id}/"


def category_url(category_id: str) -> str:
    return f"bantuan/{category_id}/"


MATERIALS_URL = "materi/"


def source_path(url: str) -> str:
    """The Markdown file for a directory-style URL ('' is the home page)."""
    return url + "index.md"


def relative(from_url: str, to: str) -> str:
    """Link from page `from_url` to site path `to` (a directory URL ending in / or a file)."""
    base = from_url.rstrip("/") or "."
    target = to.rstrip("/") or "."
    rel = posixpath.relpath(target, base)
    if to.endswith("/") or to == "":
        return "./" if rel == "." else rel + "/"
    return rel
