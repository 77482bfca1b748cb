"""Stable HSDS identifiers: UUIDv5 of our record ids (RFC 9562, section 5.5).

The same record id always gives the same UUID, in every build and every fork, so a
consumer can follow a record across releases. Parts of a record (a phone, a location)
are named by their record and their position, e.g. `service:x/phone/0`.
"""

from __future__ import annotations

import uuid

# Fixed namespace for this project's HSDS ids (itself a UUIDv5 of a URN); never change it,
# or every published id changes.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "urn:direktori-layanan-perempuan-anak:hsds")


def hsds_id(*parts: object) -> str:
    """`hsds_id("service", "x", "phone", 0)` -> a stable UUID string."""
    return str(uuid.uuid5(NAMESPACE, "/".join(str(p) for p in parts)))
