"""The shipped data: the fictional test directory and the real directory.

The fictional directory is the fixture every other test builds on, so its planted
features (stale, unverified, shelter, network, time zones...) are asserted here;
the real directory must pass `check --strict` and never claim a confirmation.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator import regions
from generator.check import check_directory
from tests.reference import FICTIONAL, REAL_TODAY, REPO, TODAY

REAL = REPO / "directory"


@pytest.fixture(scope="module")
def fictional():
    directory, report = check_directory(FICTIONAL, TODAY)
    assert [p.format() for p in report.errors] == []
    return directory, report


@pytest.fixture(scope="module")
def real():
    directory, report = check_directory(REAL, REAL_TODAY)
    assert [p.format() for p in report.problems] == []  # clean under --strict
    return directory


def test_fictional_warnings_are_exactly_the_planted_stale_records(fictional):
    _, report = fictional
    stale = {(Path(p.file).parent.name, Path(p.file).stem) for p in report.warnings}
    assert {p.code for p in report.warnings} == {"W-STALE"}
    assert stale == {
        ("organisations", "lbh-fiktif-magelang"),
        ("organisations", "rs-contoh-magelang"),
        ("services", "bantuan-hukum-lbh-fiktif-magelang"),
        ("services", "visum-rsu-contoh-magelang"),
    }


def test_fictional_has_a_kota_and_a_kabupaten_in_two_time_zones(fictional):
    d, _ = fictional
    assert d.settings.fictional is True
    assert d.settings.public_url is None
    infos = [regions.lookup(code) for code in d.city_codes()]
    assert {info.is_kota for info in infos} == {True, False}
    assert {info.timezone for info in infos} == {"WIB", "WITA"}


def test_fictional_plants_trust_levels(fictional):
    d, _ = fictional
    trust = {sid: d.trust(e) for sid, e in d.services.items()}
    assert sum(t == "stale" for t in trust.values()) >= 2
    assert sum(t == "public_source" for t in trust.values()) >= 3
    assert "confirmed" in trust.values()
    assert any(e.record.recheck for e in d.services.values())
    assert 12 <= len(d.services) <= 20


def test_fictional_shelter_has_no_address_anywhere(fictional):
    d, _ = fictional
    shelter = d.services["rumah-aman-contoh-magelang"].record
    (location,) = shelter.locations
    # The record says how to be referred; its words are not published (allow-list).
    assert "referral:" in (FICTIONAL / "services/rumah-aman-contoh-magelang.yaml").read_text()
    assert location.confidential and location.referral is None
    assert location.region == "33.71"
    assert location.address is None and location.latitude is None and location.name is None


def test_fictional_network_and_structure(fictional):
    d, _ = fictional
    assert len(d.members_of("gow-contoh-kota-magelang")) >= 3
    assert [e.id for e in d.children_of("dinas-contoh-ppa-kota-magelang")] == [
        "uptd-ppa-contoh-kota-magelang"
    ]
    assert d.services_for_province("73")  # a province-level service
    assert [e.id for e in d.emergency_hotlines()] == ["polisi-110", "darurat-112"]
    # 112 is planted as answering in Kota Magelang only.
    assert "darurat-112" not in {e.id for e in d.hotlines_for_city("73.08")}


def test_fictional_names_say_they_are_fictional(fictional):
    d, _ = fictional
    for entry in d.organisations.values():
        assert "Contoh" in entry.record.name or "Fiktif" in entry.record.name, entry.id


@pytest.mark.parametrize(
    "words",
    ["kdrt", "pelecehan", "konseling psikolog gratis", "visum", "bantuan hukum", "rumah aman"],
)
def test_fictional_has_words_search_tests_need(fictional, words):
    d, _ = fictional
    texts = [
        " ".join([e.record.name, e.record.description, *e.record.keywords]).lower()
        for e in d.services.values()
    ]
    assert any(words in text for text in texts)


def test_real_directory_is_sourced_and_never_claims_confirmation(real):
    assert real.settings.fictional is False
    assert real.city_codes() == ["33.75", "74.71"]
    for kind in ("organisations", "services", "hotlines", "pathways"):
        for entry in getattr(real, kind).values():
            assert entry.record.verified_on is None, entry.id
            assert entry.record.sources, entry.id


def test_real_directory_ids_others_depend_on(real):
    assert {"sapa-129", "polisi-110", "darurat-112", "lpsk", "kpai", "komnas-perempuan"} <= set(
        real.hotlines
    )
    assert {
        "kemenpppa",
        "dpmppa-kota-pekalongan",
        "uptd-ppa-kota-pekalongan",
        "gow-kota-pekalongan",
        "dp3a-kota-kendari",
        "uptd-ppa-kota-kendari",
        "dp3akb-sulawesi-tenggara",
        "uptd-ppa-sulawesi-tenggara",
        "polresta-kendari",
        "lbh-hami-sultra",
        "rumpun-perempuan-sultra",
    } <= set(real.organisations)
    assert {"alur-kota-pekalongan", "alur-kota-kendari"} <= set(real.pathways)
    members = {e.record.short_name for e in real.members_of("gow-kota-pekalongan")}
    assert members == {"Muslimat", "Aisyiyah", "Persit", "Bhayangkari"}


def test_real_old_lppar_number_is_marked_for_recheck(real):
    service = real.services["pengaduan-uptd-ppa-kota-pekalongan"].record
    (old,) = [c for c in service.channels if c.value == "0856-4262-2226"]
    assert old.recheck
    assert [(p.days, p.opens, p.closes) for p in old.hours.weekly] == [
        (["mon", "tue", "wed", "thu"], "09:00", "14:00"),
        (["fri"], "08:00", "10:30"),
    ]
