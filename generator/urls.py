"""Page addresses of the site, in one place: site pages, search results and the
QR codes on leaflets all use these.

A path is relative to the site root and ends with `/` (MkDocs directory URLs). City
pages are named by code and name so the address stays readable and unique:
`kota/33-75-kota-pekalongan/`. Generated pages hold raw HTML, which MkDocs does not
rewrite, so links between pages are made relative here (`relative`).
"""

from __future__ import annotations

import re
import unicodedata

from . import regions


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by `-`."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def absolute(public_url: str, path: str) -> str:
    """Join the site's public URL and a page path."""
    return public_url.rstrip("/") + "/" + path


ASSETS = "assets/"


def city_url(code: str) -> str:
    info = regions.lookup(code)
    name = slugify(info.name) if info else "wilayah"
    return f"kota/{code.replace('.', '-')}-{name}/"


def province_organisations_url(code: str) -> str:
    """The organisations of one province (national lists split when they grow):
    `kota/33-jawa-tengah/organisasi/`. A province code has no dot, so this never meets
    a city's address (`kota/33-75-.../`)."""
    info = regions.lookup(code)
    name = slugify(info.name) if info else "wilayah"
    return f"kota/{code}-{name}/organisasi/"


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
    """Link from page `from_url` to site path `to` (a directory URL ending in / or a file).

    `posixpath.relpath` on these site paths (slugs joined by '/', never '.' or '..'),
    without its two `abspath` calls: a national list page links ~10,000 times."""
    base = [part for part in from_url.split("/") if part]
    target = [part for part in to.split("/") if part]
    common = 0
    while common < min(len(base), len(target)) and base[common] == target[common]:
        common += 1
    rel = "/".join([".."] * (len(base) - common) + target[common:]) or "."
    if to.endswith("/") or to == "":
        return "./" if rel == "." else rel + "/"
    return rel


__all__ = [
    "ASSETS",
    "MATERIALS_URL",
    "absolute",
    "category_url",
    "city_url",
    "hotline_url",
    "organisation_url",
    "printable_url",
    "province_organisations_url",
    "relative",
    "service_url",
    "slugify",
    "source_path",
]
