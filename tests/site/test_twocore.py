"""MkDocs' page loop on two cores (generator/site/twocore.py): same site, errors reported."""

from __future__ import annotations

import hashlib
import inspect
import logging
import os
from pathlib import Path

import mkdocs
import pytest
from mkdocs.commands import build as mk
from mkdocs.config import load_config
from mkdocs.exceptions import Abort

from generator import forked
from generator.site import twocore
from generator.site.config import config_path


def test_the_mirrored_build_is_mkdocs_1_6_1s():
    """twocore.build repeats these functions' steps: a new MkDocs must be read again."""
    assert mkdocs.__version__ == "1.6.1"
    digests = {
        f.__name__: hashlib.sha256(inspect.getsource(f).encode()).hexdigest()[:16]
        for f in (mk.build, mk._populate_page, mk._build_page)
    }
    assert digests == {
        "build": "c476b64474acfaa2",
        "_populate_page": "31a70ea4caef1e12",
        "_build_page": "adcdbd14b2361126",
    }


def pages(site: Path) -> dict[str, bytes]:
    return {p.relative_to(site).as_posix(): p.read_bytes() for p in sorted(site.rglob("*.html"))}


def config(docs: Path, out: Path, strict: bool = False):
    return load_config(str(config_path(docs)), site_dir=str(out), strict=strict)


@pytest.mark.slow
def test_two_cores_write_the_site_mkdocs_writes(built, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764547200")
    forks = []

    class Recorded(forked.Child):
        def __init__(self, name, *args):
            forks.append(name)
            super().__init__(name, *args)

    monkeypatch.setattr(forked, "Child", Recorded)
    twocore.build(config(built["docs"], tmp_path / "two"), cores=2)
    mk.build(config(built["docs"], tmp_path / "one"))
    ours, theirs = pages(tmp_path / "two"), pages(tmp_path / "one")
    assert ours.keys() == theirs.keys() and len(ours) > 100
    assert [p for p in ours if ours[p] != theirs[p]] == []
    assert forks == ["MkDocs pages"]


def test_a_page_that_fails_in_the_child_fails_the_build(built, tmp_path, monkeypatch):
    def broken(*args):
        raise RuntimeError("template broke")

    monkeypatch.setattr(twocore, "render_counted", broken)
    with pytest.raises(RuntimeError, match="template broke"):
        twocore.build(config(built["docs"], tmp_path / "site"), cores=2)


def test_a_child_that_dies_fails_the_build(built, tmp_path, monkeypatch):
    monkeypatch.setattr(twocore, "render_counted", lambda *args: os._exit(3))
    with pytest.raises(forked.ChildFailed, match="MkDocs pages"):
        twocore.build(config(built["docs"], tmp_path / "site"), cores=2)


def test_warnings_in_the_child_count_in_strict_mode(built, tmp_path, monkeypatch):
    parent, build_page, warned = os.getpid(), mk._build_page, []

    def warns_in_child(page, *args, **kwargs):
        if os.getpid() != parent and not warned:
            warned.append(page)  # the child's own copy of the list
            logging.getLogger("mkdocs.structure.pages").warning("a warning in the child")
        return build_page(page, *args, **kwargs)

    monkeypatch.setattr(mk, "_build_page", warns_in_child)
    with pytest.raises(Abort, match="1 warnings in strict mode"):
        twocore.build(config(built["docs"], tmp_path / "site", strict=True), cores=2)


def test_an_unknown_plugin_keeps_every_page_in_one_process(built, tmp_path):
    conf = config(built["docs"], tmp_path / "site")
    conf.plugins["someone-elses"] = conf.plugins["material/search"]
    files = [object()]
    assert twocore.split(files, conf) == (files, [])


def test_the_build_s_own_plugins_keep_both_cores():
    """Every plugin `build` adds is one the two-core path knows; a plugin left off that
    list would quietly put every page back on one core."""
    from generator.build import in_process_plugins

    assert set(in_process_plugins()) | {"material/search"} <= twocore.KNOWN_PLUGINS
