"""A visit that leaves no trail in Back (overrides/assets/javascripts/visit.js), exit
feedback (quick-exit.js), the safety link in the header. Run against any built site with
the fictional directory's pages (see conftest.py)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

pytestmark = pytest.mark.browser

BEFORE = "http://sebelum.example/"
BEFORE_PAGE = "<!doctype html><html lang='en'><title>Before</title><a id='go' href='{home}'>go</a>"
EXIT_PAGE = "<!doctype html><html lang='en'><title>Weather</title><p>Neutral page</p></html>"
CITY = "kota/33-71-kota-magelang/"
# Page type -> a link on the city page that leads to one page of that type (None: a link
# the test adds to the city page, for pages no city page links to).
TARGETS = {
    "city": None,
    "service": 'a[href$="layanan/pengaduan-uptd-ppa-contoh-magelang/"]',
    "hotline": 'a[href$="hotline/sapa-129/"]',
    "kind of help list": None,
    "kind of help": None,
    "search": None,
    "safety page": ".site-safety-link",
}
ADDED = {"kind of help list": "bantuan/", "kind of help": "bantuan/pengaduan/", "search": "search/"}


def _stubs(context, exit_url: str) -> list[str]:
    """Serve the page before the site and the exit page; return the list of every
    request to any other host (filled as the test runs)."""
    exit_host = urlsplit(exit_url).netloc
    context.route(
        re.compile(rf"^https?://{re.escape(exit_host)}/.*"),
        lambda route: route.fulfill(status=200, content_type="text/html", body=EXIT_PAGE),
    )
    foreign: list[str] = []
    context.on("request", lambda r: foreign.append(r.url))
    return foreign


def _arrive(context, base_url: str):
    """Open the page before the site, then follow its link to the site's home page."""
    context.route(
        BEFORE,
        lambda route: route.fulfill(
            status=200, content_type="text/html", body=BEFORE_PAGE.format(home=base_url)
        ),
    )
    page = context.new_page()
    page.goto(BEFORE)
    with page.expect_navigation(url=base_url):
        page.click("#go")
    page.wait_for_load_state("load")
    page.arrived = page.evaluate("history.length")  # the page's own blank start counts too
    return page


def _follow(page, selector: str) -> None:
    with page.expect_navigation():
        page.locator(selector).first.click()
    page.wait_for_load_state("load")


def _add_link(page, href: str) -> str:
    page.evaluate(
        """href => { const a = document.createElement('a'); a.id = 'added'; a.href = href;
        a.textContent = 'added'; document.querySelector('.md-content').prepend(a); }""",
        href,
    )
    return "#added"


def _quick_exit_and_back(page, exit_url: str) -> str:
    with page.expect_navigation(url=re.compile(re.escape(exit_url.rstrip("/")))):
        page.click("[data-quick-exit]")
    assert page.title() == "Weather"
    page.go_back(wait_until="load")
    return page.url


@pytest.mark.parametrize("kind", list(TARGETS))
def test_back_after_quick_exit_never_shows_a_site_page(context, base_url, kind):
    page = _arrive(context, base_url)
    exit_url = page.get_attribute("[data-quick-exit]", "href")
    foreign = _stubs(context, exit_url)
    _follow(page, f'a[href="{CITY}"]')
    selector = TARGETS[kind] or _add_link(page, base_url + ADDED.get(kind, CITY))
    _follow(page, selector)
    assert page.url.startswith(base_url)
    # Arrival, city and the page itself share one entry, after the page before the site.
    assert page.evaluate("history.length") == page.arrived
    assert _quick_exit_and_back(page, exit_url) == BEFORE
    others = {urlsplit(u).netloc for u in foreign} - {
        urlsplit(u).netloc for u in (base_url, BEFORE)
    }
    assert others == {urlsplit(exit_url).netloc}, "a request went to another host"


