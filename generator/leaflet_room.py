"""How many city services a leaflet prints, and in which order.

Shared by `check` (which warns when a city has more services than a leaflet holds) and
the leaflet renderer (which prints the ones that fit and a pointer to the rest). Kept
out of `generator.print` so that `check` does not import the renderer's libraries.
"""

from __future__ import annotations

from .models import Material, Service

# Services one leaflet lists for a city: the services panel plus the panel that takes
# what does not fit there (tri-fold: inside right + back; flyer: back + front; poster:
# its right column). Sized for entries of ordinary length; the renderer drops more
# when entries are long, and never fails because of the number of services.
SERVICE_SLOTS = {"leaflet_trifold": 6, "flyer_a5": 5, "poster_a3": 6}

# The stated order on paper: where to report violence comes first.
FIRST_CATEGORY = "pengaduan"
PRINTED_STATUSES = ("active", "unverified")


def is_printed(service_id: str, service: Service, material: Material) -> bool:
    """The material lists this service (when it works in the material's city)."""
    if service.status not in PRINTED_STATUSES:
        return False
    wanted = material.featured.categories
    return service_id in material.featured.services or any(c in wanted for c in service.categories)


def printing_order(entries: list) -> list:
    """Complaint services first, then the others; each group keeps its given order."""
    first = [e for e in entries if FIRST_CATEGORY in e.record.categories]
    return first + [e for e in entries if FIRST_CATEGORY not in e.record.categories]


def slots(kind: str) -> int:
    return SERVICE_SLOTS.get(kind, 0)
