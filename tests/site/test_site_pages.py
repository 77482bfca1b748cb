"""The fictional directory built into a site: every record has its page, links resolve,
confidential places stay hidden, and generated pages carry the contracted front matter."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from generator import regions
from generator.site import urls


def page_html(site: Path, url: str) -> str:
    return (site / url / "index.html").read_text(encoding="utf-8")


def front_matter(docs: Path, url: str) -> dict:
    text = (docs / urls.source_path(url)).read_text(encoding="utf-8")
    return yaml.safe_load(text.split("---\n")[1])


def test_every_record_has_a_page(built, directory):
    site = built["site"]
    expected = [urls.service_url(i) for i in directory.services]
    expected += [urls.organisation_url(i) for i in directory.organisations]
    expected += [urls.hotline_url(i) for i in directory.hotlines]
    expected += [urls.category_url(i) for i in directory.categories]
    expected += [urls.city_url(c.code) for c in regions.cities()]
    expected += [urls.printable_url(c.code) for c in regions.cities()]
    expected += ["", "kota/", "bantuan/", "organisasi/", "hotline/", "layanan/", "materi/"]
    missing = [url for url in expected if not (site / url / "index.html").is_file()]
    assert missing == []
    assert len(regions.cities()) == 514


def test_record_pages_stay_out_of_nav_and_search(built, directory):
    for url in [urls.service_url(next(iter(directory.services))), urls.city_url("33.71")]:
        meta = front_matter(built["docs"], url)
        assert meta["hide"] == ["navigation", "toc"]
        assert meta["search"] == {"exclude": True}


def test_home_front_matter_follows_the_contract(built, directory):
    meta = front_matter(built["docs"], "")
    assert meta["template"] == "home.html"
    ids = [e["id"] for e in meta["emergency"]]
    assert ids == [h.id for h in directory.emergency_hotlines()]
    for entry in meta["emergency"]:
        assert set(entry) == {"id", "name", "purpose", "note", "actions"}
        for action in entry["actions"]:
            assert action["kind"] in {"call", "whatsapp", "sms"}
            assert re.match(r"^(tel:\+?\d+|sms:\+?\d+|https://wa\.me/\d+)$", action["href"])


def test_home_lists_all_regions_grouped_by_province(built):
    html = page_html(built["site"], "")
    assert "Pilih wilayah" in html
    assert html.count('class="dl-province-list"') == len(regions.provinces())
    for city in regions.cities():
        assert f'href="{urls.city_url(city.code)}"' in html


def test_uncovered_city_says_so_and_lists_national_numbers(built, directory):
    html = page_html(built["site"], urls.city_url("11.01"))
    assert "Direktori ini belum mencakup Kabupaten Aceh Selatan" in html
    for hotline in directory.national_hotlines():
        assert f'href="../../{urls.hotline_url(hotline.id)}"' in html


def test_service_page_shows_what_a_person_needs(built, directory):
    sid = "pengaduan-uptd-ppa-contoh-magelang"
    html = page_html(built["site"], urls.service_url(sid))
    text = visible_text(html)
    assert "Telepon (0293) 000102" in text
    assert 'href="tel:+62293000102"' in html
    assert 'href="https://wa.me/6281200001001"' in html
    assert "data-hours=" in html and "WIB" in text
    assert "Dikonfirmasi" in text
    assert 'href="kontak.vcf"' in html and 'href="kontak-netral.vcf"' in html
    assert "bisa dilihat orang lain" in text
    meta = front_matter(built["docs"], urls.service_url(sid))
    assert meta["edit_url"] == (
        "https://git.example.org/contoh/direktori-layanan/edit/main/tests/data/fictional/services/"
        + sid
        + ".yaml"
    )


def test_unverified_record_says_it_comes_from_a_public_source(built, directory):
    sid = "pos-pengaduan-kelurahan-magersari-contoh"
    assert directory.trust(directory.services[sid]) == "public_source"
    text = visible_text(page_html(built["site"], urls.service_url(sid)))
    assert "Dari sumber publik" in text and "Belum dikonfirmasi" in text
    assert "Dikonfirmasi " not in text


def test_confidential_locations_have_no_address_or_map_link(built, directory):
    site = built["site"]
    confidential = [
        e
        for e in directory.services.values()
        if isinstance(e.record.locations, list)
        and any(loc.confidential for loc in e.record.locations)
    ]
    assert confidential, "the fictional directory must hold a shelter"
    for e in confidential:
        html = page_html(site, urls.service_url(e.id))
        assert "geo:" not in html and "openstreetmap" not in html
        assert "Alamat dirahasiakan" in html
        for card in (site / urls.service_url(e.id)).glob("*.vcf"):
            assert "ADR" not in card.read_text(encoding="utf-8")


def test_vcards_are_valid_and_neutral_variant_hides_the_purpose(built):
    folder = built["site"] / urls.service_url("pengaduan-uptd-ppa-contoh-magelang")
    full = (folder / "kontak.vcf").read_bytes().decode("utf-8")
    neutral = (folder / "kontak-netral.vcf").read_text(encoding="utf-8")
    assert full.startswith("BEGIN:VCARD\r\nVERSION:3.0\r\n") and full.endswith("END:VCARD\r\n")
    assert "TEL;TYPE=VOICE:(0293) 000102" in full  # as every other output shows it
    assert "FN:Kantor Layanan" in neutral
    assert "Pengaduan" not in neutral and "UPTD" not in neutral and "ORG" not in neutral


def test_printable_list_has_wallet_card_with_emergency_numbers(built, directory):
    html = page_html(built["site"], urls.printable_url("33.71"))
    card = html.split('class="dl-wallet-card"')[1].split("</div>")[0]
    assert "Polisi 110" in card and "UPTD PPA" in card
    assert 'href="cetak/"' in page_html(built["site"], urls.city_url("33.71"))


def test_city_page_draws_the_pathway_as_steps(built, directory):
    html = page_html(built["site"], urls.city_url("33.71"))
    pathway = next(p for p in directory.pathways.values() if p.record.region == "33.71")
    assert html.count('class="dl-step"') == len(pathway.record.steps)


def test_no_broken_internal_links(built):
    site = built["site"]
    problems = []
    ids_cache: dict[Path, set[str]] = {}
    for page in sorted(site.rglob("*.html")):
        if page.name == "404.html":  # served at any depth, so MkDocs makes its links absolute
            continue
        links = LinkParser.parse(page.read_text(encoding="utf-8"))
        for link in links.refs:
            parts = urlsplit(link)
            if parts.scheme or parts.netloc or link.startswith(("mailto:", "tel:", "sms:", "geo:")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.is_file():
                problems.append(f"{page.relative_to(site)}: {link}")
                continue
            if parts.fragment and target.suffix == ".html":
                if target not in ids_cache:
                    ids_cache[target] = LinkParser.parse(target.read_text(encoding="utf-8")).ids
                if parts.fragment not in ids_cache[target]:
                    problems.append(f"{page.relative_to(site)}: {link} (no such id)")
    assert problems == []


def test_no_third_party_resources(built):
    """Pages load nothing from elsewhere: external hosts appear only in plain links."""
    for page in [
        "",
        urls.city_url("33.71"),
        urls.service_url("pengaduan-uptd-ppa-contoh-magelang"),
        urls.printable_url("33.71"),
    ]:
        html = page_html(built["site"], page)
        for src in re.findall(r'\b(?:src|srcset)="([^"]+)"', html):
            assert not re.match(r"^(https?:)?//", src), src


class LinkParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        for key in ("href", "src"):
            if a.get(key) and not (tag == "link" and a.get("rel") in ("canonical", "alternate")):
                self.refs.append(a[key])

    @classmethod
    def parse(cls, html: str) -> LinkParser:
        parser = cls()
        parser.feed(html)
        return parser


class TextParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible_text(html: str) -> str:
    parser = TextParser()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def test_uncovered_city_lists_its_province_services(built, directory):
    html = page_html(built["site"], urls.city_url("73.71"))  # Kota Makassar, not covered
    assert "Direktori ini belum mencakup Kota Makassar" in html
    assert 'href="../../layanan/pengelolaan-kasus-uptd-ppa-contoh-provinsi-sulsel/"' in html


def test_source_known_to_the_month_gains_no_day(built):
    """The fixture's newest source names only its month: no invented day anywhere."""
    sid = "pos-pengaduan-kelurahan-magersari-contoh"
    text = visible_text(page_html(built["site"], urls.service_url(sid)))
    assert "Dari sumber publik Oktober 2025." in text
    assert "Buletin Kelurahan Contoh, Oktober 2025" in text
    assert "1 Oktober 2025" not in text


def test_national_organisation_says_so(built):
    text = visible_text(page_html(built["site"], urls.organisation_url("kementerian-contoh")))
    assert "Pemerintah · Seluruh Indonesia" in text