def test_search_result_replaces_the_entry_too(context, base_url):
    page = _arrive(context, base_url)
    exit_url = page.get_attribute("[data-quick-exit]", "href")
    _stubs(context, exit_url)
    _follow(page, f'a[href="{CITY}"]')
    page.click('label.md-header__button[for="__search"]')
    page.wait_for_load_state("networkidle")  # the search has loaded
    page.fill("[data-ids-query]", "konseling")
    page.wait_for_selector("[data-record-id] a")
    _follow(page, "[data-record-id] a")
    assert page.evaluate("history.length") == page.arrived
    assert _quick_exit_and_back(page, exit_url) == BEFORE


def test_same_page_anchor_adds_no_entry(context, base_url):
    page = _arrive(context, base_url)
    _follow(page, f'a[href="{CITY}"]')
    page.locator('.md-content a[href^="#"]').first.click()
    page.wait_for_function("location.hash !== ''")
    assert page.evaluate("history.length") == page.arrived


def test_contact_card_still_downloads(context, base_url):
    page = context.new_page()
    page.goto(base_url + "layanan/pengaduan-uptd-ppa-contoh-magelang/", wait_until="load")
    page.click(".dl-save summary")
    with page.expect_download() as info:
        page.click('a[href="kontak-netral.vcf"]')
    assert info.value.suggested_filename == "kontak-netral.vcf"
    assert page.url.endswith("layanan/pengaduan-uptd-ppa-contoh-magelang/")


def test_without_javascript_every_page_stays_in_back(browser, base_url):
    """Without JavaScript the site is plain links: the quick exit still leaves, but each
    page of the visit stays one Back press away (the safety page says so)."""
    context = browser.new_context(java_script_enabled=False, viewport={"width": 360, "height": 740})
    page = _arrive(context, base_url)
    exit_url = page.get_attribute("[data-quick-exit]", "href")
    _stubs(context, exit_url)
    _follow(page, f'a[href="{CITY}"]')
    _follow(page, TARGETS["service"])
    service = page.url
    with page.expect_navigation(url=re.compile(re.escape(exit_url.rstrip("/")))):
        page.click("[data-quick-exit]")
    seen = []
    for _ in range(4):
        page.go_back(wait_until="load")
        seen.append(page.url)
    assert seen == [service, base_url + CITY, base_url, BEFORE]
    context.close()


def test_setting_off_keeps_ordinary_back(context, base_url):
    """A fork that sets `one_history_entry: false` gets no site-history meta tag."""

    def without_setting(route):
        body = route.fetch().text().replace('<meta name="site-history" content="replace">', "")
        route.fulfill(status=200, content_type="text/html", body=body)

    context.route(re.compile(re.escape(base_url) + r"(kota/[^.]*)?$"), without_setting)
    page = _arrive(context, base_url)
    _follow(page, f'a[href="{CITY}"]')
    assert page.evaluate("history.length") == page.arrived + 1


# --- exit feedback --------------------------------------------------------------------


def _lights(page) -> list[bool]:
    return page.eval_on_selector_all(
        ".quick-exit__light", "ls => ls.map(l => l.classList.contains('quick-exit__light--on'))"
    )


def test_shift_presses_are_shown_and_announced(context, base_url):
    page = context.new_page()
    page.goto(base_url, wait_until="load")
    status = page.locator(".quick-exit__status")
    assert status.get_attribute("role") == "status"
    indicator = page.locator(".quick-exit__indicator")
    assert not indicator.is_visible()
    page.keyboard.press("Shift")
    assert indicator.is_visible()
    assert _lights(page) == [True, False, False]
    assert status.inner_text() == "Shift: tekan 2 kali lagi untuk keluar."
    page.keyboard.press("Shift")
    assert _lights(page) == [True, True, False]
    assert status.inner_text() == "Shift: tekan 1 kali lagi untuk keluar."
    page.keyboard.press("a")  # any other key ends the sequence
    assert _lights(page) == [False, False, False]
    assert not indicator.is_visible()
    assert status.inner_text() == "Keluar cepat dibatalkan."
    # The button's accessible name is unchanged by the lights (aria-hidden).
    assert page.get_by_role("link", name=re.compile("^Keluar cepat")).count() == 1


