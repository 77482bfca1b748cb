"""Hostile inputs and faults: every case must end within 5 s (a hang is a failure)."""

from __future__ import annotations

import signal

import pytest

CASE_TIMEOUT = 5  # seconds; property tests set their own deadline per example


class CaseTimeout(Exception):
    pass


@pytest.fixture(autouse=True)
def case_timeout(request):
    """SIGALRM after CASE_TIMEOUT seconds (no pytest-timeout needed; main thread only)."""
    seconds = getattr(request.node.get_closest_marker("timeout"), "args", [CASE_TIMEOUT])[0]

    def expired(signum, frame):
        raise CaseTimeout(f"case took more than {seconds} s (a hang?)")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
