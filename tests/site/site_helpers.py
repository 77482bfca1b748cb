"""Helpers for the site tests (a uniquely named module: `conftest` names clash across folders)."""

from __future__ import annotations

from pathlib import Path

from generator import build
from generator.paths import MKDOCS_HOOK
from tests.reference import FICTIONAL, REPO, TODAY

# Standing in for the repository's mkdocs.yml when it is missing: the
# generated pages must build with plain Material too.
MINIMAL_CONFIG = """
site_name: Direktori
theme:
  name: material
  language: id
  font: false
  custom_dir: {overrides}
docs_dir: {docs}
site_dir: {site}
hooks:
  - {hooks}
extra_css:
  - assets/pages.css
plugins: []
use_directory_urls: true
nav:
  - Beranda: index.md
  - Wilayah: kota/index.md
  - Jenis bantuan: bantuan/index.md
  - Saluran bantuan: hotline/index.md
  - Organisasi: organisasi/index.md
  - Layanan: layanan/index.md
  - Materi: materi/index.md
not_in_nav: |
  /kota/
  /layanan/
  /organisasi/
  /hotline/
  /bantuan/
"""

HOME_STUB = """{% extends "main.html" %}
{% block header %}
<section class="emergency">{% for h in page.meta.emergency %}<h2>{{ h.name | e }}</h2><p>{{ h.purpose | e }}</p>
{% for a in h.actions %}<a href="{{ a.href | e }}">{{ a.label | e }}</a>{% endfor %}{% endfor %}</section>
{{ super() }}
{% endblock %}
"""


def fixture_root(tmp: Path) -> Path:
    return FICTIONAL


def config_for(tmp: Path) -> Path:
    if (REPO / "mkdocs.yml").is_file():
        return REPO / "mkdocs.yml"
    config = tmp / "mkdocs.yml"
    overrides = tmp / "overrides"
    overrides.mkdir(exist_ok=True)
    (overrides / "home.html").write_text(HOME_STUB, encoding="utf-8")
    config.write_text(
        MINIMAL_CONFIG.format(
            docs=tmp / "docs",
            site=tmp / "site",
            overrides=overrides,
            hooks=MKDOCS_HOOK,
        ),
        encoding="utf-8",
    )
    return config


def run_build(tmp: Path, root: Path, out: Path, docs: Path, **kw) -> build.BuildResult:
    options = build.BuildOptions(
        root=root,
        out=out,
        config_file=config_for(tmp),
        docs_dir=docs,
        content_dir=REPO / "content",
        today=TODAY,
        strict=True,
        **kw,
    )
    return build.build(options)
