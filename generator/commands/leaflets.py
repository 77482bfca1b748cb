"""`python -m generator leaflets`: print-ready PDFs of the campaign materials."""

from __future__ import annotations

from pathlib import Path

from ..check import check_directory
from ..dates import reference_today
from ..errors import CheckFailed
from ._args import add_root, add_today, existing_root

HELP = "Buat PDF leaflet/flyer siap cetak untuk setiap materi dan kota."


def add_arguments(parser) -> None:
    add_root(parser)
    parser.add_argument("--material", help="hanya materi ini (id)")
    parser.add_argument("--city", help="hanya kota ini (kode, mis. 33.75)")
    parser.add_argument("--org", help="tambahkan 'Dibagikan oleh <organisasi>' (id organisasi)")
    parser.add_argument(
        "--print-shop", action="store_true", help="untuk percetakan: bleed 3 mm dan tanda potong"
    )
    parser.add_argument("--out", type=Path, default=Path("site"), help="folder keluaran")
    parser.add_argument("--jobs", type=int, help="jumlah proses (bawaan: semua inti)")
    parser.add_argument(
        "--cache", type=Path, help="folder cache PDF (mis. .build/leaflets); disalin ke --out"
    )
    add_today(parser)


def run(args) -> int:
    from ..outfolder import guard_inside
    from ..print import render_leaflets

    existing_root(args.root)
    # PDFs written among the records would be read as records (or overwrite one).
    guard_inside(args.out, [args.root], "--out")
    if args.cache:
        guard_inside(args.cache, [args.root], "--cache")
    directory, report = check_directory(args.root, reference_today(args.today))
    if directory is None:
        raise CheckFailed(report, kept="tidak ada selebaran yang dibuat")
    results = render_leaflets(
        directory,
        args.out,
        print_shop=args.print_shop,
        org=args.org,
        jobs=args.jobs,
        material=args.material,
        city=args.city,
        cache_dir=args.cache,
    )
    for r in results:
        state = "dibuat" if r["rendered"] else "tidak berubah"
        print(f"{args.out / r['pdf']}  ({r['page_size']}, {r['file_size'] // 1024} KB, {state})")
        if r.get("pdf_2up"):
            print(f"{args.out / r['pdf_2up']}  (2 flyer A5 per lembar A4, {state})")
    return 0
