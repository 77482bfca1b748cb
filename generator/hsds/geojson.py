"""GeoJSON (RFC 7946, https://www.rfc-editor.org/rfc/rfc7946) of public service locations.

Only locations with coordinates, and never a confidential one: a service that has any
confidential location contributes nothing here (the same cut as the HSDS export).
"""

from __future__ import annotations

from typing import Any

from ..directory import Directory
from . import labels
from .export import is_confidential
from .ids import hsds_id


def collection(directory: Directory, title: str) -> dict:
    features = []
    for entry in sorted(directory.services.values(), key=lambda e: e.id):
        rec = entry.record
        if is_confidential(rec) or not isinstance(rec.locations, list):
            continue
        for i, loc in enumerate(rec.locations):
            if loc.latitude is None or loc.longitude is None:
                continue
            features.append(_feature(directory, entry, i, loc))
    out: dict[str, Any] = {"type": "FeatureCollection", "name": title, "features": features}
    if directory.settings.fictional:
        out["fictional"] = True
    return out


def _feature(directory: Directory, entry, i: int, loc) -> dict:
    rec = entry.record
    org = directory.organisations.get(rec.organisation)
    properties = {
        "service_id": hsds_id("service", entry.id),
        "location_id": hsds_id(hsds_id("service", entry.id), "location", i),
        "service": rec.name,
        "organization": org.record.name if org else None,
        "location": loc.name,
        "address": loc.address,
        "region_code": loc.region,
        "region": labels.region_name(loc.region),
    }
    return {
        "type": "Feature",
        "id": properties["location_id"],
        # RFC 7946 3.1.1: longitude first.
        "geometry": {"type": "Point", "coordinates": [loc.longitude, loc.latitude]},
        "properties": {k: v for k, v in properties.items() if v is not None},
    }
