"""One invalid fixture per problem code: a single fault planted in a copy of the
fictional directory, and the exact line `check` must print for it."""

S = "services/pengaduan-uptd-ppa-contoh-magelang.yaml"
ORG = "organisations/uptd-ppa-contoh-kota-magelang.yaml"
SHELTER = "services/rumah-aman-contoh-magelang.yaml"
H = "hotlines/sapa-129.yaml"

# code -> (file, fault). A fault is ("replace", old, new), ("append", text), ("write", content)
# or ("bytes", raw). Unlisted codes are covered elsewhere (see test_every_code_has_a_case).
CASES = {
    "E-YAML": (S, ("replace", "name: Pengaduan", "name: [Pengaduan")),
    "E-ENCODING": (S, ("bytes", "nama: caf\u00e9\n".encode("latin-1"))),
    "E-EMPTY": ("services/kosong.yaml", ("write", "# hanya komentar\n")),
    "E-TOO-BIG": ("services/besar.yaml", ("write", "a: " + "x" * 1_000_001 + "\n")),
    "E-MULTI-DOC": (S, ("append", "---\nname: kedua\n")),
    "E-DUPLICATE-KEY": (S, ("append", "status: closed\n")),
    "E-ALIAS": ("services/alias.yaml", ("write", "name: &n Layanan\ndescription: *n\n")),
    "E-KEY-TYPE": (S, ("append", "? [a, b]\n: c\n")),
    "E-NOT-MAPPING": ("services/daftar.yaml", ("write", "- satu\n- dua\n")),
    "W-UNEXPECTED-FILE": ("services/catatan.txt", ("write", "catatan\n")),
    "E-MISSING-FILE": ("short-codes.yaml", ("delete",)),
    "E-REQUIRED": (S, ("replace", "status: active\n", "")),
    "E-UNKNOWN-KEY": (S, ("replace", "eligibility:", "eligibilty:")),
    "E-TYPE": (
        S,
        (
            "replace",
            "audiences: [perempuan, anak, remaja, penyandang-disabilitas, masyarakat]",
            "audiences: perempuan",
        ),
    ),
    "E-VALUE": (S, ("replace", "status: active", "status: aktif")),
    "E-LENGTH": (
        S,
        ("replace", "categories: [pengaduan, pengelolaan-kasus, pendampingan]", "categories: []"),
    ),
    "E-SLUG": (S, ("replace", "categories: [pengaduan,", "categories: [Pengaduan_Kasus,")),
    "E-REGION-FORMAT": (S, ("replace", 'service_area: ["33.71"]', 'service_area: ["Magelang"]')),
    "E-TIME": (
        S,
        (
            "replace",
            'opens: "08:00"\n      closes: "15:30"',
            'opens: "8.00"\n      closes: "15:30"',
        ),
    ),
    "E-LANG": (S, ("replace", "languages: [id, jv]", "languages: [id, jawa]")),
    "E-URL": (
        S,
        ("replace", "url: https://berita.example.org/uptd", "url: berita.example.org/uptd"),
    ),
    "E-DATE": (S, ("replace", "date: 2025-11-20", "date: 20-11-2025")),
    "E-FUTURE-DATE": (S, ("replace", "date: 2025-11-20", "date: 2027-01-01")),
    "E-ID": ("services/Layanan_Baru.yaml", ("copy", S)),
    "E-DUPLICATE-ID": (
        "taxonomy/categories.yaml",
        ("append", "  - id: pengaduan\n    label: Pengaduan lagi\n    description: Sama.\n"),
    ),
    "E-REF": (
        S,
        (
            "replace",
            "organisation: uptd-ppa-contoh-kota-magelang",
            "organisation: uptd-ppa-contoh-kota-magelan",
        ),
    ),
    "E-CYCLE": (
        "organisations/dinas-contoh-ppa-kota-magelang.yaml",
        ("append", "parent: uptd-ppa-contoh-kota-magelang\n"),
    ),
    "E-REGION": (S, ("replace", 'service_area: ["33.71"]', 'service_area: ["33.79"]')),
    "E-REGION-LEVEL": (SHELTER, ("replace", 'region: "33.71"', 'region: "33.71.01"')),
    "E-REGION-NAME": (
        "regions/33.71.yaml",
        ("replace", "name: Kota Magelang", "name: Kota Magelan"),
    ),
    "E-PHONE": (S, ("replace", 'value: "(0293) 000102"', 'value: "(0293) 12"')),
    "E-PHONE-DIGITS": (S, ("replace", 'value: "(0293) 000102"', 'value: "(٠٢٩٣) ٠٠٠١٠٢"')),
    # 555-0100…0199 are reserved for fiction in the North American plan.
    "E-PHONE-FOREIGN": (S, ("replace", 'value: "(0293) 000102"', 'value: "+1 202-555-0100"')),
    "E-PHONE-PREMIUM": (S, ("replace", 'value: "(0293) 000102"', 'value: "0809-1-000102"')),
    "E-WHATSAPP": (S, ("replace", 'value: "0812-0000-1001"', 'value: "(0293) 000102"')),
    "E-SHORT-CODE": (H, ("replace", 'value: "129"', 'value: "1299"')),
    "E-EMAIL": (S, ("replace", "value: pengaduan-uptd@example.org", "value: pengaduan-uptd@")),
    "E-CHANNEL": (
        S,
        (
            "replace",
            "  - type: email\n    value: pengaduan-uptd@example.org\n",
            "  - type: email\n",
        ),
    ),
    "E-HOURS": (S, ("replace", 'closes: "11:00"', 'closes: "07:00"')),
    "E-COORDINATES": (S, ("replace", "longitude: 110.2203", "longitude: 10.2203")),
    "E-CONFIDENTIAL": (
        SHELTER,
        ("replace", "    referral:", "    address: Jalan Rahasia 9\n    referral:"),
    ),
    "E-CONFIDENTIAL-TEXT": (
        SHELTER,
        (
            "replace",
            "if_no_answer: Telepon 110",
            "if_no_answer: Datang ke Jl. Mawar 3 atau telepon 110",
        ),
    ),
    "E-SHELTER": (
        S,
        ("replace", "name: Kantor UPTD PPA Contoh", "name: Rumah Aman UPTD PPA Contoh"),
    ),
    "W-CONFIDENTIAL-HIDDEN": (
        SHELTER,
        ("replace", "    hotline: sapa-129\n", '    value: "(0293) 000919"\n'),
    ),
    "E-CONFIDENTIAL-MIXED": (
        SHELTER,
        (
            "replace",
            "  - confidential: true\n",
            '  - region: "33.71.01"\n    latitude: -7.48\n    longitude: 110.22\n  - confidential: true\n',
        ),
    ),
    "E-SHELTER-ADDRESS": (
        S,
        (
            "replace",
            "status: active",
            "status: active\nnotes: Rumah aman ada di Gg Kenari, belakang pasar.",
        ),
    ),
    "W-MAP-IN-TEXT": (
        S,
        (
            "replace",
            "status: active",
            "status: active\nnotes: Peta kantor https://maps.app.goo.gl/contoh",
        ),
    ),
    "E-IMAGE": (
        H,
        ("replace", "Petugas mendengarkan", "![peta](https://contoh.example/peta.png) Petugas"),
    ),
    "E-LOGO-PATH": (ORG, ("append", "logo: ../settings.yaml\n")),
    "E-MARKDOWN": (
        S,
        (
            "replace",
            "name: Pengaduan Kekerasan",
            "name: <script>alert(1)</script> Pengaduan Kekerasan",
        ),
    ),
    "E-INVALID": ("short-codes.yaml", ("replace", 'code: "129"', 'code: "12a"')),
    "E-VERIFIED": (S, ("replace", "verified_by: Petugas piket UPTD PPA Contoh\n", "")),
    "E-FICTIONAL": None,  # needs the real directory's path: see test_fictional_flag_refused_in_real_directory
    "E-COBRAND-LOGO": (ORG, ("append", "logo: logo-uptd.png\n")),
    "W-STALE": (S, ("replace", "verified_on: 2026-09-15", "verified_on: 2024-09-15")),
    "W-NO-SOURCE": (
        "organisations/lsm-fiktif-tanpa-sumber.yaml",
        (
            "write",
            'name: LSM Fiktif Tanpa Sumber\nkind: ngo\nregions: ["33.71"]\ndescription: Fiktif.\nchannels: unknown\n',
        ),
    ),
    "W-MISSING": (S, ("replace", "fees:\n  kind: free\n", "")),
    "W-SHARED-NUMBER": (
        "services/visum-rsu-contoh-magelang.yaml",
        ("replace", '"(0293) 000202"', '"(0293) 000102"'),
    ),
    # hostile input: files that are not records, depth, repeats, self-references, names
    "E-NOT-REGULAR": ("services/tautan.yaml", ("symlink", "/etc/passwd")),
    "E-MISSING-DASH": (
        H,
        (
            "replace",
            "    label: Telepon\n  - type: whatsapp",
            "    label: Telepon\n    type: whatsapp",
        ),
    ),
    "E-PLAIN-TEXT": (S, ("replace", "fees:\n  kind: free\n", "fees: gratis\n")),
    "E-TOO-DEEP": (
        "services/dalam.yaml",
        ("write", "name: x\nkeywords: " + "[" * 30 + "]" * 30 + "\n"),
    ),
    "E-REPEATED": (
        "services/kunci-banyak.yaml",
        ("write", "name: x\n" + "".join(f"kunci{i}: x\n" for i in range(25))),
    ),
    "E-SELF-REF": (
        "organisations/organisasi-wanita-contoh-mawar.yaml",
        (
            "replace",
            "member_of: [gow-contoh-kota-magelang]",
            "member_of: [organisasi-wanita-contoh-mawar]",
        ),
    ),
    "E-NAME-CHARS": (
        H,
        ("replace", "name: Saluran Contoh 129", 'name: "Saluran \\u200bContoh \\u202e129"'),
    ),
    # Every kind of help on a flyer: more services than it lists in both cities.
    "W-LEAFLET-FULL": (
        "materials/flyer-contoh-nomor-penting.yaml",
        (
            "replace",
            "categories: [pengaduan, konseling]",
            "categories: [pengaduan, konseling, pendampingan, kesehatan-visum, bantuan-hukum, "
            "mediasi, penjangkauan, pengasuhan]",
        ),
    ),
}
