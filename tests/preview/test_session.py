"""The preview after edits is the site a clean build makes of the same records.

One session on a copy of the fictional directory: an edit, a new file, a deleted file,
a renamed file, a broken file and its fix, each applied as the server applies them;
then the whole preview site is compared with `build.build` of the same tree.
"""

from __future__ import annotations

import inspect
import shutil
from pathlib import Path

import mkdocs
import pytest
from mkdocs.commands import build as mk

from generator import build
from generator.check import check_directory
from generator.paths import MKDOCS_YML, REPO
from generator.preview import Options, Session
from tests.conftest import FICTIONAL, TODAY

EDITED = "pengaduan-uptd-ppa-contoh-bone"  # a city service (Kabupaten Bone, 73.08)
TEMPLATE = "puspaga-contoh-bone"


@pytest.fixture(scope="module")
def session(tmp_path_factory) -> Session:
    work = tmp_path_factory.mktemp("preview")
    root = work / "fictional"
    shutil.copytree(FICTIONAL, root)
    options = Options(
        root=root,
        config_file=MKDOCS_YML,
        docs_dir=work / "docs",
        site_dir=work / "site",
        content_dir=REPO / "content",
        today=TODAY,
    )
    s = Session(options)
    assert s.start().mode == "full"
    return s


def service_file(s: Session, sid: str) -> Path:
    return s.o.root / "services" / f"{sid}.yaml"


def html(s: Session, url: str) -> str:
    return (s.o.site_dir / url / "index.html").read_text(encoding="utf-8")


def test_mkdocs_is_the_version_whose_page_steps_the_engine_calls():
    assert mkdocs.__version__ == "1.6.1"
    populate = inspect.signature(mk._populate_page).parameters
    assert list(populate)[:3] == ["page", "config", "files"]
    page = inspect.signature(mk._build_page).parameters
    assert list(page)[:5] == ["page", "config", "doc_files", "nav", "env"]


def test_an_edit_shows_on_its_page_and_city_and_nowhere_else(session):
    s = session
    path = service_file(s, EDITED)
    unrelated = s.o.site_dir / "layanan" / "visum-rsu-contoh-magelang" / "index.html"
    before = unrelated.stat().st_mtime_ns
    rendered = s.site.rendered
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("name: ", "name: Pengaduan Diperbarui ", 1), encoding="utf-8")
    outcome = s.apply({path})
    assert outcome.mode == "fast", outcome
    assert "Pengaduan Diperbarui" in html(s, f"layanan/{EDITED}/")
    assert "Pengaduan Diperbarui" in html(s, "kota/73-08-kabupaten-bone/")
    assert "Pengaduan Diperbarui" not in html(s, "kota/33-08-kabupaten-magelang/")
    assert unrelated.stat().st_mtime_ns == before
    assert s.site.rendered - rendered < 40  # not the site's ~1,600 pages


def add_service(s: Session, sid: str) -> Path:
    """A new service file, a copy of TEMPLATE named "Puspaga Baru …", applied."""
    text = service_file(s, TEMPLATE).read_text(encoding="utf-8")
    new = service_file(s, sid)
    new.write_text(text.replace("name: ", "name: Puspaga Baru ", 1), encoding="utf-8")
    assert s.apply({new}).mode == "fast"
    return new


def test_a_new_file_gets_its_page_and_is_listed(session):
    s = session
    add_service(s, "puspaga-baru-contoh-bone")
    assert "Puspaga Baru" in html(s, "layanan/puspaga-baru-contoh-bone/")
    assert "puspaga-baru-contoh-bone" in html(s, "kota/73-08-kabupaten-bone/")
    assert "puspaga-baru-contoh-bone" in html(s, "layanan/")
    s.catch_up()
    shard = s.o.site_dir / "assets" / "search" / "shards" / "73.08.json"
    assert "Puspaga Baru" in shard.read_text(encoding="utf-8")


