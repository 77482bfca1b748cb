"""Golden files for what each leaflet of the fictional directory shows: the content
`generator.print.content.leaflet_content` hands to the templates (numbers, hours,
promises, trust lines, stamps...) for every material and city `plan` gives.
`make golden` rewrites them on purpose; the PDFs are tested in test_print_leaflets.py."""

from __future__ import annotations

from generator.print.content import leaflet_content
from generator.print.pipeline import plan
from tests.golden_files import GOLDEN, as_json, assert_golden


def test_golden_leaflet_content(fictional_directory):
    jobs = plan(fictional_directory)
    names = []
    for job in jobs:
        content = leaflet_content(
            fictional_directory, job.material, job.city, job.org, job.print_shop
        )
        names.append(f"{job.material}-{job.city}.json")
        assert_golden(f"leaflets/{names[-1]}", as_json(content))
    # A leaflet the directory no longer makes leaves no golden file behind.
    assert sorted(p.name for p in (GOLDEN / "leaflets").glob("*.json")) == sorted(names)
