"""Plain paragraphs skip Python-Markdown and come out exactly as it writes them
(generator/markup.py `plain_paragraphs`)."""

from __future__ import annotations

import random
from pathlib import Path

import markdown
import yaml

from generator import markup
from tests.reference import FICTIONAL, REPO

TRICKY = [
    "Satu kalimat.",
    "Satu.\n\nDua.\n",
    "Satu.\nDua.",
    "1. Hubungi kami.",
    "2018. Tahun itu.",
    "- daftar",
    "    kode",
    "Kata  dengan  spasi.",
    "Akhir dengan spasi  ",
    "Tab\tdi tengah.",
    "Kata *tebal*.",
    "Tautan [ini](https://contoh.id).",
    "Tanda <b>.",
    "A & B.",
    "Judul\n=====",
    "Judul\n\n---",
    '"Kutipan" dan (kurung).',
    "'Kutipan' tunggal.",
    "> kutipan",
    "Alamat https://contoh.id saja.",
    "Rp 10.000, gratis; buka 08.00–16.00 WITA.",
    "\n\nDepan kosong.",
    "Satu.\n\n\nTiga baris kosong.",
    "Ä huruf lain.",
]


def record_texts() -> list[str]:
    """Every string of the real and fictional records."""
    out: list[str] = []

    def walk(value) -> None:
        if isinstance(value, str):
            out.append(value)
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)

    for root in (REPO / "directory", FICTIONAL):
        for path in sorted(Path(root).rglob("*.yaml")):
            walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    return out


def random_texts(count: int = 4000) -> list[str]:
    """Texts of letters with Markdown's characters here and there (seeded: the same each run)."""
    rng = random.Random(15)
    rare = list("-+*_#>1290\t&<![]`\\=~|") + ["  ", "\n", "\n\n", "\n\n\n", "    "]
    common = list("abcXYZé–.,;:'\"() ") * 8 + ["\n\n"]
    return [
        "".join(rng.choice(common + rare) for _ in range(rng.randint(1, 40))) for _ in range(count)
    ]


def test_plain_paragraphs_are_what_markdown_writes():
    converter = markdown.Markdown(output_format="html")
    texts = TRICKY + record_texts() + random_texts()
    fast = 0
    for text in texts:
        quick = markup.plain_paragraphs(text)
        if quick is not None:
            fast += 1
            assert quick == converter.reset().convert(text), repr(text)
    assert fast > len(texts) // 4  # the fast way is taken, not only refused


def test_only_plain_paragraphs_take_the_fast_way():
    taken = [t for t in TRICKY if markup.plain_paragraphs(t) is not None]
    assert taken == [
        "Satu kalimat.",
        "Satu.\n\nDua.\n",
        "Kata  dengan  spasi.",
        '"Kutipan" dan (kurung).',
        "'Kutipan' tunggal.",
        "Alamat https://contoh.id saja.",
        "Rp 10.000, gratis; buka 08.00–16.00 WITA.",
        "\n\nDepan kosong.",
        "Ä huruf lain.",
    ]