def test_a_renamed_file_moves_its_page(session):
    s = session
    old = service_file(s, "puspaga-baru-contoh-bone")
    if not old.exists():  # the step before ran on another test worker
        add_service(s, "puspaga-baru-contoh-bone")
    new = service_file(s, "puspaga-dipindah-contoh-bone")
    old.rename(new)
    assert s.apply({old, new}).mode == "fast"
    assert not (s.o.site_dir / "layanan" / "puspaga-baru-contoh-bone").exists()
    assert "Puspaga Baru" in html(s, "layanan/puspaga-dipindah-contoh-bone/")
    assert "puspaga-dipindah-contoh-bone" in html(s, "kota/73-08-kabupaten-bone/")


def test_a_deleted_file_loses_its_page_and_its_place_in_lists(session):
    s = session
    path = service_file(s, "puspaga-dipindah-contoh-bone")
    if not path.exists():  # the step before ran on another test worker
        add_service(s, "puspaga-dipindah-contoh-bone")
    path.unlink()
    outcome = s.apply({path})
    assert outcome.mode == "fast"
    assert not (s.o.site_dir / "layanan" / "puspaga-dipindah-contoh-bone").exists()
    assert "puspaga-dipindah" not in html(s, "kota/73-08-kabupaten-bone/")
    assert "puspaga-dipindah" not in html(s, "layanan/")


def test_a_broken_file_keeps_the_last_good_page_until_it_is_fixed(session):
    s = session
    path = service_file(s, EDITED)
    good = path.read_text(encoding="utf-8")
    page = html(s, f"layanan/{EDITED}/")
    path.write_text(good.replace("status: active", "status: [aktif", 1), encoding="utf-8")
    outcome = s.apply({path})
    assert outcome.mode == "failed"
    assert html(s, f"layanan/{EDITED}/") == page
    shown = f"fictional/services/{EDITED}.yaml"
    assert list(s.problems) == [shown]
    assert s.problems[shown][0].startswith(f"{shown}:")
    assert "error[E-YAML]" in s.problems[shown][0]
    path.write_text(good.replace("name: ", "name: Sudah Diperbaiki ", 1), encoding="utf-8")
    assert s.apply({path}).mode == "fast"
    assert s.problems == {}
    assert "Sudah Diperbaiki" in html(s, f"layanan/{EDITED}/")


def test_a_wrong_reference_is_reported_with_the_check_message(session):
    s = session
    path = service_file(s, EDITED)
    good = path.read_text(encoding="utf-8")
    organisation = next(line for line in good.splitlines() if line.startswith("organisation:"))
    path.write_text(good.replace(organisation, "organisation: tidak-ada-contoh"), encoding="utf-8")
    try:
        outcome = s.apply({path})
        assert outcome.mode == "failed"
        assert any(
            "error[E-REF]" in line and "tidak-ada-contoh" in line for line in outcome.problems
        )
    finally:
        path.write_text(good, encoding="utf-8")
        assert s.apply({path}).mode == "fast"


def test_search_shards_that_could_not_be_written_stay_due(session, monkeypatch):
    s = session
    path = service_file(s, EDITED)
    good = path.read_text(encoding="utf-8")
    shard = s.o.site_dir / "assets" / "search" / "shards" / "73.08.json"
    path.write_text(good.replace("name: ", "name: Dicari Lagi ", 1), encoding="utf-8")
    try:
        assert s.apply({path}).mode == "fast"
        with monkeypatch.context() as broken:
            broken.setattr(s, "_search", lambda cities: 1 / 0)  # fails in the child
            assert s.catch_up() == []
        assert "73.08" in s.search_due and "Dicari Lagi" not in shard.read_text()
        assert "assets/search/shards/73.08.json" in s.catch_up()
        assert "Dicari Lagi" in shard.read_text(encoding="utf-8")
    finally:
        path.write_text(good, encoding="utf-8")
        assert s.apply({path}).mode == "fast"
        s.catch_up()


def test_the_preview_is_what_a_clean_build_makes(session, tmp_path):
    assert_clean_build(session, tmp_path)


