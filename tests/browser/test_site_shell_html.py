"""Static checks over every built HTML page: CSP and referrer meta first, no inline
script, no third-party URL loaded, the quick exit on every page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.site import styles

CSP = re.compile(rb'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')
LOADS = re.compile(rb'<(?:script|link|img|iframe|source)\b[^>]*?(?:src|href)="([^"]+)"')


@pytest.fixture(scope="module")
def pages(site_dir: Path) -> dict[str, bytes]:
    return {p.relative_to(site_dir).as_posix(): p.read_bytes() for p in site_dir.rglob("*.html")}


def test_every_page_has_csp_and_no_referrer_before_anything_loads(pages):
    for name, html in pages.items():
        head = html[: html.find(b"</head>")]
        csp = CSP.search(head)
        assert csp, name
        policy = csp.group(1).decode()
        assert "default-src 'none'" in policy and "script-src 'self';" in policy, name
        assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, name
        first_load = min(
            (
                i
                for i in (head.find(b"<script"), head.find(b"<link"), head.find(b"<style"))
                if i >= 0
            ),
            default=len(head),
        )
        assert csp.start() < first_load, f"{name}: CSP comes after something that loads"
        assert b'<meta name="referrer" content="no-referrer">' in head, name


def test_no_inline_scripts_and_only_hashed_styles(pages):
    """The first stylesheets are written into <head> (generator/site/styles.py); the CSP
    allows exactly those texts by hash."""
    for name, html in pages.items():
        for match in re.finditer(rb"<script\b([^>]*)>", html):
            attrs = match.group(1)
            assert b"src=" in attrs or b"application/json" in attrs, f"{name}: inline script"
        policy = CSP.search(html).group(1).decode()
        for text in re.findall(rb"<style>(.*?)</style>", html, re.S):
            assert styles.csp_hash(text.decode()) in policy, f"{name}: inline <style>"
        assert len(re.findall(rb"<style", html)) in (1, 2), name


def test_nothing_loaded_from_another_host(pages):
    for name, html in pages.items():
        for url in LOADS.findall(html):
            if url.startswith((b"http:", b"https:", b"//")):
                # <link rel=canonical> and alternate links are not loads.
                tag = html[html.rfind(b"<", 0, html.find(url)) :][:200]
                assert b'rel="canonical"' in tag or b'rel="alternate"' in tag, f"{name}: {url!r}"


def test_quick_exit_on_every_page(pages):
    for name, html in pages.items():
        assert b"data-quick-exit" in html, name
        assert re.search(rb'<a class="quick-exit"[^>]*rel="noreferrer', html), name
        assert b"assets/javascripts/quick-exit.js" in html, name


def test_banner_only_on_fictional_sites(pages):
    for name, html in pages.items():
        if b"site-fictional" not in html:
            assert b'class="md-banner"' not in html, f"{name}: empty banner on a real site"
