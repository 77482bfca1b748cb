"""Page addresses: see `generator/urls.py` (one module for the site, search and leaflets)."""

from ..urls import *  # noqa: F403
from ..urls import __all__  # noqa: F401
