"""City pages that answer at a glance, and a way to report a wrong number on every
record page: rendered straight from the fictional directory (no MkDocs build)."""

from __future__ import annotations

import copy
import re

import pytest

from generator import regions
from generator.site import pages


@pytest.fixture(scope="module")
def directory(fictional_directory):
    return fictional_directory


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


def test_emergency_numbers_say_24_jam_and_carry_their_hours(directory):
    page = pages.city_page(pages.Renderer(directory), regions.lookup("33.71"))
    urgent = page.body.split('id="nomor-darurat"')[1].split("</ul>\n</li>\n</ul>")[0]
    assert "Polisi 110 24 jam" in text_of(urgent)
    assert 'data-hours="{&#34;always&#34;:true,&#34;utc&#34;:7}"' in urgent


def test_pathway_partner_says_how_to_reach_it(directory):
    page = pages.city_page(pages.Renderer(directory), regions.lookup("33.71"))
    partners = page.body.split('class="dl-partners"')[1].split("</ul></li>")[0]
    assert (
        "Gabungan Organisasi Wanita Contoh Kota Magelang dihubungi lewat "
        "Pengaduan Kekerasan di UPTD PPA Contoh" in text_of(partners)
    )
    assert 'href="tel:+62293000102"' in partners


def test_record_pages_link_to_a_prefilled_issue_form(directory):
    r = pages.Renderer(directory)
    page = pages.service_page(r, "visum-rsu-contoh-magelang")
    link = re.search(r'<p class="dl-report"><a href="([^"]+)"', page.body).group(1)
    assert link.startswith("https://git.example.org/contoh/direktori-layanan/issues/new?title=")
    assert "Kesalahan%20data%3A%20Pemeriksaan%20Luka" in link
    assert "visum-rsu-contoh-magelang.yaml" in link
    assert ">Laporkan kesalahan</a>" in page.body


def test_without_a_repository_the_link_leads_to_the_corrections_text(directory):
    d = copy.copy(directory)
    d.settings = directory.settings.model_copy(update={"repo_url": None})
    for build in (
        lambda r: pages.service_page(r, "visum-rsu-contoh-magelang"),
        lambda r: pages.hotline_page(r, "sapa-129"),
        lambda r: pages.organisation_page(r, "gow-contoh-kota-magelang"),
    ):
        page = build(pages.Renderer(d))
        assert '<a href="#site-corrections-title">Laporkan kesalahan</a>' in page.body
        assert "report_url" not in page.meta and page.meta["corrections"] is True
