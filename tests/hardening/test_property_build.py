"""Whatever `check` accepts, the build builds.

Random edits to the texts of a service in the fictional directory (names, descriptions,
keywords, eligibility, notes, Markdown punctuation, long words, non-Latin scripts). Each
edit `check` accepts must render: the service's page and its cities' pages, the search
documents, and the leaflet content and HTML of every leaflet for those cities. Rendering
the leaflet PDFs takes about a second each, so a second, smaller property does that.

The lighter path (no MkDocs, pages of the edited record only) keeps 200 examples fast;
`tests/site` builds the whole site with MkDocs from the same stages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, Phase, assume, given, settings
from hypothesis import strategies as st

from generator.check import check_directory
from generator.print.content import leaflet_content
from generator.print.pipeline import plan
from generator.print.render import render_html, render_pdf
from generator.search.documents import city_docs, service_doc
from generator.site import pages
from tests.reference import FICTIONAL, TODAY

# Services whose texts can change freely (a shelter's texts are checked for addresses).
SERVICES = sorted(
    p.stem for p in (FICTIONAL / "services").glob("*.yaml") if "rumah-aman" not in p.stem
)
# Letters people write, Markdown punctuation, other scripts; no `<` (HTML is refused),
# no control or invisible characters (refused in names).
ALPHABET = st.characters(
    codec="utf-8",
    categories=("L", "M", "N", "P", "S", "Zs"),
    exclude_characters="<>\u2028\u2029\u00ad",
)
TEXT = st.text(ALPHABET, min_size=1, max_size=400).map(str.strip).filter(bool)
SHORT = st.text(ALPHABET, min_size=1, max_size=120).map(str.strip).filter(bool)
EDITS = st.fixed_dictionaries(
    {},
    optional={
        "name": SHORT,
        "description": TEXT,
        "eligibility": TEXT,
        "notes": TEXT,
        "if_no_answer": TEXT,
        "keywords": st.lists(SHORT, max_size=5),
        "what_to_bring": st.lists(SHORT, min_size=1, max_size=4),
    },
)


@pytest.fixture(scope="module")
def tree(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("property") / "fictional"
    shutil.copytree(FICTIONAL, root)
    return root


def edited(tree: Path, sid: str, edits: dict):
    """Write the edited service, check the tree; the Directory or None (rejected)."""
    path = tree / "services" / f"{sid}.yaml"
    original = (FICTIONAL / "services" / f"{sid}.yaml").read_text(encoding="utf-8")
    data = {**yaml.safe_load(original), **edits}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    directory, _report = check_directory(tree, TODAY)
    return directory


def restore(tree: Path, sid: str) -> None:
    shutil.copyfile(FICTIONAL / "services" / f"{sid}.yaml", tree / "services" / f"{sid}.yaml")


def cities_of(directory, sid: str) -> list[str]:
    area = directory.services[sid].record.service_area
    return [
        c for c in directory.city_codes() if any(a.startswith(c) or c.startswith(a) for a in area)
    ]


def render_everything_for(directory, sid: str) -> None:
    """Pages, search documents and leaflet HTML that show the edited service."""
    from generator import regions

    renderer = pages.Renderer(directory)
    assert pages.service_page(renderer, sid).text()
    cities = cities_of(directory, sid)
    for city in cities:
        assert pages.city_page(renderer, regions.lookup(city)).text()
        city_docs(directory, city)
    service_doc(directory, directory.services[sid])
    for job in plan(directory):
        if job.city in cities:
            content = leaflet_content(directory, job.material, job.city, job.org, job.print_shop)
            assert render_html(content)


@pytest.mark.timeout(600)
@settings(
    max_examples=200,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
@given(sid=st.sampled_from(SERVICES), edits=EDITS)
def test_whatever_check_accepts_renders(tree, sid, edits):
    try:
        directory = edited(tree, sid, edits)
        assume(directory is not None)
        render_everything_for(directory, sid)
    finally:
        restore(tree, sid)


@pytest.mark.timeout(600)
@settings(
    max_examples=8,
    deadline=None,
    phases=[Phase.generate],  # no shrinking: each example renders PDFs (~1 s each)
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    database=None,
)
@given(sid=st.sampled_from(SERVICES), edits=EDITS)
def test_whatever_check_accepts_prints(tree, sid, edits):
    try:
        directory = edited(tree, sid, edits)
        assume(directory is not None)
        cities = cities_of(directory, sid)
        for job in plan(directory):
            if job.city in cities:
                content = leaflet_content(directory, job.material, job.city, job.org, False)
                assert render_pdf(content, job.stem).startswith(b"%PDF-")
    finally:
        restore(tree, sid)
