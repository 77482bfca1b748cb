"""Browser tests for the site shell: no third parties, quick exit, accessibility,
emergency numbers without JavaScript. Run against any built site (see conftest.py)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
STUB = "<!doctype html><html lang='en'><title>Weather</title><p>Neutral page</p></html>"
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Runs before the page's own scripts (and outside its CSP): records what the CSP blocks.
CSP_PROBE = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""}`);
});
"""


def _quick_exit_url(page) -> str:
    return page.get_attribute("[data-quick-exit]", "href")


def _route_exit_to_stub(page, url: str) -> None:
    host = urlsplit(url).netloc
    page.route(
        re.compile(rf"^https?://{re.escape(host)}/.*"),
        lambda route: route.fulfill(status=200, content_type="text/html", body=STUB),
    )


def _load(page, url: str) -> None:
    page.goto(url, wait_until="load")
    # The deferred quick-exit script has run once DOMContentLoaded fired.
    page.wait_for_load_state("domcontentloaded")


def test_no_third_party_requests_and_no_cookies(context, base_url, page_paths):
    origin = urlsplit(base_url).netloc
    foreign: list[str] = []
    context.on(
        "request",
        lambda r: (
            None
            if urlsplit(r.url).netloc == origin or r.url.startswith("data:")
            else foreign.append(r.url)
        ),
    )
    context.add_init_script(CSP_PROBE)
    page = context.new_page()
    violations: dict[str, list[str]] = {}
    for path in page_paths:
        page.goto(base_url + path, wait_until="networkidle")
        storage = page.evaluate("() => [localStorage.length, sessionStorage.length]")
        assert storage == [0, 0], f"{path}: something was written to web storage"
        found = page.evaluate("() => window.__cspViolations")
        if found:
            violations[path] = found
    assert foreign == []
    assert context.cookies() == []
    assert violations == {}, "Content-Security-Policy blocked something the site needs"


@pytest.mark.parametrize("how", ["button", "shift"])
def test_quick_exit_leaves_and_back_skips_exited_page(context, base_url, page_paths, how):
    page = context.new_page()
    first, second = base_url, base_url + page_paths[1]
    _load(page, first)
    exit_url = _quick_exit_url(page)
    _route_exit_to_stub(page, exit_url)
    _load(page, second)
    with page.expect_navigation(url=re.compile(re.escape(exit_url.rstrip("/")))):
        if how == "button":
            page.click("[data-quick-exit]")
        else:
            for _ in range(3):
                page.keyboard.press("Shift")
    assert page.title() == "Weather"
    page.go_back(wait_until="load")
    assert page.url == first, "Back returned to the exited page"


def test_quick_exit_blanks_page_before_leaving(context, base_url):
    page = context.new_page()
    _load(page, base_url)
    # Cancel the navigation (ERR_ABORTED commits no error page) so the blanked page stays.
    page.route(re.compile(r"^https?://(?!127\.0\.0\.1).*"), lambda route: route.abort("aborted"))
    page.click("[data-quick-exit]", no_wait_after=True)
    page.wait_for_timeout(200)
    assert page.url == base_url
    # Only the neutral overlay is left, announced as an alert (GOV.UK "Exit this page").
    overlay = page.locator(".quick-exit-overlay")
    assert overlay.get_attribute("role") == "alert"
    assert overlay.inner_text() == "Memuat…"
    assert overlay.is_visible()
    for hidden in ("[data-quick-exit]", ".md-header", ".md-main", ".site-emergency"):
        assert not page.locator(hidden).first.is_visible(), hidden


def test_shift_as_modifier_does_not_exit(context, base_url):
    page = context.new_page()
    _load(page, base_url)
    _route_exit_to_stub(page, _quick_exit_url(page))
    for _ in range(3):
        page.keyboard.press("Shift+A")
    page.keyboard.press("Shift")
    page.keyboard.press("Shift")
    page.wait_for_timeout(300)
    assert page.url == base_url


def test_quick_exit_link_works_without_javascript(browser, base_url):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = ctx.new_page()
    _load(page, base_url)
    link = page.locator("[data-quick-exit]")
    assert "noreferrer" in link.get_attribute("rel")
    assert link.is_visible()
    ctx.close()


def test_quick_exit_stays_visible_when_scrolled(context, base_url, page_paths):
    page = context.new_page()
    for path in page_paths:
        _load(page, base_url + path)
        page.mouse.wheel(0, 3000)
        page.wait_for_timeout(100)
        button = page.locator("[data-quick-exit]")
        box = button.bounding_box()
        assert box and box["y"] >= 0 and box["y"] + box["height"] <= 740, path
        assert box["height"] >= 40 and box["width"] >= 44, path
        # Nothing is drawn over its centre (banner, header, drawer).
        on_top = page.evaluate(
            "([x, y]) => document.elementFromPoint(x, y).closest('[data-quick-exit]') !== null",
            [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2],
        )
        assert on_top, f"{path}: quick exit is covered"


def test_quick_exit_has_accessible_name(context, base_url):
    page = context.new_page()
    _load(page, base_url)
    link = page.get_by_role("link", name=re.compile("Keluar cepat"))
    assert link.count() == 1


def test_no_wcag21_aa_violations(browser, base_url, page_paths):
    # The site's CSP forbids inline scripts, axe's included: bypass it for this test only.
    ctx = browser.new_context(bypass_csp=True, viewport={"width": 360, "height": 740})
    page = ctx.new_page()
    failures = {}
    for path in page_paths:
        _load(page, base_url + path)
        page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
        result = page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        found = [
            f"{v['id']}: {[n['target'] for n in v['nodes']][:3]}" for v in result["violations"]
        ]
        if found:
            failures[path] = found
    ctx.close()
    assert failures == {}, json.dumps(failures, indent=1)


def test_home_emergency_numbers_without_javascript(browser, base_url, site_dir):
    ctx = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = ctx.new_page()
    _load(page, base_url)
    calls = page.locator(".site-emergency a[href^='tel:']")
    assert calls.count() >= 1
    first = calls.first
    assert first.is_visible()
    assert first.bounding_box()["height"] >= 48
    assert first.bounding_box()["y"] < 740, "first emergency number is below the first screen"
    ctx.close()


def test_emergency_numbers_in_first_14_kb(site_dir):
    raw = (site_dir / "index.html").read_bytes()
    offset = raw.find(b'href="tel:')
    assert 0 <= offset < 14 * 1024, offset
    assert raw.find(b'class="site-emergency"') < raw.find(b'class="md-header')


def test_print_hides_chrome_and_shows_link_targets(context, base_url, page_paths):
    page = context.new_page()
    page.emulate_media(media="print")
    for path in page_paths:
        _load(page, base_url + path)
        hidden = page.evaluate(
            """() => ['.quick-exit', '.md-header', '.md-sidebar--primary', '.md-footer']
                .map(s => document.querySelector(s))
                .filter(e => e && getComputedStyle(e).display !== 'none')
                .map(e => e.className)"""
        )
        assert hidden == [], f"{path}: site chrome printed: {hidden}"
        fictional = page.locator(".site-fictional")
        if fictional.count():
            assert fictional.is_visible(), f"{path}: the fictional stamp is not printed"
        shown = page.evaluate(
            """() => [...document.querySelectorAll('.md-content a[href^="http"]')]
                .filter(a => !a.href.startsWith('https://wa.me/') && !a.closest('.site-corrections'))
                .every(a => getComputedStyle(a, '::after').content.includes(a.getAttribute('href')))"""
        )
        assert shown, f"{path}: a link's target is not printed"
