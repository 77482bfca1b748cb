"""A tiny fictional directory for the site tests, used until `tests/data/fictional`
lands on main. Every number here is made up and the settings say `fictional: true`.
"""

from __future__ import annotations

from pathlib import Path

FILES: dict[str, str] = {
    "settings.yaml": """
site_name: Direktori Contoh
site_description: Direktori layanan contoh untuk uji.
cities: ["33.75", "74.71"]
public_url: null
repo_url: https://example.org/direktori
edit_branch: main
quick_exit_url: https://example.org/cuaca
corrections:
  text: Kirim koreksi ke pengelola direktori.
  email: koreksi@example.org
data_licence: CC BY 4.0
fictional: true
stale_after_months: 12
""",
    "short-codes.yaml": """
short_codes:
  - code: "129"
    name: SAPA 129
    sources: [{name: contoh, date: 2024-01-01}]
  - code: "110"
    name: Polisi
    sources: [{name: contoh, date: 2024-01-01}]
  - code: "112"
    name: Darurat
    sources: [{name: contoh, date: 2024-01-01}]
""",
    "taxonomy/categories.yaml": """
categories:
  - {id: pengaduan, label: Pengaduan, description: Melapor kekerasan., uptd_function: true}
  - {id: pendampingan-hukum, label: Pendampingan hukum, description: Bantuan hukum., uptd_function: true}
  - {id: rumah-aman, label: Rumah aman, description: Tempat tinggal sementara yang aman., uptd_function: true}
  - {id: konseling, label: Konseling, description: Dukungan psikologis.}
""",
    "taxonomy/audiences.yaml": """
audiences:
  - {id: perempuan, label: Perempuan, description: Perempuan dewasa.}
  - {id: anak, label: Anak, description: Anak di bawah 18 tahun.}
""",
    "taxonomy/synonyms.yaml": """
synonyms:
  - terms: [kdrt, kekerasan dalam rumah tangga]
""",
    "regions/33.75.yaml": "name: Kota Pekalongan\n",
    "regions/74.71.yaml": "name: Kota Kendari\n",
    "organisations/dinas-contoh.yaml": """
name: Dinas Contoh Perlindungan Anak Kota Pekalongan
short_name: DINAS CONTOH
kind: government
regions: ["33.75"]
description: Dinas contoh yang **mengurus** perlindungan.
channels:
  - {type: phone, value: "(0285) 421234", label: Kantor}
sources: [{name: contoh.example, date: 2024-03-01}]
""",
    "organisations/uptd-contoh.yaml": """
name: UPTD PPA Contoh Kota Pekalongan
short_name: UPTD PPA
kind: government
parent: dinas-contoh
member_of: [jaringan-contoh]
regions: ["33.75"]
description: Unit layanan contoh.
channels: unknown
sources: [{name: contoh.example, date: 2024-03-01}]
""",
    "organisations/jaringan-contoh.yaml": """
name: Jaringan Organisasi Contoh
short_name: JOC
kind: network
regions: ["33.75"]
description: Jaringan contoh.
channels: unknown
sources: [{name: contoh.example, date: 2024-03-01}]
""",
    "organisations/polisi-contoh.yaml": """
name: Unit PPA Polres Contoh Kendari
kind: police
regions: ["74.71"]
description: Unit contoh di kepolisian.
channels: unknown
sources: [{name: contoh.example, date: 2024-02-01}]
""",
    "organisations/payload-org.yaml": """
name: "<script>alert('org')</script> Organisasi & Co"
kind: ngo
regions: ["33"]
description: "Teks <b>tebal</b> dan [tautan jahat](javascript:alert(1))"
channels: unknown
sources: [{name: "<img src=x onerror=alert(1)>", date: 2024-01-01}]
""",
    "services/uptd-contoh-pengaduan.yaml": """
organisation: uptd-contoh
name: Pengaduan UPTD PPA Contoh
description: |
  Menerima pengaduan kekerasan terhadap perempuan dan anak.

  - gratis
  - rahasia
categories: [pengaduan, pendampingan-hukum]
audiences: [perempuan, anak]
service_area: ["33.75"]
channels:
  - {type: phone, value: "(0285) 421235", label: Pengaduan}
  - {type: whatsapp, value: "0812-3456-7890", label: Pengaduan}
  - {type: sms, value: "0812-3456-7890"}
  - {type: phone, hotline: sapa-129}
  - {type: email, value: uptd@example.org}
  - {type: walk_in}
hours:
  weekly:
    - {days: [mon, tue, wed, thu], opens: "08:00", closes: "15:30"}
    - {days: [fri], opens: "08:00", closes: "11:00"}
  public_holidays: closed
fees: {kind: free}
languages: [id, jv]
how_to_get_help: Datang atau telepon. Petugas akan *mendengarkan*.
what_to_bring: [KTP jika ada, Catatan kejadian]
eligibility: Warga Kota Pekalongan.
if_no_answer: Kirim pesan WhatsApp atau hubungi SAPA 129.
locations:
  - name: Kantor UPTD PPA Contoh
    address: Jl. Contoh No. 1
    region: "33.75.01"
    latitude: -6.89
    longitude: 109.67
status: active
sources:
  - {name: contoh.example, url: "https://example.org/berita", date: 2024-05-02}
verified_on: 2024-06-01
verified_by: Petugas direktori
verified_how: phone_call
""",
    "services/rumah-aman-contoh.yaml": """
organisation: uptd-contoh
name: Rumah Aman Contoh
description: Tempat tinggal sementara yang aman.
categories: [rumah-aman]
audiences: [perempuan, anak]
service_area: ["33.75"]
channels:
  - {type: phone, hotline: sapa-129}
hours: {always: true}
fees: {kind: free}
languages: unknown
locations:
  - region: "33.75"
    confidential: true
    referral: Lewat UPTD PPA Contoh.
status: active
sources: [{name: contoh.example, date: 2023-01-10}]
verified_on: 2023-02-01
""",
    "services/konseling-provinsi.yaml": """
organisation: payload-org
name: Konseling Provinsi Contoh
description: Konseling untuk seluruh provinsi.
categories: [konseling]
audiences: [perempuan]
service_area: ["33"]
channels:
  - {type: whatsapp, value: "0812-3456-7891", recheck: Nomor lama dari berita 2019.}
hours: unknown
fees: {kind: paid, note: Bayar sesuai kemampuan.}
languages: [id]
locations: unknown
status: unverified
recheck: Belum dicek sejak 2019.
sources: [{name: contoh.example, date: 2019-07-01}]
""",
    "services/payload-layanan.yaml": """
organisation: payload-org
name: "<script>alert('xss')</script> Layanan \\"kutip\\" & <b>tebal</b>"
description: |
  <script>alert('desc')</script> Deskripsi dengan <img src=x onerror=alert(1)>
  dan [tautan](javascript:alert(2)).
categories: [konseling]
audiences: [anak]
service_area: ["33.75"]
channels:
  - {type: phone, value: "0812-3456-7892", label: "<i>label</i>"}
hours: {always: true, note: "<script>jam</script>"}
fees: unknown
languages: [id]
locations:
  - name: "<b>Tempat</b>"
    address: "Jl. <script>x</script>"
    region: "33.75.02"
status: active
""",
    "services/polisi-kendari.yaml": """
organisation: polisi-contoh
name: Laporan Unit PPA Contoh Kendari
description: Menerima laporan pidana.
categories: [pengaduan]
audiences: [perempuan, anak]
service_area: ["74.71"]
channels:
  - {type: phone, value: "(0401) 3121234"}
hours: {always: true}
fees: {kind: free}
languages: [id]
locations: unknown
status: active
sources: [{name: contoh.example, date: 2024-02-01}]
""",
    "hotlines/sapa-129.yaml": """
name: SAPA 129
purpose: Layanan pengaduan kekerasan terhadap perempuan dan anak.
channels:
  - {type: phone, value: "129"}
  - {type: whatsapp, value: "0812-0000-0129"}
hours: {always: true}
fees: {kind: free}
coverage: {level: national}
categories: [pengaduan]
emergency: true
order: 1
sources: [{name: contoh.example, date: 2024-01-01}]
""",
    "hotlines/polisi-110.yaml": """
name: Polisi 110
purpose: Panggilan darurat polisi.
channels:
  - {type: phone, value: "110"}
hours: {always: true}
fees: {kind: free}
coverage: {level: national}
emergency: true
order: 2
sources: [{name: contoh.example, date: 2024-01-01}]
""",
    "hotlines/darurat-112.yaml": """
name: Darurat 112
purpose: Nomor darurat terpadu.
channels:
  - {type: phone, value: "112"}
hours: {always: true}
fees: {kind: free}
coverage: {level: national, note: Belum aktif di semua kota.}
emergency: true
order: 3
sources: [{name: contoh.example, date: 2024-01-01}]
""",
    "pathways/alur-pekalongan.yaml": """
region: "33.75"
title: Alur layanan Kota Contoh
description: Langkah-langkah saat melapor.
steps:
  - {title: Pengaduan, description: Lapor ke UPTD PPA atau SAPA 129., services: [uptd-contoh-pengaduan], hotlines: [sapa-129]}
  - {title: Penjangkauan, description: Petugas datang menemui korban.}
  - {title: Pendampingan, description: Hukum dan psikologis., services: [rumah-aman-contoh]}
sources: [{name: contoh.example, date: 2024-01-01}]
""",
    "materials/leaflet-contoh.yaml": """
title: Kenali dan laporkan
kind: leaflet_trifold
audiences: [perempuan]
sections: [{heading: Apa itu kekerasan, text: Penjelasan singkat.}]
featured: {hotlines: [sapa-129], categories: [pengaduan]}
regions: ["33.75"]
publisher: dinas-contoh
licence: CC BY 4.0
version: "1.0"
date: 2024-05-01
""",
}


def write_fixture(root: Path) -> Path:
    for rel, text in FILES.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text.lstrip(), encoding="utf-8")
    return root
