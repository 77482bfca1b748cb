"""The word "Rahasia" on a record's page exactly when its leaflet promises it (the record's own
`keeps_confidential`, which cites a source): one promise, everywhere the record is."""

from __future__ import annotations

import pytest

from generator import present
from generator.check import check_directory
from generator.present.promises import CONFIDENTIAL
from generator.site import pages
from tests.reference import REAL_TODAY, REPO

PROMISE = f"<strong>{CONFIDENTIAL}</strong>: menurut sumbernya"


@pytest.fixture(scope="module")
def real():
    d, report = check_directory(REPO / "directory", REAL_TODAY)
    assert d is not None, [p.format() for p in report.errors]
    return d


def test_pages_say_rahasia_where_the_leaflet_does(real):
    r = pages.Renderer(real)
    said = 0
    for hid, e in real.hotlines.items():
        promised = CONFIDENTIAL in present.promises(e.record)
        assert (PROMISE in pages.hotline_page(r, hid).body) == promised, hid
        said += promised
    for sid, e in real.services.items():
        promised = CONFIDENTIAL in present.promises(e.record)
        assert (PROMISE in pages.service_page(r, sid).body) == promised, sid
        said += promised
    assert said >= 2  # SAPA 129 and the Kendari complaint service cite it
