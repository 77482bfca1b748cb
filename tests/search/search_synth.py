"""A quick synthetic Directory in memory, for size measurements of the search.

Stand-in until the benchmark helper's `python -m generator synth` lands: N services
in one city with realistic names, keywords and 40-word descriptions.
"""

from __future__ import annotations

import random
from pathlib import Path

from generator.directory import Directory, Entry
from generator.models import (
    Channel,
    Corrections,
    Coverage,
    Fees,
    Hotline,
    Hours,
    Organisation,
    Service,
    Settings,
    SynonymGroup,
    Term,
)
from tests.reference import TODAY

CATS = [
    ("pengaduan", "Pengaduan"),
    ("pendampingan-hukum", "Pendampingan hukum"),
    ("konseling", "Konseling psikologis"),
    ("kesehatan", "Layanan kesehatan"),
    ("rumah-aman", "Rumah aman"),
    ("rehabilitasi-sosial", "Rehabilitasi sosial"),
    ("mediasi", "Mediasi"),
    ("penjangkauan", "Penjangkauan korban"),
]
AUDS = [("perempuan", "Perempuan"), ("anak", "Anak"), ("disabilitas", "Penyandang disabilitas")]
WORDS = [
    "layanan",
    "pengaduan",
    "kekerasan",
    "terhadap",
    "perempuan",
    "dan",
    "anak",
    "pendampingan",
    "korban",
    "konseling",
    "psikolog",
    "hukum",
    "visum",
    "rumah",
    "sakit",
    "rujukan",
    "polisi",
    "unit",
    "ppa",
    "bantuan",
    "gratis",
    "setiap",
    "hari",
    "kerja",
    "datang",
    "langsung",
    "menelepon",
    "nomor",
    "kantor",
    "kelurahan",
    "kecamatan",
    "kota",
    "kabupaten",
    "petugas",
    "membantu",
    "melaporkan",
    "kasus",
    "pelecehan",
    "seksual",
    "perundungan",
    "sekolah",
    "keluarga",
    "rumah",
    "tangga",
    "penelantaran",
]
ORG_KINDS = [
    "Puskesmas",
    "LBH",
    "Yayasan",
    "Women Crisis Center",
    "Polsek",
    "Klinik",
    "Lembaga",
    "Pusat",
]
PLACES = [
    "Melati",
    "Mawar",
    "Kenanga",
    "Sejahtera",
    "Harapan",
    "Bunda",
    "Mandiri",
    "Sentosa",
    "Pelita",
    "Cahaya",
    "Nusa",
    "Bakti",
]


def synth_directory(city: str = "33.75", services: int = 300, seed: int = 1) -> Directory:
    rnd = random.Random(seed)
    settings = Settings(
        site_name="Contoh",
        site_description="Contoh",
        cities=[city],
        quick_exit_url="https://example.org/",
        corrections=Corrections(text="Kirim koreksi"),
        data_licence="CC BY 4.0",
        fictional=True,
    )
    d = Directory(root=Path("synth"), settings=settings, today=TODAY)
    d.categories = {c: Term(id=c, label=lbl, description=lbl) for c, lbl in CATS}
    d.audiences = {a: Term(id=a, label=lbl, description=lbl) for a, lbl in AUDS}
    d.synonyms = [SynonymGroup(terms=["kdrt", "kekerasan dalam rumah tangga"])]
    hot = Hotline(
        name="SAPA 129",
        purpose="Pengaduan kekerasan terhadap perempuan dan anak",
        channels=[Channel(type="phone", value="129")],
        coverage=Coverage(level="national"),
        categories=["pengaduan"],
        audiences=["perempuan", "anak"],
    )
    d.hotlines = {"sapa-129": Entry("sapa-129", "hotlines", Path("h.yaml"), hot)}
    for i in range(services):
        oid = f"org-{i // 2}"
        if oid not in d.organisations:
            name = f"{rnd.choice(ORG_KINDS)} {rnd.choice(PLACES)} {i // 2}"
            org = Organisation(name=name, kind="ngo", regions=[city])
            d.organisations[oid] = Entry(oid, "organisations", Path("o.yaml"), org)
        svc = Service(
            organisation=oid,
            name=f"{rnd.choice(['Layanan', 'Pos', 'Unit', 'Klinik'])} {rnd.choice(WORDS).title()} {rnd.choice(PLACES)} {i}",
            description=" ".join(rnd.choice(WORDS) for _ in range(40)),
            categories=rnd.sample([c for c, _ in CATS], 2),
            audiences=rnd.sample([a for a, _ in AUDS], 2),
            service_area=[f"{city}.{rnd.randint(1, 9):02d}"],
            channels=[
                Channel(type="phone", value=f"0285{rnd.randint(100000, 999999)}"),
                Channel(type="whatsapp", value=f"0812{rnd.randint(10000000, 99999999)}"),
            ],
            hours=Hours(always=rnd.random() < 0.2),
            fees=Fees(kind="free" if rnd.random() < 0.7 else "paid"),
            status="active",
            keywords=rnd.sample(WORDS, 3),
        )
        sid = f"layanan-{i}"
        d.services[sid] = Entry(sid, "services", Path("s.yaml"), svc)
    return d
