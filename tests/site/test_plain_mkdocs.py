"""The docs tree and its generated config build the site with plain MkDocs, no hook.

`make build` writes `<docs>.mkdocs.yml` beside the docs tree (generator/site/config.py)
and builds with it. Here `mkdocs build -f` that file runs in a fresh process, where
nothing of the generator is loaded, and every file must come out as `make build` wrote
it. The only differences, both added by `make build` after MkDocs: the gzip copies
(generator/site/compress.py; MkDocs' own sitemap.xml.gz carries its build time) and the
marker that says the folder is a built site (generator/outfolder.py). A directory with a
`public_url` also gets a sitemap whose dates MkDocs takes from SOURCE_DATE_EPOCH, which
`make build` sets to the records' latest date (generator/build.py `data_epoch`); the
fictional directory has none, so its sitemap lists no page.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from generator import outfolder
from generator.site.config import config_path


def files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file() and p.suffix != ".gz" and p.name != outfolder.MARKER
    }


@pytest.mark.slow
def test_plain_mkdocs_build_of_the_generated_config_gives_the_same_site(built, tmp_path):
    config = config_path(built["docs"])
    assert "hooks" not in config.read_text(encoding="utf-8")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(config), "-d", str(tmp_path)],
        check=True,
        cwd=tmp_path,
        env=env,
    )
    ours, plain = files(built["site"]), files(tmp_path)
    assert sorted(ours) == sorted(plain)
    assert [name for name in ours if ours[name] != plain[name]] == []
    assert len(ours) > 100