def assert_clean_build(s: Session, tmp_path: Path) -> None:
    """Every page, search shard and contact card of the preview is the clean build's."""
    s.catch_up()
    out = tmp_path / "site"
    build.build(
        build.BuildOptions(
            root=s.o.root,
            out=out,
            docs_dir=tmp_path / "docs",
            content_dir=REPO / "content",
            today=TODAY,
            checkout=tmp_path,
            allow_outside=True,
        )
    )
    compared = 0
    for page in sorted(out.rglob("*")):
        rel = page.relative_to(out)
        if page.suffix not in (".html", ".json", ".vcf") or rel.parts[0] in ("data", "search"):
            continue
        if rel.parts[0] == "materi" and s.stale_leaflets:
            continue  # the preview leaves leaflets (and their sizes on this page) to `build`
        mine = s.o.site_dir / rel
        assert mine.is_file(), rel
        assert mine.read_bytes() == page.read_bytes(), rel
        compared += 1
    assert compared > 1000
    built = {p.relative_to(out) for p in out.rglob("index.html")}
    assert {p.relative_to(s.o.site_dir) for p in s.o.site_dir.rglob("index.html")} == built


def kind_pages_written(outcome) -> set[str]:
    return {path.split("/")[1] for path in outcome.written if path.startswith("bantuan/")}


def new_kind_file(s: Session, sid: str, kinds: str) -> Path:
    """A copy of TEMPLATE (Kabupaten Bone) under `sid` with other kinds of help."""
    text = service_file(s, TEMPLATE).read_text(encoding="utf-8")
    old = "categories: [pengasuhan, konseling, pencegahan-edukasi]"
    assert old in text
    new = service_file(s, sid)
    new.write_text(text.replace(old, f"categories: [{kinds}]"), encoding="utf-8")
    return new


def test_new_and_deleted_services_change_only_the_kind_pages_of_their_kinds(session, tmp_path):
    s = session
    police = new_kind_file(s, "lapor-baru-contoh-bone", "lapor-polisi")  # new to Bone
    mediation = new_kind_file(s, "mediasi-baru-contoh-bone", "mediasi")  # Bone has one
    try:
        assert kind_pages_written(s.apply({police})) == {"lapor-polisi"}
        assert "lapor-baru-contoh-bone" in html(s, "bantuan/lapor-polisi/")
        assert kind_pages_written(s.apply({mediation})) == {"mediasi"}
        assert_clean_build(s, tmp_path / "with")
    finally:
        police.unlink()
        mediation.unlink()
    assert kind_pages_written(s.apply({police})) == {"lapor-polisi"}
    assert kind_pages_written(s.apply({mediation})) == {"mediasi"}
    assert "lapor-baru-contoh-bone" not in html(s, "bantuan/lapor-polisi/")
    assert_clean_build(s, tmp_path / "without")


def test_deleting_a_service_a_pathway_names_reports_the_pathway(session):
    s = session
    path = service_file(s, "penjangkauan-uptd-ppa-contoh-bone")
    good = path.read_text(encoding="utf-8")
    page = html(s, "layanan/penjangkauan-uptd-ppa-contoh-bone/")
    path.unlink()
    try:
        outcome = s.apply({path})
        assert outcome.mode == "failed"
        pathway = "fictional/pathways/alur-contoh-kabupaten-bone.yaml"
        assert [line.split(": ")[0] for line in s.problems[pathway]] == [f"{pathway}:8:48"]
        _directory, report = check_directory(s.o.root, TODAY)  # what `check` prints
        assert s.problems[pathway] == [p.format() for p in report.errors]
        assert html(s, "layanan/penjangkauan-uptd-ppa-contoh-bone/") == page
    finally:
        path.write_text(good, encoding="utf-8")
    assert s.apply({path}).mode == "fast"
    assert s.problems == {}


def test_a_directory_that_fails_its_check_at_start_recovers_when_fixed(tmp_path):
    root = tmp_path / "fictional"
    shutil.copytree(FICTIONAL, root)
    path = root / "services" / f"{EDITED}.yaml"
    good = path.read_text(encoding="utf-8")
    path.write_text(good.replace("status: active", "status: aktif", 1), encoding="utf-8")
    options = Options(root, MKDOCS_YML, tmp_path / "docs", tmp_path / "site", None, TODAY)
    s = Session(options)
    outcome = s.start()
    assert outcome.mode == "failed"
    assert any("E-VALUE" in line and f"{EDITED}.yaml:" in line for line in outcome.problems)
    path.write_text(good, encoding="utf-8")
    assert s.apply({path}).mode == "full"
    assert s.problems == {}
    assert (tmp_path / "site" / "layanan" / EDITED / "index.html").is_file()
