"""National lists split when they grow: the services list and a kind-of-help page link
each city instead (its page lists them), the organisations list links each province's
page. Rendered from the fictional directory with the limits lowered."""

from __future__ import annotations

import re

import pytest

from generator.site import pages


def site(directory, limit: int, monkeypatch) -> dict[str, str]:
    monkeypatch.setattr(pages, "LIGHT_LIMIT", limit)
    return {p.url: p.body for p in pages.all_pages(pages.Renderer(directory))}


def links(body: str) -> list[str]:
    return re.findall(r'href="([^"]+)"', body)


def resolve(from_url: str, href: str) -> tuple[str, str]:
    """(site path, anchor) of a relative link on page `from_url`."""
    path, _, anchor = href.partition("#")
    parts = [p for p in from_url.split("/") if p]
    for step in path.split("/"):
        if step == "..":
            parts.pop()
        elif step not in ("", "."):
            parts.append(step)
    return ("/".join(parts) + "/" if parts else ""), anchor


def test_small_directories_keep_their_full_lists(directory, monkeypatch):
    body = site(directory, 500, monkeypatch)["layanan/"]
    assert "Pilih kabupaten/kota" not in body
    assert 'href="visum-rsu-contoh-magelang/"' in body


@pytest.mark.parametrize("url", ["layanan/", "bantuan/pengaduan/"])
def test_long_lists_link_each_city_to_the_place_that_lists_them(directory, monkeypatch, url):
    built = site(directory, 1, monkeypatch)
    body = built[url]
    assert "Pilih kabupaten/kota" in body
    assert "dl-card" not in body and "visum-rsu-contoh-magelang" not in body
    cities = [h for h in links(body) if "kota/" in h and "#" in h]
    assert cities
    for href in cities:
        target, anchor = resolve(url, href)
        assert target in built, href
        assert f'id="{anchor}"' in built[target], href


def test_long_organisation_lists_are_split_by_province(directory, monkeypatch):
    built = site(directory, 1, monkeypatch)
    body = built["organisasi/"]
    province_pages = [resolve("organisasi/", h)[0] for h in links(body) if "kota/" in h]
    expected: dict[str, set[str]] = {}
    for oid, e in directory.organisations.items():
        if e.record.regions == "national":
            assert f'href="{oid}/"' in body  # national ones stay on the national page
            continue
        for code in e.record.regions:
            url = pages.urls.province_organisations_url(code[:2])
            expected.setdefault(url, set()).add(f"organisasi/{oid}/")
    assert "kota/33-jawa-tengah/organisasi/" in province_pages
    assert sorted(province_pages) == sorted(expected)
    for url, members in expected.items():
        assert {resolve(url, h)[0] for h in links(built[url])} == members


def test_a_large_city_shows_a_few_per_kind_and_pages_the_rest(directory, monkeypatch):
    monkeypatch.setattr(pages, "CITY_LIMIT", 1)
    monkeypatch.setattr(pages, "KIND_PREVIEW", 1)
    monkeypatch.setattr(pages, "KIND_PAGE_SIZE", 2)
    built = site(directory, 500, monkeypatch)
    city_url = pages.urls.city_url("33.71")
    body = built[city_url]
    ids = re.findall(r'id="([^"]+)"', body)
    assert len(ids) == len(set(ids))  # a card shown under two kinds carries no anchor
    assert "nomor-darurat" in ids
    services = {s.id for s in pages.Renderer(directory).covering("33.71")}
    seen: set[str] = set()
    for cid in directory.categories:
        members = [
            s.id
            for s in pages.Renderer(directory).covering("33.71")
            if any(c.id == cid for c in s.categories)
        ]
        if not members:
            continue
        assert f'id="{cid}"' in body  # national lists link here
        if len(members) == 1:  # shown whole on the city page: no page of its own
            assert pages.city_kind_url("33.71", cid) not in built
            assert f'{cid}/">Lihat semua' not in body
            seen |= set(members)
            continue
        more = re.search(rf'href="(bantuan/{cid}/)">Lihat semua {len(members)} layanan', body)
        assert more, cid
        listed = []
        number = 1
        while (url := pages.city_kind_url("33.71", cid, number)) in built:
            kind_page = built[url]
            assert 'id="nomor-darurat"' in kind_page
            listed += re.findall(
                r'class="dl-card-title"><a href="[^"]*layanan/([a-z0-9-]+)/"', kind_page
            )
            number += 1
        assert sorted(set(listed)) == sorted(members), cid
        assert number - 1 == -(-len(members) // 2)
        seen |= set(members)
    assert seen == services
