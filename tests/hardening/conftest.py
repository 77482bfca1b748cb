"""Hostile inputs and faults: every case must end within 5 s (a hang is a failure)."""

from __future__ import annotations

import math
import signal

import pytest
from hardening_limits import CASE_TIMEOUT, load_factor


class CaseTimeout(Exception):
    pass


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item):
    """SIGALRM after CASE_TIMEOUT seconds (no pytest-timeout needed; main thread only).
    Armed only around the call, so a slow failure report is not taken for a hang."""
    marker = item.get_closest_marker("timeout")
    seconds = math.ceil((marker.args[0] if marker else CASE_TIMEOUT) * load_factor())

    def expired(signum, frame):
        raise CaseTimeout(f"case took more than {seconds} s (a hang?)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
