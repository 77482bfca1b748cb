"""Browser test: type a query on a city page and see the expected result
with a working call link; the URL, history and storage stay unchanged; every request
goes to the local server. Uses a minimal MkDocs + Material site with this branch's
header partial and the search built from the fictional directory."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from generator.search import build_search
from tests.conftest import serve_site, skip_or_fail
from tests.search.conftest import REPO

CITY_URL = "kota/33-71-kota-magelang/"
MKDOCS_YML = """site_name: Contoh
docs_dir: docs
site_dir: site
use_directory_urls: true
theme:
  name: material
  language: id
  font: false
  custom_dir: {overrides}
plugins:
  - search
"""


@pytest.fixture(scope="module")
def site(fictional_directory, tmp_path_factory) -> Path:
    """A minimal built site: home, one city page, the search (not site-pages' build)."""
    root = tmp_path_factory.mktemp("search-site")
    docs = root / "docs"
    (docs / CITY_URL).mkdir(parents=True)
    (docs / "index.md").write_text("# Beranda\n", encoding="utf-8")
    # The city that scopes the search, as generator/site/shell.py writes it for city pages.
    (docs / CITY_URL / "index.md").write_text(
        '---\ncity: "33.71"\ncity_name: Kota Magelang\n---\n\n# Kota Magelang\n\nSemua layanan.\n',
        encoding="utf-8",
    )
    build_search(fictional_directory, docs)
    (root / "mkdocs.yml").write_text(
        MKDOCS_YML.format(overrides=REPO / "overrides"), encoding="utf-8"
    )
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True, timeout=120
    )
    return root / "site"


@pytest.fixture(scope="module")
def server(site):
    with serve_site(site) as url:
        yield url


@pytest.mark.browser
def test_city_search_shows_result_with_call_link(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + CITY_URL)
    before = page.evaluate("[location.href, history.length]")
    page.click("[data-ids-query]")
    page.keyboard.type("lapor kdrt", delay=20)
    # Results appear as the visitor types; wait until the expected record is in the top 3.
    page.wait_for_function(
        """id => [...document.querySelectorAll('[data-ids-output] .ids-result')]
               .slice(0, 3).some(e => e.dataset.recordId === id)""",
        arg="pengaduan-uptd-ppa-contoh-magelang",
        timeout=10000,
    )
    assert "hasil ditemukan" in page.inner_text("[data-ids-output] .ids-status")
    result = page.locator('[data-ids-output] [data-record-id="pengaduan-uptd-ppa-contoh-magelang"]')
    call = result.locator('a[href^="tel:"]').first
    assert call.get_attribute("href").startswith("tel:0")
    link = result.locator("a.ids-result__name")
    assert link.get_attribute("href").endswith("layanan/pengaduan-uptd-ppa-contoh-magelang/")
    after = page.evaluate("[location.href, history.length]")
    assert after == before
    storage = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
    assert all(u.startswith(server) for u in requests), [
        u for u in requests if not u.startswith(server)
    ]
    assert any(u.endswith("assets/search/shards/33.71.json") for u in requests)
    assert not any("search_index" in u for u in requests)
    page.close()


@pytest.mark.browser
def test_search_assets_load_only_when_used(browser, server):
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + CITY_URL)
    page.wait_for_load_state("networkidle")
    assert any(u.endswith("loader.js") for u in requests)
    assert not any(u.endswith(("search.js", ".json")) for u in requests)
    page.close()


@pytest.mark.browser
def test_facets_filter_results(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + CITY_URL)
    page.click("[data-ids-query]")
    page.locator("[data-ids-output] .ids-result").first.wait_for(timeout=10000)
    page.locator("[data-ids-output] .ids-more-facets summary").click()
    page.keyboard.press("Tab")  # the facets are reachable by keyboard
    page.locator('[data-ids-output] [data-facet="24h"]').check()
    page.wait_for_timeout(300)
    ids = page.eval_on_selector_all(
        "[data-ids-output] .ids-result", "els => els.map(e => e.dataset.recordId)"
    )
    assert "rumah-aman-contoh-magelang" in ids
    assert "pengaduan-uptd-ppa-contoh-magelang" not in ids
    page.close()


