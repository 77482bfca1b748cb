"""One record, one presentation: every output shows a record's numbers in the same
form, with its trust label and re-check warnings (`generator/present`).

Built without MkDocs from the same stages `make build` runs: the docs tree (pages and
vCards), the search files, and the leaflet PDFs (text read back with pypdf), for the
fictional and the real directory. Every check adds to `TALLY`, the count of values
the test compared (printed at the end with `-s`).
"""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from pypdf import PdfReader

from generator import confidential, phones, present
from generator.check import check_directory
from generator.models import Service
from generator.paths import REAL_ROOT
from generator.print import render_leaflets
from generator.print.content import leaflet_content
from generator.search.write import search_files
from generator.site import docs_files, urls
from generator.site.vcard import NEUTRAL_RECHECK
from tests.reference import FICTIONAL, REAL_TODAY, TODAY

# Anything that may be a phone number of 6 characters or more: "(0293) 000102",
# "+62 812-…", "0812 3456 7890". Short codes are checked where they are listed.
NUMBER_LIKE = re.compile(r"\+?\(?\d[\d() .\-]{4,}\d")
TALLY: Counter[str] = Counter()


class _Text(HTMLParser):
    """Visible text of an HTML fragment: what a person reads."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style") and self.skip > 0

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def visible(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(" ".join(parser.parts).split())


def flat(text: str) -> str:
    return " ".join(text.split())


@dataclass
class Built:
    name: str
    d: object
    files: dict[str, str]
    shards: dict[str, list] = field(default_factory=dict)
    pdfs: list[tuple[dict, str]] = field(default_factory=list)  # (content, text)
    displays: set[str] = field(default_factory=set)  # every number, as `present` shows it

    def page(self, url: str) -> str:
        return self.files[urls.source_path(url)]


def build_outputs(root: Path, tmp: Path, name: str) -> Built:
    directory, report = check_directory(root, TODAY if root == FICTIONAL else REAL_TODAY)
    assert directory is not None, [p.format() for p in report.errors]
    files = {p: b.decode("utf-8") for p, b in docs_files(directory).items() if _text_file(p)}
    built = Built(name, directory, files)
    for path, data in search_files(directory).items():
        if path.endswith(".json") and "/shards/" in path:
            built.shards[path.rsplit("/", 1)[1][:-5]] = json.loads(data)["store"]
    for r in render_leaflets(directory, tmp, jobs=1):
        text = flat(" ".join(p.extract_text() for p in PdfReader(tmp / r["pdf"]).pages))
        content = leaflet_content(directory, r["material"], r["city"], None, False)
        built.pdfs.append((content, text))
    for records in (directory.services, directory.hotlines, directory.organisations):
        for e in records.values():
            built.displays |= {a.value for a in numbered(built, e)}
    return built


def _text_file(path: str) -> bool:
    return path.endswith((".md", ".vcf"))


@pytest.fixture(scope="module", autouse=True)
def report_tally():
    """The figure of values compared, shown with `-s` (one process: `-p no:xdist`)."""
    yield
    print(f"\nconsistency: {sum(TALLY.values())} values checked: {dict(sorted(TALLY.items()))}")


@pytest.fixture(scope="module", params=["fictional", "real"])
def built(request, tmp_path_factory) -> Built:
    root = FICTIONAL if request.param == "fictional" else REAL_ROOT
    return build_outputs(root, tmp_path_factory.mktemp(request.param), request.param)


# --- what `present` says about a record ----------------------------------------------


def actions(b: Built, e) -> list[present.Action]:
    return present.contact_actions(b.d, e.record)


def numbered(b: Built, e) -> list[present.Action]:
    return present.numbered(actions(b, e))


def trust(b: Built, e) -> str:
    return present.trust(b.d, e).text


def warnings(b: Built, e) -> list[str]:
    return present.recheck_warnings(e.record, actions(b, e))


# --- comparisons (each one counted) ---------------------------------------------------


def shows(where: str, text: str, value: str, what: str) -> None:
    TALLY[what] += 1
    assert value in text, f"{where}: {what} {value!r} missing"


def only_display_forms(b: Built, where: str, text: str) -> None:
    """Every number in `text` is in a display form `present` makes: the display forms
    are taken out, and what is left holds no valid number in any other form."""
    for shown in sorted(b.displays, key=len, reverse=True):
        if len(shown) >= 6 and shown in text:
            TALLY["number form"] += text.count(shown)
            text = text.replace(shown, " | ")
    for found in NUMBER_LIKE.findall(text):
        for token in _pieces(found):
            assert phones.parse(token) is None, f"{where}: number {token!r} shown another way"


def _pieces(found: str) -> list[str]:
    """The token and its parts split at spaces (a number may sit next to other digits)."""
    words = found.split()
    return [found.strip(" .-")] + [" ".join(words[i:]) for i in range(1, len(words))]


def record_text(b: Built, where: str, text: str, e, numbers) -> None:
    """`text` shows the record's trust label, its warnings and `numbers` as displayed."""
    shows(where, text, trust(b, e), "trust label")
    for w in warnings(b, e):
        shows(where, text, w, "recheck warning")
    for a in numbers:
        shows(where, text, a.value, "number")
    only_display_forms(b, where, text)


