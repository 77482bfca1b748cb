"""Paths of pages on the site, in one place (site pages, leaflet QR codes).

A path is relative to the site root and ends with `/` (MkDocs directory URLs).
City pages are named by code and name so the address stays readable and unique:
`kota/33-75-kota-pekalongan/`.
"""

from __future__ import annotations

import re
import unicodedata

from .regions import RegionInfo


def slugify(text: str) -> str:
    """Lowercase ASCII words joined by `-` (same rule as the site's page names)."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")


def city_path(info: RegionInfo) -> str:
    """`kota/33-75-kota-pekalongan/` for region 33.75 Kota Pekalongan."""
    return f"kota/{info.code.replace('.', '-')}-{slugify(info.name)}/"


def service_path(service_id: str) -> str:
    return f"layanan/{service_id}/"


def hotline_path(hotline_id: str) -> str:
    return f"hotline/{hotline_id}/"


def organisation_path(org_id: str) -> str:
    return f"organisasi/{org_id}/"


def absolute(public_url: str, path: str) -> str:
    """Join the site's public URL and a page path."""
    return public_url.rstrip("/") + "/" + path