@pytest.mark.browser
def test_national_query_on_search_page(browser, server):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(server + "search/")
    field = page.locator("#ids-page-query")
    field.wait_for(timeout=10000)
    field.type("mediasi bone", delay=20)
    page.wait_for_function(
        """id => [...document.querySelectorAll('.ids-page__output .ids-result')]
               .slice(0, 3).some(e => e.dataset.recordId === id)""",
        arg="mediasi-uptd-ppa-contoh-bone",
        timeout=10000,
    )
    assert any(u.endswith("assets/search/national.json") for u in requests)
    assert any(u.endswith("assets/search/shards/73.08.json") for u in requests)
    assert page.url == server + "search/"
    page.close()


@pytest.mark.browser
def test_search_panel_has_no_axe_violations(browser, server):
    axe = REPO / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        skip_or_fail("axe-core not installed (npm ci)")
    # The site's CSP (self only) would block the injected axe script.
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(server + CITY_URL)
    page.click("[data-ids-query]")
    page.keyboard.type("rumah aman", delay=20)
    page.locator("[data-ids-output] .ids-result").first.wait_for(timeout=10000)
    page.locator("[data-ids-output] .ids-more-facets summary").click()
    page.add_script_tag(path=str(axe))
    result = page.evaluate(
        """() => axe.run(document.querySelector('[data-ids-search]'),
                 {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"""
    )
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    context.close()


@pytest.mark.browser
def test_choose_another_city(browser, server):
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + CITY_URL)
    page.click("[data-ids-query]")
    scope = page.locator('[data-ids-output] [data-facet="scope"]')
    scope.wait_for(timeout=10000)
    scope.select_option("lainnya")
    page.wait_for_function(
        "() => document.querySelectorAll('[data-ids-output] [data-facet=scope] option').length > 500"
    )
    scope.select_option("73.08")
    page.fill("[data-ids-query]", "mediasi")
    page.wait_for_function(
        """() => {
          const first = document.querySelector('[data-ids-output] .ids-result');
          return first && first.dataset.recordId === 'mediasi-uptd-ppa-contoh-bone';
        }""",
        timeout=10000,
    )
    page.close()


@pytest.mark.browser
def test_small_screen_search_button_opens_and_focuses_the_box(browser, server):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(server + CITY_URL)
    page.click('label.md-header__button[for="__search"]')
    page.wait_for_function("() => document.activeElement.matches('[data-ids-query]')")
    page.keyboard.type("visum", delay=20)
    page.locator('[data-ids-output] [data-record-id="visum-rsu-contoh-magelang"]').wait_for(
        timeout=10000
    )
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False
    page.close()


