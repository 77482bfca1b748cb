"""Golden files for what each leaflet of the fictional directory shows: the content
`generator.print.content.leaflet_content` hands to the templates (numbers, hours,
promises, trust lines, stamps...) for every material and city `plan` gives.
`make golden` rewrites them on purpose; the PDFs are tested in test_print_leaflets.py."""

from __future__ import annotations

from generator.errors import GeneratorError
from generator.print.content import leaflet_content
from generator.print.pipeline import plan
from tests.golden_files import GOLDEN, as_json, assert_golden
from tests.print.leaflet_fixtures import PUBLIC_URL, copy_fictional, load


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


def test_golden_print_shop_and_cobranded_content(tmp_path):
    """The print-shop version (it needs the site's address for its QR code) and a
    co-branded one ("Dibagikan oleh ...") of each material, for the first city and the
    first organisation `plan` accepts."""
    directory = load(copy_fictional(tmp_path, PUBLIC_URL))
    orgs = sorted(directory.organisations)
    cobranded = next(o for o in orgs if _plans(directory, org=o))
    names = []
    for options in ({"print_shop": True}, {"org": cobranded}):
        for job in _first_city_per_material(plan(directory, **options)):
            content = leaflet_content(directory, job.material, job.city, job.org, job.print_shop)
            variant = "cetak" if job.print_shop else f"oleh-{job.org}"
            names.append(f"{job.material}-{job.city}-{variant}.json")
            assert_golden(f"leaflets-variants/{names[-1]}", as_json(content))
    assert sorted(p.name for p in (GOLDEN / "leaflets-variants").glob("*.json")) == sorted(names)


def _plans(directory, **options) -> bool:
    try:
        return bool(plan(directory, **options))
    except GeneratorError:
        return False


def _first_city_per_material(jobs):
    seen: dict[str, object] = {}
    for job in jobs:
        seen.setdefault(job.material, job)
    return list(seen.values())