@pytest.mark.parametrize("width", [320, 360, 375, 414])
def test_quick_exit_covers_nothing_a_person_needs(browser, base_url, width):
    context = browser.new_context(viewport={"width": width, "height": 740})
    page = context.new_page()
    covered = {}
    for path in ("", CITY, "layanan/pengaduan-uptd-ppa-contoh-magelang/"):
        page.goto(base_url + path, wait_until="load")
        found = page.evaluate(_COVERED, _NEEDED)
        page.click('label.md-header__button[for="__search"]')
        page.wait_for_load_state("networkidle")  # the search has loaded
        page.fill("[data-ids-query]", "konseling")
        page.wait_for_selector("[data-record-id]", state="attached")
        page.wait_for_function("() => document.getAnimations().length === 0")  # slide-in done
        found += page.evaluate(_COVERED, [".md-search__input", "[data-record-id]"])
        if found:
            covered[path] = found
    context.close()
    assert covered == {}


_NEEDED = [
    ".md-header__button:not(.md-logo)",
    ".site-safety-link",
    ".site-breadcrumbs a",
    ".md-content h1",
    ".site-emergency__title",
    ".site-emergency a[href^='tel:']",
]

# Visible elements matching the selectors whose box (the text box, for the search input)
# meets the quick-exit button's box.
_COVERED = """selectors => {
  const exit = document.querySelector('[data-quick-exit]').getBoundingClientRect();
  const meets = r => r.width > 0 && r.left < exit.right && r.right > exit.left
    && r.top < exit.bottom && r.bottom > exit.top;
  const textBox = el => {
    const r = el.getBoundingClientRect(), s = getComputedStyle(el);
    if (el.tagName !== 'INPUT') return r;
    return new DOMRect(r.left, r.top, r.width - parseFloat(s.paddingRight), r.height);
  };
  return selectors.flatMap(s => [...document.querySelectorAll(s)]
    .filter(el => el.checkVisibility() && meets(textBox(el)))
    .map(el => s));
}"""


def test_safety_link_in_the_header_of_every_page(context, base_url, page_paths):
    page = context.new_page()
    for path in page_paths:
        page.goto(base_url + path, wait_until="load")
        link = page.locator(".md-header .site-safety-link")
        assert link.is_visible(), path
        assert link.inner_text().strip() == "Tips aman"
        assert link.evaluate("a => a.href") == base_url + "menjelajah-dengan-aman/"


# Every box painted before the theme's stylesheet is linked, with its look: what a person
# sees while first.css and top.css alone style the page.
_BEFORE_THEME = """() => {
  const link = document.querySelector('body link[href*="stylesheets/theme.css"]');
  const out = {};
  let i = 0;
  for (const el of document.querySelectorAll('body *')) {
    if (link.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) break;
    i += 1;
    const r = el.getBoundingClientRect();
    const seen = r.width * r.height > 0 && r.right > 0 && r.left < innerWidth;  // not the drawer
    if (el.contains(link) || !el.checkVisibility() || !seen) continue;
    const s = getComputedStyle(el);
    out[`${i} ${el.tagName} ${el.className.baseVal ?? el.className}`] = [
      ...[r.x, r.y, r.width, r.height].map(Math.round),
      s.color, s.backgroundColor, s.fontSize, s.fontWeight, s.borderTopColor, s.fill];
  }
  return out;
}"""


@pytest.mark.parametrize("width", [360, 1280])
@pytest.mark.parametrize("path", [CITY, "layanan/pengaduan-uptd-ppa-contoh-magelang/"])
def test_nothing_changes_when_the_theme_arrives(browser, base_url, path, width):
    """City and service pages paint their header, title and first numbers before the
    theme's stylesheet is linked (overrides/main.html): with first.css and top.css only,
    every box has the place and look it has once the theme has arrived."""
    looks = []
    for theme in (True, False):
        context = browser.new_context(viewport={"width": width, "height": 740})
        page = context.new_page()
        if not theme:
            page.route(re.compile(r"/theme\.css$"), lambda r: r.abort())
        page.goto(base_url + path, wait_until="load")
        looks.append(page.evaluate(_BEFORE_THEME))
        context.close()
    with_theme, before_theme = looks
    assert any("tel:" in key or "dl-btn--call" in key for key in before_theme)
    assert before_theme == with_theme
