"""Generated pages in Chromium: "buka sekarang" from data-hours, print button, no outside requests."""

from __future__ import annotations

import pytest

from generator.site import urls
from tests.conftest import serve_site


@pytest.fixture(scope="module")
def server(built):
    with serve_site(built["site"]) as url:
        yield url


def new_page(browser):
    tab = browser.new_page(viewport={"width": 360, "height": 740})
    seen: list[str] = []
    tab.on("request", lambda r: seen.append(r.url))
    return tab, seen


@pytest.mark.browser
def test_service_page_says_open_or_closed_now(server, browser):
    def check(browser):
        page, seen = new_page(browser)
        page.goto(server + urls.service_url("pengaduan-uptd-ppa-contoh-magelang"))
        now = page.locator(".dl-now").first
        now.wait_for(state="visible")
        assert now.inner_text() in {"Buka sekarang", "Tutup sekarang"}
        assert page.locator("[data-print]").first.is_visible()
        assert all(url.startswith(server) for url in seen)

    check(browser)


@pytest.mark.browser
def test_open_now_uses_the_region_time_zone(server, browser):
    check_open_now(browser, server)


def check_open_now(browser, server):
    page, _seen = new_page(browser)
    page.goto(server + urls.service_url("pengaduan-uptd-ppa-contoh-magelang"))
    hours = {"utc": 8, "weekly": [[[1, 2, 3, 4, 5], "08:00", "16:00"]]}  # WITA
    cases = {
        "2026-11-02T00:30:00Z": True,  # Monday 08:30 WITA
        "2026-11-02T07:59:00Z": True,  # Monday 15:59 WITA
        "2026-11-02T08:00:00Z": False,  # Monday 16:00 WITA
        "2026-11-01T01:00:00Z": False,  # Sunday
    }
    for iso, expected in cases.items():
        got = page.evaluate("([h, t]) => window.dlOpenNow(h, new Date(t))", [hours, iso])
        assert got is expected, iso
    night = {"utc": 7, "weekly": [[[5], "20:00", "02:00"]]}  # Friday night shift past midnight
    assert page.evaluate(
        "([h, t]) => window.dlOpenNow(h, new Date(t))", [night, "2026-11-06T18:30:00Z"]
    )


@pytest.mark.browser
def test_pages_work_without_javascript(server, browser):
    def check(browser):
        context = browser.new_context(java_script_enabled=False)
        tab = context.new_page()
        tab.goto(server + urls.city_url("33.71"))
        assert tab.locator("a[href='tel:112']").first.is_visible()
        assert not tab.locator(".dl-now").first.is_visible()  # no "open now" without a clock
        context.close()

    check(browser)


@pytest.mark.browser
def test_city_page_has_no_axe_violations_and_open_now_on_emergency_numbers(server, browser):
    from tests.conftest import skip_or_fail
    from tests.reference import REPO

    axe = REPO / "node_modules" / "axe-core" / "axe.min.js"
    if not axe.is_file():
        skip_or_fail("axe-core not installed (npm ci)")
    context = browser.new_context(viewport={"width": 360, "height": 740}, bypass_csp=True)
    page = context.new_page()
    page.goto(server + urls.city_url("33.71"))
    now = page.locator(".dl-hotlines .dl-now").first
    now.wait_for(state="visible")
    assert now.inner_text() == "Buka sekarang"  # 110 answers 24 hours
    page.add_script_tag(path=str(axe))
    result = page.evaluate(
        "() => axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']})"
    )
    violations = [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
    assert violations == []
    context.close()
