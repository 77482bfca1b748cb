"""Session fixtures for the leaflet tests (helpers live in leaflet_fixtures.py)."""

from leaflet_fixtures import built, fictional_root  # noqa: F401
