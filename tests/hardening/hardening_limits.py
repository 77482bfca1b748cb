"""Time limits of the hardening cases (a uniquely named module: `conftest` names clash)."""

from __future__ import annotations

import os

# Seconds for one case (set-up and reporting are not counted), on an idle machine. On a
# shared machine whose load is above its core count, a case waits for a CPU without
# hanging: the limit grows with the load, so only a real hang fails.
CASE_TIMEOUT = 5


def load_factor() -> float:
    return max(1.0, os.getloadavg()[0] / (os.cpu_count() or 1))