@pytest.mark.browser
def test_number_marked_for_rechecking_is_no_button_and_its_warning_shows(browser, server):
    """A result whose only number is marked `recheck` offers no call button: it says
    why and how far it is trusted, as its page does."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(server + CITY_URL)
    page.click("[data-ids-query]")
    page.keyboard.type("konseling keluarga psikolog", delay=20)
    sid = "konseling-keluarga-biro-psikologi-contoh"
    page.wait_for_selector(f'[data-ids-output] [data-record-id="{sid}"]', timeout=10000)
    result = page.locator(f'[data-ids-output] [data-record-id="{sid}"]')
    assert result.locator('a[href^="tel:"]').count() == 0
    assert result.locator(".ids-result__recheck").inner_text() == (
        "Perlu dicek ulang: Telepon (0293) 000303: Nomor dari brosur lama tahun 2024; "
        "belum dicek apakah masih dipakai."
    )
    trust = "Dari sumber publik 1 Juni 2026. Belum dikonfirmasi."
    assert result.locator(".ids-result__trust").inner_text() == trust
    page.close()


def _type_in_header(page, server, query: str, width: int = 360) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(server + CITY_URL)
    page.click('label.md-header__button[for="__search"]')
    page.wait_for_function("() => document.activeElement.matches('[data-ids-query]')")
    page.keyboard.type(query, delay=10)


@pytest.mark.browser
def test_no_match_shows_numbers_to_call_and_what_to_try_next_at_360px(browser, server):
    page = browser.new_page()
    _type_in_header(page, server, "qwzx")
    page.wait_for_function(
        "() => document.querySelector('[data-ids-output] .ids-status').textContent"
        ".includes('Tidak ada hasil')"
    )
    out = page.locator("[data-ids-output]")
    # The 'more' button used to show with 0 results: `display: inline-flex` beat `hidden`.
    assert not out.locator(".ids-more").is_visible()
    help_box = out.locator(".ids-help")
    assert help_box.is_visible()
    assert "Perlu bantuan sekarang? Telepon:" in help_box.inner_text()
    calls = help_box.locator('a[href^="tel:"]')
    assert calls.first.get_attribute("href") in ("tel:129", "tel:110", "tel:112")
    ids = help_box.locator("[data-record-id]").evaluate_all(
        "els => els.map(e => e.dataset.recordId)"
    )
    assert ids[:3] == ["polisi-110", "darurat-112", "sapa-129"]  # fictional: 110 first (order 1)
    assert "pengaduan-uptd-ppa-contoh-magelang" in ids  # the city's complaint service
    help_box.get_by_role("button", name="Pengaduan", exact=True).click()
    page.wait_for_function(
        "() => document.querySelector('[data-ids-output] .ids-status').textContent"
        ".includes('layanan')"
    )
    assert not help_box.is_visible()
    page.close()


@pytest.mark.browser
def test_another_city_named_is_offered_first_and_labelled(browser, server, tmp_path):
    page = browser.new_page()
    _type_in_header(page, server, "mediasi bone")
    page.wait_for_function(
        """() => {
          const first = document.querySelector('[data-ids-output] .ids-result');
          return first && first.dataset.recordId === 'mediasi-uptd-ppa-contoh-bone';
        }""",
        timeout=10000,
    )
    assert page.locator('[data-ids-output] [data-city="73.08"] button').is_visible()
    first = page.locator("[data-ids-output] .ids-result").first
    assert first.locator(".ids-result__elsewhere").inner_text() == (
        "Di Kabupaten Bone, bukan di Kota Magelang"
    )
    own = page.locator('[data-ids-output] [data-record-id="mediasi-uptd-ppa-contoh-magelang"]')
    if own.count():  # this city's own results carry no such label
        assert own.locator(".ids-result__elsewhere").count() == 0
    page.screenshot(path=tmp_path / "elsewhere.png")
    page.close()


@pytest.mark.browser
def test_organisation_result_says_how_to_reach_it(browser, server):
    page = browser.new_page()
    _type_in_header(page, server, "gow contoh")
    row = page.locator('[data-ids-output] [data-record-id="gow-contoh-kota-magelang"]')
    row.wait_for(timeout=10000)
    assert (
        row.locator("a.ids-result__name")
        .get_attribute("href")
        .endswith("organisasi/gow-contoh-kota-magelang/")
    )
    assert row.locator(".ids-result__meta").inner_text().startswith("Dihubungi lewat ")
    assert row.locator('a[href^="tel:"]').count() >= 1
    page.close()


@pytest.mark.browser
def test_no_result_panel_has_no_axe_violations(browser, server):
    axe = REPO / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        skip_or_fail("axe-core not installed (npm ci)")
    context = browser.new_context(viewport={"width": 360, "height": 800}, bypass_csp=True)
    page = context.new_page()
    _type_in_header(page, server, "qwzx")
    page.locator("[data-ids-output] .ids-help").wait_for(timeout=10000)
    page.add_script_tag(path=str(axe))
    result = page.evaluate(
        """() => axe.run(document.querySelector('[data-ids-search]'),
                 {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"""
    )
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    context.close()


def _hold(page, pattern: str) -> list:
    """Requests matching `pattern` wait until the test lets them go (`route.continue_()`)."""
    held: list = []
    page.route(pattern, lambda route: held.append(route))
    return held


def _wait_until(page, held: list) -> None:
    for _ in range(200):
        if held:
            return
        page.wait_for_timeout(50)
    raise AssertionError("the request was never made")


@pytest.mark.browser
def test_first_slice_answers_then_the_whole_shard_refines(browser, server, tmp_path):
    """While the city's whole shard is on its way, the first slice answers (hotlines,
    complaint services, the best services of each kind of help) and says more is coming;
    then the whole shard's results take their place."""
    page = browser.new_page(viewport={"width": 360, "height": 800})
    held = _hold(page, "**/assets/search/shards/33.71.json")
    _type_in_header(page, server, "psikologi")
    out = "[data-ids-output]"
    page.wait_for_function(
        "() => document.querySelector('[data-ids-output] .ids-status').textContent"
        " === '2 hasil pertama. Memuat semua hasil…'",
        timeout=10000,
    )
    assert page.locator(f'{out} .ids-results[aria-busy="true"]').count() == 1
    ids = page.locator(f"{out} .ids-results .ids-result").evaluate_all(
        "els => els.map(e => e.dataset.recordId)"
    )
    # Services only: the organisation "Biro Psikologi Contoh" is in the whole shard.
    assert ids == [
        "konseling-psikolog-uptd-ppa-contoh-magelang",
        "konseling-keluarga-biro-psikologi-contoh",
    ]
    page.screenshot(path=tmp_path / "first-slice.png")
    _wait_until(page, held)
    held[0].continue_()
    page.wait_for_selector(
        f'{out} .ids-results[aria-busy="false"] [data-record-id="biro-psikologi-contoh-magelang"]',
        timeout=10000,
    )
    assert page.inner_text(f"{out} .ids-status") == "3 hasil ditemukan."
    page.screenshot(path=tmp_path / "refined.png")
    page.close()


@pytest.mark.browser
def test_search_works_without_the_first_slice(browser, server):
    """A site whose first slices are missing (an older build, a failed request) still
    searches: the whole shard answers."""
    page = browser.new_page(viewport={"width": 360, "height": 800})
    page.route("**/assets/search/first/**", lambda route: route.fulfill(status=404))
    _type_in_header(page, server, "kenanga")
    row = '[data-ids-output] .ids-results[aria-busy="false"] [data-record-id="organisasi-wanita-contoh-kenanga"]'
    page.wait_for_selector(row, timeout=10000)
    page.close()


@pytest.mark.browser
def test_query_typed_before_the_loader_ran_is_searched(browser, server):
    """On a slow page the box can be used before loader.js runs: the words typed then
    are searched once it does, without typing again."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    held = _hold(page, "**/assets/search/loader.js")
    page.goto(server + CITY_URL, wait_until="commit")
    _wait_until(page, held)
    page.fill("[data-ids-query]", "visum")
    held[0].continue_()
    page.wait_for_selector(
        '[data-ids-output] [data-record-id="visum-rsu-contoh-magelang"]', timeout=10000
    )
    page.close()


@pytest.mark.browser
@pytest.mark.parametrize("query", ["konseling", "qwzx"])
def test_search_page_results_have_no_axe_violations(browser, server, query):
    """The search page's own panel, with results and with the no-result panel: WCAG rules
    and best practices (headings one level under the page title: heading-order)."""
    axe = REPO / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        skip_or_fail("axe-core not installed (npm ci)")
    context = browser.new_context(viewport={"width": 360, "height": 800}, bypass_csp=True)
    page = context.new_page()
    page.goto(server + "search/")
    page.fill("#ids-page-query", query)
    shown = "[data-ids-page] .ids-help" if query == "qwzx" else "[data-ids-page] .ids-result"
    page.locator(shown).first.wait_for(timeout=10000)
    assert page.locator(
        "[data-ids-page] h2.ids-result__title, [data-ids-page] h2.ids-help__title"
    ).count()
    page.add_script_tag(path=str(axe))
    result = page.evaluate(
        """() => axe.run(document, {
              runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
              rules: {region: {enabled: false}}})"""  # landmarks: the page shell's, not the panel's
    )
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    context.close()