# --- the tests -----------------------------------------------------------------------


def test_record_pages(built):
    b = built
    for e in b.d.services.values():
        record_text(b, e.id, own_text(b.page(urls.service_url(e.id))), e, numbered(b, e))
    for e in b.d.hotlines.values():
        record_text(b, e.id, own_text(b.page(urls.hotline_url(e.id))), e, numbered(b, e))
    for e in b.d.organisations.values():
        html = b.page(urls.organisation_url(e.id))
        text = own_text(html.split('<h2 id="layanan">')[0])  # its own part, not its services'
        record_text(b, e.id, text, e, numbered(b, e))


def own_text(html: str) -> str:
    """A page's visible text without its list of sources, which quote their documents
    as written (a source may print "08111-129-129")."""
    return visible(re.sub(r'<ul class="dl-sources">.*?</ul>', "", html, flags=re.S))


def test_city_pages_and_printable_lists(built):
    b = built
    for city in b.d.city_codes():
        page = b.page(urls.city_url(city))
        printable = b.page(urls.printable_url(city))
        for e in present.services_of_city(b.d, city, present.LISTED):
            card = _between(page, f'id="s-{e.id}"', "</article>")
            card_numbers = present.card_actions(actions(b, e))
            record_text(b, f"{city} card {e.id}", visible(card), e, card_numbers)
            row = visible(_row(printable, e.record.name))
            paper = [a for a in numbered(b, e) if a.sure and not a.via_hotline]
            record_text(b, f"{city} printable {e.id}", row, e, paper)
        for e in present.hotlines_of_city(b.d, city).all:
            entry = _hotline_entry(page, _rel_hotline(city, e.id))
            sure = [a for a in numbered(b, e) if a.sure]
            record_text(b, f"{city} hotline {e.id}", visible(entry), e, numbered(b, e))
            record_text(
                b, f"{city} printable {e.id}", visible(_row(printable, e.record.name)), e, sure
            )


def _between(html: str, start: str, end: str) -> str:
    at = html.index(start)
    return html[at : html.index(end, at)]


def _hotline_entry(html: str, href: str) -> str:
    """A city page's hotline entry: from its name to the end of its trust label."""
    at = html.index(f'class="dl-hotline-name" href="{href}"')
    return html[at : html.index("</p>", html.index('class="dl-card-trust', at))]


def _row(html: str, name: str) -> str:
    table = html.split('class="dl-print-table"')[1]
    return _between(table, f"<strong>{_escape(name)}</strong>", "</tr>")


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _rel_hotline(city: str, hid: str) -> str:
    return urls.relative(urls.city_url(city), urls.hotline_url(hid))


def test_search_rows(built):
    b = built
    kinds = {0: b.d.services, 1: b.d.hotlines}
    seen = 0
    for city, rows in b.shards.items():
        for row in rows:
            if row[1] not in kinds:
                continue
            e = kinds[row[1]][row[0]]
            sure = {a.value for a in numbered(b, e) if a.sure}
            for value in row[8] + row[9]:
                TALLY["number"] += 1
                assert value in sure, f"search {city} {e.id}: {value!r} not a sure number"
            TALLY["trust label"] += 1
            assert row[10] == trust(b, e), (city, e.id)
            TALLY["recheck warning"] += len(row[11])
            assert row[11] == warnings(b, e), (city, e.id)
            seen += 1
    assert seen


