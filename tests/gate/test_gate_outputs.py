"""What reaches the public: the confidential allow-list and escaping, on real built output.

One fictional tree is built once (site pages, search files, leaflet PDFs, vCards):
- the shelter carries a distinct marker in every field outside the allow-list
  (`generator/confidential.py`), and is featured on a leaflet so it reaches paper too;
- settings and record texts carry markup that `check` lets through (quotes, ampersands,
  apostrophes: no `<`), which must stay text in every page (parsed with html.parser).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from tests.conftest import build_tree
from tests.reference import FICTIONAL

SHELTER = "services/rumah-aman-contoh-magelang.yaml"
# One marker per field outside the allow-list: none may appear in any output.
MARKERS = {
    "description": "PENANDA-DESKRIPSI",
    "how_to_get_help": "PENANDA-CARA",
    "what_to_bring.0": "PENANDA-BAWA",
    "eligibility": "PENANDA-SYARAT",
    "if_no_answer": "PENANDA-TIDAKDIJAWAB",
    "notes": "PENANDA-CATATAN",
    "keywords.0": "PENANDA-KATAKUNCI",
    "recheck": "PENANDA-CEKULANG",
    "verified_by": "PENANDA-PEMERIKSA",
    "hours.note": "PENANDA-JAM",
    "fees.note": "PENANDA-BIAYA",
    "channels.0.label": "PENANDA-LABEL",
    "channels.0.note": "PENANDA-SALURAN",
    "channels.0.recheck": "PENANDA-SALURANCEK",
    "locations.0.referral": "PENANDA-RUJUKAN",
    "sources.0.covers": "PENANDA-CAKUPAN",
    "sources.0.url": "https://penanda-sumber.example.org/berita",
}
EXTRA_CHANNELS = [  # channels of its own, reached by no hotline: not published
    {"type": "email", "value": "penanda-email@example.org", "label": "PENANDA-EMAILLABEL"},
    {"type": "website", "value": "https://penanda-web.example.org/", "note": "PENANDA-WEB"},
]
CORPUS = yaml.safe_load((Path(__file__).parent / "hostile.yaml").read_text(encoding="utf-8"))
ESCAPED = {(c["in"], c["field"]): c["text"] for c in CORPUS if c["expect"] == "escaped"}
SITE_NAME = ESCAPED["settings", "site_name"]
SITE_DESCRIPTION = ESCAPED["settings", "site_description"]
HOSTILE_NAME = ESCAPED["service", "name"]


def put(data: dict, dotted: str, value) -> None:
    *parents, last = [int(k) if k.isdigit() else k for k in dotted.split(".")]
    for key in parents:
        data = data[key]
    data[last] = value


def edit(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def hostile_tree(root: Path) -> None:
    shutil.copytree(FICTIONAL, root)

    def shelter(data):
        for dotted, marker in MARKERS.items():
            put(data, dotted, marker)
        data["channels"] += EXTRA_CHANNELS

    edit(root / SHELTER, shelter)
    edit(
        root / "materials/leaflet-contoh-stop-kekerasan.yaml",
        lambda d: d["featured"]["services"].append("rumah-aman-contoh-magelang"),
    )
    edit(root / "settings.yaml", lambda d: d.update(site_name=SITE_NAME))
    edit(root / "settings.yaml", lambda d: d.update(site_description=SITE_DESCRIPTION))
    edit(
        root / "services/pengaduan-uptd-ppa-contoh-magelang.yaml",
        lambda d: d.update(name=HOSTILE_NAME),
    )


@pytest.fixture(scope="module")
def outputs(tmp_path_factory) -> dict:
    tmp = tmp_path_factory.mktemp("gate")
    hostile_tree(tmp / "fictional")
    build_tree(tmp / "fictional", tmp)
    return {"site": tmp / "site"}


def texts(site: Path) -> dict[str, str]:
    """Every published file as text: pages, search files, vCards, and the PDFs' text."""
    found = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".json", ".js", ".vcf", ".txt", ".xml"):
            found[str(path.relative_to(site))] = path.read_text(encoding="utf-8")
        elif path.suffix == ".pdf":
            pdf = subprocess.run(
                ["pdftotext", "-layout", str(path), "-"], capture_output=True, check=True
            )
            found[str(path.relative_to(site))] = pdf.stdout.decode("utf-8")
    return found


