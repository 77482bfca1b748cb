"""The navigation memo changes no byte of any page (generator/site/navmemo.py)."""

from __future__ import annotations

from site_helpers import run_build

from generator import mkdocs_events


def pages(site) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def test_pages_are_the_same_bytes_without_the_memo(built, tmp_path, monkeypatch):
    monkeypatch.setattr(mkdocs_events, "environment", lambda env: env)  # the theme's own nav
    run_build(tmp_path, built["root"], tmp_path / "site", tmp_path / "docs")
    with_memo, without = pages(built["site"]), pages(tmp_path / "site")
    assert with_memo.keys() == without.keys() and len(with_memo) > 50
    assert [p for p in with_memo if with_memo[p] != without[p]] == []


def test_only_pages_outside_the_navigation_without_contents_share_it():
    class Page:
        def __init__(self, url, toc=(), hide=None):
            self.url, self.toc, self.meta = url, list(toc), {"hide": hide} if hide else {}

    in_nav = Page("kota/deep/")
    memo = mkdocs_events.NavMemo([in_nav])
    assert memo.key(Page("kota/a/")) == memo.key(Page("kota/b/")) == "kota|"
    assert memo.key(Page("kota/a/", hide=["toc"])) == "kota|toc"
    assert memo.key(Page("layanan/a/")) != memo.key(Page("kota/a/"))
    assert memo.key(in_nav) is None
    assert memo.key(Page("tentang-data/")) is None  # depth one: may share a first segment
    assert memo.key(Page("kota/a/", toc=["Judul"])) is None