def test_search_rows_list_the_services_of_each_city(built):
    b = built
    for city in b.d.city_codes():
        listed = {r[0] for r in b.shards[city] if r[1] == 0}
        expected = {e.id for e in present.services_of_city(b.d, city, present.LISTED)}
        TALLY["service listed"] += len(expected)
        assert listed == expected, city


def test_leaflets(built):
    b = built
    assert b.pdfs
    for content, text in b.pdfs:
        where = f"pdf {content['id']} {content['city']['code']}"
        for kind, table in (("hotlines", b.d.hotlines), ("services", b.d.services)):
            for item in content[kind]:
                e = table[item["id"]]
                shows(where, text, trust(b, e), "trust label")
                own = present.recheck_warnings(e.record, [])
                for w in own:
                    shows(where, text, w, "recheck warning")
                values = {a.value for a in numbered(b, e) if not a.own_recheck}
                for line in item["lines"]:
                    if line["type"] in phones.NUMBER_TYPES:
                        TALLY["number"] += 1
                        assert line["value"] in values, (where, e.id, line["value"])
                        shows(where, text, line["value"], "number")
        only_display_forms(b, where, text)


def test_vcards(built):
    b = built
    for e in b.d.services.values():
        base = urls.service_url(e.id)
        nums = numbered(b, e)
        if not nums:
            assert base + "kontak.vcf" not in b.files
            continue
        full, neutral = b.files[base + "kontak.vcf"], b.files[base + "kontak-netral.vcf"]
        expected = list(dict.fromkeys(a.value for a in sorted(nums, key=lambda a: bool(a.recheck))))
        for card in (full, neutral):
            tels = [line.split(":", 1)[1] for line in card.split("\r\n") if line.startswith("TEL")]
            TALLY["number"] += len(tels)
            assert list(dict.fromkeys(tels)) == expected, e.id
        note = _unescape_vcard(_field(full, "NOTE"))
        shows(f"vcard {e.id}", note, trust(b, e), "trust label")
        for w in warnings(b, e):
            shows(f"vcard {e.id}", note, w, "recheck warning")
        if any(a.recheck for a in nums):
            shows(f"neutral vcard {e.id}", neutral, NEUTRAL_RECHECK, "recheck warning")


def _field(card: str, name: str) -> str:
    return next((x.split(":", 1)[1] for x in card.split("\r\n") if x.startswith(name + ":")), "")


def _unescape_vcard(text: str) -> str:
    return text.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")


def test_no_output_shows_a_number_another_way(built):
    b = built
    for path, text in b.files.items():
        if path.endswith(".md"):
            only_display_forms(b, path, own_text(unescape(text.split("---", 2)[-1])))


# A service with a confidential location publishes only its allow-listed fields: the
# Directory holds its allow-listed copy (`generator/confidential.py`), so the free texts
# to look for are read from the record file as staff wrote it.
def test_no_free_text_of_a_confidential_service_in_any_output(built):
    b = built
    outputs = [visible(t) for p, t in b.files.items() if p.endswith(".md")]
    outputs += [t for p, t in b.files.items() if p.endswith(".vcf")]
    outputs += [json.dumps(rows, ensure_ascii=False) for rows in b.shards.values()]
    outputs += [text for _c, text in b.pdfs]
    for e in b.d.services.values():
        if not confidential.is_confidential(e.record):
            continue
        written = Service.model_validate(
            yaml.safe_load((b.d.root.parent / e.file).read_text("utf-8"))
        )
        for text in _free_texts(written):
            for out in outputs:
                TALLY["confidential text"] += 1
                assert not any(part in out for part in _telling_parts(text)), (e.id, text)


def _telling_parts(text: str) -> list[str]:
    """Its sentences of 30 characters or more: a whole sentence of a record's own text, not
    a phrase it shares with a kind-of-help description."""
    return [p for p in re.split(r"(?<=[.!?])\s+", flat(text)) if len(p) >= 30]


def _free_texts(rec) -> list[str]:
    texts = [rec.description, rec.how_to_get_help, rec.eligibility, rec.notes, rec.if_no_answer]
    texts += list(rec.what_to_bring or [])
    channels = rec.channels if isinstance(rec.channels, list) else []
    texts += [x for ch in channels for x in (ch.label, ch.note)]
    texts += [s.covers for s in rec.sources]
    return [t for t in texts if t and len(t) >= 12]