def test_no_output_holds_a_field_outside_the_allow_list(outputs):
    published = texts(outputs["site"])
    kinds = {Path(name).suffix for name in published}
    assert {".html", ".json", ".pdf", ".vcf"} <= kinds, kinds
    # The shelter itself is published (name, through its hotline), on the web and paper.
    assert any("Rumah Aman Contoh" in t for n, t in published.items() if n.endswith(".pdf"))
    assert any("Rumah Aman Contoh" in t for n, t in published.items() if n.endswith(".json"))
    markers = [*MARKERS.values(), "penanda-email", "penanda-web", "PENANDA-"]
    leaks = sorted((name, m) for name, text in published.items() for m in markers if m in text)
    assert leaks == []


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of <title>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.title = ""
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parsed(html: str) -> Elements:
    parser = Elements()
    parser.feed(html)
    parser.close()
    return parser


def test_settings_and_record_text_add_no_element_or_attribute(outputs):
    pages = {n: t for n, t in texts(outputs["site"]).items() if n.endswith(".html")}
    assert len(pages) > 20
    for name, html in pages.items():
        page = parsed(html)
        for tag, attrs in page.tags:
            assert not [a for a in attrs if a.startswith("on") or a == "data-gerbang"], (name, tag)
            if tag == "meta" and "http-equiv" in attrs:
                assert attrs["http-equiv"] == "Content-Security-Policy", (name, attrs)
            assert tag not in ("base", "iframe", "object", "embed"), (name, tag)
        assert page.title.strip().endswith(SITE_NAME), (name, page.title)


def test_settings_text_reads_back_exactly_in_the_head(outputs):
    home = parsed((outputs["site"] / "index.html").read_text(encoding="utf-8"))
    descriptions = [
        a["content"] for t, a in home.tags if t == "meta" and a.get("name") == "description"
    ]
    assert descriptions == [SITE_DESCRIPTION]


def test_site_name_reads_back_exactly_in_the_header_and_navigation(outputs):
    """The config holds the escaped name; no template may escape it again (the header's
    and the navigation's logo links, overrides/partials/header.html and nav.html)."""
    for url in ("index.html", "layanan/pengaduan-uptd-ppa-contoh-magelang/index.html"):
        page = parsed((outputs["site"] / url).read_text(encoding="utf-8"))
        logos = [a for t, a in page.tags if t == "a" and "md-logo" in a.get("class", "")]
        assert len(logos) == 2, (url, logos)  # header and navigation
        assert [(a["title"], a["aria-label"]) for a in logos] == [(SITE_NAME, SITE_NAME)] * 2


def test_hostile_service_name_reads_back_exactly(outputs):
    site = outputs["site"]
    page = parsed((site / "layanan/pengaduan-uptd-ppa-contoh-magelang/index.html").read_text())
    assert page.title.startswith(HOSTILE_NAME)
    shards = [json.loads(p.read_text()) for p in site.rglob("*.json") if "search" in str(p)]
    assert HOSTILE_NAME in set(strings(shards))


def strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from strings(item)


def test_vcards_hold_one_property_per_line(outputs):
    cards = list(outputs["site"].rglob("*.vcf"))
    assert cards
    for card in cards:
        lines = card.read_bytes().decode("utf-8").split("\r\n")
        assert lines[0] == "BEGIN:VCARD" and lines[-2:] == ["END:VCARD", ""], card
        for line in lines[1:-2]:
            assert re.match(r"^(VERSION|FN|N|ORG|TEL;TYPE=[A-Z]+|EMAIL|URL|NOTE):", line), line
