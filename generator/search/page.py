"""The search page `search/` (Markdown with a little HTML, in the docs tree).

Without JavaScript it says where to browse instead; with JavaScript the header
search panel is opened in place on this page (assets/search-ui.js). Nothing follows
the panel but the footer, which the panel's room (`.ids-page` in the site stylesheet)
keeps below the first screen, so results arriving move nothing in view.
"""

from __future__ import annotations

PAGE = """---
title: Cari bantuan
description: Cari layanan bantuan untuk perempuan dan anak di kota Anda.
hide:
  - toc
search:
  exclude: true
---

# Cari bantuan

Kata yang Anda ketik tidak disimpan dan tidak dikirim ke mana pun: pencarian
berjalan di perangkat Anda.

<div class="ids-page" data-ids-page>
<p class="ids-nojs">Pencarian memerlukan JavaScript. Tanpa JavaScript, buka
<a href="../">beranda</a> lalu pilih kota Anda: halaman kota memuat semua layanan.</p>
</div>
"""


def search_page() -> str:
    return PAGE
