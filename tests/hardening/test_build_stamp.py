"""The build stamp: an unchanged rebuild keeps the live site; any doubt builds in full.

Stand-in stages (fault_build.py) count how often the pipeline ran; guard, lock, swap and
the stamp are the real ones."""

from __future__ import annotations

import json
import shutil

import pytest
from fault_build import fake_stages

from generator import build, outfolder, stamp
from generator.__main__ import main

RECORD = "name: Layanan Contoh\n"


@pytest.fixture
def project(tmp_path, monkeypatch):
    """tmp/project with mkdocs.yml, one record and a copy of the generator package (so a
    test can change 'the generator source'); `runs` counts full builds."""
    root = tmp_path / "project"
    (root / "directory" / "services").mkdir(parents=True)
    (root / "directory" / "services" / "x.yaml").write_text(RECORD, encoding="utf-8")
    (root / "mkdocs.yml").write_text("site_name: x\n", encoding="utf-8")
    (root / "package").mkdir()
    (root / "package" / "pages.py").write_text("# pages\n", encoding="utf-8")
    for name in ("prepare_docs", "mkdocs_stage", "swap_stage", "PACKAGE"):
        monkeypatch.setattr(build, name, getattr(build, name))  # restored after the test
    monkeypatch.setattr(build, "PACKAGE", root / "package")
    fake_stages(None)
    runs = []
    real = build.prepare_docs

    def counted(*args, **kwargs):
        runs.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(build, "prepare_docs", counted)
    monkeypatch.chdir(root)
    return root, runs


def cli(root, *args: str) -> int:
    return main(["build", "--config", str(root / "mkdocs.yml"), "--root", str(root / "directory"),
                 "--today", "2026-11-01", *args])  # fmt: skip


def stamp_file(root):
    return stamp.stamp_path(root / ".build" / "docs")


def test_unchanged_rebuild_keeps_the_site_and_says_so(project, capsys):
    root, runs = project
    assert cli(root) == 0 and len(runs) == 1
    capsys.readouterr()
    assert cli(root) == 0 and len(runs) == 1
    out = capsys.readouterr().out
    assert "tetap: tidak ada yang berubah sejak build terakhir" in out
    assert "nothing changed since the last build" in out
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "new site"


def test_full_flag_builds_anyway(project):
    root, runs = project
    assert cli(root) == 0 and cli(root, "--full") == 0 and len(runs) == 2


@pytest.mark.parametrize(
    "change",
    [
        lambda root: (root / "directory" / "services" / "x.yaml").write_text("name: B\n"),
        lambda root: (root / "directory" / "services" / "y.yaml").write_text(RECORD),
        lambda root: (root / "directory" / "services" / "x.yaml").unlink(),
        lambda root: (root / "mkdocs.yml").write_text("site_name: y\n"),
        lambda root: (root / "content").mkdir() or (root / "content" / "a.md").write_text("# A"),
        lambda root: (root / "package" / "pages.py").write_text("# pages, changed\n"),
        lambda root: (
            (root / "overrides").mkdir() or (root / "overrides" / "main.html").write_text("")
        ),
    ],
    ids=[
        "record edited",
        "record added",
        "record deleted",
        "config",
        "content",
        "generator source",
        "theme",
    ],
)
def test_a_changed_input_builds_again(project, change):
    root, runs = project
    assert cli(root) == 0
    change(root)
    assert cli(root) == 0 and len(runs) == 2
    assert cli(root) == 0 and len(runs) == 2  # and is then up to date again


def test_another_day_builds_again(project):
    root, runs = project
    assert cli(root) == 0 and cli(root, "--today", "2026-11-02") == 0 and len(runs) == 2


@pytest.mark.parametrize(
    "edit",
    [
        lambda site: (site / "index.html").write_text("edited by hand"),
        lambda site: (site / "extra.html").write_text("added by hand"),
        lambda site: (site / "big.bin").unlink(),
    ],
    ids=["edited", "added", "deleted"],
)
def test_a_site_touched_by_hand_is_built_again(project, edit):
    root, runs = project
    assert cli(root) == 0
    edit(root / "site")
    assert cli(root) == 0 and len(runs) == 2
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "new site"
    assert not (root / "site" / "extra.html").exists() and (root / "site" / "big.bin").is_file()


def test_a_docs_folder_touched_by_hand_is_built_again(project):
    root, runs = project
    assert cli(root) == 0
    (root / ".build" / "docs" / "docs.md").write_text("edited by hand", encoding="utf-8")
    assert cli(root) == 0 and len(runs) == 2


def forge(path, **fields):
    """Rewrite fields of the stamp and make its `check` agree again."""
    data = json.loads(path.read_text(encoding="utf-8")) | fields
    data["check"] = stamp.Stamp(data["inputs"], data["site"], data["docs"]).check()
    path.write_text(json.dumps(data), encoding="utf-8")


@pytest.mark.parametrize(
    "damage",
    [
        lambda p: p.write_text(p.read_text()[:40]),
        lambda p: p.write_text("not json at all \x00"),
        lambda p: p.write_text("[]"),
        lambda p: p.write_text(p.read_text().replace('"version": 1', '"version": 99')),
        lambda p: p.write_text(p.read_text().replace('"inputs": "', '"inputs": "0')),
        lambda p: forge(p, inputs="0" * 64),
        lambda p: forge(p, site="0" * 64),
    ],
    ids=["truncated", "garbage", "not an object", "other version", "edited", "forged inputs",
         "forged site"],
)  # fmt: skip
def test_a_damaged_or_forged_stamp_means_a_full_build(project, damage, capsys):
    root, runs = project
    assert cli(root) == 0
    damage(stamp_file(root))
    assert cli(root) == 0 and len(runs) == 2
    assert "Traceback" not in capsys.readouterr().err


def test_a_folder_in_place_of_the_stamp_is_a_clear_error(project, capsys):
    root, runs = project
    assert cli(root) == 0
    stamp_file(root).unlink()
    stamp_file(root).mkdir()
    assert cli(root) == 1 and len(runs) == 1
    err = capsys.readouterr().err
    assert "docs.stamp.json' (adalah folder). Saran: hapus atau pindahkan folder" in err
    assert "situs lama tidak diubah" in err and "Traceback" not in err
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "new site"


def test_a_failed_build_keeps_the_site_and_leaves_no_stamp(project, capsys):
    root, runs = project
    assert cli(root) == 0 and stamp_file(root).is_file()

    def broken(*args):
        raise build.BuildFailed("MkDocs build failed: boom")

    good, build.mkdocs_stage = build.mkdocs_stage, broken
    (root / "directory" / "services" / "x.yaml").write_text("name: B\n", encoding="utf-8")
    assert cli(root) == 1
    assert (root / "site" / "index.html").read_text(encoding="utf-8") == "new site"
    assert not stamp_file(root).exists()
    (root / "directory" / "services" / "x.yaml").write_text(RECORD, encoding="utf-8")
    build.mkdocs_stage = good
    assert cli(root) == 0 and len(runs) == 3  # no stamp: built in full, not "unchanged"


def test_a_site_replaced_by_another_build_is_built_again(project, tmp_path):
    root, runs = project
    assert cli(root) == 0
    shutil.rmtree(root / "site")
    (root / "site").mkdir()
    (root / "site" / outfolder.MARKER).write_text("", encoding="utf-8")
    assert cli(root) == 0 and len(runs) == 2
