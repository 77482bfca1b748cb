"""The site the theme's browser tests run against.

`build_site(work)` builds the fictional test directory with the real pipeline
(`generator.build`) and the repo's mkdocs.yml. Where that pipeline is not
available, it falls back to a small hand-made docs tree (home with the emergency front
matter, a city, a service, the hand-written pages) built with the repo's mkdocs.yml
minus the hook. The tests themselves take any built site folder (see conftest.py).
"""

from __future__ import annotations

import importlib
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import yaml

from generator.paths import MKDOCS_HOOK

REPO = Path(__file__).resolve().parents[2]
FICTIONAL = REPO / "tests" / "data" / "fictional"
TODAY = date(2026, 11, 1)  # as tests/conftest.py

# Real national numbers (facts.md: SAPA 129, Polri 110, 112), as the generator writes them.
HOME = """\
---
template: home.html
title: Beranda
hide: [navigation, toc]
emergency:
  - id: sapa-129
    name: "SAPA 129"
    purpose: "Layanan pengaduan kekerasan terhadap perempuan dan anak, 24 jam."
    note: null
    actions:
      - {kind: call, label: "Telepon 129", href: "tel:129"}
      - {kind: whatsapp, label: "WhatsApp 08111-129-129", href: "https://wa.me/628111129129"}
  - id: polisi-110
    name: "Polisi 110"
    purpose: "Jika Anda dalam bahaya sekarang."
    note: null
    actions:
      - {kind: call, label: "Telepon 110", href: "tel:110"}
  - id: darurat-112
    name: "Darurat 112"
    purpose: "Nomor darurat umum."
    note: "112 dijalankan pemerintah kota/kabupaten; belum tentu menjawab di semua daerah."
    actions:
      - {kind: call, label: "Telepon 112", href: "tel:112"}
---

# Direktori layanan

## Pilih daerah Anda

- [Kota Contoh](kota-contoh/)

## Jenis bantuan

Pengaduan, pendampingan, konseling, rumah aman.
"""

# A fictional service page shaped like the generator's (fictional name and number).
SERVICE = """\
---
title: Layanan Pengaduan Contoh
description: Layanan fiktif untuk uji coba.
search: {exclude: true}
edit_url: https://example.invalid/edit/main/directory/services/layanan-contoh.yaml
---

# Layanan Pengaduan Contoh

Menerima pengaduan kekerasan terhadap perempuan dan anak. **Gratis.**

<p><a class="site-call site-call--call" href="tel:+6281200000001">Telepon 0812-0000-0001</a>
<a class="site-call site-call--whatsapp" href="https://wa.me/6281200000001">WhatsApp 0812-0000-0001</a></p>

## Jam layanan

| Hari | Jam |
|---|---|
| Senin–Kamis | 08.00–14.00 WIB |
| Jumat | 08.00–11.00 WIB |

Sumber: [contoh.invalid](https://contoh.invalid/berita) (2025-01-01).
"""

CITY = """\
---
title: Kota Contoh
---

# Kota Contoh

- [Layanan Pengaduan Contoh](../layanan/layanan-contoh/)
"""


def write_docs(docs: Path) -> None:
    """Write the fixture docs tree: hand-written content/ plus a home, city and service."""
    shutil.copytree(REPO / "content", docs, dirs_exist_ok=True)
    (docs / "index.md").write_text(HOME, encoding="utf-8")
    (docs / "kota-contoh").mkdir()
    (docs / "kota-contoh" / "index.md").write_text(CITY, encoding="utf-8")
    (docs / "layanan").mkdir()
    (docs / "layanan" / "layanan-contoh.md").write_text(SERVICE, encoding="utf-8")
    (docs / "assets").mkdir(exist_ok=True)
    (docs / "assets" / "pages.css").write_text("/* page components */\n", encoding="utf-8")


def write_config(work: Path, docs: Path, site: Path) -> Path:
    """The repo's mkdocs.yml without the hook (the fixture has no directory to load)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config.pop("hooks", None)
    config["docs_dir"] = str(docs)
    config["site_dir"] = str(site)
    config["theme"]["custom_dir"] = str(REPO / "overrides")
    config["site_name"] = "Direktori Contoh"
    config["extra"].update(
        fictional=True,
        quick_exit_url="https://www.bmkg.go.id/",
        corrections={"text": "Kirim koreksi ke pengelola.", "email": "koreksi@contoh.invalid"},
    )
    config["not_in_nav"] = "/layanan/\n"
    config["nav"] = [
        {"Beranda": "index.md"},
        {"Kota Contoh": "kota-contoh/index.md"},
        {"Menjelajah dengan aman": "menjelajah-dengan-aman.md"},
        {"Cara mendapatkan bantuan": "cara-mendapatkan-bantuan.md"},
        {"Tentang data ini": "tentang-data.md"},
    ]
    path = work / "mkdocs.yml"
    path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=True), encoding="utf-8")
    return path


def build_fixture_site(work: Path) -> Path:
    """Build the fixture into work/site and return that folder."""
    docs, site = work / "docs", work / "site"
    write_docs(docs)
    config = write_config(work, docs, site)
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config)],
        check=True,
        cwd=work,
    )
    return site


def build_real_site(work: Path) -> Path | None:
    """Build tests/data/fictional with generator.build; None when it is not available."""
    try:
        build = importlib.import_module("generator.build")
    except ModuleNotFoundError:
        return None
    if not hasattr(build, "BuildOptions") or not MKDOCS_HOOK.exists():
        return None
    options = build.BuildOptions(
        root=FICTIONAL,
        out=work / "site",
        config_file=REPO / "mkdocs.yml",
        docs_dir=work / "docs",
        content_dir=REPO / "content",
        today=TODAY,
        strict=True,
    )
    return Path(build.build(options).site_dir)


def build_site(work: Path) -> Path:
    return build_real_site(work) or build_fixture_site(work)
